// The production checklist a Go outcome points to. The checklist file belongs to the scanner; it is read
// here only to list its checks, and a missing or unreadable file leaves just the id.
import { existsSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { fromRoot } from '../paths.js';
import type { ChecklistCheckRef, ChecklistRef } from './types.js';

const cache = new Map<string, ChecklistRef>();

/** The command that confirms a decision against the checklist. */
export const confirmationCommand = 'gonogo scan <repo> --fail-on no-go';

export function checklistRef(id: string): ChecklistRef {
  let ref = cache.get(id);
  if (!ref) {
    ref = { id, title: null, checks: [], command: confirmationCommand };
    const file = fromRoot('checklists', `${id}.yaml`);
    if (existsSync(file)) {
      try {
        const data = yaml.load(readFileSync(file, 'utf8'), { schema: yaml.JSON_SCHEMA }) as Record<
          string,
          unknown
        >;
        if (typeof data?.title === 'string') ref.title = data.title;
        if (Array.isArray(data?.checks)) {
          ref.checks = data.checks.flatMap((c: unknown): ChecklistCheckRef[] => {
            const check = c as Record<string, unknown>;
            return typeof check?.id === 'string' && typeof check.title === 'string'
              ? [{ id: check.id, title: check.title }]
              : [];
          });
        }
      } catch {
        // The scanner validates its own checklist; a broken file here only costs the listing.
      }
    }
    cache.set(id, ref);
  }
  return ref;
}
