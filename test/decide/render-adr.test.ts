// ADR export: golden files for both templates, markdownlint (default rules) over many results, file names
// and metadata. Regenerate the golden files on purpose with UPDATE_GOLDEN=1 and review the diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from 'markdownlint/sync';
import { DataError } from '../../src/config/errors.js';
import { fromRoot } from '../../src/paths.js';
import {
  adrFileName,
  evaluate,
  loadTrees,
  renderAdr,
  type AdrMeta,
  type AdrTemplate,
  type Answers,
  type DecisionResult,
  type Tree,
} from '../../src/decide/index.js';

const registry = loadTrees();
const languageTree: Tree = registry.get('service-language')!;
const templates: AdrTemplate[] = ['madr', 'nygard'];

// The scanner's checklist changes on its own schedule; golden files pin a short stand-in list.
function pinned(result: DecisionResult): DecisionResult {
  if (!result.checklist) return result;
  return {
    ...result,
    checklist: {
      ...result.checklist,
      title: 'Go production readiness',
      checks: [
        { id: 'errors.wrapped', title: 'Errors carry context' },
        { id: 'lifecycle.graceful-shutdown', title: 'SIGTERM drains in-flight work' },
      ],
    },
  };
}

const goldenCases: { name: string; tree: string; answers: Answers; meta: AdrMeta }[] = [
  {
    name: 'go-large-team',
    tree: 'service-language',
    answers: {
      latency_p99: 'under_100ms',
      team_size: 'large',
      ecosystem: 'python_django',
      concurrent_connections: 'c10k_100k',
      large_heap_tight_latency: 'yes',
    },
    meta: {
      date: '2026-01-15',
      status: 'accepted',
      number: 7,
      decisionMakers: ['Platform team'],
      consulted: ['SRE'],
      informed: ['Engineering'],
    },
  },
  {
    name: 'keep-python-ml',
    tree: 'service-language',
    answers: {
      latency_p99: 'relaxed',
      team_size: 'small',
      ecosystem: 'python_django',
      needs_performance: 'no',
      workload: 'api_service',
    },
    meta: { date: '2026-02-01', title: 'Keep the billing API on Django' },
  },
  {
    name: 'transport-gateway',
    tree: 'service-transport',
    answers: { consumers: 'both' },
    meta: { date: '2026-03-10', number: 12 },
  },
];

function lintProblems(markdown: string): string {
  return String(lint({ strings: { adr: markdown } }));
}

describe('renderAdr golden files', () => {
  for (const c of goldenCases) {
    for (const template of templates) {
      it(`${c.name} (${template})`, () => {
        const result = pinned(evaluate(registry.get(c.tree)!, c.answers));
        const { markdown } = renderAdr(result, c.meta, template);
        const file = fromRoot('test', 'golden', 'adr', `${c.name}.${template}.md`);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, markdown);
        assert.ok(existsSync(file), `missing golden file; create it with UPDATE_GOLDEN=1`);
        assert.equal(markdown, readFileSync(file, 'utf8'));
        assert.equal(lintProblems(markdown), '');
      });
    }
  }
});

