// testing.fuzz, testing.integration and testing.table-driven: what the test files show about how the
// code is tested.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { libraryGroup, libraryList } from '../../libraries.js';
import {
  cappedEvidence,
  evidenceCap,
  isOutcome,
  absent,
  outcome,
  serviceScope,
  cappedOutcome,
} from './common.js';
import { callSnippet, evidenceOf, findUses, isExample, numberParam } from './match.js';
import { findServerStarts } from './servers.js';

const testFilesOf = (files: readonly GoFileFacts[]): GoFileFacts[] =>
  files.filter((f) => f.isTest && !isExample(f));

export const fuzz: CheckImplementation = {
  id: 'testing.fuzz',
  run(ctx) {
    const files = ctx.facts.go.filter((f) => !isExample(f));
    if (!files.length) return outcome('na', 'There is no Go code here.', []);
    const evidence: Evidence[] = [];
    for (const f of testFilesOf(files)) {
      for (const t of f.tests) {
        if (t.kind === 'fuzz')
          evidence.push({
            file: f.path,
            line: t.line,
            snippet: `func ${t.name}(f *testing.F)`,
            message: 'native fuzz target',
          });
      }
    }
    for (const f of files) {
      const tagged = f.buildConstraint !== null && /\bgofuzz\b/.test(f.buildConstraint);
      for (const fn of f.funcs) {
        if (fn.name === 'Fuzz' && !fn.receiver && tagged && fn.params.some((p) => p.type === '[]byte')) {
          evidence.push({
            file: f.path,
            line: fn.line,
            snippet: 'func Fuzz(data []byte) int',
            message: 'go-fuzz harness',
          });
        }
      }
    }
    for (const h of findUses(files, libraryGroup('goFuzz')))
      evidence.push(evidenceOf(h, `fuzzing helper (${h.library.name})`));
    const cap = evidenceCap(ctx);
    if (evidence.length) {
      return cappedOutcome(
        'pass',
        evidence,
        cap,
        (note) => `${evidence.length} fuzz target(s) found${note}.`,
      );
    }
    const tests = testFilesOf(files);
    const where = (tests.length ? tests : files).slice(0, 3);
    return outcome(
      'fail',
      'No fuzz targets (func FuzzX(f *testing.F)) or go-fuzz harnesses were found.',
      where.map((f) => ({
        file: f.path,
        line: 1,
        snippet: `package ${f.package}`,
        message: tests.length ? 'tests here, but no fuzz target' : 'no tests or fuzz targets here',
      })),
    );
  },
};

