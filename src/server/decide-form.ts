// View model of the questionnaire form: every question as a fieldset with its options, the answers given,
// and each question's error. Also reads answers back from flat form or query fields.
import type { AnswerError, Answers, Tree } from '../decide/index.js';
import { firstString } from './adr-meta.js';

export interface FormOption {
  id: string;
  label: string;
  inputId: string;
  checked: boolean;
  extension: boolean;
}

export interface FormQuestion {
  id: string;
  number: number;
  text: string;
  help?: string;
  refinement: boolean;
  fieldsetId: string;
  errorId: string;
  error?: string;
  extensionNote?: string;
  options: FormOption[];
}

/** What the browser script needs to walk the tree: for each core question, where each option leads. */
export interface ClientGraph {
  start: string;
  questions: Record<string, Record<string, string>>;
}

/** Answers for the tree's questions from flat fields; unknown fields and empty values are left out. */
export function answersFromFields(tree: Tree, fields: Record<string, unknown>): Answers {
  const answers: Answers = {};
  const ids = [...tree.questions.map((q) => q.id), ...(tree.refinements ?? []).map((r) => r.id)];
  for (const id of ids) {
    const value = firstString(fields[id]);
    if (value !== undefined && value !== '') answers[id] = value;
  }
  return answers;
}

export function formQuestions(tree: Tree, answers: Answers, errors: AnswerError[] = []): FormQuestion[] {
  const errorFor = new Map(errors.map((e) => [e.question, e.message]));
  const core = tree.questions.map((q, i) => ({
    id: q.id,
    number: i + 1,
    text: q.text,
    help: q.help,
    refinement: false,
    fieldsetId: `q-${q.id}`,
    errorId: `q-${q.id}-error`,
    error: errorFor.get(q.id),
    options: q.options.map((o) => ({
      id: o.id,
      label: o.label,
      inputId: `q-${q.id}-${o.id}`,
      checked: answers[q.id] === o.id,
      extension: o.extension !== undefined,
    })),
  }));
  const refinements = (tree.refinements ?? []).map((r, i) => ({
    id: r.id,
    number: tree.questions.length + i + 1,
    text: r.text,
    help: r.help,
    refinement: true,
    fieldsetId: `q-${r.id}`,
    errorId: `q-${r.id}-error`,
    error: errorFor.get(r.id),
    extensionNote: r.extension.note,
    options: [
      // Refinements are optional; radios cannot be unticked, so "not answered" is an option of its own.
      {
        id: '',
        label: 'Skip this question',
        inputId: `q-${r.id}-skip`,
        checked: !answers[r.id],
        extension: false,
      },
      ...r.options.map((o) => ({
        id: o.id,
        label: o.label,
        inputId: `q-${r.id}-${o.id}`,
        checked: answers[r.id] === o.id,
        extension: false,
      })),
    ],
  }));
  return [...core, ...refinements];
}

export function clientGraph(tree: Tree): ClientGraph {
  const questions: ClientGraph['questions'] = {};
  for (const q of tree.questions) {
    questions[q.id] = Object.fromEntries(q.options.map((o) => [o.id, o.next]));
  }
  return { start: tree.start, questions };
}

/** The answers as query parameters, for links that carry a decision (result page, ADR download). */
export function answersQuery(answers: Answers, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...answers, ...extra }).toString();
}
