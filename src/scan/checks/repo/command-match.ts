// Recognises what a CI command runs: `go test` (and test runners), its -race / coverage flags, go vet,
// staticcheck, golangci-lint, format checks, govulncheck and other tools, looking through `go run pkg`,
// `go tool name`, leading `VAR=value` words and `$(…)` substitutions.
import { ciTools } from '../../facts/repo/ci-tools.js';
import { pipelineStages, shellWords, splitEnvPrefix } from '../../facts/repo/shell.js';
import type { CiCommand } from '../../types.js';

export interface Invocation {
  /** Program name without folder or version: `go`, `golangci-lint`, `govulncheck`. */
  program: string;
  args: string[];
  env: Record<string, string>;
  /** Its output feeds a later pipeline stage (`gofmt -l . | grep .`). */
  piped?: boolean;
  /** It runs inside `$(…)` / backticks, so its output is tested (`test -z "$(gofmt -l .)"`). */
  substituted?: boolean;
}

/** The programs a command runs: each pipeline stage, and the programs in its `$(…)` substitutions. */
export function invocations(cmd: CiCommand): Invocation[] {
  const out: Invocation[] = [];
  const add = (text: string, substituted: boolean): void => {
    const stages = pipelineStages(text);
    stages.forEach((stage, i) => {
      const { env, rest } = splitEnvPrefix(shellWords(stage));
      if (rest.length === 0) return;
      const inv = unwrap({
        program: programName(rest[0]!),
        args: rest.slice(1),
        env: { ...cmd.env, ...env },
      });
      if (i < stages.length - 1) inv.piped = true;
      if (substituted) inv.substituted = true;
      out.push(inv);
    });
  };
  add(cmd.text, false);
  for (const sub of substitutions(cmd.text)) add(sub, true);
  return out;
}

