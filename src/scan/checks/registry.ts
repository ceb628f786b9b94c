// Every check implementation, by checklist id. The evaluator looks ids up here; an id in the checklist
// without an implementation reports `unknown` ("not implemented") and leaves the score.
import type { CheckImplementation } from '../types.js';
import { codeChecks } from './code/index.js';
import { repoChecks } from './repo/index.js';

export const checkImplementations: ReadonlyMap<string, CheckImplementation> = new Map(
  [...codeChecks, ...repoChecks].map((c) => [c.id, c]),
);
