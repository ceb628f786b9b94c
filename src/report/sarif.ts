// The scorecard as SARIF 2.1.0 for code-scanning dashboards: one rule per check (its docs from the checklist),
// one result per piece of evidence of a failing (error) or partial (warning) check.
import type { Severity } from '../scan/types.js';
import type { CheckResult, Scorecard } from './types.js';

/** GitHub code scanning reads `security-severity` as a number in a string (as ossf/scorecard does). */
const securitySeverity: Readonly<Record<Severity, string>> = {
  critical: '9.0',
  high: '7.0',
  medium: '4.0',
  low: '1.0',
};

const sarifSchema =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const srcRoot = '%SRCROOT%';

/** `ci.race` → `CiRace`: SARIF wants a readable identifier distinct from the rule id. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function helpText(check: CheckResult): string {
  const parts = [check.remediation.trim()];
  if (check.example.trim()) parts.push(`Example:\n${check.example.trimEnd()}`);
  return parts.join('\n\n');
}

function helpMarkdown(check: CheckResult): string {
  const parts = [check.remediation.trim()];
  if (check.example.trim()) {
    const fence = '`'.repeat(Math.max(2, ...(check.example.match(/`+/g) ?? []).map((r) => r.length)) + 1);
    parts.push(`${fence}${check.exampleLanguage || 'text'}\n${check.example.trimEnd()}\n${fence}`);
  }
  if (check.sources.length > 0) {
    parts.push(`Sources: ${check.sources.map((s) => `${s.file} (${s.section})`).join('; ')}`);
  }
  return parts.join('\n\n');
}

function rule(check: CheckResult): Record<string, unknown> {
  return {
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.why.trim() || check.title },
    help: { text: helpText(check), markdown: helpMarkdown(check) },
    defaultConfiguration: { level: check.blocking ? 'error' : 'warning' },
    properties: {
      'security-severity': securitySeverity[check.severity],
      tags: [check.category],
      severity: check.severity,
      blocking: check.blocking,
    },
  };
}

/** A valid SARIF uri reference for a repo-relative posix path (spaces and the like percent-encoded). */
function fileUri(file: string): string {
  return file
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function results(check: CheckResult, ruleIndex: number): Record<string, unknown>[] {
  if (check.status !== 'fail' && check.status !== 'partial') return [];
  const level = check.status === 'fail' ? 'error' : 'warning';
  const properties = { status: check.status, score: check.score };
  if (check.evidence.length === 0) {
    // Nothing to point at (e.g. "no CI configuration"): the result stands for the whole repository.
    return [{ ruleId: check.id, ruleIndex, level, message: { text: check.reason }, properties }];
  }
  return check.evidence.map((e) => {
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: { uri: fileUri(e.file), uriBaseId: srcRoot },
    };
    if (e.line >= 1) {
      const region: Record<string, unknown> = { startLine: e.line };
      if (e.snippet.trim()) region.snippet = { text: e.snippet };
      physicalLocation.region = region;
    }
    return {
      ruleId: check.id,
      ruleIndex,
      level,
      message: { text: e.message.trim() ? `${e.message} (${check.title})` : check.reason },
      locations: [{ physicalLocation }],
      properties,
    };
  });
}

export function renderSarif(card: Scorecard): string {
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: card.tool.name,
        version: card.tool.version,
        semanticVersion: card.tool.version,
        rules: card.checks.map(rule),
      },
    },
    automationDetails: { id: `${card.tool.name}/${card.checklist.id}/` },
    originalUriBaseIds: {
      [srcRoot]: { description: { text: 'The root folder of the scanned repository.' } },
    },
    results: card.checks.flatMap((check, index) => results(check, index)),
    properties: {
      score: card.score,
      grade: card.grade,
      verdict: card.verdict,
      blockers: card.blockers,
      checklist: `${card.checklist.id}@${card.checklist.version}`,
    },
  };
  if (card.repo.commit && /^(https|ssh|file|http):\/\//.test(card.repo.source)) {
    run.versionControlProvenance = [{ repositoryUri: card.repo.source, revisionId: card.repo.commit }];
  }
  const log = { $schema: sarifSchema, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
