// The scorecard as Markdown, for a pull-request comment or an audit report: a headline, a table per category,
// then what to fix for each failing or partial check, with the checklist's remediation folded in <details>.
// Output passes markdownlint with line length (MD013) off and <details>/<summary> allowed (MD033).
import {
  byCategory,
  checksNeedingWork,
  formatCheckScore,
  formatTotal,
  shortCommit,
  statusIcons,
  statusLabels,
} from './present.js';
import type { CheckResult, Scorecard } from './types.js';

/** Evidence items listed per check before the rest are counted. */
const evidenceCap = 10;

/** A code span that survives backticks inside the text. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat === '') return '` `';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text safe inside a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Plain prose that should not turn into Markdown or HTML by accident. */
function prose(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([<>*_[\]])/g, '\\$1')
    .trim();
}

function fenced(code: string, language: string): string[] {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // gofmt indents with tabs; markdownlint (MD010) and most comment boxes want spaces.
  const body = code.replace(/\s+$/, '').replace(/\t/g, '    ');
  return [`${fence}${language.trim() || 'text'}`, body, fence];
}

function headline(card: Scorecard): string[] {
  const verdict = card.verdict === 'go' ? '✅ GO' : '❌ NO-GO';
  const grade = card.grade ? ` (grade ${card.grade})` : '';
  const lines = [
    `# gonogo scorecard: ${codeSpan(card.repo.source)}`,
    '',
    `Verdict: **${verdict}** · Score: **${formatTotal(card.score)}${grade}** · threshold ${card.checklist.threshold}`,
    '',
    prose(card.verdictReason),
    '',
  ];
  if (card.blockers.length > 0) {
    const titles = new Map(card.checks.map((c) => [c.id, c.title]));
    lines.push('Blockers:', '');
    for (const id of card.blockers) lines.push(`- ${codeSpan(id)} ${prose(titles.get(id) ?? '')}`.trimEnd());
    lines.push('');
  }
  const commit = shortCommit(card.repo.commit);
  const kinds = card.repo.kinds.length > 0 ? card.repo.kinds.join(', ') : 'none detected';
  const facts = [
    `Repository ${codeSpan(card.repo.source)}${commit ? ` at ${codeSpan(commit)}` : ''}`,
    `kinds: ${kinds}`,
    `checklist ${codeSpan(card.checklist.id)} ${prose(card.checklist.version)}`,
    `${card.stats.goFiles} Go files`,
  ];
  if (card.stats.unparsed > 0) facts.push(`${card.stats.unparsed} unparsed`);
  lines.push(`${facts.join(' · ')}.`, '');
  if (card.stats.truncated) lines.push(`The file walk stopped early: ${prose(card.stats.truncated)}.`, '');
  return lines;
}

function categoryTables(card: Scorecard): string[] {
  const lines: string[] = [];
  for (const group of byCategory(card.checks)) {
    lines.push(`## ${prose(group.category)}`, '');
    lines.push('| Status | Check | Severity | Score | Reason |', '| --- | --- | --- | --- | --- |');
    for (const c of group.checks) {
      const status = `${statusIcons[c.status]} ${statusLabels[c.status]}`;
      const severity = c.blocking ? `${c.severity}, blocking` : c.severity;
      lines.push(
        `| ${status} | ${codeSpan(c.id)} ${cell(prose(c.title))} | ${severity} | ${formatCheckScore(c.score)} | ${cell(prose(c.reason))} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function moduleTable(card: Scorecard): string[] {
  // Rows where no module has a score (all n/a or unknown) say nothing the category tables do not.
  const withModules = card.checks.filter((c) => c.modules?.some((m) => m.score !== null));
  if (withModules.length === 0) return [];
  const paths = card.repo.modules.map((m) => m.path);
  const lines = ['## Per module', ''];
  lines.push(`| Check | ${paths.map((p) => codeSpan(p)).join(' | ')} |`);
  lines.push(`| --- | ${paths.map(() => '---').join(' | ')} |`);
  for (const c of withModules) {
    const byPath = new Map((c.modules ?? []).map((m) => [m.path, m]));
    const cells = paths.map((p) => {
      const m = byPath.get(p);
      return m ? `${statusIcons[m.status]} ${formatCheckScore(m.score)}` : '–';
    });
    lines.push(`| ${codeSpan(c.id)} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  return lines;
}

function details(check: CheckResult): string[] {
  const lines = [`### ${statusIcons[check.status]} ${codeSpan(check.id)} ${prose(check.title)}`, ''];
  lines.push(prose(check.reason), '');
  if (check.evidence.length > 0) {
    for (const e of check.evidence.slice(0, evidenceCap)) {
      const where = e.line > 0 ? `${e.file}:${e.line}` : e.file;
      const snippet = e.snippet.trim() ? ` ${codeSpan(e.snippet)}` : '';
      lines.push(`- ${codeSpan(where)}${snippet} ${prose(e.message)}`.trimEnd());
    }
    if (check.evidence.length > evidenceCap) {
      lines.push(`- and ${check.evidence.length - evidenceCap} more`);
    }
    lines.push('');
  }
  lines.push('<details>', '<summary>How to fix</summary>', '');
  lines.push(check.remediation.trim(), '');
  if (check.example.trim()) lines.push(...fenced(check.example, check.exampleLanguage), '');
  if (check.why.trim()) lines.push(`Why: ${check.why.trim().replace(/\s*\n\s*/g, ' ')}`, '');
  lines.push('</details>', '');
  return lines;
}

export function renderMarkdown(card: Scorecard): string {
  const lines = [...headline(card), ...categoryTables(card), ...moduleTable(card)];
  const work = checksNeedingWork(card.checks);
  if (work.length > 0) {
    lines.push('## What to fix', '');
    for (const check of work) lines.push(...details(check));
  }
  const tool = `${card.tool.name} ${card.tool.version}`;
  lines.push(
    `Generated by ${tool} at ${card.generatedAt} in ${(card.stats.durationMs / 1000).toFixed(1)} s.`,
    '',
  );
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '\n');
}
