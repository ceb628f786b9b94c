// Checks a set of answers against a tree: unknown questions and options, answers missing on the walked path
// (errors), and answers to questions the path never reaches (reported as ignored, not an error).
import { questionById, refinementById } from './tree-index.js';
import type { AnswerCheck, AnswerError, Answers, IgnoredAnswer, Tree } from './types.js';

export function validateAnswers(tree: Tree, answers: Answers): AnswerCheck {
  const errors: AnswerError[] = [];
  const allQuestionIds = [...tree.questions.map((q) => q.id), ...(tree.refinements ?? []).map((r) => r.id)];

  for (const [id, value] of Object.entries(answers)) {
    const question = questionById(tree, id) ?? refinementById(tree, id);
    if (!question) {
      errors.push({
        question: id,
        allowed: allQuestionIds,
        message: `"${id}" is not a question of tree "${tree.id}"`,
      });
      continue;
    }
    const allowed = question.options.map((o) => o.id);
    if (typeof value !== 'string' || !allowed.includes(value)) {
      errors.push({
        question: id,
        allowed,
        message: `"${String(value)}" is not an option of "${id}"; allowed: ${allowed.join(', ')}`,
      });
    }
  }

  // Walk the core questions; the first one without a usable answer ends the walk.
  const onPath = new Set<string>();
  let id = tree.start;
  let reachedOutcome = false;
  for (;;) {
    const question = questionById(tree, id);
    if (!question) {
      reachedOutcome = true;
      break;
    }
    onPath.add(question.id);
    const given = answers[question.id];
    const option = question.options.find((o) => o.id === given);
    if (!option) {
      if (given === undefined) {
        const allowed = question.options.map((o) => o.id);
        errors.push({
          question: question.id,
          allowed,
          message: `"${question.id}" (${question.text}) needs an answer; allowed: ${allowed.join(', ')}`,
        });
      }
      break;
    }
    id = option.next;
  }

  const ignored: IgnoredAnswer[] = [];
  // Only a complete walk tells which answers are truly off the path.
  if (reachedOutcome) {
    for (const q of tree.questions) {
      const given = answers[q.id];
      if (given !== undefined && !onPath.has(q.id) && q.options.some((o) => o.id === given)) {
        ignored.push({
          question: q.id,
          answer: given,
          reason: `"${q.id}" is not on the path these answers take`,
        });
      }
    }
  }
  return { errors, ignored };
}
