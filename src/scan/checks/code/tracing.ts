// tracing.instrumented: a tracer provider plus instrumented transports, or a tracer that does both.
import type { CheckImplementation } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { cappedEvidence, evidenceCap, isOutcome, absent, namesOf, outcome, serviceScope } from './common.js';
import { evidenceOf, findUses, tagged } from './match.js';

export const tracingInstrumented: CheckImplementation = {
  id: 'tracing.instrumented',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const hits = findUses(scope.prod, libraryGroup('tracing'));
    const complete = tagged(hits, 'complete');
    const providers = tagged(hits, 'provider');
    const instrumentation = tagged(hits, 'instrumentation');
    const shown = cappedEvidence(
      hits.map((h) => evidenceOf(h, `tracing: ${h.library.name}`)),
      evidenceCap(ctx),
    );
    if (complete.length || (providers.length && instrumentation.length)) {
      return outcome('pass', `Requests are traced (${namesOf(hits)})${shown.note}.`, shown.evidence);
    }
    if (providers.length) {
      return outcome(
        'partial',
        `A tracer provider is set up (${namesOf(providers)}) but no transport is instrumented (otelhttp, otelgrpc, …), so incoming requests start no spans.`,
        shown.evidence,
        5,
      );
    }
    if (instrumentation.length) {
      return outcome(
        'partial',
        `Transports are instrumented (${namesOf(instrumentation)}) but no tracer provider is set up, so spans go to the no-op tracer.`,
        shown.evidence,
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No tracing (OpenTelemetry, OpenTracing, Jaeger, OpenCensus, dd-trace) was found.',
      'server without request tracing',
    );
  },
};
