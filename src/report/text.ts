// The scorecard for a terminal: checks grouped by category with status, id, title and score, evidence
// under the failing and partial ones, then the totals and the verdict. Colour only when asked for.
import {
  byCategory,
  formatCheckScore,
  formatTotal,
  shortCommit,
  statusCounts,
  statusLabels,
} from './present.js';
import type { CheckStatus } from '../scan/types.js';
import type { Scorecard } from './types.js';

export interface TextOptions {
  color?: boolean;
}

/** Evidence lines shown per check in the terminal. */
const evidenceCap = 5;

const ansi = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  magenta: [35, 39],
  dim: [2, 22],
  bold: [1, 22],
} as const;
type Style = keyof typeof ansi;

const statusStyle: Readonly<Record<CheckStatus, Style>> = {
  pass: 'green',
  partial: 'yellow',
  fail: 'red',
  na: 'dim',
  unknown: 'magenta',
};

/** Colour when the stream is a terminal and NO_COLOR is not set (https://no-color.org). */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function renderText(card: Scorecard, options: TextOptions = {}): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${ansi[style][0]}m${text}\u001b[${ansi[style][1]}m` : text;
  const idWidth = Math.max(10, ...card.checks.map((c) => c.id.length));
  const titleWidth = Math.min(48, Math.max(10, ...card.checks.map((c) => c.title.length)));
  const lines: string[] = [];

  const commit = shortCommit(card.repo.commit);
  lines.push(paint('bold', `gonogo scorecard: ${card.repo.source}${commit ? ` @ ${commit}` : ''}`));
  const kinds = card.repo.kinds.length > 0 ? card.repo.kinds.join(', ') : 'none detected';
  lines.push(`kinds: ${kinds} · checklist: ${card.checklist.id} ${card.checklist.version}`);
  if (card.repo.modules.length > 1) {
    lines.push(`modules: ${card.repo.modules.map((m) => `${m.path} (${m.module})`).join(', ')}`);
  }

  for (const group of byCategory(card.checks)) {
    lines.push('', paint('bold', group.category));
    for (const c of group.checks) {
      const status = paint(statusStyle[c.status], pad(statusLabels[c.status].toUpperCase(), 8));
      const score = formatCheckScore(c.score).padStart(4);
      const flag = c.blocking ? ' (blocking)' : '';
      lines.push(
        `  ${status} ${pad(c.id, idWidth)}  ${pad(oneLine(c.title, titleWidth), titleWidth)} ${score}${flag}`,
      );
      if (c.status !== 'pass') {
        lines.push(paint('dim', `           ${oneLine(c.reason, 160)}`));
      }
      if (c.status === 'fail' || c.status === 'partial') {
        for (const e of c.evidence.slice(0, evidenceCap)) {
          const where = e.line > 0 ? `${e.file}:${e.line}` : e.file;
          const snippet = e.snippet.trim() ? `  ${oneLine(e.snippet, 80)}` : '';
          lines.push(`           ${where}${snippet}  — ${oneLine(e.message, 100)}`);
        }
        if (c.evidence.length > evidenceCap)
          lines.push(`           … and ${c.evidence.length - evidenceCap} more`);
      }
    }
  }

  const counts = statusCounts(card.checks);
  const verdict = card.verdict === 'go' ? paint('green', 'GO') : paint('red', 'NO-GO');
  lines.push('');
  lines.push(
    `checks: ${counts.pass} pass, ${counts.partial} partial, ${counts.fail} fail, ${counts.na} n/a, ${counts.unknown} unknown`,
  );
  const grade = card.grade ? ` (grade ${card.grade})` : '';
  lines.push(
    paint(
      'bold',
      `score: ${formatTotal(card.score)}${grade} · threshold ${card.checklist.threshold} · verdict: `,
    ) + verdict,
  );
  if (card.blockers.length > 0) lines.push(`blockers: ${card.blockers.join(', ')}`);
  lines.push(card.verdictReason);
  const s = card.stats;
  const extra = [`${s.goFiles} Go`, `${s.skipped} skipped`];
  if (s.unparsed > 0) extra.push(`${s.unparsed} unparsed`);
  lines.push(paint('dim', `files: ${s.files} (${extra.join(', ')}) · ${(s.durationMs / 1000).toFixed(1)} s`));
  if (s.truncated) lines.push(paint('yellow', `walk stopped early: ${s.truncated}`));
  return `${lines.join('\n')}\n`;
}
