// Google Cloud Build: `cloudbuild.yaml` / `.yml` / `.json` anywhere in the repository. Each step runs a
// builder image (recorded as an action): its `entrypoint` (or the image's own) with `args`, or a `script`.
// `bash -c '<script>'` runs the script's lines; with no entrypoint in an image that has none (`golang`),
// `args: [go, test, ./...]` is the command itself. Step `env`, `options.env`, user substitutions and `dir`
// are carried along; `$$` is Cloud Build's escape for a literal `$`.
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, type YamlMap } from '../yaml-values.js';
import { escapeRe } from './github-actions.js';
import { emptyResult, loadYaml, scriptStep, summarise, type CiParseResult } from './step.js';

const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh', '/usr/bin/bash', 'zsh', 'ash', 'dash']);

/** `entrypoints`: builder images (without tag) whose image entrypoint runs a program, with that program. */
export function parseCloudBuild(
  file: string,
  text: string,
  entrypoints: Record<string, string>,
): CiParseResult {
  const out = emptyResult('cloud-build', file);
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const baseEnv = { ...substitutions(doc.substitutions), ...envList(asMap(doc.options).env) };
  const steps = asList(doc.steps).map(asMap);
  const starts = itemStarts(finder, steps.length);
  let cursor = 1;
  steps.forEach((step, i) => {
    // Keys are searched within the step's own lines when its list items could be told apart (block
    // YAML), else forward from the end of the previous step (JSON, flow style).
    const from = starts ? starts[i]! : cursor;
    const to = starts ? (starts[i + 1] ?? finder.count + 1) - 1 : finder.count;
    const keyLine = (key: string): number | null => {
      const re = new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRe(key)}["']?\\s*:`);
      for (let l = from; l <= to; l++) if (re.test(finder.lineText(l))) return l;
      return null;
    };
    const image = asText(step.name);
    const imageLine = keyLine('name') ?? from;
    if (image) out.actions.push({ name: image, file, line: imageLine, with: {} });
    const env = { ...baseEnv, ...envList(step.env) };
    const cwd = (asText(step.dir) ?? '').replace(/^\/workspace\/?/, '').replace(/\/$/, '') || '.';
    // Written text locates lines in the file; `$$` is unescaped once the step is built.
    const written = asList(step.args)
      .map(asText)
      .filter((a): a is string => a !== null);
    const script = asText(step.script);
    const entrypoint = asText(step.entrypoint);
    const program = entrypoint ?? (image ? entrypoints[bareImage(image)] : undefined) ?? null;
    const argsLine = keyLine('args');
    const c = written.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
    // `script:`, or `bash -c '<script>'` (`-ec`, `-eux`…): the script's own lines, located in the file.
    const inline = script ?? (program && SHELLS.has(program) && c >= 0 ? written[c + 1] : undefined);
    let used = imageLine;
    if (inline !== undefined) {
      const key = script !== null ? 'script' : 'args';
      const at = (script !== null ? keyLine('script') : argsLine) ?? from;
      const before = out.steps.length;
      used = scriptStep(out, finder, file, inline, at, key, [], env, cwd);
      for (const s of out.steps.slice(before)) {
        for (const l of s.lines) used = Math.max(used, l.line);
        s.lines = s.lines.map((l) => ({ ...l, text: unescape(l.text) }));
      }
    } else {
      const words = (program ? [program, ...written] : written).map(unescape);
      if (words.length > 0) {
        const line = (entrypoint !== null ? keyLine('entrypoint') : argsLine) ?? argsLine ?? imageLine;
        const command = words.map(quote).join(' ');
        out.steps.push({
          file,
          lines: [{ text: command, line }],
          via: [`${file}:${line} ${entrypoint !== null ? 'entrypoint' : 'args'}: ${summarise(command)}`],
          env,
          cwd,
        });
        used = Math.max(used, line, argsLine ?? 0);
      }
    }
    cursor = Math.max(cursor, used + 1);
  });
  return out;
}

/** Cloud Build writes `$$` for a `$` it should leave to the shell. */
function unescape(text: string): string {
  return text.replace(/\$\$/g, '$');
}

/** `gcr.io/cloud-builders/docker:latest` → `gcr.io/cloud-builders/docker`; `golang@sha256:…` → `golang`. */
function bareImage(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}

/** An argument as one shell word: quoted when it holds spaces or shell syntax. */
function quote(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./${}-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["\\`])/g, '\\$1')}"`;
}

/** `env: ['KEY=value']`. */
function envList(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of asList(v)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(asText(item) ?? '');
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** User substitutions (`_NAME: value`), which `$_NAME` / `${_NAME}` are replaced with. */
function substitutions(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asMap(v) as YamlMap)) {
    const t = asText(val);
    if (t !== null && /^_[A-Z0-9_]+$/.test(k)) out[k] = t;
  }
  return out;
}

/** The first line of each item of the block-style `steps:` list, or null when the list is written in
 *  flow style or JSON (or its items cannot be counted as `count`). */
function itemStarts(finder: LineFinder, count: number): number[] | null {
  const stepsLine = finder.match(/^steps\s*:\s*(#.*)?$/);
  if (stepsLine === null) return null;
  const starts: number[] = [];
  let indent: number | null = null;
  for (let l = stepsLine + 1; l <= finder.count; l++) {
    const text = finder.lineText(l);
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const lead = text.length - text.trimStart().length;
    if (indent === null) {
      if (!text.trimStart().startsWith('-')) return null;
      indent = lead;
    }
    if (lead < indent || (lead === indent && !text.trimStart().startsWith('-'))) break;
    if (lead === indent) starts.push(l);
  }
  return starts.length === count ? starts : null;
}
