// Splits shell text (CI `run:` blocks, Makefile recipes, scripts) into simple commands with their lines,
// and simple commands into words. Deliberately small: enough shell to see which programs run, not to run them.

export interface ShellLine {
  text: string;
  line: number;
  /** The line as written, when `text` is its expansion (make variables filled in). */
  raw?: string;
}

/** Joins `\` continuations, drops comments and blank lines, and splits on `&&`, `||`, `;`, `|` and `&`
 *  outside quotes and `$(…)`, keeping the line each command starts on. */
export function splitCommands(lines: ShellLine[]): ShellLine[] {
  const out: ShellLine[] = [];
  let pending: ShellLine | null = null;
  const emit = (logical: ShellLine): void => {
    for (const part of splitLogical(logical.text)) {
      out.push(
        logical.raw !== undefined
          ? { text: part, line: logical.line, raw: logical.raw }
          : { text: part, line: logical.line },
      );
    }
  };
  for (const physical of lines) {
    // A joined line loses its written form: the expansion is all that is left to show.
    const current: ShellLine = pending
      ? { text: `${pending.text} ${physical.text.trim()}`, line: pending.line }
      : physical;
    if (/(^|[^\\])\\\s*$/.test(current.text)) {
      pending = { text: current.text.replace(/\\\s*$/, ''), line: current.line };
      continue;
    }
    pending = null;
    emit(current);
  }
  if (pending) emit(pending);
  return out;
}

const LEADING_KEYWORDS = new Set([
  'then',
  'else',
  'do',
  'if',
  'elif',
  'while',
  'until',
  '!',
  '{',
  '(',
  'time',
  'exec',
]);

function splitLogical(text: string): string[] {
  const parts: string[] = [];
  let buf = '';
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      buf += c;
      if (c === '\\' && quote === '"' && i + 1 < text.length) buf += text[++i];
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!)) && depth === 0) break;
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
      buf += c;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      depth++;
      buf += '$(';
      i++;
      continue;
    }
    if (c === ')' && depth > 0) {
      depth--;
      buf += c;
      continue;
    }
    if (depth === 0 && (c === ';' || c === '|' || c === '&')) {
      // `2>&1` is a redirection; a single `|` joins a pipeline, which stays one command (its stages are
      // read by pipelineStages) so that `gofmt -l . | grep .` keeps its meaning.
      if (c === '&' && (text[i - 1] === '>' || text[i + 1] === '>')) {
        buf += c;
        continue;
      }
      if (c === '|' && text[i + 1] !== '|') {
        buf += c;
        continue;
      }
      parts.push(buf);
      buf = '';
      if ((c === '|' || c === '&') && text[i + 1] === c) i++;
      continue;
    }
    buf += c;
  }
  parts.push(buf);
  return parts.map(stripKeywords).filter((p) => p !== '' && !/^(fi|done|esac|then|else|do|}|\)|;;)$/.test(p));
}

function stripKeywords(part: string): string {
  let words = part.trim();
  // The `)` closing a `( … )` subshell opened by an earlier part.
  const unbalanced = (words.match(/\)/g) ?? []).length - (words.match(/\(/g) ?? []).length;
  if (unbalanced > 0 && words.endsWith(')')) words = words.slice(0, -1).trimEnd();
  if (unbalanced < 0 && words.startsWith('(')) words = words.slice(1).trimStart();
  for (;;) {
    const m = /^(\S+)\s+/.exec(words);
    if (!m || !LEADING_KEYWORDS.has(m[1]!)) return words;
    words = words.slice(m[0].length);
  }
}

/** The stages of a pipeline (`a | b`), split outside quotes and `$(…)`. */
export function pipelineStages(command: string): string[] {
  const stages: string[] = [];
  let buf = '';
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === '$' && command[i + 1] === '(') {
      depth++;
      buf += '$(';
      i++;
      continue;
    } else if (c === ')' && depth > 0) {
      depth--;
    } else if (c === '|' && depth === 0) {
      stages.push(buf.trim());
      buf = '';
      continue;
    }
    buf += c;
  }
  stages.push(buf.trim());
  return stages.filter((s) => s !== '');
}

/** Shell words of one simple command, quotes removed (a `$(…)` stays one word). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let buf = '';
  let inWord = false;
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) buf += command[++i];
      else buf += c;
      continue;
    }
    if (depth > 0) {
      buf += c;
      if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === '$' && command[i + 1] === '(') {
      buf += '$(';
      i++;
      depth = 1;
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(buf);
      buf = '';
      inWord = false;
      continue;
    }
    if (c === '\\' && i + 1 < command.length) {
      buf += command[++i];
      inWord = true;
      continue;
    }
    buf += c;
    inWord = true;
  }
  if (inWord) words.push(buf);
  return words;
}

/** Leading `NAME=value` words of a command, and the words after them. */
export function splitEnvPrefix(words: string[]): { env: Record<string, string>; rest: string[] } {
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[i]!);
    if (!m) break;
    env[m[1]!] = m[2]!;
  }
  let rest = words.slice(i);
  // `env A=b cmd`, `sudo cmd`: the program is what follows. After `env`, its options and a whole-word
  // `$(…)` (`env $(cat .env | xargs) go test`, which expands to assignments) are skipped too.
  while (rest.length > 1 && (rest[0] === 'env' || rest[0] === 'sudo' || rest[0] === 'command')) {
    const isEnv = rest[0] === 'env';
    rest = rest.slice(1);
    while (rest.length > 0) {
      const word = rest[0]!;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
      if (m) env[m[1]!] = m[2]!;
      else if (!isEnv) break;
      else if (word === '-u' || word === '--unset') rest = rest.slice(1);
      else if (!/^(-[a-zA-Z-]*|--[a-z-]+=.*|\$\(.*\)|`.*`)$/s.test(word)) break;
      rest = rest.slice(1);
    }
  }
  return { env, rest };
}

/** Expands `$NAME`, `${NAME}` and GitHub's `${{ env.NAME }}` from `env`; unknown names stay as written. */
export function expandShellVars(text: string, env: Record<string, string>): string {
  const value = (name: string, whole: string): string => (Object.hasOwn(env, name) ? env[name]! : whole);
  return text
    .replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => value(name, whole))
    .replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*|[1-9@*])\}|\$([A-Za-z_][A-Za-z0-9_]*|[1-9@*])/g,
      (whole, a?: string, b?: string) => value((a ?? b)!, whole),
    );
}

/** The lines of a script text, numbered from `firstLine`. */
export function numberLines(text: string, firstLine: number): ShellLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, line: firstLine + i }));
}