function substitutions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)|`([^`]*)`/g)) out.push((m[1] ?? m[2])!);
  return out;
}

function programName(word: string): string {
  return word.split('/').pop()!.replace(/@.*$/, '');
}

/** `go run golang.org/x/vuln/cmd/govulncheck@latest ./...` and `go tool staticcheck` run the named tool. */
function unwrap(inv: Invocation): Invocation {
  if (inv.program !== 'go') return inv;
  const sub = inv.args[0];
  if (sub === 'run' || sub === 'tool') {
    const target = inv.args.slice(1).find((a) => !a.startsWith('-'));
    if (target && !target.startsWith('.') && !target.endsWith('.go')) {
      const name = programName(target);
      const at = inv.args.indexOf(target);
      return { ...inv, program: name, args: inv.args.slice(at + 1) };
    }
  }
  return inv;
}

function goSub(inv: Invocation, sub: string): boolean {
  return inv.program === 'go' && inv.args.find((a) => !a.startsWith('-')) === sub;
}

const NOT_GO_TEST = new Set([
  'npm',
  'yarn',
  'pnpm',
  'cargo',
  'mvn',
  'gradle',
  'bazel',
  'make',
  'task',
  'docker',
  'tox',
]);

export function runsGoTest(cmd: CiCommand): Invocation | null {
  const runners = new Set(ciTools().testRunners);
  const found = invocations(cmd).find(
    (inv) => goSub(inv, 'test') || (runners.has(inv.program) && !isHelpOrInstall(inv)) || isTestWrapper(inv),
  );
  return found ?? null;
}

/** A project wrapper around go test (`./bin/splitic test -race ./...`): a `test` subcommand given Go
 *  package patterns or go test's -race flag. */
function isTestWrapper(inv: Invocation): boolean {
  if (inv.args[0] !== 'test' || NOT_GO_TEST.has(inv.program) || inv.program === 'go') return false;
  return inv.args.some((a) => a.endsWith('/...') || /^--?race(=true)?$/.test(a));
}

function isHelpOrInstall(inv: Invocation): boolean {
  return inv.args.some(
    (a) => a === '--help' || a === '-h' || a === 'version' || a === 'bootstrap' || a === 'generate',
  );
}

function flagged(inv: Invocation, pattern: RegExp): boolean {
  const goflags = inv.env.GOFLAGS ?? '';
  return inv.args.some((a) => pattern.test(a)) || goflags.split(/\s+/).some((a) => pattern.test(a));
}

export function withRace(inv: Invocation): boolean {
  return flagged(inv, /^--?race(=true)?$/);
}

export function withCoverage(inv: Invocation): boolean {
  return flagged(inv, /^--?(cover|coverprofile|covermode|coverpkg)(=.*)?$/);
}

/** True when the command runs `program` itself (not `go install` / `go get` of it). */
export function runsProgram(cmd: CiCommand, programs: string[]): Invocation | null {
  return invocations(cmd).find((inv) => programs.includes(inv.program)) ?? null;
}

/** `go build` / `go install` of the project (a binary is made). */
export function runsGoBuild(cmd: CiCommand): boolean {
  return invocations(cmd).some((inv) => goSub(inv, 'build') || goSub(inv, 'install'));
}

export function runsGoVet(cmd: CiCommand): Invocation | null {
  return invocations(cmd).find((inv) => goSub(inv, 'vet')) ?? null;
}

export function runsGolangci(cmd: CiCommand): Invocation | null {
  return invocations(cmd).find((inv) => inv.program === 'golangci-lint' && inv.args.includes('run')) ?? null;
}

/** Linters named on golangci-lint's command line: `-E a,b`, `--enable=a`, `--enable-only`; and whether the
 *  command switches off the config's list (`--disable-all`, `--default=none`, `--enable-only`). */
export function golangciFlags(inv: Invocation): { enable: string[]; disable: string[]; replaces: boolean } {
  const enable: string[] = [];
  const disable: string[] = [];
  let replaces = false;
  for (let i = 0; i < inv.args.length; i++) {
    const a = inv.args[i]!;
    const m = /^(-E|--enable|--enable-only|-D|--disable)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? inv.args[++i] ?? '';
      (m[1] === '-D' || m[1] === '--disable' ? disable : enable).push(
        ...value.split(',').filter((v) => v !== ''),
      );
      if (m[1] === '--enable-only') replaces = true;
    } else if (a === '--disable-all' || a === '--default=none') {
      replaces = true;
    }
  }
  return { enable, disable, replaces };
}

/** A formatter check. gofmt, goimports and gofumpt exit 0 even when they list or diff files, so `-l`/`-d`
 *  fails the build only when its output is tested (`test -z "$(gofmt -l .)"`, `gofmt -l . | grep …`);
 *  `strict` is false for listing or rewriting forms (`gofmt -l .`, `gofmt -w`, `go fmt`) that need a
 *  `git diff --exit-code` to fail. `golangci-lint fmt --diff` fails by itself. */
export function runsFormatter(cmd: CiCommand): { inv: Invocation; strict: boolean } | null {
  const formatters = new Set(ciTools().formatting.commands);
  for (const inv of invocations(cmd)) {
    if (formatters.has(inv.program)) {
      const lists = inv.args.some((a) => /^--?(l|d|list|diff)$/.test(a));
      return { inv, strict: lists && (inv.substituted === true || inv.piped === true) };
    }
    if (goSub(inv, 'fmt')) return { inv, strict: inv.substituted === true || inv.piped === true };
    if (inv.program === 'golangci-lint' && inv.args[0] === 'fmt') {
      return { inv, strict: inv.args.some((a) => a === '--diff' || a === '-d') };
    }
  }
  return null;
}

/** `git diff --exit-code` / `--quiet`, or a tested `git status --porcelain`: what turns a rewrite into a failure. */
export function checksCleanTree(cmd: CiCommand): boolean {
  return invocations(cmd).some(
    (inv) =>
      inv.program === 'git' &&
      ((inv.args[0] === 'diff' && inv.args.some((a) => a === '--exit-code' || a === '--quiet')) ||
        (inv.args[0] === 'status' &&
          inv.args.some((a) => a.startsWith('--porcelain')) &&
          (inv.substituted === true || inv.piped === true))),
  );
}

/** An action/orb/image name without its version: `golangci/golangci-lint-action@v6` → `golangci/golangci-lint-action`. */
export function actionName(name: string): string {
  return name.replace(/@[^/]*$/, '').replace(/:[^/]*$/, '');
}

export function matchesAction(name: string, known: string[]): boolean {
  const bare = actionName(name);
  return known.some((k) => bare === k || bare.startsWith(`${k}/`));
}
