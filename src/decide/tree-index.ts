// Lookups and plain walks over a checked tree, shared by validation, evaluation and what-if.
import type { Answers, OptionData, OutcomeData, QuestionData, RefinementData, TreeData } from './types.js';

export const questionById = (tree: TreeData, id: string): QuestionData | undefined =>
  tree.questions.find((q) => q.id === id);

export const outcomeById = (tree: TreeData, id: string): OutcomeData | undefined =>
  tree.outcomes.find((o) => o.id === id);

export const refinementById = (tree: TreeData, id: string): RefinementData | undefined =>
  tree.refinements?.find((r) => r.id === id);

export interface WalkStep {
  question: QuestionData;
  option: OptionData;
}

/** Where a walk ends: at an outcome, or at a question the answers do not (validly) answer. */
export type WalkEnd =
  | { kind: 'outcome'; outcome: OutcomeData; steps: WalkStep[] }
  | { kind: 'stopped'; question: QuestionData; steps: WalkStep[] };

/** Follows the answers from question `fromId` until an outcome or an unanswered question. */
export function walkFrom(tree: TreeData, fromId: string, answers: Answers): WalkEnd {
  const steps: WalkStep[] = [];
  let id = fromId;
  // The tree is acyclic (checked at load), so this ends within questions.length steps.
  for (;;) {
    const outcome = outcomeById(tree, id);
    if (outcome) return { kind: 'outcome', outcome, steps };
    const question = questionById(tree, id)!;
    const option = question.options.find((o) => o.id === answers[question.id]);
    if (!option) return { kind: 'stopped', question, steps };
    steps.push({ question, option });
    id = option.next;
  }
}

/** Outcome ids reachable from a question or outcome id, in tree order. */
export function reachableOutcomes(tree: TreeData, fromId: string): string[] {
  const seen = new Set<string>();
  const stack = [fromId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const q = questionById(tree, id);
    if (q) for (const o of q.options) stack.push(o.next);
  }
  return tree.outcomes.filter((o) => seen.has(o.id)).map((o) => o.id);
}
