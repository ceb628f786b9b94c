// The scorecard: the result of one scan, as every renderer (json, markdown, sarif, text, html) reads it.
// It is self-contained (it carries each check's docs from the checklist) so a saved JSON scorecard can be
// rendered again later without the checklist that produced it.
import type { SourceRef } from '../scan/checklist-types.js';
import type { CheckStatus, Evidence, RepoKind, Severity, UnparsedFile } from '../scan/types.js';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';
export type Verdict = 'go' | 'no-go';

/** A code check's result restricted to one Go module of a multi-module repository. */
export interface ModuleResult {
  path: string;
  status: CheckStatus;
  score: number | null;
  reason: string;
}

export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** 0–10, null for `na` and `unknown`. */
  score: number | null;
  severity: Severity;
  category: string;
  title: string;
  blocking: boolean;
  reason: string;
  evidence: Evidence[];
  remediation: string;
  why: string;
  sources: SourceRef[];
  example: string;
  exampleLanguage: string;
  /** Present for code checks when the repository holds two or more modules. */
  modules?: ModuleResult[];
}

export interface ScorecardModule {
  path: string;
  module: string;
  go: string | null;
}

export interface ScanStats {
  files: number;
  goFiles: number;
  bytes: number;
  durationMs: number;
  /** Files the walk left out (symlinks, binaries, generated, too large, excluded folders, limits). */
  skipped: number;
  /** Go files that could not be parsed. */
  unparsed: number;
  /** The first unparsed files with the reason (capped). */
  unparsedFiles: UnparsedFile[];
  /** Why the walk stopped early, or null. */
  truncated: string | null;
}

export interface Scorecard {
  schemaVersion: 1;
  generatedAt: string;
  tool: { name: string; version: string };
  repo: {
    source: string;
    commit: string | null;
    kinds: RepoKind[];
    modules: ScorecardModule[];
  };
  checklist: { id: string; version: string; title: string; threshold: number };
  /** 0–100 (one decimal), or null when no check produced a score. */
  score: number | null;
  grade: Grade | null;
  verdict: Verdict;
  /** One sentence saying why the verdict is what it is. */
  verdictReason: string;
  /** Ids of blocking checks that failed. */
  blockers: string[];
  checks: CheckResult[];
  stats: ScanStats;
}
