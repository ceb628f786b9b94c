// What the API and the pages share around the decision engine: finding a tree (404 otherwise), evaluating
// answers into a result or a 400 that names each question and its allowed options, and the ADR download.
import { AnswersError, evaluate, renderAdr } from '../decide/index.js';
import type {
  AdrMeta,
  AdrTemplate,
  Answers,
  DecisionResult,
  Tree,
  TreeData,
  TreeRegistry,
} from '../decide/index.js';
import { DataError } from '../config/errors.js';
import { HttpError } from './http-error.js';

export type { AdrTemplate };

export function requireTree(trees: TreeRegistry, id: string): Tree {
  const tree = trees.get(id);
  if (!tree) throw HttpError.notFound(`tree "${id}"`);
  return tree;
}

/** The tree as clients see it: its data without where it was loaded from. */
export function publicTree(tree: Tree): TreeData {
  const { file: _file, ...data } = tree;
  return data;
}

export function evaluateOrReject(tree: Tree, answers: Answers): DecisionResult {
  try {
    return evaluate(tree, answers);
  } catch (err) {
    if (err instanceof AnswersError) {
      throw HttpError.badRequest('answers are incomplete or invalid', err.errors);
    }
    throw err;
  }
}

export interface AdrDownload {
  fileName: string;
  markdown: string;
}

export function adrFor(result: DecisionResult, meta: AdrMeta, template: AdrTemplate): AdrDownload {
  try {
    return renderAdr(result, meta, template);
  } catch (err) {
    // The renderer checks the metadata itself; requests are checked first, so this is a second line.
    if (err instanceof DataError) throw HttpError.badRequest('ADR metadata is not valid', err.problems);
    throw err;
  }
}

/** `Content-Disposition` for a download; the name is ASCII already, but quotes and slashes are dropped. */
export function attachment(fileName: string): string {
  const safe = fileName.replace(/["\\/\r\n]/g, '');
  return `attachment; filename="${safe}"`;
}
