// Small helpers the CLI commands share: reading `q=v` flags and answer files, asking a numbered choice on
// a terminal, and the exit codes. The prompt takes its input as a function so it can be tested without a TTY.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../config/errors.js';
import { parseYaml } from '../config/load-yaml.js';

/** Exit codes: 2 means the input was wrong (unknown tree, bad or missing answers), 1 an unexpected failure. */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/** A failure the user can fix; the message goes to stderr and the process exits with `code`. */
export class CliError extends Error {
  readonly code: number;
  constructor(message: string, code: number = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

/** Parses repeated `--answer question=option` values. */
export function parseAnswerFlags(values: readonly string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const key = eq > 0 ? value.slice(0, eq).trim() : '';
    const answer = eq > 0 ? value.slice(eq + 1).trim() : '';
    if (!key || !answer) {
      throw new CliError(`--answer "${value}" must look like question=option, e.g. latency_p99=under_100ms`);
    }
    answers[key] = answer;
  }
  return answers;
}

/** Reads a JSON (`.json`) or YAML (anything else) file; syntax errors become DataErrors naming the file. */
export function readDataFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (path.extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new DataError(file, [{ path: '', message: `JSON syntax error: ${(err as Error).message}` }]);
    }
  }
  return parseYaml(text, file);
}

/** Splits a comma-separated list of names, dropping empty entries. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface Choice {
  id: string;
  label: string;
}

export interface ChoicePrompt {
  question: string;
  help?: string;
  choices: readonly Choice[];
  /** When true, an empty answer skips the question (returns undefined). */
  optional?: boolean;
}

/**
 * Shows the choices numbered and asks until the answer is a number in range or an option id.
 * `ask` prints its prompt and resolves with one line of input; `write` prints everything else.
 */
export async function askChoice(
  prompt: ChoicePrompt,
  ask: (prompt: string) => Promise<string>,
  write: (text: string) => void,
): Promise<string | undefined> {
  const lines = [`\n${prompt.question}`];
  if (prompt.help) lines.push(`  ${prompt.help}`);
  prompt.choices.forEach((c, i) => lines.push(`  ${i + 1}) ${c.label} [${c.id}]`));
  write(`${lines.join('\n')}\n`);
  const range = `1-${prompt.choices.length}`;
  const hint = prompt.optional ? `Choose ${range}, or press Enter to skip: ` : `Choose ${range}: `;
  for (;;) {
    const input = (await ask(hint)).trim();
    if (input === '' && prompt.optional) return undefined;
    if (/^\d+$/.test(input)) {
      const n = Number(input);
      if (n >= 1 && n <= prompt.choices.length) return prompt.choices[n - 1]!.id;
    }
    const byId = prompt.choices.find((c) => c.id === input);
    if (byId) return byId.id;
    write(`"${input}" is not one of the choices; type a number from ${range} or an option id.\n`);
  }
}
