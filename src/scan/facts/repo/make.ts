// Parses Makefiles far enough to follow `make <target>`: variables (=, :=, ?=, +=), rules with their
// prerequisites and recipe lines, `include`, and `$(VAR)` expansion where the value is simple.
import type { ShellLine } from './shell.js';

export interface MakeRule {
  /** The Makefile (or included file) the rule is written in. */
  file: string;
  target: string;
  line: number;
  prereqs: string[];
  recipe: ShellLine[];
}

export interface Makefile {
  file: string;
  vars: Map<string, string>;
  /** Variables marked `export`: make passes them to recipes' environment (GOFLAGS, CGO_ENABLED…). */
  exports: Set<string>;
  rules: Map<string, MakeRule>;
  /** First ordinary target: what a bare `make` runs. */
  defaultGoal: string | null;
  /** Files named by `include` / `-include`, as written (relative to the Makefile's folder). */
  includes: string[];
}

const ASSIGN = /^(?:(?:export|override)\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(\?=|::?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^:=#\t][^:=#]*?)\s*::?(?!=)\s*(.*)$/;

export function parseMakefile(text: string, file: string): Makefile {
  const mk: Makefile = {
    file,
    vars: new Map(),
    exports: new Set(),
    rules: new Map(),
    defaultGoal: null,
    includes: [],
  };
  const raw = text.split(/\r?\n/);
  let current: MakeRule | null = null;
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let body = raw[i]!;
    // Join continuation lines; recipe lines keep them for the shell, others read as one line.
    while (/\\$/.test(body) && i + 1 < raw.length) body = `${body.slice(0, -1)} ${raw[++i]!.trim()}`;

    if (body.startsWith('\t')) {
      if (current) {
        const cmd = body
          .slice(1)
          .trim()
          .replace(/^[@+-]+/, '');
        if (cmd !== '' && !cmd.startsWith('#')) current.recipe.push({ text: cmd, line });
      }
      continue;
    }
    const stripped = body.replace(/(^|\s)#.*$/, '').trimEnd();
    if (stripped.trim() === '') continue;
    const trimmed = stripped.trim();
    // A `define … endef` block is a multi-line variable, not rules.
    if (/^(override\s+|export\s+)?define\b/.test(trimmed)) {
      while (i + 1 < raw.length && !/^\s*endef\b/.test(raw[i + 1]!)) i++;
      i++;
      current = null;
      continue;
    }
    if (/^(ifeq|ifneq|ifdef|ifndef|else|endif|undefine|vpath|unexport)\b/.test(trimmed)) continue;
    const exported = /^export\s+([A-Za-z_][A-Za-z0-9_ ]*)$/.exec(trimmed);
    if (exported) {
      for (const n of exported[1]!.split(/\s+/)) mk.exports.add(n);
      continue;
    }
    const inc = /^-?include\s+(.+)$/.exec(trimmed) ?? /^sinclude\s+(.+)$/.exec(trimmed);
    if (inc) {
      mk.includes.push(...inc[1]!.split(/\s+/));
      current = null;
      continue;
    }
    const assign = ASSIGN.exec(trimmed);
    if (assign && !/^[^=]*:[^=]/.test(trimmed.split(assign[2]!)[0]!)) {
      assignVar(mk.vars, assign[1]!, assign[2]!, assign[3]!.trim());
      if (/^export\s/.test(trimmed)) mk.exports.add(assign[1]!);
      current = null;
      continue;
    }
    const rule = RULE.exec(trimmed);
    if (rule) {
      const split = splitInlineRecipe(rule[2]!);
      let prereqText = split[0];
      const inlineRecipe = split[1];
      // `target: VAR = value` sets a target-specific variable; it declares no prerequisites.
      if (/^[A-Za-z_][A-Za-z0-9_]*\s*(\?|:|\+)?=/.test(prereqText)) prereqText = '';
      const prereqs = prereqText
        .replace(/\|/g, ' ')
        .split(/\s+/)
        .filter((p) => p !== '');
      const targets = rule[1]!.split(/\s+/).filter((t) => t !== '');
      current = { file, target: targets[0]!, line, prereqs, recipe: [] };
      if (inlineRecipe) current.recipe.push({ text: inlineRecipe, line });
      for (const t of targets) {
        if (t.startsWith('.') || t.includes('%')) continue;
        const existing = mk.rules.get(t);
        if (existing) {
          // A target may be named in several rules; prerequisites add up, the recipe comes from one.
          existing.prereqs.push(...prereqs);
          if (current.recipe.length > 0 || existing.recipe.length === 0) {
            existing.recipe = current.recipe;
            existing.line = line;
          }
          current = existing;
        } else {
          const r: MakeRule = { ...current, target: t };
          mk.rules.set(t, r);
          current = r;
        }
        mk.defaultGoal ??= t;
      }
      continue;
    }
    current = null;
  }
  return mk;
}

function splitInlineRecipe(rest: string): [string, string | null] {
  const at = rest.indexOf(';');
  if (at < 0) return [rest, null];
  return [rest.slice(0, at), rest.slice(at + 1).trim() || null];
}

function assignVar(vars: Map<string, string>, name: string, op: string, value: string): void {
  if (op === '?=') {
    if (!vars.has(name)) vars.set(name, value);
  } else if (op === '+=') {
    vars.set(name, vars.has(name) ? `${vars.get(name)} ${value}` : value);
  } else if (op === '!=') {
    vars.set(name, `$(shell ${value})`);
  } else {
    vars.set(name, value);
  }
}

/** Expands make variables in `text`. `lookup` answers a name or undefined; `$(MAKE)` is `make`; function
 *  calls such as `$(shell …)` stay as written; unknown variables expand to nothing, as in make. */
export function expandMake(text: string, lookup: (name: string) => string | undefined, depth = 0): string {
  if (depth > 10 || !text.includes('$')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let level = 1;
      let j = i + 2;
      for (; j < text.length && level > 0; j++) {
        if (text[j] === next) level++;
        else if (text[j] === close) level--;
      }
      const inner = text.slice(i + 2, j - 1);
      i = j - 1;
      if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(inner)) {
        out += inner === 'MAKE' ? 'make' : expandMake(lookup(inner) ?? '', lookup, depth + 1);
      } else {
        const subst = /^([A-Za-z_][A-Za-z0-9_.-]*):([^=]*)=(.*)$/.exec(inner);
        const foreach = /^foreach\s+/.exec(inner);
        if (subst) out += expandMake(lookup(subst[1]!) ?? '', lookup, depth + 1);
        else if (foreach) out += expandForeach(inner.slice(foreach[0].length), lookup, depth);
        else out += `$(${inner})`;
      }
      continue;
    }
    if (next !== undefined && /[A-Za-z@<^?*]/.test(next)) {
      out += expandMake(lookup(next) ?? '', lookup, depth + 1);
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Adds an included file's variables and rules to `into`; what `into` defines itself wins. */
export function mergeInclude(into: Makefile, included: Makefile): void {
  for (const [k, v] of included.vars) if (!into.vars.has(k)) into.vars.set(k, v);
  for (const n of included.exports) into.exports.add(n);
  for (const [k, r] of included.rules) if (!into.rules.has(k)) into.rules.set(k, r);
  into.defaultGoal ??= included.defaultGoal;
}

/** `$(foreach var,list,text)`: the text once per word of the list. A list that needs a function make
 *  would evaluate (`$(wildcard …)`) gives the text once, so the command is still seen. */
function expandForeach(args: string, lookup: (name: string) => string | undefined, depth: number): string {
  const parts = splitArgs(args);
  if (parts.length < 3) return `$(foreach ${args})`;
  const [name, listText, ...rest] = parts as [string, string, ...string[]];
  const text = rest.join(',');
  const list = expandMake(listText, lookup, depth + 1).trim();
  const words = list === '' || list.includes('$(') ? [null] : list.split(/\s+/);
  return words
    .map((w) => expandMake(text, (n) => (n === name.trim() ? (w ?? `$(${n})`) : lookup(n)), depth + 1))
    .join(' ');
}

/** Splits function arguments on commas outside nested `$(…)`. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let level = 0;
  let buf = '';
  for (const c of text) {
    if (c === '(' || c === '{') level++;
    if (c === ')' || c === '}') level--;
    if (c === ',' && level === 0) {
      out.push(buf);
      buf = '';
    } else {
      buf += c;
    }
  }
  out.push(buf);
  return out;
}
