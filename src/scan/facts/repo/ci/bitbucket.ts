// Bitbucket Pipelines: `bitbucket-pipelines.yml`. Steps under `pipelines.default`, `branches`, `pull-requests`,
// `tags` and `custom` (each a list of `step`, `parallel` and `stage` items), their `script` and `after-script`
// lines, pipes (`- pipe: atlassian/…`, recorded as actions) and the services they start, resolved through
// `definitions.services` to their images. Steps shared through YAML anchors are read where they are written.
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, isMap, textMap, type YamlMap } from '../yaml-values.js';
import { escapeRe } from './github-actions.js';
import { emptyResult, loadYaml, scriptStep, type CiParseResult } from './step.js';

const SCRIPT_KEYS = ['script', 'after-script'];
const MAX_DEPTH = 6;

export function parseBitbucket(file: string, text: string): CiParseResult {
  const out = emptyResult('bitbucket-pipelines', file);
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const ctx: Ctx = { file, finder, out, services: asMap(asMap(doc.definitions).services), cursor: 1 };
  const pipelines = asMap(doc.pipelines);
  walkItems(ctx, asList(pipelines.default), 0);
  for (const group of ['branches', 'pull-requests', 'tags', 'custom']) {
    for (const items of Object.values(asMap(pipelines[group]))) walkItems(ctx, asList(items), 0);
  }
  return out;
}

interface Ctx {
  file: string;
  finder: LineFinder;
  out: CiParseResult;
  /** `definitions.services`: name → `{ image }`. */
  services: YamlMap;
  cursor: number;
}

/** A list of `- step:`, `- parallel:` (a list, or `{ steps: [...] }`) and `- stage: { steps: [...] }`. */
function walkItems(ctx: Ctx, items: unknown[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const raw of items) {
    const item = asMap(raw);
    if (isMap(item.step)) walkStep(ctx, item.step);
    for (const key of ['parallel', 'stage']) {
      const group = item[key];
      if (group === undefined) continue;
      walkItems(ctx, Array.isArray(group) ? group : asList(asMap(group).steps), depth + 1);
    }
  }
}

function walkStep(ctx: Ctx, step: YamlMap): void {
  const { file, finder, out } = ctx;
  for (const key of SCRIPT_KEYS) {
    for (const entry of asList(step[key])) {
      const script = asText(entry);
      if (script) {
        ctx.cursor = scriptStep(out, finder, file, script, ctx.cursor, key, [], {});
        continue;
      }
      const pipe = asText(asMap(entry).pipe);
      if (!pipe) continue;
      ctx.cursor = finder.find(pipe, ctx.cursor);
      out.actions.push({ name: pipe, file, line: ctx.cursor, with: textMap(asMap(entry).variables) });
    }
  }
  for (const svc of asList(step.services)) {
    const name = asText(svc);
    if (!name) continue;
    const image = imageOf(ctx.services[name]);
    // Written as `- postgres` in the step's list; the built-in `docker` service has no definition.
    const line =
      finder.match(new RegExp(`^\\s*-\\s*["']?${escapeRe(name)}["']?\\s*$`)) ?? finder.find(name, 1);
    // Several steps starting the same service list it once.
    if (!out.services.some((s) => s.name === (image ?? name) && s.line === line))
      out.services.push({ name: image ?? name, file, line });
  }
}

function imageOf(def: unknown): string | null {
  const image = asMap(def).image;
  return asText(image) ?? asText(asMap(image).name);
}
