// Travis CI: `.travis.yml` phases (`before_install`, `install`, `before_script`, `script`, `after_success`,
// `after_script`) at the top level and in `jobs.include` / `matrix.include` entries, and `services`.
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, type YamlMap } from '../yaml-values.js';
import { emptyResult, loadYaml, scriptStep, type CiParseResult } from './step.js';

const PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success', 'after_script'];

export function parseTravis(file: string, text: string): CiParseResult {
  const out = emptyResult('travis', file);
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const env = globalEnv(doc.env);
  const entries: YamlMap[] = [
    doc,
    ...asList(asMap(doc.jobs).include).map(asMap),
    ...asList(asMap(doc.matrix).include).map(asMap),
  ];
  let cursor = 1;
  for (const entry of entries) {
    for (const phase of PHASES) {
      for (const item of asList(entry[phase])) {
        const script = asText(item);
        if (script) cursor = scriptStep(out, finder, file, script, cursor, phase, [], env);
      }
    }
    for (const svc of asList(entry.services)) {
      const name = asText(svc);
      if (name) out.services.push({ name, file, line: finder.find(name, 1) });
    }
  }
  return out;
}

function globalEnv(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const items = Array.isArray(v) ? v : asList(asMap(v).global);
  for (const item of items) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(asText(item) ?? '');
    if (m) out[m[1]!] = m[2]!.replace(/^["']|["']$/g, '');
  }
  return out;
}
