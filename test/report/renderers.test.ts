// Renderer tests: golden files from a fixed scorecard, the JSON schema, the OASIS SARIF schema, markdownlint.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { lint } from 'markdownlint/sync';
import { validatorFor } from '../../src/config/ajv.js';
import { defaultChecklist } from '../../src/scan/checklist.js';
import { renderJson } from '../../src/report/json.js';
import { codeSpan, renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText, shouldColor } from '../../src/report/text.js';
import type { Scorecard } from '../../src/report/types.js';
import { assertGolden } from './golden.js';
import { sampleScorecard } from './sample-scorecard.js';

// Both packages are CommonJS; under NodeNext the default export arrives as the module namespace.
const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** markdownlint settings the Markdown report promises to meet. */
export const markdownlintConfig = {
  default: true,
  MD013: false,
  MD033: { allowed_elements: ['details', 'summary'] },
};

function sarifValidator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(new URL('../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

function markdownProblems(text: string): string[] {
  const results = lint({ strings: { report: text }, config: markdownlintConfig });
  return (results.report ?? []).map(
    (r) => `${r.lineNumber}: ${r.ruleNames.join('/')} ${r.ruleDescription} ${r.errorDetail ?? ''}`,
  );
}

/** A scorecard with nothing scored, no blockers, no modules, no commit: the other branch of each renderer. */
function emptyScorecard(): Scorecard {
  const card = sampleScorecard();
  return {
    ...card,
    repo: { source: './local dir', commit: null, kinds: [], modules: [{ path: '.', module: 'x', go: null }] },
    score: null,
    grade: null,
    verdict: 'no-go',
    verdictReason: 'No check produced a score, so production readiness cannot be shown.',
    blockers: [],
    checks: card.checks.map((c) => ({
      ...c,
      status: 'unknown',
      score: null,
      evidence: [],
      modules: undefined,
    })),
    stats: { ...card.stats, unparsed: 0, unparsedFiles: [], truncated: 'stopped after 10000 files' },
  };
}

/** Every check of the built-in checklist failing with one piece of evidence: its real docs in every renderer. */
function builtInChecklistScorecard(): Scorecard {
  const card = sampleScorecard();
  const checks = defaultChecklist().checks.map((c, i) => ({
    id: c.id,
    status: (i % 2 === 0 ? 'fail' : 'partial') as 'fail' | 'partial',
    score: i % 2 === 0 ? 0 : 5,
    severity: c.severity,
    category: c.category,
    title: c.title,
    blocking: c.blocking,
    reason: 'Found a problem.',
    evidence: [{ file: 'main.go', line: i + 1, snippet: 'x := y', message: 'here' }],
    remediation: c.remediation,
    why: c.why,
    sources: c.sources,
    example: c.example,
    exampleLanguage: c.exampleLanguage,
  }));
  return { ...card, checks };
}

describe('JSON report', () => {
  it('matches its golden file and the scorecard schema', async () => {
    const text = renderJson(sampleScorecard());
    await assertGolden('scorecard.json', text);
    const validate = validatorFor('scorecard.schema.json');
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
    assert.ok(validate(JSON.parse(renderJson(emptyScorecard()))), JSON.stringify(validate.errors, null, 2));
  });

  it('has the fields the catalogue fixes', () => {
    const data = JSON.parse(renderJson(sampleScorecard())) as Record<string, unknown>;
    for (const key of [
      'schemaVersion',
      'repo',
      'checklist',
      'score',
      'grade',
      'verdict',
      'blockers',
      'checks',
      'stats',
    ]) {
      assert.ok(key in data, key);
    }
    assert.equal(data.schemaVersion, 1);
  });

  it('the schema rejects what breaks the contract', () => {
    const validate = validatorFor('scorecard.schema.json');
    const card = sampleScorecard() as unknown as Record<string, unknown>;
    assert.equal(validate({ ...card, verdict: 'maybe' }), false);
    assert.equal(validate({ ...card, score: 101 }), false);
    const checks = sampleScorecard().checks;
    assert.equal(validate({ ...card, checks: [{ ...checks[0], status: 'ok' }] }), false);
    assert.equal(
      validate({ ...card, checks: [{ ...checks[0], evidence: [{ file: 'a.go', line: 1 }] }] }),
      false,
    );
  });
});

describe('Markdown report', () => {
  it('matches its golden file and passes markdownlint', async () => {
    const text = renderMarkdown(sampleScorecard());
    await assertGolden('scorecard.md', text);
    assert.deepEqual(markdownProblems(text), []);
    assert.deepEqual(markdownProblems(renderMarkdown(emptyScorecard())), []);
  });

  it('stays markdownlint-clean with the built-in checklist docs', () => {
    assert.deepEqual(markdownProblems(renderMarkdown(builtInChecklistScorecard())), []);
  });

  it('shows the verdict, the blockers, status icons and fixes for failing and partial checks only', () => {
    const text = renderMarkdown(sampleScorecard());
    assert.match(text, /Verdict: \*\*❌ NO-GO\*\* · Score: \*\*61\.4\/100 \(grade D\)\*\*/);
    assert.match(text, /- `lifecycle\.graceful-shutdown` SIGTERM drains in-flight work/);
    for (const icon of ['✅ pass', '🟡 partial', '❌ fail', '➖ n/a', '❔ unknown'])
      assert.ok(text.includes(icon), icon);
    assert.match(text, /### ❌ `lifecycle\.graceful-shutdown`/);
    assert.match(text, /### 🟡 `logging\.structured`/);
    assert.doesNotMatch(text, /### .*`ci\.tests`/);
    assert.match(text, /- `cmd\/orders\/main\.go:42` `log\.Fatal\(http\.ListenAndServe\(":8080", mux\)\)`/);
    assert.match(text, /<details>\n<summary>How to fix<\/summary>/);
    assert.match(
      text,
      /```go\nfunc run\(srv \*http\.Server\) error \{\n {4}ctx, stop := signal\.NotifyContext/,
    );
    assert.match(text, /## Per module/);
  });

  it('keeps backticks and pipes from breaking spans and tables', () => {
    assert.equal(codeSpan('a `b` c'), '``a `b` c``');
    assert.equal(codeSpan('`raw`'), '`` `raw` ``');
    assert.equal(codeSpan(''), '` `');
    const text = renderMarkdown(sampleScorecard());
    const row = text.split('\n').find((l) => l.includes('`logging.structured`') && l.startsWith('|'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 7, row);
  });
});

describe('SARIF report', () => {
  const validate = sarifValidator();

  it('matches its golden file and the OASIS SARIF 2.1.0 schema', async () => {
    const text = renderSarif(sampleScorecard());
    await assertGolden('scorecard.sarif', text);
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
    assert.ok(validate(JSON.parse(renderSarif(emptyScorecard()))), JSON.stringify(validate.errors, null, 2));
    const builtIn = JSON.parse(renderSarif(builtInChecklistScorecard())) as unknown;
    assert.ok(validate(builtIn), JSON.stringify(validate.errors, null, 2));
  });

  it('has one rule per check and results for failing and partial evidence', () => {
    const log = JSON.parse(renderSarif(sampleScorecard())) as {
      runs: {
        tool: { driver: { name: string; rules: { id: string; properties: Record<string, unknown> }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; locations?: unknown[] }[];
        originalUriBaseIds: Record<string, unknown>;
      }[];
    };
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'gonogo');
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      sampleScorecard().checks.map((c) => c.id),
    );
    const shutdown = run.tool.driver.rules[0]!;
    assert.equal(shutdown.properties['security-severity'], '9.0');
    assert.deepEqual(shutdown.properties.tags, ['lifecycle']);
    assert.deepEqual(
      run.results.map((r) => [r.ruleId, r.level, r.locations?.length ?? 0]),
      [
        ['lifecycle.graceful-shutdown', 'error', 1],
        ['logging.structured', 'warning', 1],
        ['logging.structured', 'warning', 1],
        ['logging.structured', 'warning', 1],
        ['ci.staticcheck', 'error', 0],
      ],
    );
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
    assert.ok('%SRCROOT%' in run.originalUriBaseIds);
    assert.match(JSON.stringify(log), /"uri": ?"internal\/store\/dir%20with%20space\/a\.go"/);
  });
});

describe('text report', () => {
  it('matches its golden file without colour', async () => {
    const text = renderText(sampleScorecard());
    await assertGolden('scorecard.txt', text);
    assert.ok(!text.includes('\u001b['), 'no ANSI escapes');
    assert.match(text, /score: 61\.4\/100 \(grade D\) · threshold 70 · verdict: NO-GO/);
    assert.match(text, /cmd\/orders\/main\.go:42/);
  });

  it('colours only when asked, and is asked only on a TTY without NO_COLOR', () => {
    assert.ok(renderText(sampleScorecard(), { color: true }).includes('\u001b[31mFAIL'));
    assert.equal(shouldColor({ isTTY: true }, {}), true);
    assert.equal(shouldColor({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(shouldColor({ isTTY: false }, {}), false);
    assert.equal(shouldColor({}, {}), false);
  });

  it('renders a scorecard without a score', () => {
    const text = renderText(emptyScorecard());
    assert.match(text, /score: no score · threshold 70 · verdict: NO-GO/);
    assert.match(text, /walk stopped early: stopped after 10000 files/);
  });
});
