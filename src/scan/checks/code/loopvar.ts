// concurrency.loopvar: goroutines do not share a loop variable. Modules at go >= 1.22 get a fresh
// variable per iteration, so go.mod is the evidence; older modules are checked closure by closure.
import type { CheckImplementation, Evidence, GoFileFacts, GoModule } from '../../types.js';
import { evidenceCap, outcome, cappedOutcome } from './common.js';
import { productionFiles } from './match.js';

/** The module whose folder is the longest prefix of the file's path. */
export function moduleOf(file: GoFileFacts, modules: readonly GoModule[]): GoModule | null {
  let best: GoModule | null = null;
  for (const m of modules) {
    const inside = m.path === '.' || file.path === m.path || file.path.startsWith(m.path + '/');
    if (inside && (!best || m.path.length > best.path.length || best.path === '.')) best = m;
  }
  return best;
}

const majorMinor = (version: string): [number, number] | null => {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/** Whether a `go` directive value (`1.22`, `1.22.3`, `1.23rc1`) is at least `since` (default 1.22). */
export function perIterationLoopVars(version: string | null, since = '1.22'): boolean {
  const v = version ? majorMinor(version) : null;
  const s = majorMinor(since) ?? [1, 22];
  if (!v) return false;
  return v[0] > s[0] || (v[0] === s[0] && v[1] >= s[1]);
}

const goModPath = (m: GoModule): string => (m.path === '.' ? 'go.mod' : `${m.path}/go.mod`);

export const loopvar: CheckImplementation = {
  id: 'concurrency.loopvar',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    if (!prod.length) return outcome('na', 'There is no production Go code here.', []);
    const modules = ctx.facts.repo.modules;
    const since = typeof ctx.params.perIterationSince === 'string' ? ctx.params.perIterationSince : '1.22';
    const safeModules = new Set<GoModule>();
    const oldFiles: GoFileFacts[] = [];
    for (const f of prod) {
      const m = moduleOf(f, modules);
      if (m && perIterationLoopVars(m.go, since)) safeModules.add(m);
      else oldFiles.push(f);
    }
    const moduleEvidence: Evidence[] = [...safeModules].map((m) => ({
      file: goModPath(m),
      line: m.line,
      snippet: `go ${m.go}`,
      message: `go >= ${since}: each loop iteration has its own variable`,
    }));
    if (!oldFiles.length) {
      return outcome(
        'pass',
        `Every module targets go ${since} or later, where loop variables are per iteration.`,
        moduleEvidence,
      );
    }
    const findings: Evidence[] = [];
    let loopGoroutines = 0;
    for (const f of oldFiles) {
      const m = moduleOf(f, modules);
      for (const g of f.goStmts) {
        if (g.inLoop) loopGoroutines++;
        if (g.capturedLoopVars.length) {
          findings.push({
            file: f.path,
            line: g.line,
            snippet: g.callee ? `go ${g.callee}(…)` : 'go func() { … }()',
            message: `goroutine uses loop variable ${g.capturedLoopVars.join(', ')} without passing or re-binding it (module go ${m?.go ?? 'version unknown'})`,
          });
        }
      }
      for (const d of f.deferStmts ?? []) {
        if (d.capturedLoopVars.length) {
          findings.push({
            file: f.path,
            line: d.line,
            snippet: d.callee ? `defer ${d.callee}(…)` : 'defer func() { … }()',
            message: `deferred closure uses loop variable ${d.capturedLoopVars.join(', ')}; it runs after the loop, seeing only the last value (module go ${m?.go ?? 'version unknown'})`,
          });
        }
      }
    }
    const cap = evidenceCap(ctx);
    if (findings.length) {
      return cappedOutcome(
        'fail',
        findings,
        cap,
        (note) =>
          `${findings.length} goroutine(s) or deferred closure(s) share a loop variable in code built before go ${since} semantics${note}.`,
      );
    }
    const first = oldFiles[0]!;
    const evidence = [
      ...moduleEvidence,
      {
        file: first.path,
        line: 1,
        snippet: `package ${first.package}`,
        message: `${oldFiles.length} file(s) built with pre-${since} loop semantics; ${loopGoroutines} goroutine(s) started in loops, none captures a loop variable`,
      },
    ];
    return outcome('pass', 'No goroutine or deferred closure captures a loop variable.', evidence);
  },
};
