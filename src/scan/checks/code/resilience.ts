// resilience.overload: rate limits, concurrency limits, load shedding or circuit breakers bound load.
import type { CheckImplementation } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { cappedEvidence, evidenceCap, isOutcome, absent, namesOf, outcome, serviceScope } from './common.js';
import { evidenceOf, findUses } from './match.js';

export const overload: CheckImplementation = {
  id: 'resilience.overload',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const hits = findUses(scope.prod, libraryGroup('overloadControls'));
    if (!hits.length) {
      return absent(
        ctx,
        scope,
        'No rate limiter, concurrency limit, load shedding or circuit breaker was found: a traffic spike meets no bound.',
        'server without overload protection',
      );
    }
    const shown = cappedEvidence(
      hits.map((h) =>
        evidenceOf(h, `${(h.library.tags ?? ['overload control']).join(', ')}: ${h.library.name}`),
      ),
      evidenceCap(ctx),
    );
    return outcome('pass', `Load is bounded (${namesOf(hits)})${shown.note}.`, shown.evidence);
  },
};
