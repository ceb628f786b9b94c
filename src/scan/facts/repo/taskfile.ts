// Parses Taskfile.yml (go-task) far enough to follow `task <name>`: per task its commands, `task:` calls
// and `deps`, with `{{.VAR}}` filled from top-level and task `vars` where they are plain strings.
import yaml from 'js-yaml';
import { LineFinder } from './line-finder.js';
import type { ShellLine } from './shell.js';
import { asList, asMap, asText, isMap } from './yaml-values.js';

export type TaskStep = { kind: 'cmd'; lines: ShellLine[] } | { kind: 'task'; task: string; line: number };

export interface TaskDef {
  name: string;
  line: number;
  dir: string | null;
  deps: { task: string; line: number }[];
  steps: TaskStep[];
}

export interface Taskfile {
  file: string;
  tasks: Map<string, TaskDef>;
}

export const TASKFILE_NAMES = [
  'Taskfile.yml',
  'Taskfile.yaml',
  'taskfile.yml',
  'taskfile.yaml',
  'Taskfile.dist.yml',
];

/** Parses a Taskfile; throws js-yaml's error when the text is not YAML. */
export function parseTaskfile(text: string, file: string): Taskfile {
  const doc = asMap(yaml.load(text, { schema: yaml.JSON_SCHEMA }));
  const finder = new LineFinder(text);
  const globalVars = plainVars(doc.vars);
  const tasks = new Map<string, TaskDef>();
  const tasksLine = finder.match(/^tasks:\s*$/) ?? 1;
  for (const [name, rawDef] of Object.entries(asMap(doc.tasks))) {
    const keyPattern = new RegExp(`^\\s+['"]?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?:`);
    const line = finder.match(keyPattern, tasksLine) ?? tasksLine;
    const def: YamlMapLike = isMap(rawDef) ? rawDef : { cmds: rawDef };
    const vars = { ...globalVars, ...plainVars(def.vars) };
    const fill = (s: string): string =>
      s.replace(/\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, n: string) => vars[n] ?? whole);
    const task: TaskDef = { name, line, dir: asText(def.dir), deps: [], steps: [] };
    let cursor = line;
    for (const dep of asList(def.deps)) {
      const depName = isMap(dep) ? asText(dep.task) : asText(dep);
      if (!depName) continue;
      cursor = finder.find(depName, cursor);
      task.deps.push({ task: depName, line: cursor });
    }
    for (const item of asList(def.cmds ?? def.cmd)) {
      if (isMap(item) && asText(item.task)) {
        const t = asText(item.task)!;
        cursor = finder.find(t, cursor);
        task.steps.push({ kind: 'task', task: t, line: cursor });
        continue;
      }
      const cmd = isMap(item) ? asText(item.cmd) : asText(item);
      if (!cmd) continue;
      const lines = cmd.split(/\r?\n/);
      cursor = finder.find(cmd, cursor);
      let at = cursor;
      const numbered: ShellLine[] = [];
      for (const l of lines) {
        if (l.trim() === '') continue;
        at = finder.find(l, at);
        numbered.push({ text: fill(l), line: at, raw: l.trim() });
      }
      task.steps.push({ kind: 'cmd', lines: numbered });
    }
    tasks.set(name, task);
  }
  return { file, tasks };
}

type YamlMapLike = Record<string, unknown>;

function plainVars(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asMap(v))) {
    const t = asText(val) ?? (isMap(val) ? asText(val.value) : null);
    if (t !== null) out[k] = t;
  }
  return out;
}
