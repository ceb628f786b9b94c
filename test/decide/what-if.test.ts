// What-if: for each answered question, what the other answers would lead to, and which questions are pivotal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, loadTrees, type Tree, type WhatIfEntry } from '../../src/decide/index.js';

const tree: Tree = loadTrees().get('service-language')!;
const entry = (entries: WhatIfEntry[], id: string): WhatIfEntry => entries.find((e) => e.question.id === id)!;

describe('what-if', () => {
  it('has one entry per question on the path, in path order', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_10ms',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'yes',
    });
    assert.deepEqual(
      result.whatIf.map((e) => e.question.id),
      ['latency_p99', 'team_size', 'ecosystem', 'needs_performance'],
    );
  });

  it('marks a question pivotal when another answer changes the outcome', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_10ms',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'yes',
    });
    const perf = entry(result.whatIf, 'needs_performance');
    assert.equal(perf.pivotal, true);
    assert.deepEqual(
      perf.alternatives.map((a) => [a.answer.id, a.outcome, a.changes]),
      [['no', 'keep_python', true]],
    );
    const latency = entry(result.whatIf, 'latency_p99');
    const byAnswer = Object.fromEntries(latency.alternatives.map((a) => [a.answer.id, a]));
    assert.equal(byAnswer.under_1us.outcome, 'rust_or_cpp');
    assert.equal(byAnswer.under_1us.changes, true);
    // Walks on with the remaining answers: same team and ecosystem, so still Go.
    assert.equal(byAnswer.under_100ms.outcome, 'go');
    assert.equal(byAnswer.under_100ms.changes, false);
    assert.equal(latency.pivotal, true);
  });

  it('a question is not pivotal when every other answer keeps the outcome', () => {
    const result = evaluate(tree, { latency_p99: 'under_100ms', team_size: 'medium' });
    const team = entry(result.whatIf, 'team_size');
    // 'small' stops at the unanswered ecosystem question: several outcomes remain possible.
    const small = team.alternatives.find((a) => a.answer.id === 'small')!;
    assert.equal(small.outcome, null);
    assert.equal(small.unanswered, 'ecosystem');
    assert.deepEqual(small.reachable, ['go', 'java_kotlin', 'keep_python', 'keep_current_stack']);
    assert.equal(small.changes, true);
    const large = team.alternatives.find((a) => a.answer.id === 'large')!;
    assert.equal(large.outcome, 'go');
    assert.equal(large.changes, false);

    const eco = evaluate(tree, { latency_p99: 'under_100ms', team_size: 'small', ecosystem: 'none' });
    const relaxed = entry(eco.whatIf, 'latency_p99').alternatives.find((a) => a.answer.id === 'relaxed')!;
    assert.equal(relaxed.changes, false);
  });

  it('uses answers given off the path when an alternative reaches their question', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_100ms',
      team_size: 'large',
      ecosystem: 'java_spring',
    });
    assert.deepEqual(
      result.ignored.map((i) => i.question),
      ['ecosystem'],
    );
    const small = entry(result.whatIf, 'team_size').alternatives.find((a) => a.answer.id === 'small')!;
    assert.equal(small.outcome, 'java_kotlin');
  });

  it('a pivotal-free path: with a long-lived heap answered, no other heap answer changes Go', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_100ms',
      team_size: 'large',
      large_heap_tight_latency: 'yes',
    });
    const heap = entry(result.whatIf, 'large_heap_tight_latency');
    assert.equal(heap.refinement, true);
    assert.equal(heap.pivotal, false);
  });

  it('refinement entries show which other answers would change the outcome', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_100ms',
      team_size: 'large',
      workload: 'api_service',
    });
    const workload = entry(result.whatIf, 'workload');
    assert.equal(workload.pivotal, true);
    assert.deepEqual(
      workload.alternatives.filter((a) => a.changes).map((a) => [a.answer.id, a.outcome]),
      [
        ['ml_training', 'python_ml'],
        ['gui_desktop', 'native_gui'],
        ['ultra_low_latency', 'rust_or_cpp'],
      ],
    );
  });

  it('alternatives to core answers carry the refinements along', () => {
    const result = evaluate(tree, {
      latency_p99: 'under_100ms',
      team_size: 'small',
      ecosystem: 'java_spring',
      domain_complexity: 'rich',
    });
    const none = entry(result.whatIf, 'ecosystem').alternatives.find((a) => a.answer.id === 'none')!;
    assert.equal(none.outcome, 'kotlin_scala');
  });
});
