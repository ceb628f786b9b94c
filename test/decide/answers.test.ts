// Answer validation (unknown question, unknown option, missing on the path, ignored off-path answers),
// the AnswersError thrown by evaluate, and the answers-document schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataError } from '../../src/config/errors.js';
import {
  AnswersError,
  evaluate,
  loadTrees,
  parseAnswersDocument,
  validateAnswers,
  type Tree,
} from '../../src/decide/index.js';

const tree: Tree = loadTrees().get('service-language')!;

describe('validateAnswers', () => {
  it('accepts a complete path with no errors and nothing ignored', () => {
    assert.deepEqual(validateAnswers(tree, { latency_p99: 'under_1us' }), { errors: [], ignored: [] });
  });

  it('names an unknown question and lists the tree question ids as allowed', () => {
    const { errors } = validateAnswers(tree, { latency_p99: 'under_1us', language: 'go' });
    assert.equal(errors.length, 1);
    assert.equal(errors[0].question, 'language');
    assert.ok(errors[0].allowed.includes('latency_p99'));
    assert.ok(errors[0].allowed.includes('workload'), 'refinements are questions too');
    assert.match(errors[0].message, /"language" is not a question/);
  });

  it('names an unknown option and lists the allowed options', () => {
    const { errors } = validateAnswers(tree, { latency_p99: 'fast' });
    assert.deepEqual(
      errors.map((e) => [e.question, e.allowed]),
      [['latency_p99', ['under_1us', 'under_1ms', 'under_10ms', 'under_100ms', 'relaxed']]],
    );
    assert.match(errors[0].message, /"fast" is not an option of "latency_p99"/);
  });

  it('reports the first question on the path that has no answer', () => {
    const { errors } = validateAnswers(tree, { latency_p99: 'under_10ms', team_size: 'small' });
    assert.deepEqual(
      errors.map((e) => [e.question, e.allowed]),
      [['ecosystem', ['none', 'java_spring', 'python_django', 'go', 'node', 'other']]],
    );
    assert.match(errors[0].message, /needs an answer/);
  });

  it('reports an empty answer set as missing the start question', () => {
    const { errors } = validateAnswers(tree, {});
    assert.equal(errors[0].question, 'latency_p99');
  });

  it('checks refinement answers too', () => {
    const { errors } = validateAnswers(tree, { latency_p99: 'under_1us', workload: 'toaster' });
    assert.equal(errors[0].question, 'workload');
    assert.ok(errors[0].allowed.includes('ml_training'));
  });

  it('reports answers off the walked path as ignored, not as errors', () => {
    const { errors, ignored } = validateAnswers(tree, {
      latency_p99: 'under_100ms',
      team_size: 'large',
      ecosystem: 'python_django',
      needs_performance: 'no',
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      ignored.map((i) => [i.question, i.answer]),
      [
        ['ecosystem', 'python_django'],
        ['needs_performance', 'no'],
      ],
    );
  });

  it('collects several problems at once', () => {
    const { errors } = validateAnswers(tree, { team_size: 'huge', colour: 'blue' });
    assert.deepEqual(errors.map((e) => e.question).sort(), ['colour', 'latency_p99', 'team_size']);
  });
});

describe('evaluate with bad answers', () => {
  it('throws AnswersError carrying every problem', () => {
    assert.throws(
      () => evaluate(tree, { latency_p99: 'under_10ms', nope: 'x' }),
      (err: unknown) => {
        assert.ok(err instanceof AnswersError);
        assert.deepEqual(err.errors.map((e) => e.question).sort(), ['nope', 'team_size']);
        assert.match(err.message, /team_size/);
        return true;
      },
    );
  });

  it('keeps ignored answers in the result of a valid evaluation', () => {
    const result = evaluate(tree, { latency_p99: 'under_1us', team_size: 'small' });
    assert.equal(result.outcome.id, 'rust_or_cpp');
    assert.deepEqual(
      result.ignored.map((i) => i.question),
      ['team_size'],
    );
    assert.deepEqual(result.answers, { latency_p99: 'under_1us' });
  });
});

describe('answers document schema', () => {
  it('accepts a tree id with answers', () => {
    const doc = parseAnswersDocument(
      { tree: 'service-language', answers: { latency_p99: 'under_1us' } },
      'a.json',
    );
    assert.equal(doc.tree, 'service-language');
  });

  it('rejects non-string answers and unknown top-level fields with their paths', () => {
    assert.throws(
      () => parseAnswersDocument({ answers: { latency_p99: 5 }, extra: true }, 'a.json'),
      (err: unknown) => {
        assert.ok(err instanceof DataError);
        const paths = err.problems.map((p) => p.path);
        assert.ok(paths.includes('/answers/latency_p99'));
        assert.ok(err.problems.some((p) => /unknown property "extra"/.test(p.message)));
        return true;
      },
    );
  });
});
