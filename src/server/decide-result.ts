// View model of the result page: the engine's result plus what the page adds around it (the diagram,
// readable what-if rows, the ADR preview and the fields that carry the answers into the ADR download).
import type { Answers, DecisionResult, Tree } from '../decide/index.js';
import { adrMetaFields } from './adr-meta.js';
import { adrFor } from './decisions.js';
import { answersQuery } from './decide-form.js';
import { layoutTreeDiagram, type TreeDiagram } from './tree-diagram.js';

export interface WhatIfRow {
  question: string;
  answer: string;
  refinement: boolean;
  pivotal: boolean;
  alternatives: { label: string; leadsTo: string; changes: boolean }[];
}

export interface ResultPage {
  result: DecisionResult;
  diagram: TreeDiagram;
  changedByRefinement: boolean;
  coreOutcomeTitle: string;
  whatIf: WhatIfRow[];
  adrPreview: string;
  adrFileName: string;
  answerFields: { name: string; value: string }[];
  metaFields: typeof adrMetaFields;
  shareQuery: string;
  editQuery: string;
}

export function resultPage(tree: Tree, result: DecisionResult, answers: Answers): ResultPage {
  const titles = new Map(tree.outcomes.map((o) => [o.id, o.title]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const questionText = new Map(tree.questions.map((q) => [q.id, q.text]));
  const preview = adrFor(result, {}, 'madr');
  return {
    result,
    diagram: layoutTreeDiagram(tree, answers),
    changedByRefinement: result.coreOutcome !== result.outcome.id,
    coreOutcomeTitle: titleOf(result.coreOutcome),
    whatIf: result.whatIf.map((entry) => ({
      question: entry.question.text,
      answer: entry.answer.label,
      refinement: entry.refinement,
      pivotal: entry.pivotal,
      alternatives: entry.alternatives.map((alt) => ({
        label: alt.answer.label,
        leadsTo:
          alt.outcome !== null
            ? titleOf(alt.outcome)
            : alt.unanswered !== null
              ? `then asks "${questionText.get(alt.unanswered) ?? alt.unanswered}"; could reach ${alt.reachable.map(titleOf).join(', ')}`
              : 'no change',
        changes: alt.changes,
      })),
    })),
    adrPreview: preview.markdown,
    adrFileName: preview.fileName,
    answerFields: Object.entries(answers).map(([name, value]) => ({ name, value })),
    metaFields: adrMetaFields,
    shareQuery: answersQuery(answers),
    editQuery: answersQuery(answers),
  };
}
