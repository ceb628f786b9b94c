// GitHub Actions: `.github/workflows/*.yml`. Jobs' `run:` steps (with `env`, `working-directory`), `uses:`
// actions with their `with:`, `services:`, reusable workflows (`uses: ./.github/workflows/x.yml`) and local
// composite actions (`uses: ./path`), followed so their steps carry the caller in their chain.
import { LineFinder } from '../line-finder.js';
import { repoPath, type RepoReader } from '../repo-reader.js';
import { asList, asMap, asText, isMap, textMap, type YamlMap } from '../yaml-values.js';
import { emptyResult, loadYaml, scriptStep, yamlReason, type CiParseResult } from './step.js';

const MAX_NESTING = 4;

/** Parses every workflow; a workflow that only runs when called (`on: workflow_call`) and is called by
 *  another is read through its caller, so its steps show who calls it. */
export function parseGithubWorkflows(
  paths: string[],
  reader: RepoReader,
): { results: CiParseResult[]; unreadable: { path: string; reason: string }[] } {
  const docs = new Map<string, { doc: YamlMap; text: string }>();
  const unreadable: { path: string; reason: string }[] = [];
  for (const p of paths) {
    const text = reader.read(p);
    if (text === null) continue;
    try {
      docs.set(p, { doc: asMap(loadYaml(text, p)), text });
    } catch (err) {
      unreadable.push({ path: p, reason: yamlReason(err) });
    }
  }
  const called = new Set<string>();
  for (const { doc } of docs.values()) {
    for (const job of Object.values(asMap(doc.jobs))) {
      const uses = asText(asMap(job).uses);
      if (uses?.startsWith('./')) called.add(repoPath(uses.replace(/@.*$/, '')) ?? '');
    }
  }
  const results: CiParseResult[] = [];
  for (const [p, { doc, text }] of docs) {
    if (called.has(p) && onlyWorkflowCall(doc.on)) continue;
    const out = emptyResult('github-actions', p);
    parseWorkflow(p, doc, text, reader, out, [], {}, 0);
    results.push(out);
  }
  return { results, unreadable };
}

function onlyWorkflowCall(on: unknown): boolean {
  if (typeof on === 'string') return on === 'workflow_call';
  if (Array.isArray(on)) return on.length === 1 && on[0] === 'workflow_call';
  const keys = Object.keys(asMap(on));
  return keys.length === 1 && keys[0] === 'workflow_call';
}

function parseWorkflow(
  file: string,
  doc: YamlMap,
  text: string,
  reader: RepoReader,
  out: CiParseResult,
  prefix: string[],
  inheritedEnv: Record<string, string>,
  nesting: number,
): void {
  const finder = new LineFinder(text);
  const workflowEnv = { ...inheritedEnv, ...textMap(doc.env) };
  let cursor = finder.match(/^jobs:/) ?? 1;
  for (const [jobId, rawJob] of Object.entries(asMap(doc.jobs))) {
    const job = asMap(rawJob);
    cursor = finder.match(new RegExp(`^\\s+${escapeRe(jobId)}:`), cursor) ?? cursor;
    const jobEnv = { ...workflowEnv, ...textMap(job.env) };
    const jobDir = asText(asMap(asMap(job.defaults).run)['working-directory']) ?? '.';

    const services = asMap(job.services);
    for (const [name, svc] of Object.entries(services)) {
      const image = isMap(svc) ? asText(svc.image) : asText(svc);
      out.services.push({ name: image ?? name, file, line: finder.find(`${name}:`, cursor) });
    }

    const jobUses = asText(job.uses);
    if (jobUses) {
      const line = finder.find(jobUses, cursor);
      if (jobUses.startsWith('./') && nesting < MAX_NESTING) {
        const target = repoPath(jobUses.replace(/@.*$/, ''));
        const calledText = target ? reader.read(target) : null;
        if (target && calledText !== null) {
          try {
            const calledDoc = asMap(loadYaml(calledText, target));
            out.files.push(target);
            const hop = `${file}:${line} uses: ${jobUses}`;
            parseWorkflow(target, calledDoc, calledText, reader, out, [...prefix, hop], jobEnv, nesting + 1);
          } catch (err) {
            out.problems.push({ path: target, reason: yamlReason(err) });
          }
        }
      } else {
        out.actions.push({ name: jobUses, file, line, with: textMap(job.with) });
      }
      continue;
    }
    cursor = parseSteps(
      file,
      asList(job.steps),
      finder,
      cursor,
      reader,
      out,
      prefix,
      jobEnv,
      jobDir,
      nesting,
    );
  }
}

function parseSteps(
  file: string,
  steps: unknown[],
  finder: LineFinder,
  cursor: number,
  reader: RepoReader,
  out: CiParseResult,
  prefix: string[],
  env: Record<string, string>,
  dir: string,
  nesting: number,
): number {
  for (const rawStep of steps) {
    const step = asMap(rawStep);
    const stepEnv = { ...env, ...textMap(step.env) };
    const run = asText(step.run);
    if (run !== null) {
      const cwd = repoPath(asText(step['working-directory']) ?? dir) ?? '.';
      cursor = scriptStep(out, finder, file, run, cursor, 'run', prefix, stepEnv, cwd);
      continue;
    }
    const uses = asText(step.uses);
    if (!uses) continue;
    const line = finder.find(uses, cursor);
    cursor = line;
    if (uses.startsWith('./') && nesting < MAX_NESTING) {
      parseLocalAction(uses, `${file}:${line} uses: ${uses}`, reader, out, prefix, stepEnv, nesting);
    } else {
      out.actions.push({ name: uses, file, line, with: textMap(step.with) });
    }
  }
  return cursor;
}

function parseLocalAction(
  uses: string,
  hop: string,
  reader: RepoReader,
  out: CiParseResult,
  prefix: string[],
  env: Record<string, string>,
  nesting: number,
): void {
  const dir = repoPath(uses);
  if (!dir) return;
  const file = [`${dir}/action.yml`, `${dir}/action.yaml`].find((f) => reader.has(f));
  const text = file ? reader.read(file) : null;
  if (!file || text === null) return;
  try {
    const doc = asMap(loadYaml(text, file));
    out.files.push(file);
    const steps = asList(asMap(doc.runs).steps);
    parseSteps(file, steps, new LineFinder(text), 1, reader, out, [...prefix, hop], env, '.', nesting + 1);
  } catch (err) {
    out.problems.push({ path: file, reason: yamlReason(err) });
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
