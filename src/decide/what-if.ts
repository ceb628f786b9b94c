// What-if: for each answered question, what every other answer would lead to, walking on with the rest of
// the given answers. Where an alternative reaches an unanswered question, the outcomes still reachable
// from there are reported instead of one outcome.
import { refinedOutcome } from './refine.js';
import { reachableOutcomes, walkFrom, type WalkStep } from './tree-index.js';
import type { Answers, TreeData, WhatIfAlternative, WhatIfEntry } from './types.js';

export function whatIf(
  tree: TreeData,
  answers: Answers,
  steps: WalkStep[],
  finalOutcome: string,
): WhatIfEntry[] {
  const entries: WhatIfEntry[] = steps.map(({ question, option }) => {
    const alternatives = question.options
      .filter((o) => o.id !== option.id)
      .map((alt): WhatIfAlternative => {
        const changed = { ...answers, [question.id]: alt.id };
        const end = walkFrom(tree, alt.next, changed);
        const answer = { id: alt.id, label: alt.label };
        if (end.kind === 'outcome') {
          const outcome = refinedOutcome(tree, end.outcome.id, changed);
          return {
            answer,
            outcome,
            unanswered: null,
            reachable: [outcome],
            changes: outcome !== finalOutcome,
          };
        }
        const reachable = [
          ...new Set(reachableOutcomes(tree, end.question.id).map((id) => refinedOutcome(tree, id, changed))),
        ];
        const changes = !(reachable.length === 1 && reachable[0] === finalOutcome);
        return { answer, outcome: null, unanswered: end.question.id, reachable, changes };
      });
    return {
      question: { id: question.id, text: question.text },
      answer: { id: option.id, label: option.label },
      refinement: false,
      alternatives,
      pivotal: alternatives.some((a) => a.changes),
    };
  });

  const core = walkFrom(tree, tree.start, answers);
  const coreOutcome = core.kind === 'outcome' ? core.outcome.id : finalOutcome;
  for (const refinement of tree.refinements ?? []) {
    const option = refinement.options.find((o) => o.id === answers[refinement.id]);
    if (!option) continue;
    const alternatives = refinement.options
      .filter((o) => o.id !== option.id)
      .map((alt): WhatIfAlternative => {
        const outcome = refinedOutcome(tree, coreOutcome, { ...answers, [refinement.id]: alt.id });
        return {
          answer: { id: alt.id, label: alt.label },
          outcome,
          unanswered: null,
          reachable: [outcome],
          changes: outcome !== finalOutcome,
        };
      });
    entries.push({
      question: { id: refinement.id, text: refinement.text },
      answer: { id: option.id, label: option.label },
      refinement: true,
      alternatives,
      pivotal: alternatives.some((a) => a.changes),
    });
  }
  return entries;
}
