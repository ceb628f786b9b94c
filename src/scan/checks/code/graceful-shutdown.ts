// lifecycle.graceful-shutdown: SIGTERM is caught and servers drain in-flight work with a deadline.
import type { CheckImplementation, Evidence } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { cappedEvidence, evidenceCap, isOutcome, absent, namesOf, outcome, serviceScope } from './common.js';
import { evidenceOf, findUses, type LibraryHit } from './match.js';

/** Whether a signal.Notify / NotifyContext call catches SIGTERM (no signal list means every signal). */
function catchesTerm(hit: LibraryHit): boolean {
  if (!hit.call) return true;
  const signals = hit.call.args.slice(1);
  return signals.length === 0 || signals.some((a) => /SIGTERM|Terminate/.test(a));
}

export const gracefulShutdown: CheckImplementation = {
  id: 'lifecycle.graceful-shutdown',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const cap = evidenceCap(ctx);
    const frameworks = findUses(scope.prod, libraryGroup('gracefulFrameworks'));
    const signals = findUses(scope.prod, libraryGroup('signalHandlers'));
    const drains = findUses(scope.prod, libraryGroup('serverDrains'));
    const term = signals.filter(catchesTerm);
    const interruptOnly = signals.filter((s) => !catchesTerm(s));
    const evidence: Evidence[] = [
      ...frameworks.map((h) =>
        evidenceOf(h, `${h.library.name} catches signals and stops its servers gracefully`),
      ),
      ...term.map((h) => evidenceOf(h, 'catches SIGTERM')),
      ...interruptOnly.map((h) => evidenceOf(h, 'catches only interrupt (SIGINT), not SIGTERM')),
      ...drains.map((h) => evidenceOf(h, `drains the server (${h.library.name})`)),
    ];
    const shown = cappedEvidence(evidence, cap);
    if (frameworks.length || (term.length && drains.length)) {
      return outcome(
        'pass',
        frameworks.length
          ? `Shutdown is handled by ${namesOf(frameworks)}${shown.note}.`
          : `SIGTERM is caught and servers are drained${shown.note}.`,
        shown.evidence,
      );
    }
    if (interruptOnly.length && drains.length) {
      return outcome(
        'partial',
        'Servers are drained, but only on interrupt: SIGTERM (what Kubernetes and most supervisors send) is not caught.',
        shown.evidence,
        6,
      );
    }
    if (signals.length) {
      return outcome(
        'partial',
        'Signals are caught but no server is drained (no Shutdown/GracefulStop): in-flight requests are cut off.',
        shown.evidence,
        4,
      );
    }
    if (drains.length) {
      return outcome(
        'partial',
        'Servers can be drained, but no signal handler was found to trigger it on SIGTERM.',
        shown.evidence,
        4,
      );
    }
    return absent(
      ctx,
      scope,
      'No signal handling or graceful server shutdown was found: SIGTERM kills in-flight requests.',
      'server stopped without draining',
    );
  },
};
