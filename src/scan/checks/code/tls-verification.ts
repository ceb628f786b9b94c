// security.tls-verification: certificate checks are never switched off in production code; plain-text
// gRPC transports are findings too, but partial on their own.
import type { CheckImplementation, Evidence } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { cappedEvidence, evidenceCap, outcome, cappedOutcome } from './common.js';
import { clip, evidenceOf, findUses, productionFiles } from './match.js';

export const tlsVerification: CheckImplementation = {
  id: 'security.tls-verification',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    if (!prod.length) return outcome('na', 'There is no production Go code here.', []);
    const cap = evidenceCap(ctx);
    const skips: Evidence[] = [];
    const verified: Evidence[] = [];
    const dynamic: Evidence[] = [];
    for (const h of findUses(prod, libraryGroup('tlsConfigs'))) {
      const key = (h.library.fields ?? [])[0] ?? 'InsecureSkipVerify';
      const value = h.composite?.fields[key]?.trim();
      if (value === 'true') skips.push(evidenceOf(h, `${key}: true turns off certificate verification`));
      else if (value === undefined || value === 'false')
        verified.push(evidenceOf(h, 'TLS config keeps certificate verification on'));
      else
        dynamic.push(evidenceOf(h, `${key} is set from ${value}; make sure it cannot be true in production`));
    }
    // `tr.TLSClientConfig.InsecureSkipVerify = true` turns it off as surely as a literal does; `= false`
    // is the default restated and says nothing either way.
    for (const f of prod) {
      for (const a of f.assignments ?? []) {
        if (a.field !== 'InsecureSkipVerify' || a.op !== '=') continue;
        const value = a.rhs.trim();
        if (value === 'false') continue;
        const at = { file: f, line: a.line, snippet: clip(`${a.lhs} = ${value}`) };
        if (value === 'true')
          skips.push(evidenceOf(at, `${a.lhs} = true turns off certificate verification`));
        else
          dynamic.push(
            evidenceOf(at, `${a.lhs} is set from ${value}; make sure it cannot be true in production`),
          );
      }
    }
    const insecure = findUses(prod, libraryGroup('insecureTransports')).map((h) =>
      evidenceOf(h, `plain-text gRPC transport (${h.library.name})`),
    );
    if (skips.length) {
      return cappedOutcome(
        'fail',
        [...skips, ...insecure],
        cap,
        (note) => `${skips.length} TLS configuration(s) skip certificate verification${note}.`,
      );
    }
    if (insecure.length) {
      const shown = cappedEvidence(insecure, cap);
      return outcome(
        'partial',
        `gRPC connections use plain-text transport credentials in ${insecure.length} place(s)${shown.note}.`,
        shown.evidence,
        5,
      );
    }
    const evidence = [...verified, ...dynamic];
    if (!evidence.length) {
      const first = prod[0]!;
      evidence.push({
        file: first.path,
        line: 1,
        snippet: `package ${first.package}`,
        message: `${prod.length} production Go file(s) scanned; none turns off certificate verification`,
      });
    }
    return cappedOutcome(
      'pass',
      evidence,
      cap,
      (note) => `No TLS configuration skips certificate verification${note}.`,
    );
  },
};
