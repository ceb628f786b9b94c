// Woodpecker CI: `.woodpecker.yml`, or one workflow per file in `.woodpecker/`. `steps` (or the older
// `pipeline`) as a map of name → step or as a list of steps with `name`; each step's `commands` run in its
// `image` (recorded as an action, with plugin `settings`), under its `environment`; `services` as a map or list.
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, isMap, textMap } from '../yaml-values.js';
import { emptyResult, loadYamlAll, scriptStep, type CiParseResult } from './step.js';

export function parseWoodpecker(file: string, text: string): CiParseResult {
  const out = emptyResult('woodpecker', file);
  const finder = new LineFinder(text);
  let cursor = 1;
  for (const rawDoc of loadYamlAll(text, file)) {
    const doc = asMap(rawDoc);
    for (const step of entries(doc.steps ?? doc.pipeline)) {
      const image = asText(step.image);
      if (image) {
        cursor = finder.find(image, cursor);
        out.actions.push({ name: image, file, line: cursor, with: textMap(step.settings) });
      }
      const env = environment(step.environment);
      for (const item of asList(step.commands)) {
        const script = asText(item);
        if (script) cursor = scriptStep(out, finder, file, script, cursor, 'commands', [], env);
      }
    }
    for (const svc of entries(doc.services)) {
      const name = asText(svc.image) ?? asText(svc.name);
      if (name) out.services.push({ name, file, line: finder.find(name, 1) });
    }
  }
  return out;
}

/** Steps or services written as a map (name → step) or a list (of steps with `name`), in written order. */
function entries(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isMap);
  return Object.entries(asMap(v)).map(([name, step]) => ({ name, ...asMap(step) }));
}

/** `environment` as a map, or the older list of `KEY=value`. */
function environment(v: unknown): Record<string, string> {
  if (!Array.isArray(v)) return textMap(v);
  const out: Record<string, string> = {};
  for (const item of v) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(asText(item) ?? '');
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
