// An answers document (a CLI answers file or an API body): `{ tree?, answers, meta? }`, schema-checked.
import { assertValid } from '../config/ajv.js';
import type { Answers } from './types.js';

export interface AnswersDocument {
  tree?: string;
  answers: Answers;
  meta?: Record<string, unknown>;
}

/** Validates parsed JSON or YAML against `schemas/answers.schema.json`; throws a DataError naming `source`. */
export const parseAnswersDocument = (data: unknown, source: string): AnswersDocument =>
  assertValid<AnswersDocument>('answers.schema.json', data, source);
