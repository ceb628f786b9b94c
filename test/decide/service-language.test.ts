// Every root-to-leaf path of the service-language tree against the source document's decision tree
// (002 "Diagrams & Visual Aids"), plus the extension options and the refinements.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTENSION_LABEL, evaluate, loadTrees, type Answers, type Tree } from '../../src/decide/index.js';

const tree: Tree = loadTrees().get('service-language')!;

interface PathCase {
  answers: Answers;
  outcome: string;
  /** True when the path leaves the document's tree somewhere. */
  extension: boolean;
}

// The document's tree, path by path. `under_10ms` and `under_100ms` both lead to Team size; `medium` and
// `large` both take the "5+ developers" branch.
const documentPaths: PathCase[] = [
  { answers: { latency_p99: 'under_1us' }, outcome: 'rust_or_cpp', extension: false },
  ...['under_10ms', 'under_100ms'].flatMap((latency): PathCase[] => [
    { answers: { latency_p99: latency, team_size: 'medium' }, outcome: 'go', extension: false },
    { answers: { latency_p99: latency, team_size: 'large' }, outcome: 'go', extension: false },
    {
      answers: { latency_p99: latency, team_size: 'small', ecosystem: 'java_spring' },
      outcome: 'java_kotlin',
      extension: false,
    },
    {
      answers: { latency_p99: latency, team_size: 'small', ecosystem: 'none' },
      outcome: 'go',
      extension: false,
    },
    {
      answers: {
        latency_p99: latency,
        team_size: 'small',
        ecosystem: 'python_django',
        needs_performance: 'yes',
      },
      outcome: 'go',
      extension: false,
    },
    {
      answers: {
        latency_p99: latency,
        team_size: 'small',
        ecosystem: 'python_django',
        needs_performance: 'no',
      },
      outcome: 'keep_python',
      extension: false,
    },
  ]),
];

// Paths through the options the spec marks as extensions.
const extensionPaths: PathCase[] = [
  { answers: { latency_p99: 'under_1ms' }, outcome: 'rust_or_cpp', extension: true },
  { answers: { latency_p99: 'relaxed', team_size: 'medium' }, outcome: 'go', extension: true },
  { answers: { latency_p99: 'relaxed', team_size: 'large' }, outcome: 'go', extension: true },
  {
    answers: { latency_p99: 'relaxed', team_size: 'small', ecosystem: 'none' },
    outcome: 'go',
    extension: true,
  },
  {
    answers: { latency_p99: 'relaxed', team_size: 'small', ecosystem: 'java_spring' },
    outcome: 'java_kotlin',
    extension: true,
  },
  {
    answers: {
      latency_p99: 'relaxed',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'yes',
    },
    outcome: 'go',
    extension: true,
  },
  {
    answers: {
      latency_p99: 'relaxed',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'no',
    },
    outcome: 'keep_python',
    extension: true,
  },
  ...['under_10ms', 'under_100ms', 'relaxed'].flatMap((latency): PathCase[] => [
    {
      answers: { latency_p99: latency, team_size: 'small', ecosystem: 'go' },
      outcome: 'go',
      extension: true,
    },
    ...['node', 'other'].flatMap((eco): PathCase[] => [
      {
        answers: {
          latency_p99: latency,
          team_size: 'small',
          ecosystem: eco,
          current_stack_performance: 'yes',
        },
        outcome: 'go',
        extension: true,
      },
      {
        answers: {
          latency_p99: latency,
          team_size: 'small',
          ecosystem: eco,
          current_stack_performance: 'no',
        },
        outcome: 'keep_current_stack',
        extension: true,
      },
    ]),
  ]),
];

/** Every root-to-leaf path of the tree, as answers. */
function allPaths(t: Tree): Answers[] {
  const out: Answers[] = [];
  const visit = (id: string, answers: Answers): void => {
    const q = t.questions.find((x) => x.id === id);
    if (!q) {
      out.push(answers);
      return;
    }
    for (const o of q.options) visit(o.next, { ...answers, [q.id]: o.id });
  };
  visit(t.start, {});
  return out;
}

const key = (a: Answers): string =>
  Object.entries(a)
    .map(([q, o]) => `${q}=${o}`)
    .sort()
    .join('&');

