// ci.tests, ci.race and ci.coverage: CI runs `go test` (directly or through make/task/scripts), with the
// race detector, and measures coverage (a -cover flag or a coverage upload).
import { ciTools } from '../../facts/repo/ci-tools.js';
import type { CheckContext, CheckImplementation, CheckOutcome, CiCommand, Evidence } from '../../types.js';
import { matchesAction, runsGoTest, runsProgram, withCoverage, withRace } from './command-match.js';
import { commandEvidence, maxEvidence, noCiOutcome, notInCi, plural } from './ci-evidence.js';

function goTests(ctx: CheckContext): CiCommand[] {
  return ctx.facts.repo.ci.commands.filter((c) => runsGoTest(c) !== null);
}

export const ciTests: CheckImplementation = {
  id: 'ci.tests',
  run(ctx): CheckOutcome {
    const none = noCiOutcome(ctx.facts, (c) => runsGoTest(c) !== null);
    if (none) return none;
    const tests = goTests(ctx);
    const max = maxEvidence(ctx);
    if (tests.length > 0) {
      return {
        status: 'pass',
        reason: `CI runs the tests (${plural(tests.length, 'go test command')}).`,
        evidence: tests.slice(0, max).map((c) => commandEvidence(c, 'runs the tests')),
      };
    }
    return notInCi(ctx.facts, 'run `go test`', (c) => runsGoTest(c) !== null, max);
  },
};

function isRaced(c: CiCommand): boolean {
  const inv = runsGoTest(c);
  return inv !== null && withRace(inv);
}

function isCovered(c: CiCommand): boolean {
  const t = runsGoTest(c);
  return (t !== null && withCoverage(t)) || runsProgram(c, ciTools().coverage.commands) !== null;
}

export const ciRace: CheckImplementation = {
  id: 'ci.race',
  run(ctx): CheckOutcome {
    const none = noCiOutcome(ctx.facts, isRaced);
    if (none) return none;
    const max = maxEvidence(ctx);
    const tests = goTests(ctx);
    const raced = tests.filter((c) => withRace(runsGoTest(c)!));
    if (raced.length > 0) {
      return {
        status: 'pass',
        reason: `CI runs the tests with the race detector (${plural(raced.length, 'command')}).`,
        evidence: raced.slice(0, max).map((c) => commandEvidence(c, 'runs the tests with -race')),
      };
    }
    if (tests.length > 0) {
      const outcome = notInCi(ctx.facts, 'run `go test -race`', isRaced, max);
      return {
        ...outcome,
        reason:
          `CI runs go test without -race. ${outcome.reason.replace(/^CI \([^)]*\) does not run `go test -race`\. ?/, '')}`.trim(),
        evidence: [
          ...tests.slice(0, max).map((c) => commandEvidence(c, 'runs the tests without -race')),
          ...outcome.evidence.filter((e) => !e.message.startsWith('CI configuration read')),
        ],
      };
    }
    return notInCi(ctx.facts, 'run `go test -race`', isRaced, max);
  },
};

export const ciCoverage: CheckImplementation = {
  id: 'ci.coverage',
  run(ctx): CheckOutcome {
    const none = noCiOutcome(ctx.facts, isCovered);
    if (none) return none;
    const max = maxEvidence(ctx);
    const { coverage } = ciTools();
    const ci = ctx.facts.repo.ci;
    const evidence: Evidence[] = [];
    for (const c of ci.commands) {
      const test = runsGoTest(c);
      if (test && withCoverage(test)) evidence.push(commandEvidence(c, 'measures coverage'));
      else if (runsProgram(c, coverage.commands))
        evidence.push(commandEvidence(c, 'uploads or reports coverage'));
    }
    for (const a of ci.actions) {
      if (matchesAction(a.name, coverage.actions)) {
        evidence.push({ file: a.file, line: a.line, snippet: a.name, message: 'coverage action/orb' });
      }
    }
    if (evidence.length > 0) {
      return { status: 'pass', reason: 'CI measures test coverage.', evidence: evidence.slice(0, max) };
    }
    return notInCi(
      ctx.facts,
      'measure coverage (`-cover`/`-coverprofile` or a coverage upload)',
      isCovered,
      max,
    );
  },
};
