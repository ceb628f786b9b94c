// Loads a production-readiness checklist (the built-in one or an organisation's own file), checks it
// against its schema and its cross-field rules, and holds the severity weights the score uses.
import type { Checklist } from './checklist-types.js';
import type { Severity } from './types.js';
import { fromRoot } from '../paths.js';
import { loadYamlFile } from '../config/load-yaml.js';
import { DataError, type DataProblem } from '../config/errors.js';

/** Schema file in `schemas/` that every checklist must fit. */
export const checklistSchemaName = 'checklist.schema.json';

/** The checklist shipped with gonogo. */
export const defaultChecklistFile = fromRoot('checklists', 'go-production.yaml');

/** Weight of one check in the total score, by severity (the check catalogue's scale). */
export const severityWeight: Readonly<Record<Severity, number>> = Object.freeze({
  critical: 10,
  high: 7.5,
  medium: 5,
  low: 2.5,
});

/** Rules the schema cannot say: ids are unique. One problem per repeated id, pointing at the repeat. */
export function checklistProblems(checklist: Checklist): DataProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: DataProblem[] = [];
  checklist.checks.forEach((check, index) => {
    const first = firstIndex.get(check.id);
    if (first === undefined) {
      firstIndex.set(check.id, index);
    } else {
      problems.push({
        path: `/checks/${index}/id`,
        message: `repeats the id "${check.id}" already used at /checks/${first}/id; ids must be unique`,
      });
    }
  });
  return problems;
}

/** Reads and validates a checklist file; throws a DataError naming the file and the JSON paths at fault. */
export function loadChecklist(file: string = defaultChecklistFile): Checklist {
  const checklist = loadYamlFile<Checklist>(file, checklistSchemaName);
  const problems = checklistProblems(checklist);
  if (problems.length > 0) throw new DataError(file, problems);
  return checklist;
}

let cachedDefault: Checklist | undefined;

/** The built-in checklist, loaded once per process. Treat it as read-only. */
export function defaultChecklist(): Checklist {
  cachedDefault ??= loadChecklist();
  return cachedDefault;
}
