// The shape of a checklist (checklists/*.yaml, validated by schemas/checklist.schema.json).
import type { RepoKind, Severity } from './types.js';

export interface SourceRef {
  /** Seed document file name, e.g. `003_f778aac9c5ae5860.txt`. */
  file: string;
  section: string;
}

export interface ChecklistCheck {
  id: string;
  title: string;
  category: string;
  severity: Severity;
  /** Blocks a `go` verdict when it fails. */
  blocking: boolean;
  /** Repo kinds the check applies to; `all` for every repo. */
  appliesTo: RepoKind[] | 'all';
  /** `code` checks read Go code and are also reported per module; `repo` checks read repository files. */
  scope: 'code' | 'repo';
  /** Why it matters, in a few sentences. */
  why: string;
  sources: SourceRef[];
  /** What to do, in a sentence or two (Markdown). */
  remediation: string;
  /** A small Go (or YAML/Dockerfile) example of the fix. */
  example: string;
  /** Language of `example` for code fences: go, yaml, dockerfile, makefile. */
  exampleLanguage: string;
  params: Record<string, unknown>;
}

export interface Checklist {
  id: string;
  version: string;
  title: string;
  description: string;
  /** Minimum total score (0–100) for a `go` verdict. */
  threshold: number;
  checks: ChecklistCheck[];
}
