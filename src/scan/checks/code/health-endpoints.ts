// lifecycle.health-endpoints: liveness and readiness routes (or a health service). A readiness route
// distinct from liveness earns full marks; a single health route is partial.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { libraryGroup, libraryList } from '../../libraries.js';
import { cappedEvidence, evidenceCap, isOutcome, absent, outcome, serviceScope } from './common.js';
import { evidenceOf, findUses, literalValue, numberParam } from './match.js';
import { routePath, routesTo } from './metrics.js';

type Role = 'liveness' | 'readiness' | 'health';

/**
 * Health paths held in constants (`const readyPath = "/readyz"`): an exact literal that no call on its
 * line takes as an argument. A literal passed to a non-route call (a log line) is not a route.
 */
function healthConstants(files: readonly GoFileFacts[], paths: ReadonlySet<string>): Evidence[] {
  const out: Evidence[] = [];
  for (const f of files) {
    for (const s of f.strings) {
      const p = routePath(s.value);
      if (!paths.has(p)) continue;
      const usedByCall = f.calls.some(
        (c) => c.line === s.line && c.args.some((a) => literalValue(a) === s.value),
      );
      if (!usedByCall) {
        out.push({
          file: f.path,
          line: s.line,
          snippet: JSON.stringify(s.value),
          message: `health path constant ${p}`,
        });
      }
    }
  }
  return out;
}

export const healthEndpoints: CheckImplementation = {
  id: 'lifecycle.health-endpoints',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const lists: Record<Role, string[]> = {
      liveness: libraryList('livenessPaths'),
      readiness: libraryList('readinessPaths'),
      health: libraryList('healthPaths'),
    };
    const found = new Map<Role, Evidence[]>();
    for (const role of Object.keys(lists) as Role[]) {
      const paths = new Set(lists[role]);
      const ev = [...routesTo(scope.prod, lists[role]), ...healthConstants(scope.prod, paths)].map((e) => ({
        ...e,
        message: `${role} ${e.message}`,
      }));
      if (ev.length) found.set(role, ev);
    }
    const services = findUses(scope.prod, libraryGroup('healthServices')).map((h) =>
      evidenceOf(h, `health service with per-component status (${h.library.name})`),
    );
    const single = findUses(scope.prod, libraryGroup('singleHealthHandlers')).map((h) =>
      evidenceOf(h, `health handler (${h.library.name})`),
    );
    const evidence = [...services, ...[...found.values()].flat(), ...single];
    const shown = cappedEvidence(evidence, evidenceCap(ctx));
    const ready = found.has('readiness') || services.length > 0;
    const live = found.has('liveness') || found.has('health') || services.length > 0;
    if (ready && live) {
      return outcome('pass', `Readiness is reported apart from liveness${shown.note}.`, shown.evidence);
    }
    if (evidence.length) {
      return outcome(
        'partial',
        ready
          ? 'A readiness route exists but no separate liveness route.'
          : 'A single health route serves both liveness and readiness; a separate readiness route lets the service leave load balancing without being restarted.',
        shown.evidence,
        numberParam(ctx.params, 'singleRouteScore', 5),
      );
    }
    return absent(
      ctx,
      scope,
      'No health, liveness or readiness endpoint (nor a gRPC health service) was found.',
      'server without health endpoints',
    );
  },
};
