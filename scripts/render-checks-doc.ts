// Renders docs/checks.md, the reference page of every check, from the checklist YAML, so the page cannot
// drift from what the scanner reports. `tsx scripts/render-checks-doc.ts` writes it; `--check` only
// verifies it is current (a test does the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../src/paths.js';
import { defaultChecklistFile, loadChecklist, severityWeight } from '../src/scan/checklist.js';
import type { Checklist, ChecklistCheck } from '../src/scan/checklist-types.js';

export const checksDocFile = fromRoot('docs', 'checks.md');

/** Titles of the source documents the checks cite, by file name (from the seed index). */
const sourceTitles: Readonly<Record<string, string>> = {
  '000_41aa93323c41af9f.txt': 'Go for Internal Services',
  '001_5ce1d4d795934223.txt': 'Go microservice backends',
  '002_849d0d21c03bc3f9.txt': 'Why Use Go — Senior Level',
  '003_f778aac9c5ae5860.txt': 'How to ship production-grade Go',
  '004_96bfe9392abb38db.txt': 'Why we chose Go (a year later)',
};

/** GitHub's heading anchor for a heading made of a check id. */
const anchorOf = (id: string): string => id.toLowerCase().replace(/[^a-z0-9 _-]/g, '');

const appliesText = (check: ChecklistCheck): string =>
  check.appliesTo === 'all' ? 'all repos' : check.appliesTo.join(', ');

/** Collapses folded YAML prose to one paragraph. */
const paragraph = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Table cells must not contain a bare pipe. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function paramsText(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return 'none';
  return entries.map(([key, value]) => `\`${key}: ${JSON.stringify(value)}\``).join(', ');
}

function categoriesInOrder(checklist: Checklist): string[] {
  return [...new Set(checklist.checks.map((c) => c.category))];
}

function renderCheck(check: ChecklistCheck): string[] {
  const sources = check.sources.map((s) => {
    const title = sourceTitles[s.file];
    return `- ${title ? `*${title}* (\`${s.file}\`)` : `\`${s.file}\``}: ${paragraph(s.section)}`;
  });
  return [
    `### ${check.id}`,
    '',
    `**${check.title}** — ${check.severity}${check.blocking ? ', **blocking**' : ''}; applies to ${appliesText(check)}; reads ${check.scope === 'code' ? 'Go code' : 'repository files'}.`,
    '',
    `**Why.** ${paragraph(check.why)}`,
    '',
    'Sources:',
    '',
    ...sources,
    '',
    `**Fix.** ${paragraph(check.remediation)}`,
    '',
    '```' + check.exampleLanguage,
    check.example.trimEnd(),
    '```',
    '',
    `Parameters: ${paramsText(check.params)}.`,
    '',
  ];
}

/** The whole reference page, as Markdown. */
export function renderChecksDoc(checklist: Checklist): string {
  const weights = Object.entries(severityWeight)
    .map(([severity, weight]) => `${severity} ${weight}`)
    .join(', ');
  const lines: string[] = [
    '# Production-readiness checks',
    '',
    `<!-- Generated from checklists/go-production.yaml by scripts/render-checks-doc.ts (npm run docs:checks). Do not edit by hand. -->`,
    '',
    `${paragraph(checklist.description)}`,
    '',
    `Checklist \`${checklist.id}\` version ${checklist.version}: ${checklist.checks.length} checks. Each check ends as ` +
      '`pass`, `partial`, `fail`, `na` (does not apply, with the reason) or `unknown` (could not decide, with ' +
      `the reason). The total is the severity-weighted mean of the scored checks (${weights}), scaled to ` +
      `0–100. The verdict is \`go\` when the total reaches ${checklist.threshold} and no blocking check fails.`,
    '',
    'Check ids are public and stable: CI gates, suppressions and saved scorecards refer to them.',
    '',
  ];
  for (const category of categoriesInOrder(checklist)) {
    const checks = checklist.checks.filter((c) => c.category === category);
    lines.push(
      `## ${category}`,
      '',
      '| id | title | severity | blocking | applies to |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of checks) {
      lines.push(
        `| [\`${c.id}\`](#${anchorOf(c.id)}) | ${cell(c.title)} | ${c.severity} | ${c.blocking ? 'yes' : 'no'} | ${appliesText(c)} |`,
      );
    }
    lines.push('');
    for (const c of checks) lines.push(...renderCheck(c));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

function main(args: string[]): number {
  const rendered = renderChecksDoc(loadChecklist(defaultChecklistFile));
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(checksDocFile, 'utf8');
    } catch {
      // a missing page is simply out of date
    }
    if (current !== rendered) {
      console.error('docs/checks.md is out of date: run npm run docs:checks');
      return 1;
    }
    return 0;
  }
  writeFileSync(checksDocFile, rendered);
  console.log('wrote docs/checks.md');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
