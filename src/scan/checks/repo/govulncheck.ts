// security.govulncheck: CI runs govulncheck (command, `go run …/govulncheck`, or its action). Other
// dependency scanners earn partial credit: they match versions, not the calls the code makes.
import { ciTools } from '../../facts/repo/ci-tools.js';
import type { CheckImplementation, CheckOutcome, Evidence } from '../../types.js';
import { matchesAction, runsProgram } from './command-match.js';
import { commandEvidence, maxEvidence, noCiOutcome, notInCi } from './ci-evidence.js';

export const govulncheck: CheckImplementation = {
  id: 'security.govulncheck',
  run(ctx): CheckOutcome {
    const none = noCiOutcome(ctx.facts, (c) => runsProgram(c, ['govulncheck']) !== null);
    if (none) return none;
    const max = maxEvidence(ctx);
    const tools = ciTools();
    const ci = ctx.facts.repo.ci;
    const found: Evidence[] = [];
    for (const c of ci.commands)
      if (runsProgram(c, ['govulncheck'])) found.push(commandEvidence(c, 'runs govulncheck'));
    for (const a of ci.actions) {
      if (matchesAction(a.name, tools.govulncheck.actions)) {
        found.push({ file: a.file, line: a.line, snippet: a.name, message: 'runs govulncheck (action)' });
      }
    }
    if (found.length > 0)
      return {
        status: 'pass',
        reason: 'CI scans dependencies with govulncheck.',
        evidence: found.slice(0, max),
      };

    const others: Evidence[] = [];
    for (const c of ci.commands) {
      const inv = runsProgram(c, tools.vulnScanners.commands);
      if (inv) others.push(commandEvidence(c, `runs ${inv.program}`));
    }
    for (const a of ci.actions) {
      if (matchesAction(a.name, tools.vulnScanners.actions)) {
        others.push({ file: a.file, line: a.line, snippet: a.name, message: 'dependency scanner action' });
      }
    }
    if (others.length > 0) {
      return {
        status: 'partial',
        score: 5,
        reason:
          'CI scans dependencies with a version-matching scanner but not govulncheck, which reports only vulnerabilities the code can reach.',
        evidence: others.slice(0, max),
      };
    }
    return notInCi(ctx.facts, 'run govulncheck', (c) => runsProgram(c, ['govulncheck']) !== null, max);
  },
};