describe('renderAdr content', () => {
  const goResult = evaluate(languageTree, { latency_p99: 'under_10ms', team_size: 'medium' });

  it('MADR has the front matter and every section, in order', () => {
    const { markdown } = renderAdr(goResult, { date: '2026-01-15', decisionMakers: ['Ana'] }, 'madr');
    assert.match(markdown, /^---\nstatus: proposed\ndate: 2026-01-15\ndecision-makers: \["Ana"\]\n/);
    assert.match(markdown, /\nconsulted: \[\]\ninformed: \[\]\n---\n/);
    const headings = [...markdown.matchAll(/^##+ (.*)$/gm)].map((m) => m[1]);
    const required = [
      'Context and Problem Statement',
      'Decision Drivers',
      'Considered Options',
      'Decision Outcome',
      'Consequences',
      'Confirmation',
      'Pros and Cons of the Options',
      'More Information',
    ];
    const positions = required.map((h) => headings.indexOf(h));
    assert.ok(
      positions.every((p) => p >= 0),
      JSON.stringify(headings),
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.match(markdown, /Chosen option: "Go"/);
    assert.match(markdown, /`gonogo scan <repo> --fail-on no-go`/);
    assert.match(markdown, /`go-production`/);
    assert.match(markdown, /002_849d0d21c03bc3f9\.txt/);
  });

  it('Nygard has title with number, status, context, decision and consequences', () => {
    const { markdown, fileName } = renderAdr(goResult, { date: '2026-01-15', number: 3 }, 'nygard');
    assert.equal(fileName, '0003-write-the-service-in-go.md');
    const headings = [...markdown.matchAll(/^#+ (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '3. Write the service in Go',
      'Status',
      'Context',
      'Decision',
      'Consequences',
    ]);
    assert.match(markdown, /## Status\n\nProposed\n/);
    assert.match(markdown, /We will write the service in Go\./);
  });

  it('marks extensions in the record', () => {
    const result = evaluate(languageTree, { latency_p99: 'under_1ms' });
    for (const template of templates) {
      assert.match(
        renderAdr(result, { date: '2026-01-15' }, template).markdown,
        /extension, not from the documents/,
      );
    }
  });

  it('a non-Go outcome confirms by revisiting the questions instead of the scorecard', () => {
    const result = evaluate(languageTree, { latency_p99: 'under_1us' });
    const { markdown } = renderAdr(result, { date: '2026-01-15' });
    assert.doesNotMatch(markdown, /gonogo scan/);
    assert.match(markdown, /### Confirmation\n\nReview this decision/);
  });

  it('defaults: MADR template, status proposed, today, number 1, title from the outcome', () => {
    const before = new Date().toISOString().slice(0, 10);
    const { markdown, fileName } = renderAdr(goResult);
    const date = /\ndate: (\d{4}-\d{2}-\d{2})\n/.exec(markdown)?.[1];
    assert.ok(date, 'an ISO date in the front matter');
    // Today, read either side of the render so a run across midnight still passes.
    assert.ok([before, new Date().toISOString().slice(0, 10)].includes(date));
    assert.match(markdown, /^---\nstatus: proposed\n/);
    assert.equal(fileName, '0001-write-the-service-in-go.md');
  });

  it('rejects metadata that does not fit the schema', () => {
    assert.throws(
      () => renderAdr(goResult, { status: 'maybe' } as unknown as AdrMeta),
      (err: unknown) => err instanceof DataError && err.problems.some((p) => p.path === '/status'),
    );
    assert.throws(
      () => renderAdr(goResult, { date: '15/01/2026' }),
      (err: unknown) => err instanceof DataError && err.problems.some((p) => p.path === '/date'),
    );
    assert.throws(() => renderAdr(goResult, { number: 0 }), DataError);
  });

  it('file names are numbered and kebab-cased', () => {
    assert.equal(
      adrFileName(42, 'Use gRPC + grpc-gateway for Billing!'),
      '0042-use-grpc-grpc-gateway-for-billing.md',
    );
    assert.equal(adrFileName(1, 'Café naïve décision'), '0001-cafe-naive-decision.md');
    assert.equal(adrFileName(1, '!!!'), '0001-decision.md');
  });

  it('escapes Markdown in user-given titles', () => {
    const { markdown } = renderAdr(goResult, { title: 'Use <Go> *now*', date: '2026-01-15' });
    assert.match(markdown, /^# Use \\<Go> \\\*now\\\*$/m);
    assert.equal(lintProblems(markdown), '');
  });
});

describe('renderAdr passes markdownlint for many results', () => {
  const answerSets: [string, Answers][] = [
    ['service-language', { latency_p99: 'under_1us' }],
    ['service-language', { latency_p99: 'under_1ms', workload: 'embedded' }],
    [
      'service-language',
      { latency_p99: 'under_10ms', team_size: 'small', ecosystem: 'java_spring', domain_complexity: 'rich' },
    ],
    [
      'service-language',
      { latency_p99: 'under_100ms', team_size: 'small', ecosystem: 'none', workload: 'gui_desktop' },
    ],
    [
      'service-language',
      { latency_p99: 'relaxed', team_size: 'small', ecosystem: 'node', current_stack_performance: 'no' },
    ],
    [
      'service-language',
      { latency_p99: 'under_10ms', team_size: 'large', workload: 'ml_training', domain_complexity: 'rich' },
    ],
    ['service-transport', { consumers: 'internal', call_volume: 'moderate', generated_contracts: 'no' }],
    ['api-versioning', { api_style: 'http', audience: 'internal', client_control: 'yes' }],
  ];
  for (const [tree, answers] of answerSets) {
    for (const template of templates) {
      it(`${tree} ${JSON.stringify(answers)} (${template})`, () => {
        const result = evaluate(registry.get(tree)!, answers);
        const { markdown } = renderAdr(
          result,
          { date: '2026-01-15', informed: ['Everyone: all teams'] },
          template,
        );
        assert.equal(lintProblems(markdown), '');
        assert.ok(markdown.endsWith('\n') && !markdown.endsWith('\n\n'));
      });
    }
  }
});
