// Loading trees: schema rejection and soundness problems, each naming the file, the JSON path and what is wrong.
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataError, type DataProblem } from '../../src/config/errors.js';
import { fromRoot } from '../../src/paths.js';
import {
  checkTree,
  loadTree,
  loadTrees,
  sourceDocuments,
  type EffectData,
  type TreeData,
} from '../../src/decide/index.js';

const fixture = (name: string): string => fromRoot('test', 'fixtures', 'trees', name);

function problemsOf(name: string): DataProblem[] {
  try {
    loadTree(fixture(name));
  } catch (err) {
    assert.ok(err instanceof DataError, `DataError for ${name}`);
    assert.equal(err.source, fixture(name));
    assert.ok(err.message.includes(name), 'the message names the file');
    return err.problems;
  }
  assert.fail(`${name} should not load`);
}

describe('loadTree', () => {
  it('loads a sound tree', () => {
    const tree = loadTree(fixture('valid-minimal.yaml'));
    assert.equal(tree.id, 'fixture-tree');
    assert.equal(tree.file, fixture('valid-minimal.yaml'));
  });

  const cases: [string, string, RegExp][] = [
    ['bad-yaml.yaml', '', /YAML syntax error line \d+/],
    ['missing-field.yaml', '/questions/0/options/1', /missing required property "rationale"/],
    ['dangling-next.yaml', '/questions/1/options/1/next', /"out_z" is neither a question nor an outcome/],
    ['cycle.yaml', '/questions/1/options/0/next', /makes a cycle: q1 → q2 → q1/],
    ['unreachable-outcome.yaml', '/outcomes/2', /outcome "out_c" cannot be reached/],
    ['duplicate-ids.yaml', '/questions/1/options/1/id', /duplicate option id "a" in question "q2"/],
    ['duplicate-ids.yaml', '/outcomes/1/id', /duplicate outcome id "out_a"/],
    ['unknown-source.yaml', '/questions/1/options/0/sources/0/doc', /unknown source document "go-nowhere"/],
    ['missing-start.yaml', '/start', /start question "q9" does not exist/],
  ];
  for (const [file, at, message] of cases) {
    it(`rejects ${file} at ${at || '(root)'}`, () => {
      const problems = problemsOf(file);
      const hit = problems.find((p) => p.path === at);
      assert.ok(hit, `a problem at ${at}; got ${JSON.stringify(problems)}`);
      assert.match(hit.message, message);
    });
  }

  it('a cycle is the only problem in the cycle fixture', () => {
    assert.equal(problemsOf('cycle.yaml').length, 1);
  });
});

describe('loadTrees', () => {
  it('loads the shipped trees with their summaries', () => {
    const registry = loadTrees();
    assert.deepEqual(
      registry.list().map((t) => t.id),
      ['api-versioning', 'service-language', 'service-transport'],
    );
    assert.equal(registry.get('nope'), undefined);
    assert.ok(registry.get('service-language')!.outcomes.some((o) => o.id === 'go'));
  });

  it('refuses two files with the same tree id', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gonogo-trees-'));
    try {
      copyFileSync(fixture('valid-minimal.yaml'), path.join(dir, 'a.yaml'));
      copyFileSync(fixture('valid-minimal.yaml'), path.join(dir, 'b.yaml'));
      assert.throws(
        () => loadTrees(dir),
        (err: unknown) => err instanceof DataError && /also used by/.test(err.problems[0].message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkTree on refinements', () => {
  const base = loadTree(fixture('valid-minimal.yaml'));
  const refinement = (effects: EffectData[]): TreeData => ({
    ...base,
    refinements: [
      {
        id: 'extra',
        text: 'Extra?',
        extension: { note: 'Test.', sources: [{ doc: 'go-senior', section: 'Test' }] },
        options: [
          { id: 'x', label: 'X', rationale: 'R.', sources: [{ doc: 'go-senior', section: 'Test' }], effects },
          {
            id: 'y',
            label: 'Y',
            rationale: 'R.',
            sources: [{ doc: 'go-senior', section: 'Test' }],
            effects: [],
          },
        ],
      },
    ],
  });
  const keys = new Set(sourceDocuments().keys());

  it('accepts an effect that changes to a known outcome', () => {
    assert.deepEqual(checkTree(refinement([{ when: ['out_a'], outcome: 'out_b' }]), keys), []);
  });

  it('names unknown outcomes and empty effects by path', () => {
    const problems = checkTree(
      refinement([{ when: ['out_q'], outcome: 'out_z' }, { when: ['out_a'] }]),
      keys,
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      [
        '/refinements/0/options/0/effects/0/outcome',
        '/refinements/0/options/0/effects/0/when/0',
        '/refinements/0/options/0/effects/1',
      ],
    );
  });

  it('refuses a refinement id that is already a question id', () => {
    const tree = refinement([]);
    tree.refinements![0].id = 'q1';
    assert.ok(checkTree(tree, keys).some((p) => p.path === '/refinements/0/id'));
  });
});
