// Presentation helpers the renderers share: status labels and icons, category grouping, short numbers.
import type { CheckStatus } from '../scan/types.js';
import type { CheckResult } from './types.js';

export const statusIcons: Readonly<Record<CheckStatus, string>> = {
  pass: '✅',
  partial: '🟡',
  fail: '❌',
  na: '➖',
  unknown: '❔',
};

export const statusLabels: Readonly<Record<CheckStatus, string>> = {
  pass: 'pass',
  partial: 'partial',
  fail: 'fail',
  na: 'n/a',
  unknown: 'unknown',
};

/** Checks grouped by category, categories in the order they first appear (the checklist's order). */
export function byCategory(checks: readonly CheckResult[]): { category: string; checks: CheckResult[] }[] {
  const groups = new Map<string, CheckResult[]>();
  for (const check of checks) {
    const list = groups.get(check.category) ?? [];
    list.push(check);
    groups.set(check.category, list);
  }
  return [...groups].map(([category, list]) => ({ category, checks: list }));
}

/** Score as shown to people: `7.5`, `10`, or `–` when there is none. */
export function formatCheckScore(score: number | null): string {
  if (score === null) return '–';
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function formatTotal(score: number | null): string {
  return score === null ? 'no score' : `${score.toFixed(1)}/100`;
}

export function shortCommit(commit: string | null): string | null {
  return commit ? commit.slice(0, 12) : null;
}

/** Checks whose details a reader needs: failing first, then partial, in checklist order. */
export function checksNeedingWork(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status === 'partial')];
}

/** Number of checks per status. */
export function statusCounts(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, partial: 0, fail: 0, na: 0, unknown: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}
