// metrics.exposed and metrics.request: are application metrics exported, and do they measure request
// latency and errors.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { libraryGroup, libraryList } from '../../libraries.js';
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
import { callSnippet, evidenceOf, findUses, literalValue, type LibraryHit } from './match.js';

/** Route registrations whose path is one of `paths` (Go 1.22 `"GET /x"` patterns included). */
export function routesTo(files: readonly GoFileFacts[], paths: readonly string[]): Evidence[] {
  const wanted = new Set(paths);
  const methods = new Set(libraryList('routeMethods'));
  const out: Evidence[] = [];
  for (const f of files) {
    for (const c of f.calls) {
      if (!methods.has(c.name) || !c.recv) continue;
      for (const arg of c.args) {
        const value = literalValue(arg);
        if (value !== null && wanted.has(routePath(value))) {
          out.push({
            file: f.path,
            line: c.line,
            snippet: callSnippet(c),
            message: `route ${routePath(value)}`,
          });
        }
      }
    }
  }
  return out;
}

/** `GET /healthz/` or `/healthz/{$}` → `/healthz`. */
export function routePath(pattern: string): string {
  let p = pattern.trim();
  const space = p.indexOf(' ');
  if (space > 0 && /^[A-Z]+$/.test(p.slice(0, space))) p = p.slice(space + 1).trim();
  p = p.replace(/\{\$\}$/, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

export const metricsExposed: CheckImplementation = {
  id: 'metrics.exposed',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const cap = evidenceCap(ctx);
    const exporters = findUses(scope.prod, libraryGroup('metricsExporters'));
    const routes = routesTo(scope.prod, libraryList('metricsPaths'));
    const libs = findUses(scope.prod, libraryGroup('metricsLibraries'));
    if (exporters.length || routes.length) {
      const ev = [...exporters.map((h) => evidenceOf(h, `metrics exported (${h.library.name})`)), ...routes];
      return cappedOutcome('pass', ev, cap, (note) => `Application metrics are exported${note}.`);
    }
    if (libs.length) {
      const shown = cappedEvidence(
        libs.map((h) => evidenceOf(h, `metrics library ${h.library.name}`)),
        cap,
      );
      return outcome(
        'partial',
        `Metrics are recorded (${namesOf(libs)}) but no scrape handler, /metrics route or push exporter was found${shown.note}.`,
        shown.evidence,
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No metrics library (Prometheus, OpenTelemetry, statsd, Datadog, …) is used.',
      'server without application metrics',
    );
  },
};

/** Whether a counter/histogram's name or labels mark it as counting errors or statuses. */
function countsStatus(hit: LibraryHit): boolean {
  const words = new Set(libraryList('statusLabels'));
  const text = hit.call ? hit.call.args.join(' ') : '';
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => words.has(w));
}

export const metricsRequest: CheckImplementation = {
  id: 'metrics.request',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const cap = evidenceCap(ctx);
    const middleware = findUses(scope.prod, libraryGroup('requestMetricsMiddleware'));
    if (middleware.length) {
      return cappedOutcome(
        'pass',
        middleware.map((h) => evidenceOf(h, `request metrics instrumentation (${h.library.name})`)),
        cap,
        (note) => `Requests are instrumented for latency and status (${namesOf(middleware)})${note}.`,
      );
    }
    const latency = findUses(scope.prod, libraryGroup('latencyMetrics'));
    const counters = findUses(scope.prod, libraryGroup('counterMetrics'));
    const statusCounters = [...counters, ...latency].filter(countsStatus);
    const ev = [
      ...latency.map((h) => evidenceOf(h, `latency distribution (${h.library.name})`)),
      ...statusCounters
        .filter((h) => !latency.includes(h))
        .map((h) => evidenceOf(h, `error/status counter (${h.library.name})`)),
    ];
    const shown = cappedEvidence(ev, cap);
    if (latency.length && statusCounters.length) {
      return outcome(
        'pass',
        `Request latency and error/status counts are recorded${shown.note}.`,
        shown.evidence,
      );
    }
    if (latency.length) {
      return outcome(
        'partial',
        `A latency distribution is recorded but no error or status counter was found${shown.note}.`,
        shown.evidence,
        5,
      );
    }
    if (statusCounters.length) {
      return outcome(
        'partial',
        `Errors or statuses are counted but no latency histogram or summary was found${shown.note}.`,
        shown.evidence,
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No request latency histogram, status counter, or request-metrics middleware was found.',
      'server without request latency/error metrics',
    );
  },
};
