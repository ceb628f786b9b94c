// Small shared pieces of the code checks: outcomes, the "which files does a service check judge" step,
// and evidence lists capped with their total count.
import type { CheckContext, CheckOutcome, CheckStatus, Evidence, GoFileFacts } from '../../types.js';
import { numberParam, productionFiles } from './match.js';
import { findServerStarts, type ServerStart } from './servers.js';

export function outcome(
  status: CheckStatus,
  reason: string,
  evidence: Evidence[],
  score?: number,
): CheckOutcome {
  return score === undefined ? { status, reason, evidence } : { status, reason, evidence, score };
}

export interface ServiceScope {
  prod: GoFileFacts[];
  starts: ServerStart[];
}

/**
 * The production files of a service check, or an `na` outcome when these files start no server (the
 * evaluator may run a check on one module of a monorepo that holds only libraries).
 */
export function serviceScope(ctx: CheckContext): ServiceScope | CheckOutcome {
  const prod = productionFiles(ctx.facts.go);
  const starts = findServerStarts(ctx.facts.go);
  if (starts.length === 0) {
    return outcome('na', 'No network server is started in this code, so there is nothing to judge.', []);
  }
  return { prod, starts };
}

export function isOutcome(x: ServiceScope | CheckOutcome): x is CheckOutcome {
  return 'status' in x;
}

/** The evidence cap a check uses (checklist param `maxEvidence`, default 10). */
export function evidenceCap(ctx: CheckContext): number {
  return numberParam(ctx.params, 'maxEvidence', 10);
}

/** Keeps at most `max` items and tells how many there were in all, for reasons. */
export function cappedEvidence(items: Evidence[], max: number): { evidence: Evidence[]; note: string } {
  if (items.length <= max) return { evidence: items, note: '' };
  return { evidence: items.slice(0, max), note: ` (showing ${max} of ${items.length})` };
}

/** An outcome whose evidence is capped; `reason` gets the " (showing N of M)" note when the cap bites. */
export function cappedOutcome(
  status: CheckStatus,
  items: Evidence[],
  max: number,
  reason: (note: string) => string,
  score?: number,
): CheckOutcome {
  const shown = cappedEvidence(items, max);
  return outcome(status, reason(shown.note), shown.evidence, score);
}

/** Evidence for a service that lacks something: the places where its servers start. */
export function missingAt(scope: ServiceScope, message: string, max = 3): Evidence[] {
  // A bare net.Listen usually feeds one of the other servers; point at those when there are any.
  const servers = scope.starts.filter((s) => !s.protocols.includes('tcp'));
  return (servers.length ? servers : scope.starts).slice(0, max).map((s) => ({
    file: s.hit.file.path,
    line: s.hit.line,
    snippet: s.hit.snippet,
    message,
  }));
}

/** Library names of hits, deduplicated, for reasons. */
export function namesOf(hits: readonly { library: { name: string } }[]): string {
  return [...new Set(hits.map((h) => h.library.name))].join(', ');
}

/**
 * The outcome when a service lacks something: `fail` pointing at its servers, unless some Go files could
 * not be parsed — what is missing might be in them, so the check cannot decide.
 */
export function absent(
  ctx: CheckContext,
  scope: ServiceScope,
  reason: string,
  message: string,
): CheckOutcome {
  const unparsed = ctx.facts.unparsed.length;
  if (unparsed > 0) {
    return outcome(
      'unknown',
      `${reason} ${unparsed} Go file(s) could not be parsed and might hold it, so this is not judged.`,
      [],
    );
  }
  return outcome('fail', reason, missingAt(scope, message));
}
