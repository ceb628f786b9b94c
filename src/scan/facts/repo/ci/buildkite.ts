// Buildkite: `.buildkite/pipeline.yml` steps' `command`/`commands` (a string or a list), group steps, `env`,
// and plugins (recorded as actions: the docker-compose plugin starts services).
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, isMap, textMap } from '../yaml-values.js';
import { emptyResult, loadYaml, scriptStep, type CiParseResult } from './step.js';

export function parseBuildkite(file: string, text: string): CiParseResult {
  const out = emptyResult('buildkite', file);
  const doc = loadYaml(text, file);
  const finder = new LineFinder(text);
  const root = isMap(doc) ? doc : { steps: doc };
  walk(asList(root.steps), textMap(asMap(root).env), out, finder, file, 1);
  return out;
}

function walk(
  steps: unknown[],
  env: Record<string, string>,
  out: CiParseResult,
  finder: LineFinder,
  file: string,
  cursor: number,
): number {
  for (const raw of steps) {
    const step = asMap(raw);
    const stepEnv = { ...env, ...textMap(step.env) };
    if (Array.isArray(step.steps)) {
      cursor = walk(step.steps, stepEnv, out, finder, file, cursor);
      continue;
    }
    const key = step.commands !== undefined ? 'commands' : 'command';
    for (const item of asList(step[key])) {
      const script = asText(item);
      if (script) cursor = scriptStep(out, finder, file, script, cursor, key, [], stepEnv);
    }
    for (const plugin of asList(step.plugins)) {
      const entries = isMap(plugin) ? Object.entries(plugin) : [[asText(plugin) ?? '', {}] as const];
      for (const [name, cfg] of entries) {
        if (!name) continue;
        const line = finder.find(name, cursor);
        out.actions.push({ name, file, line, with: textMap(cfg) });
        if (name.includes('docker-compose')) out.services.push({ name, file, line });
      }
    }
  }
  return cursor;
}
