// Evaluates a complete set of answers against a tree: walks the core questions, applies refinements, and
// assembles the recommendation with its path, alternatives, risks, caveats, extensions and what-if view.
import { checklistRef } from './checklist-ref.js';
import { applyRefinements } from './refine.js';
import { citeAll } from './sources.js';
import { outcomeById, questionById, reachableOutcomes, walkFrom, type WalkStep } from './tree-index.js';
import { validateAnswers } from './validate-answers.js';
import { whatIf } from './what-if.js';
import {
  EXTENSION_LABEL,
  type Alternative,
  type AnswerError,
  type Answers,
  type DecisionResult,
  type ExtensionData,
  type ExtensionUse,
  type ExtensionView,
  type OutcomeData,
  type OutcomeView,
  type PathStep,
  type RefinementStep,
  type RiskView,
  type Tree,
} from './types.js';

/** Thrown by `evaluate` when answers are invalid or incomplete; `errors` names each question. */
export class AnswersError extends Error {
  readonly tree: string;
  readonly errors: AnswerError[];

  constructor(tree: string, errors: AnswerError[]) {
    super(`answers for tree "${tree}" are not usable:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
    this.name = 'AnswersError';
    this.tree = tree;
    this.errors = errors;
  }
}

const extensionView = (ext: ExtensionData | undefined): ExtensionView | null =>
  ext ? { label: EXTENSION_LABEL, note: ext.note, citations: citeAll(ext.sources) } : null;

function outcomeView(o: OutcomeData): OutcomeView {
  return {
    id: o.id,
    title: o.title,
    decision: o.decision,
    summary: o.summary,
    pros: o.pros,
    cons: o.cons,
    consequences: o.consequences,
    risks: o.risks.map((r) => ({ risk: r.risk, mitigations: r.mitigations, citations: citeAll(r.sources) })),
    citations: citeAll(o.sources),
    checklist: o.checklist ?? null,
    extension: extensionView(o.extension),
  };
}

function nodeTitle(tree: Tree, id: string): { kind: 'question' | 'outcome'; id: string; title: string } {
  const q = questionById(tree, id);
  return q
    ? { kind: 'question', id, title: q.text }
    : { kind: 'outcome', id, title: outcomeById(tree, id)!.title };
}

function pathStep(tree: Tree, { question, option }: WalkStep): PathStep {
  return {
    question: { id: question.id, text: question.text },
    answer: { id: option.id, label: option.label },
    next: nodeTitle(tree, option.next),
    rationale: option.rationale,
    citations: citeAll(option.sources),
    extension: extensionView(option.extension),
  };
}

/** Why an alternative was not chosen: the first answer on the path whose other options lead to it. */
function whyNot(
  tree: Tree,
  steps: WalkStep[],
  id: string,
  coreOutcome: string,
  finalOutcome: string,
): string {
  if (id === coreOutcome && coreOutcome !== finalOutcome) {
    return `The core questions lead here, but a refinement answer changes the outcome to ${outcomeById(tree, finalOutcome)!.title}.`;
  }
  // The step nearest the outcome gives the most specific reason.
  for (const { question, option } of [...steps].reverse()) {
    const alt = question.options.find(
      (o) => o.id !== option.id && reachableOutcomes(tree, o.next).includes(id),
    );
    if (alt) {
      const how = alt.next === id ? 'would lead here' : 'could lead here, depending on later answers';
      return `"${question.text}" was answered "${option.label}"; "${alt.label}" ${how}.`;
    }
  }
  return 'Not reachable from the answers given.';
}

export function evaluate(tree: Tree, answers: Answers): DecisionResult {
  const check = validateAnswers(tree, answers);
  if (check.errors.length > 0) throw new AnswersError(tree.id, check.errors);
  const end = walkFrom(tree, tree.start, answers);
  // validateAnswers guarantees a complete walk; this keeps the type honest.
  if (end.kind !== 'outcome') throw new AnswersError(tree.id, []);
  const coreOutcome = end.outcome.id;
  const refined = applyRefinements(tree, coreOutcome, answers);
  const final = outcomeById(tree, refined.outcome)!;
  const outcome = outcomeView(final);

  const refinements: RefinementStep[] = refined.answered.map(({ refinement, option, effects }) => ({
    question: { id: refinement.id, text: refinement.text },
    answer: { id: option.id, label: option.label },
    rationale: option.rationale,
    citations: citeAll(option.sources),
    effects: effects.map((e) => {
      if (e.kind === 'outcome') {
        const to = outcomeById(tree, e.effect.outcome!)!;
        return {
          kind: e.kind,
          text: e.applied
            ? `Changes the outcome from ${end.outcome.title} to ${to.title}.`
            : `Also points to ${to.title}, but an earlier refinement already changed the outcome.`,
          from: coreOutcome,
          to: to.id,
          applied: e.applied,
        };
      }
      return {
        kind: e.kind,
        text: e.kind === 'caveat' ? e.effect.caveat! : e.effect.risk!.risk,
        applied: true,
      };
    }),
    extension: extensionView(refinement.extension)!,
  }));

  const considered = new Set<string>();
  for (const { question, option } of end.steps) {
    for (const o of question.options) {
      if (o.id !== option.id) for (const id of reachableOutcomes(tree, o.next)) considered.add(id);
    }
  }
  if (coreOutcome !== final.id) considered.add(coreOutcome);
  considered.delete(final.id);
  const alternatives: Alternative[] = tree.outcomes
    .filter((o) => considered.has(o.id))
    .map((o) => ({
      id: o.id,
      title: o.title,
      summary: o.summary,
      pros: o.pros,
      cons: o.cons,
      whyNot: whyNot(tree, end.steps, o.id, coreOutcome, final.id),
      citations: citeAll(o.sources),
      extension: extensionView(o.extension),
    }));

  const risks: RiskView[] = [
    ...outcome.risks,
    ...refined.risks.map(({ refinement, option, risk }) => ({
      risk: risk.risk,
      mitigations: risk.mitigations,
      citations: citeAll(risk.sources),
      from: { refinement: refinement.id, answer: option.id },
    })),
  ];

  const extensions: ExtensionUse[] = [];
  for (const { question, option } of end.steps) {
    if (option.extension) {
      extensions.push({
        where: `${question.id}=${option.id}`,
        note: option.extension.note,
        citations: citeAll(option.extension.sources),
      });
    }
  }
  if (final.extension) {
    extensions.push({
      where: `outcome:${final.id}`,
      note: final.extension.note,
      citations: citeAll(final.extension.sources),
    });
  }
  for (const { refinement, option } of refined.answered) {
    extensions.push({
      where: `refinement:${refinement.id}=${option.id}`,
      note: refinement.extension.note,
      citations: citeAll(refinement.extension.sources),
    });
  }

  const normalised: Answers = {};
  for (const { question, option } of end.steps) normalised[question.id] = option.id;
  for (const { refinement, option } of refined.answered) normalised[refinement.id] = option.id;

  return {
    tree: { id: tree.id, title: tree.title, version: tree.version, problem: tree.problem ?? null },
    outcome,
    coreOutcome,
    path: end.steps.map((s) => pathStep(tree, s)),
    refinements,
    alternatives,
    consequences: final.consequences,
    risks,
    caveats: refined.caveats.map(({ refinement, option, text }) => ({
      refinement: refinement.id,
      answer: option.id,
      text,
      citations: citeAll(option.sources),
    })),
    extensions,
    ignored: check.ignored,
    whatIf: whatIf(tree, answers, end.steps, final.id),
    checklist: final.checklist ? checklistRef(final.checklist) : null,
    answers: normalised,
    outcomeTitles: Object.fromEntries(tree.outcomes.map((o) => [o.id, o.title])),
  };
}
