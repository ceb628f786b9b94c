// Table tests for the total score, the grade edges and the verdict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeFor, scoreForStatus, summarise, totalScore, type ScoredItem } from '../../src/scan/score.js';

const item = (over: Partial<ScoredItem> & Pick<ScoredItem, 'id'>): ScoredItem => ({
  status: 'pass',
  score: 10,
  severity: 'medium',
  blocking: false,
  ...over,
});

describe('scoreForStatus', () => {
  const cases: [Parameters<typeof scoreForStatus>, number | null][] = [
    [['pass'], 10],
    [['pass', 3], 10],
    [['fail'], 0],
    [['fail', 7], 0],
    [['partial'], 5],
    [['partial', 7.5], 7.5],
    [['partial', 14], 10],
    [['partial', -2], 0],
    [['partial', Number.NaN], 5],
    [['na'], null],
    [['unknown', 4], null],
  ];
  for (const [args, expected] of cases) {
    it(`${args.join(', ')} → ${expected}`, () => assert.equal(scoreForStatus(...args), expected));
  }
});

describe('totalScore', () => {
  it('weights by severity: critical 10, high 7.5, medium 5, low 2.5', () => {
    // (10·10 + 7.5·0 + 5·10 + 2.5·0) / 25 = 6 → 60
    const total = totalScore([
      { severity: 'critical', score: 10 },
      { severity: 'high', score: 0 },
      { severity: 'medium', score: 10 },
      { severity: 'low', score: 0 },
    ]);
    assert.equal(total, 60);
  });

  it('leaves na and unknown (null scores) out of the denominator', () => {
    const total = totalScore([
      { severity: 'high', score: 10 },
      { severity: 'critical', score: null },
      { severity: 'low', score: null },
    ]);
    assert.equal(total, 100);
  });

  it('rounds to one decimal', () => {
    // (7.5·10 + 2.5·5) / 10 = 8.75 → 87.5 ; (10·10 + 5·0 + 2.5·5)/17.5 = 6.428… → 64.3
    assert.equal(
      totalScore([
        { severity: 'high', score: 10 },
        { severity: 'low', score: 5 },
      ]),
      87.5,
    );
    assert.equal(
      totalScore([
        { severity: 'critical', score: 10 },
        { severity: 'medium', score: 0 },
        { severity: 'low', score: 5 },
      ]),
      64.3,
    );
  });

  it('is null when nothing has a score', () => {
    assert.equal(totalScore([]), null);
    assert.equal(totalScore([{ severity: 'high', score: null }]), null);
  });
});

describe('gradeFor', () => {
  const edges: [number, string][] = [
    [100, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [79.9, 'C'],
    [70, 'C'],
    [69.9, 'D'],
    [60, 'D'],
    [59.9, 'F'],
    [0, 'F'],
  ];
  for (const [score, grade] of edges) it(`${score} → ${grade}`, () => assert.equal(gradeFor(score), grade));
});

describe('summarise', () => {
  it('is go when nothing blocking fails and the score reaches the threshold', () => {
    const s = summarise(
      [item({ id: 'a' }), item({ id: 'b', status: 'fail', score: 0, severity: 'low' })],
      70,
    );
    assert.equal(s.score, 66.7);
    assert.equal(s.verdict, 'no-go');
    assert.match(s.verdictReason, /66\.7 is under the threshold 70/);
    const ok = summarise(
      [item({ id: 'a' }), item({ id: 'b', status: 'fail', score: 0, severity: 'low' })],
      60,
    );
    assert.equal(ok.verdict, 'go');
    assert.equal(ok.grade, 'D');
    assert.deepEqual(ok.blockers, []);
  });

  it('reaching the threshold exactly is enough', () => {
    const s = summarise([item({ id: 'a', status: 'partial', score: 7 })], 70);
    assert.equal(s.score, 70);
    assert.equal(s.verdict, 'go');
  });

  it('names failing blocking checks as blockers even with a high score', () => {
    const items = [
      ...Array.from({ length: 20 }, (_, i) => item({ id: `ok.${i}`, severity: 'critical' })),
      item({ id: 'ci.tests', status: 'fail', score: 0, severity: 'low', blocking: true }),
      item({ id: 'x.partial', status: 'partial', score: 2, blocking: true }),
      item({ id: 'x.unknown', status: 'unknown', score: null, blocking: true }),
    ];
    const s = summarise(items, 70);
    assert.ok(s.score !== null && s.score > 90);
    assert.equal(s.verdict, 'no-go');
    assert.deepEqual(s.blockers, ['ci.tests']);
    assert.match(s.verdictReason, /Blocking check fails: ci\.tests/);
    assert.doesNotMatch(s.verdictReason, /threshold/);
  });

  it('says both when blockers fail and the score is low', () => {
    const s = summarise(
      [
        item({ id: 'a.b', status: 'fail', score: 0, blocking: true }),
        item({ id: 'c.d', status: 'fail', score: 0, blocking: true }),
      ],
      70,
    );
    assert.deepEqual(s.blockers, ['a.b', 'c.d']);
    assert.match(
      s.verdictReason,
      /Blocking checks fail: a\.b, c\.d\. The score 0\.0 is under the threshold 70\./,
    );
    assert.equal(s.grade, 'F');
  });

  it('has no score, no grade and a no-go when no check produced a score', () => {
    const s = summarise(
      [item({ id: 'a', status: 'na', score: null }), item({ id: 'b', status: 'unknown', score: null })],
      0,
    );
    assert.equal(s.score, null);
    assert.equal(s.grade, null);
    assert.equal(s.verdict, 'no-go');
    assert.match(s.verdictReason, /No check produced a score/);
  });
});
