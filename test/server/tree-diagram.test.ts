// The tree diagram layout: shared branches merged into one edge, the walked path marked, text kept short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TreeData } from '../../src/decide/index.js';
import { layoutTreeDiagram, truncate, wrap } from '../../src/server/tree-diagram.js';

const option = (id: string, next: string) => ({
  id,
  label: `Label ${id}`,
  next,
  rationale: 'r',
  sources: [],
});
const outcome = (id: string) => ({
  id,
  title: `Outcome ${id}`,
  decision: 'd',
  summary: 's',
  pros: [],
  cons: [],
  consequences: { good: [], bad: [] },
  risks: [],
  sources: [],
});

// A small tree with the document's shape: two answers of the first question share the second question.
const tree: TreeData = {
  id: 't',
  title: 'T',
  version: '1.0.0',
  description: 'd',
  start: 'speed',
  questions: [
    {
      id: 'speed',
      text: 'How fast?',
      options: [option('fast', 'x'), option('mid', 'size'), option('slow', 'size')],
    },
    { id: 'size', text: 'How big?', options: [option('small', 'y'), option('big', 'x')] },
  ],
  outcomes: [outcome('x'), outcome('y')],
};

describe('layoutTreeDiagram', () => {
  it('draws one edge for options that lead to the same place, with all their labels', () => {
    const d = layoutTreeDiagram(tree);
    const shared = d.edges.find((e) => e.from === 'speed' && e.to === 'size');
    assert.ok(shared);
    assert.deepEqual(
      shared.labels.map((l) => l.text),
      ['Label mid', 'Label slow'],
    );
    // x is reached twice (from speed and from size), so it is drawn twice, like the document's tree.
    assert.equal(d.nodes.filter((n) => n.id === 'x').length, 2);
    assert.equal(d.nodes.length, 5);
    assert.equal(d.edges.length, 4);
  });

  it('marks nothing without answers', () => {
    const d = layoutTreeDiagram(tree);
    assert.ok(d.nodes.every((n) => !n.onPath));
    assert.ok(d.edges.every((e) => !e.onPath));
  });

  it('marks the nodes and edges the answers walk, and only those', () => {
    const d = layoutTreeDiagram(tree, { speed: 'slow', size: 'big' });
    const onPath = d.nodes.filter((n) => n.onPath).map((n) => n.id);
    assert.deepEqual(onPath.sort(), ['size', 'speed', 'x']);
    // The x reached directly from speed is not on the path; the one under size is.
    const xs = d.nodes.filter((n) => n.id === 'x');
    assert.deepEqual(xs.map((n) => n.onPath).sort(), [false, true]);
    assert.deepEqual(
      d.edges
        .filter((e) => e.onPath)
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
      ['size>x', 'speed>size'],
    );
  });

  it('keeps every node inside the drawing', () => {
    const d = layoutTreeDiagram(tree);
    for (const n of d.nodes) {
      assert.ok(n.x >= 0 && n.x + n.width <= d.width, `${n.id} x`);
      assert.ok(n.y >= 0 && n.y + n.height <= d.height, `${n.id} y`);
    }
  });
});

describe('text fitting', () => {
  it('wraps into at most the given lines and truncates the rest', () => {
    assert.deepEqual(wrap('What p99 latency must the service meet?', 24, 2), [
      'What p99 latency must',
      'the service meet?',
    ]);
    const long = wrap('one two three four five six seven eight nine ten eleven twelve', 12, 2);
    assert.equal(long.length, 2);
    assert.ok(long[1]!.endsWith('…') && long[1]!.length <= 12);
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('a long label here', 8), 'a long…');
  });
});
