// Follows what a CI step runs: each shell command is recorded, and `make <target>`, `task <name>`,
// `./scripts/x.sh`, `bash x.sh` and `sh -c '…'` are followed to the commands they run, so a check sees
// `go test -race` written in a Makefile recipe together with the chain that reaches it from CI.
import type { CiCommand } from '../../types.js';
import { runCommands } from './dockerfile.js';
import { expandMake, mergeInclude, parseMakefile, type Makefile, type MakeRule } from './make.js';
import { repoPath, type RepoReader } from './repo-reader.js';
import {
  expandShellVars,
  numberLines,
  shellWords,
  splitCommands,
  splitEnvPrefix,
  type ShellLine,
} from './shell.js';
import { parseTaskfile, TASKFILE_NAMES, type Taskfile } from './taskfile.js';

export interface FollowState {
  /** Repo-relative working folder ('.' for the root). */
  cwd: string;
  env: Record<string, string>;
  /** The chain so far, outermost first (starts with the CI step). */
  via: string[];
}

/** Environment variables worth carrying on a command: they change what `go` does. */
const GO_ENV = ['GOFLAGS', 'CGO_ENABLED'];
const MAX_DEPTH = 12;
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);
const DECLARES = new Set(['readonly', 'local', 'declare', 'typeset']);
/** `docker run` options that take a value (the image is the first word that is neither). */
const DOCKER_RUN_VALUE =
  /^(-e|-p|-v|-w|-u|-l|-h|--env|--env-file|--publish|--volume|--workdir|--user|--label|--hostname|--name|--network|--net|--mount|--platform|--entrypoint|--add-host|--cpus|--memory|-m)$/;

/** `-d`, `--detach`, or short flags bundled with d (`-itd`). */
function isDetachFlag(arg: string): boolean {
  return arg === '--detach' || /^-[a-zA-Z]*d[a-zA-Z]*$/.test(arg);
}

export class CommandFollower {
  readonly commands: CiCommand[] = [];
  readonly services: { name: string; file: string; line: number }[] = [];
  /** Problems met while following (unreadable Taskfiles…). */
  readonly problems: { path: string; reason: string }[] = [];
  private readonly seen = new Set<string>();
  private readonly reachedRules = new Set<MakeRule>();
  private readonly reachedTasks = new Set<string>();
  private readonly makefiles = new Map<string, Makefile | null>();
  private readonly taskfiles = new Map<string, Taskfile | null>();

  constructor(private readonly reader: RepoReader) {}

  /** Runs shell lines written in `file` (a CI config, a recipe, a script) under `state`. */
  runLines(lines: ShellLine[], file: string, state: FollowState): void {
    // `cd dir` changes the folder for the rest of the same script, as the shell would.
    const local: FollowState = { ...state, env: { ...state.env } };
    for (const cmd of splitCommands(lines)) this.runCommand(cmd, file, local);
  }

