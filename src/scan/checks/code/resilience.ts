// resilience.overload: rate limits, concurrency limits, load shedding or circuit breakers bound load.
import type { CheckImplementation } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { evidenceCap, isOutcome, absent, namesOf, serviceScope, cappedOutcome } from './common.js';
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
    return cappedOutcome(
      'pass',
      hits.map((h) =>
        evidenceOf(h, `${(h.library.tags ?? ['overload control']).join(', ')}: ${h.library.name}`),
      ),
      evidenceCap(ctx),
      (note) => `Load is bounded (${namesOf(hits)})${note}.`,
    );
  },
};
