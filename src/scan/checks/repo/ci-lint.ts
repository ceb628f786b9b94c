// ci.vet, ci.staticcheck and ci.format: CI runs go vet / staticcheck / a gofmt-style check, either as
// commands or through golangci-lint with those linters (or formatters) enabled by its config, its
// defaults, or its command line.
import { ciTools } from '../../facts/repo/ci-tools.js';
import { shellWords } from '../../facts/repo/shell.js';
import type {
  CheckContext,
  CheckImplementation,
  CheckOutcome,
  CiCommand,
  Evidence,
  RepoFacts,
} from '../../types.js';
import {
  checksCleanTree,
  golangciFlags,
  matchesAction,
  runsFormatter,
  runsGolangci,
  runsGoTest,
  runsGoVet,
  runsProgram,
  type Invocation,
} from './command-match.js';
import { commandEvidence, maxEvidence, noCiOutcome, notInCi } from './ci-evidence.js';

interface GolangciRun {
  evidence: Evidence;
  /** Linters (and, for v1 configs, formatters) this run enables. */
  linters: Set<string>;
  formatters: Set<string>;
}

/** Every golangci-lint run in CI (commands and the action), with what it enables. */
function golangciRuns(facts: RepoFacts): GolangciRun[] {
  const tools = ciTools().golangci;
  const config = facts.repo.golangci;
  const baseLinters = config ? config.enabled : tools.v1Defaults;
  const baseFormatters = config ? config.formatters : [];
  const effective = (
    flags: ReturnType<typeof golangciFlags>,
  ): { linters: Set<string>; formatters: Set<string> } => {
    const linters = new Set(flags.replaces ? [] : baseLinters);
    for (const l of flags.enable) linters.add(l);
    for (const l of flags.disable) linters.delete(l);
    const formatters = new Set(flags.replaces ? [] : baseFormatters);
    for (const l of flags.enable) if (tools.formatters.includes(l)) formatters.add(l);
    return { linters, formatters };
  };
  const runs: GolangciRun[] = [];
  for (const c of facts.repo.ci.commands) {
    const inv = runsGolangci(c);
    if (inv)
      runs.push({ evidence: commandEvidence(c, 'runs golangci-lint'), ...effective(golangciFlags(inv)) });
  }
  for (const a of facts.repo.ci.actions) {
    if (!matchesAction(a.name, tools.actions)) continue;
    const inv: Invocation = { program: 'golangci-lint', args: shellWords(a.with.args ?? ''), env: {} };
    runs.push({
      evidence: { file: a.file, line: a.line, snippet: a.name, message: 'runs golangci-lint (action)' },
      ...effective(golangciFlags(inv)),
    });
  }
  return runs;
}

/** Evidence that the golangci-lint config (or its defaults) turns `name` on. */
function configEvidence(facts: RepoFacts, name: string): Evidence {
  const config = facts.repo.golangci;
  const line = config?.lines?.[name];
  if (config && line !== undefined) {
    return { file: config.file, line, snippet: name, message: `${name} enabled in the golangci-lint config` };
  }
  if (config) {
    return {
      file: config.file,
      line: 1,
      snippet: name,
      message: `${name} is on by golangci-lint's defaults`,
    };
  }
  return {
    file: '',
    line: 0,
    snippet: name,
    message: `${name} is on by golangci-lint's defaults (no config file)`,
  };
}

function viaGolangci(
  facts: RepoFacts,
  names: string[],
  max: number,
): { evidence: Evidence[]; found: string } | null {
  for (const run of golangciRuns(facts)) {
    const name = names.find((n) => run.linters.has(n) || run.formatters.has(n));
    if (!name) continue;
    const cfg = configEvidence(facts, name);
    const found = cfg.file ? name : `${name} (on by default; no golangci-lint config file)`;
    return { evidence: [run.evidence, ...(cfg.file ? [cfg] : [])].slice(0, max), found };
  }
  return null;
}

function commandsMatching(facts: RepoFacts, test: (c: CiCommand) => boolean): CiCommand[] {
  return facts.repo.ci.commands.filter(test);
}