  private runCommand(cmd: ShellLine, file: string, state: FollowState): void {
    const text = expandShellVars(cmd.text.trim(), state.env);
    const { env: prefixEnv, rest } = splitEnvPrefix(shellWords(text));
    if (rest.length === 0) {
      // `status=$(git status --porcelain)` still runs a command; keep it for the checks to read.
      if (/\$\(|`/.test(text)) this.record(text, cmd, file, state.via, state.env);
      // A bare `FOO=bar` line sets a shell variable for what follows; a captured command output
      // (`status=$(git status)`) is not a value worth expanding later.
      for (const [k, v] of Object.entries(prefixEnv)) if (!/\$\(|`/.test(v)) state.env[k] = v;
      return;
    }
    const env = { ...state.env, ...prefixEnv };
    this.record(text, cmd, file, state.via, env);
    if (state.via.length > MAX_DEPTH) return;

    const program = rest[0]!;
    const args = rest.slice(1);
    const prog = program.split('/').pop()!;
    if (program === 'cd' && args.length > 0) {
      state.cwd = repoPath(state.cwd, args[0]!) ?? state.cwd;
    } else if (prog === 'export' || DECLARES.has(program)) {
      // `readonly service="$1"` and `local dir=…` set a variable as `export` does, for what follows.
      for (const a of args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
        if (m) state.env[m[1]!] = m[2]!;
      }
    } else if (prog === 'make' || prog === 'gmake') {
      this.runMake(args, { ...state, env });
    } else if (prog === 'task' || prog === 'go-task') {
      this.runTask(args, { ...state, env });
    } else if (SHELLS.has(prog)) {
      this.runShell(args, cmd, file, { ...state, env });
    } else if (program === 'source' || program === '.') {
      if (args[0]) this.runScriptFile(args[0], { ...state, env }, args.slice(1));
    } else if (program.includes('/') || program.endsWith('.sh')) {
      this.runScriptFile(program, { ...state, env }, args);
    } else if (/^docker(-compose)?$/.test(prog)) {
      this.noteDocker(args, prog, cmd, file, { ...state, env });
    }
  }

  private record(
    text: string,
    cmd: ShellLine,
    file: string,
    via: string[],
    env: Record<string, string>,
  ): void {
    // Several jobs sharing one template reach the same line the same way: keep it once.
    const key = `${file}\u0000${cmd.line}\u0000${text}\u0000${via.join('\u0000')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const entry: CiCommand = { text, file, line: cmd.line, via: [...via] };
    const goEnv = Object.fromEntries(GO_ENV.filter((k) => Object.hasOwn(env, k)).map((k) => [k, env[k]!]));
    if (Object.keys(goEnv).length > 0) entry.env = goEnv;
    const written = (cmd.raw ?? cmd.text).trim();
    if (written !== text) entry.raw = written;
    this.commands.push(entry);
  }

  private runShell(args: string[], cmd: ShellLine, file: string, state: FollowState): void {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-c') {
        const inline = args[i + 1];
        if (inline) this.runLines([{ text: inline, line: cmd.line }], file, state);
        return;
      }
      if (a.startsWith('-') || a.startsWith('+')) continue;
      this.runScriptFile(a, state, args.slice(i + 1));
      return;
    }
  }

  private runScriptFile(written: string, state: FollowState, args: string[] = []): void {
    const target = repoPath(
      state.cwd,
      written.replace(/^\$\{?(GITHUB_WORKSPACE|CI_PROJECT_DIR|PWD)\}?\//, ''),
    );
    if (!target || state.via.includes(target)) return;
    const text = this.reader.read(target);
    if (text === null) return;
    const lines = numberLines(text, 1).filter((l) => !(l.line === 1 && l.text.startsWith('#!')));
    // The script sees its arguments as $1…$9, $@ and $*.
    const positional: Record<string, string> = { '@': args.join(' '), '*': args.join(' ') };
    args.slice(0, 9).forEach((a, i) => (positional[String(i + 1)] = a));
    this.runLines(lines, target, {
      ...state,
      env: { ...state.env, ...positional },
      via: [...state.via, target],
    });
  }

  /** `docker build [-f file] context`: the Dockerfile's RUN commands run as part of CI. */
  runDockerBuild(args: string[], state: FollowState): void {
    let dockerfile: string | null = null;
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const eq = /^(?:-f|--file)=(.*)$/.exec(a);
      if (eq) dockerfile = eq[1]!;
      else if (a === '-f' || a === '--file') dockerfile = args[++i] ?? null;
      else if (
        /^(-t|--tag|--build-arg|--target|--platform|-o|--output|--cache-from|--cache-to|--label|--secret)$/.test(
          a,
        )
      )
        i++;
      else if (!a.startsWith('-')) positional.push(a);
    }
    const context = repoPath(state.cwd, positional[0] ?? '.') ?? state.cwd;
    const target = dockerfile ? repoPath(state.cwd, dockerfile) : repoPath(context, 'Dockerfile');
    if (!target || state.via.includes(target) || state.via.length > MAX_DEPTH) return;
    const text = this.reader.read(target);
    if (text === null) return;
    for (const run of runCommands(text)) {
      this.runLines([run], target, { cwd: context, env: { ...state.env }, via: [...state.via, target] });
    }
  }

  private noteDocker(args: string[], prog: string, cmd: ShellLine, file: string, state: FollowState): void {
    const compose = prog === 'docker-compose' || args[0] === 'compose';
    const rest = prog === 'docker-compose' ? args : args.slice(1);
    if (compose && rest.includes('up')) {
      this.services.push({ name: 'docker compose', file, line: cmd.line });
    } else if (!compose && (args[0] === 'build' || (args[0] === 'buildx' && args[1] === 'build'))) {
      this.runDockerBuild(args.slice(args[0] === 'build' ? 1 : 2), state);
    } else if (!compose && args[0] === 'run' && args.some(isDetachFlag)) {
      // Only a detached container keeps running beside the tests; `docker run --rm tool …` is a one-shot tool.
      const image = args
        .slice(1)
        .find((a, i, all) => !a.startsWith('-') && !DOCKER_RUN_VALUE.test(all[i - 1] ?? ''));
      if (image) this.services.push({ name: image, file, line: cmd.line });
    }
  }

  // --- make ------------------------------------------------------------------------------------

  private runMake(args: string[], state: FollowState): void {
    let dir = state.cwd;
    let makefilePath: string | null = null;
    const overrides = new Map<string, string>();
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const withValue = /^(-C|-f|-I|-o|-W|-l|--directory|--file|--makefile)$/.exec(a);
      if (withValue) {
        const v = args[++i] ?? '';
        if (a === '-C' || a === '--directory') dir = repoPath(dir, v) ?? dir;
        if (a === '-f' || a === '--file' || a === '--makefile') makefilePath = v;
        continue;
      }
      const long = /^--(directory|file|makefile)=(.*)$/.exec(a);
      if (long) {
        if (long[1] === 'directory') dir = repoPath(dir, long[2]!) ?? dir;
        else makefilePath = long[2]!;
        continue;
      }
      if (/^-C./.test(a)) {
        dir = repoPath(dir, a.slice(2)) ?? dir;
        continue;
      }
      if (a === '-j' && /^\d+$/.test(args[i + 1] ?? '')) i++;
      if (a.startsWith('-')) continue;
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (assign) overrides.set(assign[1]!, assign[2]!);
      else targets.push(a);
    }
    const candidates = makefilePath
      ? [repoPath(dir, makefilePath)]
      : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => repoPath(dir, n));
    const path = candidates.find((c): c is string => c !== null && this.reader.has(c));
    if (!path) return;
    const mk = this.makefile(path);
    if (!mk) return;
    const goals = targets.length > 0 ? targets : mk.defaultGoal ? [mk.defaultGoal] : [];
    for (const goal of goals) this.runMakeTarget(mk, goal, overrides, { ...state, cwd: dir });
  }

  private runMakeTarget(
    mk: Makefile,
    target: string,
    overrides: Map<string, string>,
    state: FollowState,
  ): void {
    const rule = mk.rules.get(target);
    if (!rule) return;
    const hop = `${rule.file}:${rule.line} ${target}`;
    if (state.via.includes(hop) || state.via.length > MAX_DEPTH) return;
    this.reachedRules.add(rule);
    const via = [...state.via, hop];
    const lookup = (name: string): string | undefined => {
      if (name === '@') return target;
      if (name === '<') return rule.prereqs[0];
      if (name === '^') return rule.prereqs.join(' ');
      return overrides.get(name) ?? mk.vars.get(name) ?? state.env[name];
    };
    for (const pre of rule.prereqs) {
      const name = expandMake(pre, lookup);
      if (mk.rules.has(name)) this.runMakeTarget(mk, name, overrides, { ...state, via });
    }
    const env = { ...state.env };
    for (const name of mk.exports) {
      const v = lookup(name);
      if (v !== undefined) env[name] = expandMake(v, lookup);
    }
    for (const [k, v] of overrides) env[k] = v;
    const lines = rule.recipe.map((l) => ({ text: expandMake(l.text, lookup), line: l.line, raw: l.text }));
    // Each recipe line runs in its own shell, in the Makefile's folder.
    for (const l of lines) this.runLines([l], rule.file, { cwd: state.cwd, env, via });
  }

  makefile(path: string): Makefile | null {
    if (this.makefiles.has(path)) return this.makefiles.get(path)!;
    this.makefiles.set(path, null);
    const text = this.reader.read(path);
    if (text === null) return null;
    const mk = parseMakefile(text, path);
    for (const inc of mk.includes) {
      const incPath = repoPath(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.', inc);
      if (!incPath || incPath.includes('$') || incPath.includes('*')) continue;
      const incText = this.reader.read(incPath);
      if (incText !== null) mergeInclude(mk, parseMakefile(incText, incPath));
    }
    this.makefiles.set(path, mk);
    return mk;
  }

  // --- task ------------------------------------------------------------------------------------

  private runTask(args: string[], state: FollowState): void {
    let dir = state.cwd;
    let explicit: string | null = null;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') break;
      if (a === '-d' || a === '--dir') dir = repoPath(dir, args[++i] ?? '') ?? dir;
      else if (a === '-t' || a === '--taskfile') explicit = args[++i] ?? null;
      else if (!a.startsWith('-') && !a.includes('=')) names.push(a);
    }
    const candidates = explicit ? [repoPath(dir, explicit)] : TASKFILE_NAMES.map((n) => repoPath(dir, n));
    const path = candidates.find((c): c is string => c !== null && this.reader.has(c));
    if (!path) return;
    const tf = this.taskfile(path);
    if (!tf) return;
    for (const name of names.length > 0 ? names : ['default'])
      this.runTaskNamed(tf, name, { ...state, cwd: dir });
  }

  private runTaskNamed(tf: Taskfile, name: string, state: FollowState): void {
    const task = tf.tasks.get(name);
    if (!task) return;
    const hop = `${tf.file}:${task.line} ${name}`;
    if (state.via.includes(hop) || state.via.length > MAX_DEPTH) return;
    this.reachedTasks.add(`${tf.file}\u0000${name}`);
    const via = [...state.via, hop];
    const cwd = task.dir ? (repoPath(state.cwd, task.dir) ?? state.cwd) : state.cwd;
    for (const dep of task.deps) this.runTaskNamed(tf, dep.task, { ...state, via });
    for (const step of task.steps) {
      if (step.kind === 'task') this.runTaskNamed(tf, step.task, { ...state, via });
      else this.runLines(step.lines, tf.file, { cwd, env: state.env, via });
    }
  }

  taskfile(path: string): Taskfile | null {
    if (this.taskfiles.has(path)) return this.taskfiles.get(path)!;
    let tf: Taskfile | null = null;
    const text = this.reader.read(path);
    if (text !== null) {
      try {
        tf = parseTaskfile(text, path);
      } catch (err) {
        this.problems.push({ path, reason: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
      }
    }
    this.taskfiles.set(path, tf);
    return tf;
  }

  // --- what CI never reaches -------------------------------------------------------------------

  /** Commands of Makefile rules and Taskfile tasks at these paths that no CI step reached. */
  uncalled(makefilePaths: string[], taskfilePaths: string[]): CiCommand[] {
    const out: CiCommand[] = [];
    for (const path of makefilePaths) {
      const mk = this.makefile(path);
      if (!mk) continue;
      for (const rule of new Set(mk.rules.values())) {
        if (this.reachedRules.has(rule)) continue;
        const lookup = (n: string): string | undefined => (n === '@' ? rule.target : mk.vars.get(n));
        for (const l of splitCommands(
          rule.recipe.map((r) => ({ text: expandMake(r.text, lookup), line: r.line })),
        )) {
          out.push({
            text: l.text,
            file: rule.file,
            line: l.line,
            via: [`${rule.file}:${rule.line} ${rule.target}`],
          });
        }
      }
    }
    for (const path of taskfilePaths) {
      const tf = this.taskfile(path);
      if (!tf) continue;
      for (const task of tf.tasks.values()) {
        if (this.reachedTasks.has(`${tf.file}\u0000${task.name}`)) continue;
        for (const step of task.steps) {
          if (step.kind !== 'cmd') continue;
          for (const l of splitCommands(step.lines)) {
            out.push({
              text: l.text,
              file: tf.file,
              line: l.line,
              via: [`${tf.file}:${task.line} ${task.name}`],
            });
          }
        }
      }
    }
    return out;
  }
}
