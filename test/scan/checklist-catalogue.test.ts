// Meta-test between the check catalogue, the shipped checklist, the registered implementations and their
// fixtures, in both directions (every id is documented, implemented or knowingly not yet, and exercised;
// every implementation belongs to a checklist id).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../../src/paths.js';
import { loadChecklist } from '../../src/scan/checklist.js';
import { checkImplementations } from '../../src/scan/checks/registry.js';

/**
 * The catalogue's contract, copied from the project's check catalogue: every public check id, in
 * catalogue order, with its catalogue section and severity. Ids are public (CI gates, suppressions and
 * saved scorecards use them): this list only ever grows.
 */
const catalogue: readonly (readonly [id: string, category: string, severity: string])[] = [
  ['errors.wrapped', 'errors', 'high'],
  ['errors.wrap-verb', 'errors', 'medium'],
  ['errors.not-discarded', 'errors', 'high'],
  ['errors.inspection', 'errors', 'low'],
  ['errors.nil-nil', 'errors', 'low'],
  ['panics.http-recovery', 'panics', 'high'],
  ['panics.goroutine-recover', 'panics', 'low'],
  ['panics.reporting', 'panics', 'medium'],
  ['panics.must-prefix', 'panics', 'low'],
  ['logging.structured', 'logging', 'high'],
  ['logging.correlation', 'logging', 'medium'],
  ['metrics.exposed', 'observability', 'high'],
  ['metrics.request', 'observability', 'medium'],
  ['tracing.instrumented', 'observability', 'medium'],
  ['profiling.pprof', 'observability', 'low'],
  ['lifecycle.graceful-shutdown', 'lifecycle', 'critical'],
  ['lifecycle.health-endpoints', 'lifecycle', 'high'],
  ['http.server-timeouts', 'lifecycle', 'high'],
  ['http.client-timeouts', 'lifecycle', 'high'],
  ['context.propagation', 'lifecycle', 'medium'],
  ['context.deadlines', 'lifecycle', 'low'],
  ['resilience.overload', 'lifecycle', 'medium'],
  ['concurrency.loopvar', 'concurrency', 'high'],
  ['concurrency.bounded', 'concurrency', 'medium'],
  ['concurrency.goroutine-exit', 'concurrency', 'medium'],
  ['testing.breadth', 'testing', 'high'],
  ['testing.table-driven', 'testing', 'low'],
  ['testing.fuzz', 'testing', 'medium'],
  ['testing.integration', 'testing', 'medium'],
  ['ci.tests', 'ci', 'critical'],
  ['ci.race', 'ci', 'high'],
  ['ci.vet', 'ci', 'medium'],
  ['ci.staticcheck', 'ci', 'medium'],
  ['ci.format', 'ci', 'low'],
  ['ci.coverage', 'ci', 'low'],
  ['security.govulncheck', 'ci', 'high'],
  ['security.dependency-updates', 'ci', 'low'],
  ['security.tls-verification', 'security', 'critical'],
  ['security.sql-injection', 'security', 'critical'],
  ['security.hardcoded-secrets', 'security', 'critical'],
  ['hygiene.init-side-effects', 'hygiene', 'low'],
  ['hygiene.global-state', 'hygiene', 'low'],
  ['hygiene.go-version', 'hygiene', 'low'],
  ['deploy.container', 'deploy', 'medium'],
  ['deploy.probes', 'deploy', 'medium'],
];

/**
 * Catalogue ids outside the first implementation round; they report `unknown` ("not implemented") until
 * a later change adds them. Remove an id from here when its implementation is registered.
 */
const notYetImplemented: ReadonlySet<string> = new Set([
  'errors.wrapped',
  'errors.wrap-verb',
  'errors.not-discarded',
  'errors.inspection',
  'errors.nil-nil',
  'panics.goroutine-recover',
  'panics.must-prefix',
  'context.propagation',
  'context.deadlines',
  'concurrency.bounded',
  'concurrency.goroutine-exit',
  'testing.breadth',
  'security.sql-injection',
  'security.hardcoded-secrets',
  'hygiene.init-side-effects',
  'hygiene.global-state',
  'hygiene.go-version',
]);

