// Shapes of a decision tree (as written in trees/*.yaml, checked by schemas/tree.schema.json) and of the
// result the engine produces from it. Ids are public: saved answers, ADRs, the API and the CLI use them.

/** A pointer into a source document, as written in tree data: the document's key and a section name. */
export interface SourceRef {
  doc: string;
  section: string;
}

/** A resolved citation: the document's file name, the section, and the document's title. */
export interface Citation {
  file: string;
  section: string;
  title: string;
}

/** Marks tree data that goes beyond the source documents, and what it rests on. */
export interface ExtensionData {
  note: string;
  sources: SourceRef[];
}

export interface OptionData {
  id: string;
  label: string;
  /** Id of the next question or of an outcome. */
  next: string;
  rationale: string;
  sources: SourceRef[];
  extension?: ExtensionData;
}

export interface QuestionData {
  id: string;
  text: string;
  help?: string;
  options: OptionData[];
}

export interface RiskData {
  risk: string;
  mitigations: string[];
  sources: SourceRef[];
}

export interface OutcomeData {
  id: string;
  title: string;
  /** Imperative phrase ("Write the service in Go"); the ADR's default title. */
  decision: string;
  summary: string;
  pros: string[];
  cons: string[];
  consequences: { good: string[]; bad: string[] };
  risks: RiskData[];
  sources: SourceRef[];
  /** Id of the production checklist that follows this outcome (e.g. `go-production`). */
  checklist?: string;
  extension?: ExtensionData;
}

/** What one refinement answer does; `when` limits it to some core outcomes. */
export interface EffectData {
  when?: string[];
  caveat?: string;
  risk?: RiskData;
  /** Replaces the outcome; used only where the documents say so plainly. */
  outcome?: string;
}

export interface RefinementOptionData {
  id: string;
  label: string;
  rationale: string;
  sources: SourceRef[];
  effects: EffectData[];
}

export interface RefinementData {
  id: string;
  text: string;
  help?: string;
  options: RefinementOptionData[];
  extension: ExtensionData;
}

export interface TreeData {
  id: string;
  title: string;
  version: string;
  description: string;
  /** The problem statement, used as the ADR's context. */
  problem?: string;
  start: string;
  questions: QuestionData[];
  outcomes: OutcomeData[];
  refinements?: RefinementData[];
}

/** A loaded, checked tree; `file` is where it came from. */
export interface Tree extends TreeData {
  file: string;
}

export interface TreeSummary {
  id: string;
  title: string;
  version: string;
  description: string;
  questions: number;
  outcomes: string[];
}

export interface TreeRegistry {
  list(): TreeSummary[];
  get(id: string): Tree | undefined;
}

// ---------------------------------------------------------------------------------------------
// Answers and their problems

export type Answers = Record<string, string>;

export interface AnswerError {
  /** The question id the problem is about (the unknown id itself for an unknown question). */
  question: string;
  /** What may be given instead: option ids, or the tree's question ids for an unknown question. */
  allowed: string[];
  message: string;
}

export interface IgnoredAnswer {
  question: string;
  answer: string;
  reason: string;
}

export interface AnswerCheck {
  errors: AnswerError[];
  ignored: IgnoredAnswer[];
}

// ---------------------------------------------------------------------------------------------
// The result

/** Shown wherever a result contains something the documents do not say. */
export const EXTENSION_LABEL = 'extension, not from the documents';

export interface ExtensionView {
  label: typeof EXTENSION_LABEL;
  note: string;
  citations: Citation[];
}

export interface RiskView {
  risk: string;
  mitigations: string[];
  citations: Citation[];
  /** Set when a refinement answer added this risk. */
  from?: { refinement: string; answer: string };
}

/** An outcome as a result shows it: the data's texts, with sources resolved to citations. */
export interface OutcomeView extends Pick<
  OutcomeData,
  'id' | 'title' | 'decision' | 'summary' | 'pros' | 'cons' | 'consequences'
> {
  risks: RiskView[];
  citations: Citation[];
  checklist: string | null;
  extension: ExtensionView | null;
}

export interface PathStep {
  question: { id: string; text: string };
  answer: { id: string; label: string };
  /** Where the answer leads: the next question or the outcome. */
  next: { kind: 'question' | 'outcome'; id: string; title: string };
  rationale: string;
  citations: Citation[];
  extension: ExtensionView | null;
}

export interface RefinementEffectView {
  kind: 'caveat' | 'risk' | 'outcome';
  text: string;
  /** For an `outcome` effect: the outcome before and after. */
  from?: string;
  to?: string;
  /** False when another refinement had already changed the outcome. */
  applied: boolean;
}

export interface RefinementStep {
  question: { id: string; text: string };
  answer: { id: string; label: string };
  rationale: string;
  citations: Citation[];
  effects: RefinementEffectView[];
  extension: ExtensionView;
}

export interface Caveat {
  refinement: string;
  answer: string;
  text: string;
  citations: Citation[];
}

export interface Alternative {
  id: string;
  title: string;
  summary: string;
  pros: string[];
  cons: string[];
  whyNot: string;
  citations: Citation[];
  extension: ExtensionView | null;
}

export interface ExtensionUse {
  /** Where in this result: `latency_p99=under_1ms`, `outcome:keep_current_stack`, `refinement:workload=cli`. */
  where: string;
  note: string;
  citations: Citation[];
}

export interface WhatIfAlternative {
  answer: { id: string; label: string };
  /** The outcome this answer leads to when the other given answers carry it to one. */
  outcome: string | null;
  /** When it stops at an unanswered question: that question and the outcomes still reachable from it. */
  unanswered: string | null;
  reachable: string[];
  changes: boolean;
}

export interface WhatIfEntry {
  question: { id: string; text: string };
  answer: { id: string; label: string };
  refinement: boolean;
  alternatives: WhatIfAlternative[];
  pivotal: boolean;
}

export interface ChecklistCheckRef {
  id: string;
  title: string;
}

export interface ChecklistRef {
  id: string;
  title: string | null;
  /** Listed when the checklist file exists; empty otherwise. */
  checks: ChecklistCheckRef[];
  /** How to confirm the decision against it. */
  command: string;
}

export interface DecisionResult {
  tree: { id: string; title: string; version: string; problem: string | null };
  outcome: OutcomeView;
  /** The outcome the core questions led to, before refinements (equal to outcome.id when none changed it). */
  coreOutcome: string;
  path: PathStep[];
  refinements: RefinementStep[];
  alternatives: Alternative[];
  consequences: { good: string[]; bad: string[] };
  risks: RiskView[];
  caveats: Caveat[];
  extensions: ExtensionUse[];
  ignored: IgnoredAnswer[];
  whatIf: WhatIfEntry[];
  checklist: ChecklistRef | null;
  answers: Answers;
  /** Title of every outcome of the tree, by id, so what-if ids can be shown as words. */
  outcomeTitles: Record<string, string>;
}
