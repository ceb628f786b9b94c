// What every CI parser produces: the shell steps it found (with their lines and the first link of the
// chain that reaches them), reusable actions/orbs/images, and service containers.
import yaml from 'js-yaml';
import type { CiFacts } from '../../../types.js';
import type { LineFinder } from '../line-finder.js';
import type { ShellLine } from '../shell.js';

export interface CiStep {
  file: string;
  lines: ShellLine[];
  /** The chain that reaches this step, ending with the step itself (`ci.yml:14 run: make test`). */
  via: string[];
  env: Record<string, string>;
  cwd: string;
}

export interface CiParseResult {
  provider: string;
  /** Every CI file read (the main file and what it includes). */
  files: string[];
  steps: CiStep[];
  actions: CiFacts['actions'];
  services: CiFacts['services'];
  /** Included files that could not be read, with the reason. */
  problems: { path: string; reason: string }[];
}

export function emptyResult(provider: string, file: string): CiParseResult {
  return { provider, files: [file], steps: [], actions: [], services: [], problems: [] };
}

/** Locates a script's lines in its file (searching forward from `cursor`) and builds the step.
 *  Returns the line of its first command, to move the caller's cursor on. */
export function scriptStep(
  out: CiParseResult,
  finder: LineFinder,
  file: string,
  script: string,
  cursor: number,
  key: string,
  prefix: string[],
  env: Record<string, string>,
  cwd = '.',
): number {
  const raw = script.split(/\r?\n/);
  // The step is labelled and located by its first command, not by a leading comment.
  const first =
    raw.find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? raw.find((l) => l.trim() !== '');
  if (first === undefined) return cursor;
  const start = finder.find(first, cursor);
  const lines: ShellLine[] = [];
  let at = Math.min(
    start,
    finder.find(
      raw.find((l) => l.trim() !== '')!,
      cursor,
    ),
  );
  for (const l of raw) {
    if (l.trim() === '') continue;
    at = finder.find(l, at);
    lines.push({ text: l, line: at });
  }
  const label = `${file}:${start} ${key}: ${summarise(first)}`;
  out.steps.push({ file, lines, via: [...prefix, label], env, cwd });
  return start;
}

export function summarise(text: string): string {
  const t = text
    .trim()
    .replace(/\s*\\$/, '')
    .replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** GitLab's `!reference [job, key]` tag, kept as `{ '!reference': [job, key] }` for the GitLab parser. */
const referenceTag = new yaml.Type('!reference', {
  kind: 'sequence',
  construct: (data: unknown) => ({ '!reference': data }),
});
const CI_SCHEMA = yaml.DEFAULT_SCHEMA.extend([referenceTag]);

/** Parses one YAML document (anchors, merge keys and `!reference` allowed); throws js-yaml's error on bad YAML. */
export function loadYaml(text: string, file: string): unknown {
  return yaml.load(text, { filename: file, schema: CI_SCHEMA });
}

export function loadYamlAll(text: string, file: string): unknown[] {
  return yaml.loadAll(text, undefined, { filename: file, schema: CI_SCHEMA });
}

/** A YAML error in a few words, with its line. */
export function yamlReason(err: unknown): string {
  if (err instanceof yaml.YAMLException) {
    const where = err.mark ? ` at line ${err.mark.line + 1}` : '';
    return `not valid YAML${where}: ${err.reason}`;
  }
  return err instanceof Error ? err.message : String(err);
}
