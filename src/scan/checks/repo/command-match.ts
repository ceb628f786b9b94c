// Recognises what a CI command runs: `go test` (and test runners), its -race / coverage flags, go vet,
// staticcheck, golangci-lint, format checks, govulncheck and other tools, looking through `go run pkg`,
// `go tool name`, leading `VAR=value` words and `$(…)` substitutions.
import { ciTools } from '../../facts/repo/ci-tools.js';
import { shellWords, splitEnvPrefix } from '../../facts/repo/shell.js';
import type { CiCommand } from '../../types.js';

export interface Invocation {
  /** Program name without folder or version: `go`, `golangci-lint`, `govulncheck`. */
  program: string;
  args: string[];
  env: Record<string, string>;
}

/** The program a command runs (and the programs in its `$(…)` substitutions). */
export function invocations(cmd: CiCommand): Invocation[] {
  const out: Invocation[] = [];
  const texts = [cmd.text, ...substitutions(cmd.text)];
  for (const text of texts) {
    const { env, rest } = splitEnvPrefix(shellWords(text));
    if (rest.length === 0) continue;
    out.push(unwrap({ program: programName(rest[0]!), args: rest.slice(1), env: { ...cmd.env, ...env } }));
  }
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
      return { program: name, args: inv.args.slice(at + 1), env: inv.env };
    }
  }
  return inv;
}

function goSub(inv: Invocation, sub: string): boolean {
  return inv.program === 'go' && inv.args.find((a) => !a.startsWith('-')) === sub;
}

export function runsGoTest(cmd: CiCommand): Invocation | null {
  const runners = new Set(ciTools().testRunners);
  return (
    invocations(cmd).find(
      (inv) => goSub(inv, 'test') || (runners.has(inv.program) && !isHelpOrInstall(inv)),
    ) ?? null
  );
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

/** A formatter that fails the build on unformatted code: `gofmt -l`/`-d`, `goimports -l`, `gofumpt -d`,
 *  `golangci-lint fmt --diff`. `strict` is false for rewriting forms (`gofmt -w`, `go fmt`) that only fail
 *  together with a `git diff --exit-code` check. */
export function runsFormatter(cmd: CiCommand): { inv: Invocation; strict: boolean } | null {
  const formatters = new Set(ciTools().formatting.commands);
  for (const inv of invocations(cmd)) {
    if (formatters.has(inv.program)) {
      const strict = inv.args.some((a) => /^--?(l|d|list|diff)$/.test(a));
      return { inv, strict };
    }
    if (goSub(inv, 'fmt')) return { inv, strict: false };
    if (inv.program === 'golangci-lint' && inv.args[0] === 'fmt') {
      return { inv, strict: inv.args.some((a) => a === '--diff' || a === '-d') };
    }
  }
  return null;
}

/** `git diff --exit-code` / `--quiet` / `git status --porcelain`: the step that turns a rewrite into a failure. */
export function checksCleanTree(cmd: CiCommand): boolean {
  return invocations(cmd).some(
    (inv) =>
      inv.program === 'git' &&
      ((inv.args[0] === 'diff' && inv.args.some((a) => a === '--exit-code' || a === '--quiet')) ||
        (inv.args[0] === 'status' && inv.args.some((a) => a.startsWith('--porcelain')))),
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