/** An httptest server around a hand-written handler fakes a dependency; around the app it is end to end. */
function fakesUpstream(firstArg: string | undefined): boolean {
  if (!firstArg) return true;
  const a = firstArg.replace(/\s+/g, '');
  return a.startsWith('func(') || /^http\.HandlerFunc\(func\(/.test(a) || a === 'nil';
}

/** Test calls of the repo's own functions that start a server (`go server.RunHTTPServer(addr, app)`):
 *  the test brings the real service up and talks to it. Only plain functions, one call deep. */
function startsOwnServer(files: readonly GoFileFacts[], tests: readonly GoFileFacts[]): Evidence[] {
  const starters = new Set<string>();
  const key = (dir: string, name: string): string => `${dir}\u0000${name}`;
  for (const s of findServerStarts(files)) {
    const fn = s.hit.call?.func;
    if (fn && !fn.includes('.')) starters.add(key(s.hit.file.dir, fn));
  }
  if (!starters.size) return [];
  const dirs = [...new Set(files.map((f) => f.dir))].sort((a, b) => b.length - a.length);
  // The repo folder an import path names: the longest folder the path ends with.
  const dirOf = (importPath: string): string | undefined =>
    dirs.find((d) => d !== '.' && (importPath === d || importPath.endsWith('/' + d)));
  const out: Evidence[] = [];
  for (const f of tests) {
    for (const c of f.calls) {
      const dir = c.pkg ? dirOf(c.pkg) : c.recv === null ? f.dir : undefined;
      if (dir !== undefined && starters.has(key(dir, c.name))) {
        out.push({
          file: f.path,
          line: c.line,
          snippet: callSnippet(c),
          message: `starts the service's own server (${c.name})`,
        });
      }
    }
  }
  return out;
}

export const integration: CheckImplementation = {
  id: 'testing.integration',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const files = ctx.facts.go.filter((f) => !isExample(f));
    const tests = testFilesOf(files);
    const evidence: Evidence[] = [];
    for (const h of findUses(files, libraryGroup('integrationTesting'))) {
      evidence.push(evidenceOf(h, `starts real dependencies (${h.library.name})`));
    }
    const tags = new Set(libraryList('integrationTags'));
    for (const f of files) {
      const words = (f.buildConstraint ?? '').split(/[^A-Za-z0-9_]+/);
      const tag = words.find((w) => tags.has(w));
      if (tag) {
        evidence.push({
          file: f.path,
          line: 1,
          snippet: `//go:build ${f.buildConstraint}`,
          message: `${tag} build tag`,
        });
      }
    }
    for (const h of findUses(tests, libraryGroup('endToEndServers'))) {
      if (h.call && h.name !== 'Listen' && fakesUpstream(h.call.args[0])) continue;
      evidence.push(evidenceOf(h, `drives the real handler end to end (${h.library.name})`));
    }
    evidence.push(...startsOwnServer(files, tests));
    const ci = ctx.facts.repo.ci;
    for (const s of ci.services) {
      evidence.push({
        file: s.file,
        line: s.line,
        snippet: s.name,
        message: 'CI starts a service container for tests',
      });
    }
    const starters = libraryList('ciDependencyCommands');
    for (const c of ci.commands) {
      const hit = starters.find((s) => c.text.includes(s));
      if (hit)
        evidence.push({
          file: c.file,
          line: c.line,
          snippet: c.text.slice(0, 100),
          message: `CI starts dependencies (${hit})`,
        });
    }
    if (evidence.length) {
      return cappedOutcome(
        'pass',
        evidence,
        evidenceCap(ctx),
        (note) => `Components are tested together${note}.`,
      );
    }
    const reason = tests.length
      ? 'Tests exist, but none start real dependencies, carry an integration/e2e build tag, or drive the app end to end.'
      : 'No tests were found, so nothing is tested together.';
    return absent(ctx, scope, reason, 'service without integration tests');
  },
};

export const tableDriven: CheckImplementation = {
  id: 'testing.table-driven',
  run(ctx) {
    const tests = testFilesOf(ctx.facts.go).flatMap((f) =>
      f.tests.filter((t) => t.kind === 'test').map((t) => ({ f, t })),
    );
    if (!tests.length) return outcome('na', 'There are no test functions here.', []);
    const passRatio = numberParam(ctx.params, 'passRatio', 0.25);
    const cap = evidenceCap(ctx);
    const table = tests.filter((x) => x.t.tableDriven);
    const plain = tests.filter((x) => !x.t.tableDriven);
    const ratio = table.length / tests.length;
    const pct = Math.round(ratio * 100);
    const toEvidence = (x: (typeof tests)[number], message: string): Evidence => ({
      file: x.f.path,
      line: x.t.line,
      snippet: `func ${x.t.name}(t *testing.T)`,
      message,
    });
    if (ratio >= passRatio) {
      return cappedOutcome(
        'pass',
        table.map((x) => toEvidence(x, 'table-driven test with t.Run')),
        cap,
        (note) => `${table.length} of ${tests.length} tests (${pct}%) are table-driven${note}.`,
      );
    }
    const offenders = cappedEvidence(
      plain.map((x) => toEvidence(x, 'test without a table of cases')),
      cap,
    );
    if (table.length) {
      const score = Math.max(1, Math.min(9, Math.round((10 * ratio) / passRatio)));
      return outcome(
        'partial',
        `${table.length} of ${tests.length} tests (${pct}%) are table-driven; ${plain.length} are not${offenders.note}.`,
        [
          ...table.slice(0, 2).map((x) => toEvidence(x, 'table-driven test with t.Run')),
          ...offenders.evidence,
        ],
        score,
      );
    }
    return outcome(
      'fail',
      `None of the ${tests.length} tests is table-driven${offenders.note}.`,
      offenders.evidence,
    );
  },
};
