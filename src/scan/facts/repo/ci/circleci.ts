// CircleCI: `.circleci/config.yml` jobs' steps — `run` (a string or `{command}`), reusable `commands:`,
// and orb commands (`go/test` from the circleci/go orb runs `go test` with the options it is given).
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, isMap, textMap, type YamlMap } from '../yaml-values.js';
import { escapeRe } from './github-actions.js';
import { emptyResult, loadYaml, scriptStep, type CiParseResult } from './step.js';

export function parseCircleci(file: string, text: string): CiParseResult {
  const out = emptyResult('circleci', file);
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const orbs = new Map<string, string>();
  for (const [alias, ref] of Object.entries(asMap(doc.orbs))) {
    const r = asText(ref);
    if (r) {
      orbs.set(alias, r.replace(/@.*$/, ''));
      out.actions.push({ name: r, file, line: finder.find(`${alias}:`, 1), with: {} });
    }
  }
  const commands = asMap(doc.commands);
  const ctx: Ctx = { file, finder, out, orbs, commands };
  const jobsLine = finder.match(/^jobs:/) ?? 1;
  for (const [name, rawJob] of Object.entries(asMap(doc.jobs))) {
    const job = asMap(rawJob);
    const start = finder.match(new RegExp(`^\\s+${escapeRe(name)}:`), jobsLine) ?? jobsLine;
    // The first docker image is where steps run; the others are service containers.
    for (const img of asList(job.docker).slice(1)) {
      const image = asText(asMap(img).image);
      if (image) out.services.push({ name: image, file, line: finder.find(image, start) });
    }
    walkSteps(
      ctx,
      asList(job.steps),
      start,
      [],
      textMap(job.environment),
      asText(job.working_directory) ?? '.',
      0,
    );
  }
  return out;
}

interface Ctx {
  file: string;
  finder: LineFinder;
  out: CiParseResult;
  orbs: Map<string, string>;
  commands: YamlMap;
}

function walkSteps(
  ctx: Ctx,
  steps: unknown[],
  cursor: number,
  prefix: string[],
  env: Record<string, string>,
  cwd: string,
  depth: number,
): number {
  const { file, finder, out } = ctx;
  for (const step of steps) {
    if (!isMap(step)) continue;
    for (const [key, value] of Object.entries(step)) {
      if (key === 'run') {
        const command = isMap(value) ? asText(value.command) : asText(value);
        if (!command) continue;
        const stepEnv = { ...env, ...textMap(isMap(value) ? value.environment : undefined) };
        const dir = (isMap(value) ? asText(value.working_directory) : null) ?? cwd;
        cursor = scriptStep(
          out,
          finder,
          file,
          command,
          cursor,
          'run',
          prefix,
          stepEnv,
          dir.replace(/^~\/?/, '') || '.',
        );
      } else if (isMap(ctx.commands[key]) && depth < 4) {
        const line = finder.find(`${key}`, cursor);
        const hop = `${file}:${line} ${key}`;
        const def = asMap(ctx.commands[key]);
        const defLine = finder.match(new RegExp(`^\\s+${escapeRe(key)}:`)) ?? 1;
        walkSteps(ctx, asList(def.steps), defLine, [...prefix, hop], env, cwd, depth + 1);
        cursor = line;
      } else if (key.includes('/')) {
        const [alias, cmd] = key.split('/', 2) as [string, string];
        const line = finder.find(key, cursor);
        cursor = line;
        const orb = ctx.orbs.get(alias) ?? alias;
        const params = textMap(value);
        out.actions.push({ name: `${orb}/${cmd}`, file, line, with: params });
        const synthetic = orbCommand(orb, cmd, params);
        if (synthetic) {
          out.steps.push({
            file,
            lines: [{ text: synthetic, line }],
            via: [...prefix, `${file}:${line} ${key}`],
            env,
            cwd,
          });
        }
      }
    }
  }
  return cursor;
}

/** The command an orb step runs, for the orbs whose behaviour matters here. */
function orbCommand(orb: string, cmd: string, params: Record<string, string>): string | null {
  if (orb === 'circleci/go' && cmd === 'test') {
    const flags = ['go test'];
    if (params.race === 'true') flags.push('-race');
    flags.push(`-coverprofile=${params.coverprofile ?? 'cover-source.out'}`);
    if (params.covermode) flags.push(`-covermode=${params.covermode}`);
    flags.push(params.packages ?? './...');
    return flags.join(' ');
  }
  return null;
}
