// Turns check results into the total score (0–100), a letter grade and the go/no-go verdict.
// Pure: na and unknown results have no score and leave both sides of the weighted mean.
import type { Grade, Verdict } from '../report/types.js';
import { severityWeight } from './checklist.js';
import type { CheckStatus, Severity } from './types.js';

/** Lowest score for each grade, best first; anything below the last is F. */
const gradeFloors: readonly { grade: Grade; min: number }[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 60 },
];

/** What a scored result needs for the total and the verdict. */
export interface ScoredItem {
  id: string;
  status: CheckStatus;
  score: number | null;
  severity: Severity;
  blocking: boolean;
}

export interface ScoreSummary {
  score: number | null;
  grade: Grade | null;
  verdict: Verdict;
  verdictReason: string;
  blockers: string[];
}

/** The score a status earns: pass 10, fail 0, partial the given score (clamped) or 5, na/unknown none. */
export function scoreForStatus(status: CheckStatus, given?: number): number | null {
  switch (status) {
    case 'pass':
      return 10;
    case 'fail':
      return 0;
    case 'partial':
      return given === undefined || !Number.isFinite(given) ? 5 : Math.min(10, Math.max(0, given));
    default:
      return null;
  }
}

/** Σ weight·score / Σ weight × 10, rounded to one decimal; null when nothing has a score. */
export function totalScore(items: readonly Pick<ScoredItem, 'score' | 'severity'>[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const item of items) {
    if (item.score === null) continue;
    const w = severityWeight[item.severity];
    weighted += w * item.score;
    weights += w;
  }
  if (weights === 0) return null;
  return Math.round((weighted / weights) * 100) / 10;
}

export function gradeFor(score: number): Grade {
  return gradeFloors.find((g) => score >= g.min)?.grade ?? 'F';
}

/** Scores the results and decides the verdict against the checklist's threshold. */
export function summarise(items: readonly ScoredItem[], threshold: number): ScoreSummary {
  const score = totalScore(items);
  const blockers = items.filter((i) => i.blocking && i.status === 'fail').map((i) => i.id);
  const reasons: string[] = [];
  if (blockers.length > 0) {
    const noun = blockers.length === 1 ? 'check fails' : 'checks fail';
    reasons.push(`Blocking ${noun}: ${blockers.join(', ')}.`);
  }
  if (score === null) {
    reasons.push('No check produced a score, so production readiness cannot be shown.');
  } else if (score < threshold) {
    reasons.push(`The score ${score.toFixed(1)} is under the threshold ${threshold}.`);
  }
  const go = reasons.length === 0;
  return {
    score,
    grade: score === null ? null : gradeFor(score),
    verdict: go ? 'go' : 'no-go',
    verdictReason: go
      ? `No blocking check fails and the score ${score?.toFixed(1)} reaches the threshold ${threshold}.`
      : reasons.join(' '),
    blockers,
  };
}