export const ciVet: CheckImplementation = {
  id: 'ci.vet',
  run(ctx: CheckContext): CheckOutcome {
    const none = noCiOutcome(ctx.facts, (c) => runsGoVet(c) !== null || runsGolangci(c) !== null);
    if (none) return none;
    const max = maxEvidence(ctx);
    const vets = commandsMatching(ctx.facts, (c) => runsGoVet(c) !== null);
    if (vets.length > 0) {
      return {
        status: 'pass',
        reason: 'CI runs go vet.',
        evidence: vets.slice(0, max).map((c) => commandEvidence(c, 'runs go vet')),
      };
    }
    const lint = viaGolangci(ctx.facts, ciTools().golangci.vetLinters, max);
    if (lint)
      return { status: 'pass', reason: `CI runs golangci-lint with ${lint.found}.`, evidence: lint.evidence };
    const outcome = notInCi(
      ctx.facts,
      'run `go vet` (or golangci-lint with govet)',
      (c) => runsGoVet(c) !== null,
      max,
    );
    // go test runs a handful of vet's analyzers by itself; say so, since it is a common surprise.
    const testsRun = ctx.facts.repo.ci.commands.some((c) => runsGoTest(c) !== null);
    return testsRun
      ? { ...outcome, reason: `${outcome.reason} (go test runs only a small subset of vet's analyzers.)` }
      : outcome;
  },
};

export const ciStaticcheck: CheckImplementation = {
  id: 'ci.staticcheck',
  run(ctx: CheckContext): CheckOutcome {
    const none = noCiOutcome(
      ctx.facts,
      (c) => runsProgram(c, ['staticcheck']) !== null || runsGolangci(c) !== null,
    );
    if (none) return none;
    const max = maxEvidence(ctx);
    const tools = ciTools();
    const runs = commandsMatching(ctx.facts, (c) => runsProgram(c, ['staticcheck']) !== null);
    const evidence = runs.slice(0, max).map((c) => commandEvidence(c, 'runs staticcheck'));
    for (const a of ctx.facts.repo.ci.actions) {
      if (matchesAction(a.name, tools.staticcheck.actions)) {
        evidence.push({ file: a.file, line: a.line, snippet: a.name, message: 'runs staticcheck (action)' });
      }
    }
    if (evidence.length > 0)
      return { status: 'pass', reason: 'CI runs staticcheck.', evidence: evidence.slice(0, max) };
    const full = viaGolangci(ctx.facts, ['staticcheck'], max);
    if (full)
      return { status: 'pass', reason: `CI runs golangci-lint with ${full.found}.`, evidence: full.evidence };
    const some = viaGolangci(ctx.facts, tools.golangci.staticcheckLinters, max);
    if (some) {
      return {
        status: 'partial',
        score: 5,
        reason: `CI runs golangci-lint with ${some.found} (part of staticcheck's suite) but not staticcheck itself.`,
        evidence: some.evidence,
      };
    }
    return notInCi(
      ctx.facts,
      'run staticcheck (or golangci-lint with staticcheck)',
      (c) => runsProgram(c, ['staticcheck']) !== null,
      max,
    );
  },
};

export const ciFormat: CheckImplementation = {
  id: 'ci.format',
  run(ctx: CheckContext): CheckOutcome {
    const none = noCiOutcome(ctx.facts, (c) => runsFormatter(c) !== null);
    if (none) return none;
    const max = maxEvidence(ctx);
    const strict: CiCommand[] = [];
    const rewriting: CiCommand[] = [];
    for (const c of ctx.facts.repo.ci.commands) {
      const f = runsFormatter(c);
      if (f) (f.strict ? strict : rewriting).push(c);
    }
    if (strict.length > 0) {
      return {
        status: 'pass',
        reason: 'CI checks formatting.',
        evidence: strict.slice(0, max).map((c) => commandEvidence(c, 'fails on unformatted code')),
      };
    }
    const lint = viaGolangci(ctx.facts, ciTools().golangci.formatters, max);
    if (lint)
      return {
        status: 'pass',
        reason: `CI runs golangci-lint with the ${lint.found} formatter.`,
        evidence: lint.evidence,
      };
    if (rewriting.length > 0) {
      const clean = ctx.facts.repo.ci.commands.filter(checksCleanTree);
      const evidence = [
        ...rewriting
          .slice(0, max)
          .map((c) =>
            commandEvidence(
              c,
              clean.length > 0 ? 'formats the code' : 'runs the formatter without failing on its output',
            ),
          ),
        ...clean.slice(0, max).map((c) => commandEvidence(c, 'fails when files changed')),
      ];
      if (clean.length > 0)
        return { status: 'pass', reason: 'CI formats the code and fails when files change.', evidence };
      return {
        status: 'partial',
        score: 5,
        reason:
          'CI runs a formatter, but nothing fails the build on unformatted code (gofmt exits 0 even when it lists files): test its output (`test -z "$(gofmt -l .)"`) or run `git diff --exit-code` after it.',
        evidence,
      };
    }
    return notInCi(
      ctx.facts,
      'check formatting (gofmt -l, goimports, gofumpt or golangci-lint formatters)',
      (c) => runsFormatter(c) !== null,
      max,
    );
  },
};