/**
 * Implemented ids known to lack a fixture so far. Keep it empty; an entry here is a debt to pay, and the
 * test fails when an entry is no longer needed so the list cannot go stale.
 */
const fixturesPending: ReadonlySet<string> = new Set([]);

const checklist = loadChecklist();
const goFixtures = fromRoot('test', 'fixtures', 'go');
const repoFixtures = fromRoot('test', 'fixtures', 'repos');

/** Every file below `dir` (none when it does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((file) => statSync(file).isFile());
}

/** Detector fixtures: a folder named after the id holding at least one Go file. */
function hasGoFixture(id: string): boolean {
  return filesUnder(path.join(goFixtures, id)).some((file) => file.endsWith('.go'));
}

/** Test files that drive the fixture repos (they name the folder), other than this meta-test. */
function fixtureRepoTests(): string[] {
  const self = fileURLToPath(import.meta.url);
  return filesUnder(fromRoot('test'))
    .filter((file) => /\.test\.ts$/.test(file) && file !== self)
    .filter((file) => /fixtures\/repos|['"]repos['"]/.test(readFileSync(file, 'utf8')));
}

/**
 * Ids a fixture repo exercises: named in a fixture repo's own files (an expectations file) or in a test
 * that drives the fixture repos.
 */
function idsNamedByFixtureRepos(): Set<string> {
  const files = [
    ...filesUnder(repoFixtures).filter((file) => statSync(file).size < 256 * 1024),
    ...fixtureRepoTests(),
  ];
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  return new Set(
    catalogue
      .map(([id]) => id)
      .filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`: ${id}`)),
  );
}

describe('check catalogue ↔ checklist', () => {
  it('lists the catalogue ids exactly once each', () => {
    const ids = catalogue.map(([id]) => id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 45);
  });

  it('ships exactly the catalogue ids, in catalogue order', () => {
    assert.deepEqual(
      checklist.checks.map((c) => c.id),
      catalogue.map(([id]) => id),
    );
  });

  it('gives each check its catalogue section and severity', () => {
    for (const [id, category, severity] of catalogue) {
      const check = checklist.checks.find((c) => c.id === id);
      assert.deepEqual([check?.category, check?.severity], [category, severity], id);
    }
  });
});

describe('checklist ↔ implementations', () => {
  it('implements every checklist id or lists it as not yet implemented', () => {
    const missing = checklist.checks
      .map((c) => c.id)
      .filter((id) => !checkImplementations.has(id) && !notYetImplemented.has(id));
    assert.deepEqual(missing, [], 'checklist ids with no implementation and not listed as pending');
  });

  it('keeps the not-yet-implemented list honest', () => {
    const stale = [...notYetImplemented].filter((id) => checkImplementations.has(id));
    assert.deepEqual(stale, [], 'implemented now: remove from notYetImplemented');
    const unknown = [...notYetImplemented].filter((id) => !catalogue.some(([c]) => c === id));
    assert.deepEqual(unknown, [], 'not catalogue ids');
  });

  it('registers only checklist ids, each under its own id', () => {
    const ids = new Set(checklist.checks.map((c) => c.id));
    for (const [key, impl] of checkImplementations) {
      assert.equal(impl.id, key);
      assert.ok(ids.has(key), `implementation ${key} is not a checklist id`);
    }
  });
});

describe('implementations ↔ fixtures', () => {
  it('exercises every implemented check with Go fixtures or a fixture repo', () => {
    const namedByRepos = idsNamedByFixtureRepos();
    const lacking = [...checkImplementations.keys()].filter(
      (id) => !hasGoFixture(id) && !namedByRepos.has(id) && !fixturesPending.has(id),
    );
    assert.deepEqual(lacking, [], 'implemented checks without fixtures');
  });

  it('keeps the pending-fixtures list honest', () => {
    const namedByRepos = idsNamedByFixtureRepos();
    const settled = [...fixturesPending].filter(
      (id) => !checkImplementations.has(id) || hasGoFixture(id) || namedByRepos.has(id),
    );
    assert.deepEqual(settled, [], 'no longer pending: remove from fixturesPending');
  });
});