describe('service-language: the document tree', () => {
  for (const c of [...documentPaths, ...extensionPaths]) {
    it(`${key(c.answers)} → ${c.outcome}`, () => {
      const result = evaluate(tree, c.answers);
      assert.equal(result.outcome.id, c.outcome);
      assert.deepEqual(result.answers, c.answers);
      assert.deepEqual(
        result.path.map((s) => s.question.id),
        Object.keys(c.answers),
      );
      assert.equal(result.path.at(-1)!.next.kind, 'outcome');
      assert.equal(result.path.at(-1)!.next.id, c.outcome);
      for (const step of result.path) {
        assert.ok(step.rationale.length > 0);
        assert.ok(step.citations.length > 0, `${step.question.id} has citations`);
        for (const cite of step.citations) assert.match(cite.file, /^00[0-4]_[0-9a-f]+\.txt$/);
      }
      const hasExtension = result.extensions.length > 0;
      assert.equal(hasExtension, c.extension, 'extension flag');
      for (const e of result.path.filter((s) => s.extension))
        assert.equal(e.extension!.label, EXTENSION_LABEL);
      assert.equal(result.refinements.length, 0);
      assert.equal(result.coreOutcome, c.outcome);
    });
  }

  it('the table covers every root-to-leaf path of the tree, and nothing else', () => {
    const expected = [...documentPaths, ...extensionPaths].map((c) => key(c.answers)).sort();
    const actual = allPaths(tree).map(key).sort();
    assert.deepEqual(actual, expected);
  });

  it('every path of the document itself is free of extensions, in every step and outcome', () => {
    for (const c of documentPaths) {
      const result = evaluate(tree, c.answers);
      assert.deepEqual(result.extensions, [], key(c.answers));
      assert.equal(result.outcome.extension, null);
    }
  });

  it('a Go outcome names the production checklist and how to confirm it', () => {
    const result = evaluate(tree, { latency_p99: 'under_100ms', team_size: 'large' });
    assert.equal(result.outcome.checklist, 'go-production');
    assert.equal(result.checklist?.id, 'go-production');
    assert.equal(result.checklist?.command, 'gonogo scan <repo> --fail-on no-go');
    const notGo = evaluate(tree, { latency_p99: 'under_1us' });
    assert.equal(notGo.checklist, null);
  });

  it('Go results carry the GC risk with sync.Pool, GOGC and pre-allocation mitigations and sources', () => {
    const result = evaluate(tree, { latency_p99: 'under_10ms', team_size: 'medium' });
    const gc = result.risks.find((r) => /GC pauses/.test(r.risk));
    assert.ok(gc);
    const mitigations = gc.mitigations.join(' ');
    for (const word of ['sync.Pool', 'GOGC', 'Pre-allocate']) assert.ok(mitigations.includes(word), word);
    assert.ok(gc.citations.length > 0);
    assert.ok(result.consequences.good.length > 0 && result.consequences.bad.length > 0);
  });

  it('alternatives list the other outcomes with pros, cons and why they were not chosen', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_100ms',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'no',
    });
    const ids = result.alternatives.map((a) => a.id);
    assert.deepEqual(ids, ['go', 'rust_or_cpp', 'java_kotlin', 'keep_current_stack']);
    const go = result.alternatives.find((a) => a.id === 'go')!;
    assert.match(go.whyNot, /Is the current Python stack too slow.*"No — Django handles the load".*"Yes/);
    for (const a of result.alternatives) assert.ok(a.pros.length > 0 && a.cons.length > 0, a.id);
    assert.ok(result.alternatives.find((a) => a.id === 'keep_current_stack')!.extension);
  });
});

