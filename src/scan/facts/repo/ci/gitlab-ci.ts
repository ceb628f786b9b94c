// GitLab CI: `.gitlab-ci.yml` jobs' `before_script`/`script`/`after_script` (job, `default:` or top level),
// `include:` of local files, `extends:` of (hidden) template jobs, `variables`, `services` and `image`.
import { LineFinder } from '../line-finder.js';
import { repoPath, type RepoReader } from '../repo-reader.js';
import { asList, asMap, asText, isMap, textMap, type YamlMap } from '../yaml-values.js';
import { escapeRe } from './github-actions.js';
import { emptyResult, loadYaml, scriptStep, yamlReason, type CiParseResult } from './step.js';

const RESERVED = new Set([
  'image',
  'services',
  'stages',
  'types',
  'before_script',
  'after_script',
  'variables',
  'cache',
  'include',
  'workflow',
  'default',
]);

interface Source {
  file: string;
  finder: LineFinder;
}

export function parseGitlabCi(file: string, text: string, reader: RepoReader): CiParseResult {
  const out = emptyResult('gitlab-ci', file);
  const main = asMap(loadYaml(text, file));
  // Jobs by name with the file they are written in; the main file overrides what it includes.
  const jobs = new Map<string, { job: YamlMap; source: Source }>();
  const sources = new Map<string, Source>([[file, { file, finder: new LineFinder(text) }]]);
  for (const inc of localIncludes(main.include)) {
    const incText = reader.read(inc);
    if (incText === null) continue;
    try {
      const doc = asMap(loadYaml(incText, inc));
      const src = { file: inc, finder: new LineFinder(incText) };
      sources.set(inc, src);
      out.files.push(inc);
      for (const [k, v] of Object.entries(doc))
        if (!RESERVED.has(k) && isMap(v)) jobs.set(k, { job: v, source: src });
    } catch (err) {
      out.problems.push({ path: inc, reason: yamlReason(err) });
    }
  }
  const mainSource = sources.get(file)!;
  for (const [k, v] of Object.entries(main))
    if (!RESERVED.has(k) && isMap(v)) jobs.set(k, { job: v, source: mainSource });

  const defaults = asMap(main.default);
  const globalEnv = textMap(main.variables);
  for (const svc of [...asList(main.services), ...asList(defaults.services)])
    pushService(out, svc, mainSource, 1);

  for (const [name, { job: rawJob, source }] of jobs) {
    if (name.startsWith('.')) continue;
    const job = resolveExtends(rawJob, jobs, 0);
    const start = source.finder.match(new RegExp(`^['"]?${escapeRe(name)}['"]?:`)) ?? 1;
    const env = { ...globalEnv, ...textMap(job.variables) };
    for (const svc of asList(job.services)) pushService(out, svc, source, start);
    const image = asText(isMap(job.image) ? job.image.name : job.image);
    if (image)
      out.actions.push({ name: image, file: source.file, line: source.finder.find(image, start), with: {} });
    let cursor = start;
    for (const key of ['before_script', 'script', 'after_script']) {
      const lines = flatten(job[key] ?? defaults[key] ?? main[key], jobs, 0);
      // A script inherited from elsewhere is written in that place; search the whole file for it.
      const own = job[key] !== undefined;
      for (const l of lines) {
        cursor = scriptStep(out, source.finder, source.file, l, own ? cursor : 1, key, [], env);
      }
    }
  }
  return out;
}

function localIncludes(include: unknown): string[] {
  const out: string[] = [];
  for (const item of asList(include)) {
    const local = isMap(item) ? asText(item.local) : asText(item);
    if (!local || /^https?:/.test(local) || local.includes('*')) continue;
    const p = repoPath(local.replace(/^\//, ''));
    if (p) out.push(p);
  }
  return out;
}

function resolveExtends(job: YamlMap, jobs: Map<string, { job: YamlMap }>, depth: number): YamlMap {
  const parents = asList(job.extends)
    .map(asText)
    .filter((p): p is string => p !== null);
  if (parents.length === 0 || depth > 5) return job;
  let merged: YamlMap = {};
  for (const p of parents) {
    const parent = jobs.get(p);
    if (parent) merged = { ...merged, ...resolveExtends(parent.job, jobs, depth + 1) };
  }
  return { ...merged, ...job };
}

/** Script entries: strings, nested lists from `- *anchor` references, and `!reference [job, key]`. */
function flatten(v: unknown, jobs: Map<string, { job: YamlMap }>, depth: number): string[] {
  if (depth > 5) return [];
  return asList(v).flatMap((x) => {
    if (Array.isArray(x)) return flatten(x, jobs, depth + 1);
    if (isMap(x) && Array.isArray(x['!reference'])) {
      const [jobName, ...path] = x['!reference'].map(asText);
      let target: unknown = jobName ? jobs.get(jobName)?.job : undefined;
      for (const key of path) target = key ? asMap(target)[key] : undefined;
      return path.length > 0 ? flatten(target, jobs, depth + 1) : [];
    }
    const t = asText(x);
    return t !== null ? [t] : [];
  });
}

function pushService(out: CiParseResult, svc: unknown, source: Source, from: number): void {
  const name = isMap(svc) ? asText(svc.name) : asText(svc);
  if (name) out.services.push({ name, file: source.file, line: source.finder.find(name, from) });
}
