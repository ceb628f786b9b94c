// How --format and --output pair up, and the CI gates, without spawning a process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failedGates, planOutputs, UsageError, type OutputArg } from '../../src/cli/scan.js';
import { sampleScorecard } from '../report/sample-scorecard.js';

const f = (value: string): OutputArg => ({ option: 'format', value });
const o = (value: string): OutputArg => ({ option: 'output', value });

describe('planOutputs', () => {
  const cases: [string, OutputArg[], { format: string; file: string | null }[]][] = [
    ['nothing: text to stdout', [], [{ format: 'text', file: null }]],
    ['a format alone goes to stdout', [f('json')], [{ format: 'json', file: null }]],
    ['markdown is md', [f('markdown')], [{ format: 'md', file: null }]],
    [
      'pairs in order, the last format to stdout',
      [f('json'), o('a.json'), f('sarif'), o('b.sarif'), f('text')],
      [
        { format: 'json', file: 'a.json' },
        { format: 'sarif', file: 'b.sarif' },
        { format: 'text', file: null },
      ],
    ],
    [
      'a format before any output goes to stdout; outputs alone use their extension',
      [f('text'), o('-'), o('r.md'), o('r.sarif'), o('r.txt')],
      [
        { format: 'text', file: null },
        { format: 'md', file: 'r.md' },
        { format: 'sarif', file: 'r.sarif' },
        { format: 'text', file: 'r.txt' },
      ],
    ],
    [
      'a format with no output between formats goes to stdout',
      [f('md'), f('json'), o('x')],
      [
        { format: 'md', file: null },
        { format: 'json', file: 'x' },
      ],
    ],
  ];
  for (const [name, args, expected] of cases) it(name, () => assert.deepEqual(planOutputs(args), expected));

  const errors: [string, OutputArg[], RegExp][] = [
    [
      'two formats to stdout',
      [f('json'), f('md')],
      /only one format can go to stdout, but json and md would/,
    ],
    ['an unknown format', [f('html')], /--format "html" is not allowed; use one of: text, json, md, sarif/],
    [
      'an output with no format and an unknown extension',
      [o('r.html')],
      /--output "r\.html" has no --format/,
    ],
    ['the same file twice', [f('json'), o('a.json'), o('a.json')], /given twice/],
  ];
  for (const [name, args, message] of errors) {
    it(`refuses ${name}`, () =>
      assert.throws(
        () => planOutputs(args),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      ));
  }
});

describe('failedGates', () => {
  const card = sampleScorecard(); // score 61.4, no-go
  it('passes without gates, and with gates the card meets', () => {
    assert.deepEqual(failedGates(card, undefined, false), []);
    assert.deepEqual(failedGates(card, 61.4, false), []);
    assert.deepEqual(failedGates({ ...card, verdict: 'go' }, 0, true), []);
  });
  it('fails --fail-under below the score, --fail-on no-go, and a missing score', () => {
    assert.match(failedGates(card, 61.5, false).join(), /score 61\.4 is under --fail-under 61\.5/);
    assert.match(failedGates(card, undefined, true).join(), /verdict is no-go/);
    assert.equal(failedGates(card, 70, true).length, 2);
    assert.match(failedGates({ ...card, score: null }, 0, false).join(), /no score is under --fail-under 0/);
  });
});
