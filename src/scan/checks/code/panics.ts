// panics.http-recovery and panics.reporting: request panics are recovered by a middleware or
// interceptor, and crashes reach an error tracker.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { importMatches, libraryGroup } from '../../libraries.js';
import {
  cappedEvidence,
  evidenceCap,
  isOutcome,
  absent,
  namesOf,
  outcome,
  serviceScope,
  cappedOutcome,
} from './common.js';
import { evidenceOf, findUses, importPathOf } from './match.js';

/** Protocols ('http', 'grpc') whose handler types appear in a type text such as `*gin.Context`. */
function handlerProtocols(file: GoFileFacts, typeText: string): string[] {
  const out: string[] = [];
  for (const m of typeText.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const pkg = importPathOf(file, m[1]!);
    if (!pkg) continue;
    for (const lib of libraryGroup('handlerTypes')) {
      if (importMatches(pkg, lib.imports) && lib.types?.includes(m[2]!)) out.push(...(lib.tags ?? []));
    }
  }
  return out;
}

/**
 * Hand-written recovery: a function whose parameters or results are handler types and that recovers
 * inside a defer, either directly (`defersRecover`) or in a func literal it returns (a `recover()` call
 * whose enclosing top-level function is that wrapper).
 */
function customRecovery(files: readonly GoFileFacts[]): { evidence: Evidence; protocols: string[] }[] {
  const out: { evidence: Evidence; protocols: string[] }[] = [];
  for (const f of files) {
    const recoverFuncs = new Set(
      f.calls.filter((c) => c.name === 'recover' && c.recv === null && c.func).map((c) => c.func!),
    );
    const reported = new Set<string>();
    for (const fn of f.funcs) {
      const qualified = fn.receiver ? `${fn.receiver}.${fn.name}` : fn.name;
      if (!fn.defersRecover && !recoverFuncs.has(qualified)) continue;
      // The handler literal inside a wrapper already reported is the same wrapper.
      if (reported.has(qualified.split('.func')[0]!)) continue;
      const protocols = [...fn.params.map((p) => p.type), ...fn.results].flatMap((t) =>
        handlerProtocols(f, t),
      );
      if (!protocols.length) continue;
      reported.add(qualified.split('.func')[0]!);
      out.push({
        protocols: [...new Set(protocols)],
        evidence: {
          file: f.path,
          line: fn.line,
          snippet: `func ${fn.receiver ? `(${fn.receiver}) ` : ''}${fn.name}(…)`,
          message: 'handler wrapper recovers panics in a defer',
        },
      });
    }
  }
  return out;
}

export const httpRecovery: CheckImplementation = {
  id: 'panics.http-recovery',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const needed = new Set(
      scope.starts.flatMap((s) => s.protocols).filter((p) => p === 'http' || p === 'grpc'),
    );
    if (!needed.size)
      return outcome('na', 'No HTTP or gRPC server is started, so there are no request handlers.', []);
    const middleware = findUses(scope.prod, libraryGroup('recoveryMiddleware'));
    const custom = customRecovery(scope.prod);
    const covered = new Set([
      ...middleware.flatMap((h) => h.library.tags ?? []),
      ...custom.flatMap((c) => c.protocols),
    ]);
    const evidence = [
      ...middleware.map((h) => evidenceOf(h, `recovers request panics (${h.library.name})`)),
      ...custom.map((c) => c.evidence),
    ];
    const shown = cappedEvidence(evidence, evidenceCap(ctx));
    const missing: string[] = [...needed].filter((p) => !covered.has(p));
    if (!missing.length) {
      return outcome(
        'pass',
        `Request panics are recovered${middleware.length ? ` (${namesOf(middleware)})` : ''}${shown.note}.`,
        shown.evidence,
      );
    }
    if (evidence.length) {
      const unguarded = scope.starts.filter((s) => s.protocols.some((p) => missing.includes(p)));
      return outcome(
        'partial',
        `Panics are recovered for some servers, but not for the ${missing.join(' and ')} server(s).`,
        [
          ...shown.evidence,
          ...unguarded
            .slice(0, 3)
            .map((s) => evidenceOf(s.hit, `${missing.join('/')} server without panic recovery`)),
        ],
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No recovery middleware, interceptor or deferred recover() wraps the request handlers.',
      'server whose handlers are not guarded against panics',
    );
  },
};

export const panicReporting: CheckImplementation = {
  id: 'panics.reporting',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const reporters = libraryGroup('crashReporters');
    const wired = findUses(scope.prod, reporters);
    if (wired.length) {
      return cappedOutcome(
        'pass',
        wired.map((h) => evidenceOf(h, `crash reporter set up (${h.library.name})`)),
        evidenceCap(ctx),
        (note) => `Crashes are reported to ${namesOf(wired)}${note}.`,
      );
    }
    const imported: Evidence[] = [];
    for (const f of scope.prod) {
      for (const imp of f.imports) {
        const lib = reporters.find((r) => importMatches(imp.path, r.imports));
        if (lib) {
          imported.push({
            file: f.path,
            line: imp.line,
            snippet: `import "${imp.path}"`,
            message: `${lib.name} imported, but no set-up call was found`,
          });
        }
      }
    }
    if (imported.length) {
      return outcome(
        'partial',
        'A crash reporter is imported but never initialised in this code.',
        imported.slice(0, evidenceCap(ctx)),
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No crash or exception reporter (sentry-go, bugsnag, rollbar, honeybadger, airbrake, panicwrap, …) is wired in.',
      'service whose crashes reach no error tracker',
    );
  },
};
