// Runs the checklist over the collected facts: applicability, suppressions, per-module results, and the
// guard that keeps one failing check from stopping the scan. Pure apart from calling the check functions.
import type { CheckResult, ModuleResult } from '../report/types.js';
import type { Checklist, ChecklistCheck } from './checklist-types.js';
import { checkImplementations } from './checks/registry.js';
import { detectKinds as detectKindsFromGo } from './kinds.js';
import { emptyRepoConfig, type RepoConfig } from './repo-config.js';
import { scoreForStatus } from './score.js';
import type {
  CheckImplementation,
  CheckStatus,
  Evidence,
  GoFileFacts,
  KindFacts,
  RepoFacts,
  RepoKind,
} from './types.js';

export interface EvaluateOptions {
  /** Implementations by check id; defaults to the registry. */
  implementations?: ReadonlyMap<string, CheckImplementation>;
  /** The repository's config (suppressions); defaults to none. */
  config?: RepoConfig;
  /** Kinds of one module's code, for per-module applicability; defaults to the scanner's detectKinds. */
  detectKinds?: (go: GoFileFacts[]) => KindFacts;
}

interface Judgement {
  status: CheckStatus;
  score: number | null;
  reason: string;
  evidence: Evidence[];
}

const statuses: ReadonlySet<string> = new Set(['pass', 'partial', 'fail', 'na', 'unknown']);

function describeKinds(kinds: readonly RepoKind[]): string {
  return kinds.length === 0 ? 'no kind was detected' : `it is ${kinds.map((k) => `a ${k}`).join(' and ')}`;
}

function applies(check: ChecklistCheck, kinds: readonly RepoKind[]): boolean {
  return check.appliesTo === 'all' || check.appliesTo.some((k) => kinds.includes(k));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Judges one check on one set of facts (the whole repository or one module's share). */
function judge(
  check: ChecklistCheck,
  facts: RepoFacts,
  implementation: CheckImplementation | undefined,
  config: RepoConfig,
  scope: string,
): Judgement {
  const suppressed = config.suppress.get(check.id);
  if (suppressed !== undefined) {
    return { status: 'na', score: null, reason: `suppressed by ${config.file}: ${suppressed}`, evidence: [] };
  }
  if (!applies(check, facts.kinds.kinds)) {
    const wanted = (check.appliesTo as RepoKind[]).join(' or ');
    return {
      status: 'na',
      score: null,
      reason: `Applies to ${wanted} code; ${describeKinds(facts.kinds.kinds)} (${scope}).`,
      evidence: [],
    };
  }
  if (!implementation) {
    return { status: 'unknown', score: null, reason: 'not implemented yet', evidence: [] };
  }
  const unparsed = facts.unparsed.length;
  if (check.scope === 'code' && unparsed > 0 && facts.go.length === 0) {
    return {
      status: 'unknown',
      score: null,
      reason: `No Go file could be parsed (${plural(unparsed, 'file')} failed), so the code cannot be judged.`,
      evidence: [],
    };
  }
  let judgement: Judgement;
  try {
    const outcome = implementation.run({ facts, params: check.params ?? {} });
    if (!outcome || !statuses.has(outcome.status)) {
      throw new Error(`returned an invalid status ${JSON.stringify(outcome?.status)}`);
    }
    judgement = {
      status: outcome.status,
      score: scoreForStatus(outcome.status, outcome.score),
      reason: outcome.reason,
      evidence: Array.isArray(outcome.evidence) ? outcome.evidence : [],
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'unknown', score: null, reason: `The check failed to run: ${message}`, evidence: [] };
  }
  if (check.scope === 'code' && unparsed > 0 && judgement.status !== 'na') {
    judgement.reason += ` Note: ${plural(unparsed, 'Go file')} could not be parsed; findings in them may be missing.`;
  }
  return judgement;
}

function isUnder(file: string, dir: string): boolean {
  return dir === '.' || file === dir || file.startsWith(`${dir}/`);
}

/** The facts of one module: its Go files (not those of modules nested inside it) and its own go.mod. */
export function restrictToModule(
  facts: RepoFacts,
  modulePath: string,
  detectKinds: (go: GoFileFacts[]) => KindFacts,
): RepoFacts {
  const nested = facts.repo.modules
    .map((m) => m.path)
    .filter((p) => p !== modulePath && isUnder(p, modulePath));
  const inModule = (file: string): boolean =>
    isUnder(file, modulePath) && !nested.some((n) => isUnder(file, n));
  const go = facts.go.filter((f) => inModule(f.path));
  const files = facts.walk.files.filter((f) => inModule(f.path));
  let kinds: KindFacts;
  try {
    kinds = detectKinds(go);
  } catch {
    // Without a per-module answer the repository's kinds are the best available.
    kinds = facts.kinds;
  }
  return {
    ...facts,
    walk: {
      ...facts.walk,
      files,
      goFiles: facts.walk.goFiles.filter((f) => inModule(f.path)),
      skipped: facts.walk.skipped.filter((f) => inModule(f.path)),
      bytes: files.reduce((sum, f) => sum + f.size, 0),
    },
    go,
    unparsed: facts.unparsed.filter((f) => inModule(f.path)),
    repo: { ...facts.repo, modules: facts.repo.modules.filter((m) => m.path === modulePath) },
    kinds,
  };
}

/** Evaluates every check of the checklist, in checklist order. */
export function evaluateChecklist(
  checklist: Checklist,
  facts: RepoFacts,
  options: EvaluateOptions = {},
): CheckResult[] {
  const implementations = options.implementations ?? checkImplementations;
  const config = options.config ?? emptyRepoConfig;
  const detectKinds = options.detectKinds ?? detectKindsFromGo;
  const modules = facts.repo.modules;
  const moduleFacts =
    modules.length >= 2
      ? modules.map((m) => ({ path: m.path, facts: restrictToModule(facts, m.path, detectKinds) }))
      : [];

  return checklist.checks.map((check) => {
    const implementation = implementations.get(check.id);
    const whole = judge(check, facts, implementation, config, 'whole repository');
    const result: CheckResult = {
      id: check.id,
      status: whole.status,
      score: whole.score,
      severity: check.severity,
      category: check.category,
      title: check.title,
      blocking: check.blocking,
      reason: whole.reason,
      evidence: whole.evidence,
      remediation: check.remediation,
      why: check.why,
      sources: check.sources,
      example: check.example,
      exampleLanguage: check.exampleLanguage,
    };
    if (check.scope === 'code' && moduleFacts.length > 0 && !config.suppress.has(check.id)) {
      result.modules = moduleFacts.map((m): ModuleResult => {
        const j = judge(check, m.facts, implementation, config, `module ${m.path}`);
        return { path: m.path, status: j.status, score: j.score, reason: j.reason };
      });
    }
    return result;
  });
}
