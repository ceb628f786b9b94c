// Table tests for the pure helpers behind the code checks, and for behaviour the fixture runner does
// not reach: unparsed files, checks run on one module's files, evidence never showing secrets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { codeChecks } from '../../src/scan/checks/code/index.js';
import { moduleOf, perIterationLoopVars } from '../../src/scan/checks/code/loopvar.js';
import { literalValue, redactSecrets } from '../../src/scan/checks/code/match.js';
import { routePath } from '../../src/scan/checks/code/metrics.js';
import type { CheckImplementation, GoModule, RepoFacts } from '../../src/scan/types.js';
import { fixtureFacts, fixturesRoot, loadFixtureCase, parseFixtureFiles } from './fixture-runner.js';

const check = (id: string): CheckImplementation => {
  const c = codeChecks.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

const mod = (p: string, go: string | null): GoModule => ({
  path: p,
  module: `example.com/${p}`,
  go,
  toolchain: null,
  requires: [],
  line: 1,
});

describe('helpers', () => {
  it('routePath strips Go 1.22 methods, trailing slashes and {$}', () => {
    const table: [string, string][] = [
      ['/healthz', '/healthz'],
      ['GET /healthz', '/healthz'],
      ['GET /readyz/{$}', '/readyz'],
      ['/livez/', '/livez'],
      ['/', '/'],
      ['get /x', 'get /x'],
    ];
    for (const [input, want] of table) assert.equal(routePath(input), want, input);
  });

  it('literalValue reads interpreted and raw string literals only', () => {
    assert.equal(literalValue('"/metrics"'), '/metrics');
    assert.equal(literalValue('`/metrics`'), '/metrics');
    assert.equal(literalValue('metricsPath'), null);
    assert.equal(literalValue('"a" + b'), null);
  });

  it('perIterationLoopVars is true from go 1.22 on', () => {
    const table: [string | null, boolean][] = [
      ['1.22', true],
      ['1.22.0', true],
      ['1.23rc1', true],
      ['1.21.13', false],
      ['1.9', false],
      [null, false],
      ['weird', false],
    ];
    for (const [v, want] of table) assert.equal(perIterationLoopVars(v), want, String(v));
  });

  it('moduleOf picks the module with the longest folder prefix', () => {
    const mods = [mod('.', '1.20'), mod('services/api', '1.22'), mod('services/api-old', '1.19')];
    const file = (p: string) => ({ path: p }) as Parameters<typeof moduleOf>[0];
    assert.equal(moduleOf(file('services/api/main.go'), mods)?.path, 'services/api');
    assert.equal(moduleOf(file('services/api-old/x.go'), mods)?.path, 'services/api-old');
    assert.equal(moduleOf(file('tools/gen.go'), mods)?.path, '.');
    assert.equal(moduleOf(file('tools/gen.go'), [mod('services/api', '1.22')]), null);
  });

  it('redactSecrets hides credential-like literals and keeps ordinary ones', () => {
    assert.equal(
      redactSecrets('sentry.ClientOptions{Dsn: "https://abc123@o1.ingest.example/42"}'),
      'sentry.ClientOptions{Dsn: "…"}',
    );
    assert.equal(redactSecrets('client.SetToken("tok")'), 'client.SetToken("…")');
    assert.equal(redactSecrets('f("AKIAABCDEFGHIJ0123456789")'), 'f("…")');
    assert.equal(redactSecrets('mux.HandleFunc("/healthz", h)'), 'mux.HandleFunc("/healthz", h)');
    assert.equal(redactSecrets('log.Info("request served")'), 'log.Info("request served")');
    // Import paths are long and mix letters and digits, but they are never secrets.
    assert.equal(
      redactSecrets('import "github.com/ansrivas/fiberprometheus/v2"'),
      'import "github.com/ansrivas/fiberprometheus/v2"',
    );
    assert.equal(
      redactSecrets('import "github.com/gofiber/contrib/otelfiber/v2"'),
      'import "github.com/gofiber/contrib/otelfiber/v2"',
    );
  });
});

async function factsOf(caseDir: string): Promise<RepoFacts> {
  return fixtureFacts(loadFixtureCase(path.join(fixturesRoot, caseDir)));
}

describe('behaviour outside the fixtures', () => {
  it('an absence becomes unknown when some Go files could not be parsed', async () => {
    const facts = await factsOf('metrics.exposed/fail-none');
    assert.equal(check('metrics.exposed').run({ facts, params: {} }).status, 'fail');
    const withUnparsed = { ...facts, unparsed: [{ path: 'internal/broken.go', reason: 'syntax' }] };
    const out = check('metrics.exposed').run({ facts: withUnparsed, params: {} });
    assert.equal(out.status, 'unknown');
    assert.match(out.reason, /could not be parsed/);
  });

  it('service checks say na on a module that starts no server', async () => {
    const facts = await factsOf('logging.structured/pass-zap');
    const libraryOnly = { ...facts, go: facts.go.filter((f) => f.dir === 'internal/orders') };
    for (const id of ['metrics.exposed', 'lifecycle.graceful-shutdown', 'lifecycle.health-endpoints']) {
      assert.equal(check(id).run({ facts: libraryOnly, params: {} }).status, 'na', id);
    }
  });

  it('caps evidence with maxEvidence and says how many there were', async () => {
    const facts = await factsOf('logging.structured/partial-mixed');
    const out = check('logging.structured').run({ facts, params: { maxEvidence: 2 } });
    assert.equal(out.status, 'partial');
    assert.match(out.reason, /showing 2 of 4/);
  });

  it('table-driven ratio threshold comes from params', async () => {
    const facts = await factsOf('testing.table-driven/partial-some');
    assert.equal(check('testing.table-driven').run({ facts, params: { passRatio: 0.2 } }).status, 'pass');
  });

  it('never shows a secret from a call in evidence', async () => {
    const go = await parseFixtureFiles([
      {
        path: 'main.go',
        source: [
          'package main',
          '',
          'import (',
          '\t"net/http"',
          '',
          '\t"github.com/getsentry/sentry-go"',
          ')',
          '',
          'func main() {',
          '\t_ = sentry.Init(sentry.ClientOptions{Dsn: "https://0123456789abcdef@o0.ingest.example/1"})',
          '\t_ = http.ListenAndServe(":8080", nil)',
          '}',
          '',
        ].join('\n'),
      },
    ]);
    const facts = await factsOf('metrics.exposed/fail-none');
    const out = check('panics.reporting').run({ facts: { ...facts, go }, params: {} });
    assert.equal(out.status, 'pass');
    assert.ok(
      out.evidence.every((e) => !e.snippet.includes('0123456789abcdef')),
      JSON.stringify(out.evidence),
    );
  });
});