describe('service-language: refinements', () => {
  const goPath = { latency_p99: 'under_100ms', team_size: 'large' };
  const pythonPath = {
    latency_p99: 'under_100ms',
    team_size: 'small',
    ecosystem: 'python_django',
    needs_performance: 'no',
  };

  const overrides: [string, Answers, string, string][] = [
    [
      'rich domain model turns Go into Kotlin/Scala',
      { ...goPath, domain_complexity: 'rich' },
      'go',
      'kotlin_scala',
    ],
    ['ML training turns Go into Python', { ...goPath, workload: 'ml_training' }, 'go', 'python_ml'],
    [
      'a GUI desktop app turns Go into a GUI toolkit',
      { ...goPath, workload: 'gui_desktop' },
      'go',
      'native_gui',
    ],
    [
      'an ultra-low-latency workload turns Keep Python into Rust or C++',
      { ...pythonPath, workload: 'ultra_low_latency' },
      'keep_python',
      'rust_or_cpp',
    ],
  ];
  for (const [name, answers, from, to] of overrides) {
    it(name, () => {
      const result = evaluate(tree, answers);
      assert.equal(result.coreOutcome, from);
      assert.equal(result.outcome.id, to);
      const effect = result.refinements.flatMap((r) => r.effects).find((e) => e.kind === 'outcome');
      assert.deepEqual(
        { from: effect?.from, to: effect?.to, applied: effect?.applied },
        { from, to, applied: true },
      );
      assert.ok(result.alternatives.some((a) => a.id === from && /refinement/.test(a.whyNot)));
      assert.ok(result.extensions.some((e) => e.where.startsWith('refinement:')));
    });
  }

  it('when two refinements would change the outcome, the first wins and the second is shown as not applied', () => {
    const result = evaluate(tree, { ...goPath, workload: 'ml_training', domain_complexity: 'rich' });
    assert.equal(result.outcome.id, 'python_ml');
    const effects = result.refinements.flatMap((r) => r.effects.map((e) => ({ q: r.question.id, ...e })));
    assert.deepEqual(
      effects.filter((e) => e.kind === 'outcome').map((e) => [e.q, e.to, e.applied]),
      [
        ['workload', 'python_ml', true],
        ['domain_complexity', 'kotlin_scala', false],
      ],
    );
  });

  it('embedded adds a caveat to Go without changing it', () => {
    const result = evaluate(tree, { ...goPath, workload: 'embedded' });
    assert.equal(result.outcome.id, 'go');
    assert.equal(result.caveats.length, 1);
    assert.equal(result.caveats[0].refinement, 'workload');
    assert.match(result.caveats[0].text, /Embedded/);
  });

  it('a large long-lived heap adds the Discord GC risk and a caveat, and keeps Go', () => {
    const result = evaluate(tree, { ...goPath, large_heap_tight_latency: 'yes' });
    assert.equal(result.outcome.id, 'go');
    const risk = result.risks.find((r) => r.from?.refinement === 'large_heap_tight_latency');
    assert.ok(risk);
    assert.ok(risk.mitigations.some((m) => m.includes('GOMEMLIMIT')));
    assert.ok(risk.citations.some((c) => c.section.includes('Discord')));
    assert.ok(result.caveats.some((c) => c.refinement === 'large_heap_tight_latency'));
  });

  it('many concurrent connections add a caveat to Keep Python and a risk to Go', () => {
    const py = evaluate(tree, { ...pythonPath, concurrent_connections: 'c10k_100k' });
    assert.equal(py.outcome.id, 'keep_python');
    assert.equal(py.caveats.length, 1);
    assert.equal(py.risks.filter((r) => r.from).length, 0);
    const go = evaluate(tree, { ...goPath, concurrent_connections: 'c10k_100k' });
    assert.equal(go.caveats.length, 0);
    assert.equal(go.risks.filter((r) => r.from?.refinement === 'concurrent_connections').length, 1);
  });

  it('caveats and risks follow the final outcome, not the core one', () => {
    const result = evaluate(tree, { ...goPath, domain_complexity: 'rich', large_heap_tight_latency: 'yes' });
    assert.equal(result.outcome.id, 'kotlin_scala');
    assert.equal(result.risks.filter((r) => r.from).length, 0);
    assert.equal(result.caveats.length, 0);
    assert.equal(result.checklist, null);
  });

  it('a rich domain on the Java branch is a caveat, not a change', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_10ms',
      team_size: 'small',
      ecosystem: 'java_spring',
      domain_complexity: 'rich',
    });
    assert.equal(result.outcome.id, 'java_kotlin');
    assert.match(result.caveats[0].text, /Kotlin/);
  });

  it('answers that do nothing for this outcome are listed with no effects', () => {
    const result = evaluate(tree, { ...goPath, workload: 'api_service', domain_complexity: 'simple' });
    assert.equal(result.outcome.id, 'go');
    assert.deepEqual(
      result.refinements.map((r) => [r.question.id, r.effects.length]),
      [
        ['workload', 0],
        ['domain_complexity', 0],
      ],
    );
    assert.equal(result.answers.workload, 'api_service');
  });
});
