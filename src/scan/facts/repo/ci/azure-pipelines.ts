// Azure Pipelines: `azure-pipelines.yml` steps at the top level, under `jobs` or `stages[].jobs`: `script`,
// `bash`, `pwsh`/`powershell`, and tasks (`task: Go@0` with `inputs.command` runs a go command).
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, isMap, textMap } from '../yaml-values.js';
import { emptyResult, loadYaml, scriptStep, type CiParseResult } from './step.js';

const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];

export function parseAzurePipelines(file: string, text: string): CiParseResult {
  const out = emptyResult('azure-pipelines', file);
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const env = variables(doc.variables);
  const jobs = [doc, ...asList(doc.jobs), ...asList(doc.stages).flatMap((s) => asList(asMap(s).jobs))].map(
    asMap,
  );
  let cursor = 1;
  for (const job of jobs) {
    const jobEnv = { ...env, ...variables(job.variables) };
    for (const raw of asList(job.steps)) {
      const step = asMap(raw);
      const stepEnv = { ...jobEnv, ...textMap(step.env) };
      const key = SCRIPT_KEYS.find((k) => asText(step[k]) !== null);
      if (key) {
        const cwd =
          asText(step.workingDirectory)?.replace(/^\$\(System\.DefaultWorkingDirectory\)\/?/, '') || '.';
        cursor = scriptStep(out, finder, file, asText(step[key])!, cursor, key, [], stepEnv, cwd);
        continue;
      }
      const task = asText(step.task);
      if (!task) continue;
      const line = finder.find(task, cursor);
      cursor = line;
      const inputs = textMap(step.inputs);
      out.actions.push({ name: task, file, line, with: inputs });
      if (/^Go@/i.test(task) && inputs.command) {
        const command = inputs.command === 'custom' ? (inputs.customCommand ?? '') : inputs.command;
        const text = `go ${command} ${inputs.arguments ?? ''}`.trim();
        out.steps.push({
          file,
          lines: [{ text, line }],
          via: [`${file}:${line} task: ${task} ${command}`],
          env: stepEnv,
          cwd: '.',
        });
      }
    }
    for (const svc of Object.values(asMap(job.services))) {
      const name = asText(svc);
      if (name) out.services.push({ name, file, line: finder.find(name, 1) });
    }
  }
  return out;
}

function variables(v: unknown): Record<string, string> {
  if (!Array.isArray(v)) return textMap(v);
  const out: Record<string, string> = {};
  for (const item of v) {
    if (!isMap(item)) continue;
    const name = asText(item.name);
    const value = asText(item.value);
    if (name && value !== null) out[name] = value;
  }
  return out;
}
