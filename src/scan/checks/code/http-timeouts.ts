// http.server-timeouts and http.client-timeouts: slow clients cannot hold server goroutines forever,
// and outbound calls cannot hang forever.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { importMatches, libraryGroup, type LibraryEntry } from '../../libraries.js';
import { cappedEvidence, evidenceCap, outcome } from './common.js';
import { evidenceOf, findUses, productionFiles, type LibraryHit } from './match.js';
import { httpServerStarts } from './servers.js';

/** A framework start is configured when a config literal (or an assignment we can see) sets a field. */
function startConfigured(
  hit: LibraryHit,
  files: readonly GoFileFacts[],
  memo: Map<LibraryEntry, boolean>,
): boolean {
  let known = memo.get(hit.library);
  if (known === undefined) {
    known = libraryConfigured(hit, files);
    memo.set(hit.library, known);
  }
  return known;
}

function libraryConfigured(hit: LibraryHit, files: readonly GoFileFacts[]): boolean {
  const fields = hit.library.fields ?? [];
  if (!fields.length) return false;
  const types = new Set(hit.library.types ?? []);
  for (const f of files) {
    if (types.size) {
      for (const c of f.composites) {
        const pkg = c.pkg ?? f.imports.find((i) => i.name === c.type.split('.')[0])?.path ?? null;
        if (
          pkg &&
          importMatches(pkg, hit.library.imports) &&
          types.has(c.typeName) &&
          fields.some((k) => k in c.fields)
        ) {
          return true;
        }
      }
    } else if (f.selectors.some((s) => fields.some((k) => s.text.endsWith('.' + k)))) {
      return true;
    }
  }
  return false;
}

export const serverTimeouts: CheckImplementation = {
  id: 'http.server-timeouts',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    const starts = httpServerStarts(ctx.facts.go);
    if (!starts.length) return outcome('na', 'No HTTP server is started in this code.', []);
    const findings: Evidence[] = [];
    const good: Evidence[] = [];
    const configured = new Map<LibraryEntry, boolean>();
    for (const h of findUses(prod, libraryGroup('httpStartsWithoutTimeouts'))) {
      // Config literals of these libraries are what startConfigured looks for, not starts.
      if (h.kind === 'composite') continue;
      if (startConfigured(h, prod, configured))
        good.push(evidenceOf(h, `${h.library.name} server configured with a read timeout`));
      else {
        // Libraries configured by assignment (`e.Server.ReadTimeout = …`): say what would clear it.
        const hint =
          h.library.fields && !h.library.types
            ? ` (set ${h.library.fields.join(' or ')} on its server first)`
            : '';
        findings.push(evidenceOf(h, `${h.library.name} server started without read timeouts${hint}`));
      }
    }
    for (const h of findUses(prod, libraryGroup('httpServerConfigs'))) {
      const fields = h.library.fields ?? [];
      const set = h.composite ? fields.filter((k) => k in h.composite!.fields) : [];
      if (set.length) {
        const extra =
          h.composite && !('WriteTimeout' in h.composite.fields || 'IdleTimeout' in h.composite.fields);
        good.push(
          evidenceOf(
            h,
            `sets ${set.join(', ')}${extra ? ' (consider WriteTimeout and IdleTimeout too)' : ''}`,
          ),
        );
      } else {
        findings.push(evidenceOf(h, `${h.name} literal without ${fields.join(' or ')}`));
      }
    }
    const cap = evidenceCap(ctx);
    if (findings.length) {
      const shown = cappedEvidence(findings, cap);
      return outcome(
        'fail',
        `${findings.length} HTTP server(s) accept connections without a read timeout, so slow clients can hold goroutines open${shown.note}.`,
        shown.evidence,
      );
    }
    const defaults = starts
      .filter((s) => s.hit.library.tags?.includes('default-timeouts'))
      .map((s) => evidenceOf(s.hit, `${s.hit.library.name} server, which applies read timeouts by default`));
    const evidence = [...good, ...defaults];
    if (!evidence.length) {
      // Servers built elsewhere (a struct field, a shared platform package) whose settings are not visible.
      return outcome(
        'unknown',
        'HTTP servers are started, but no server configuration was found to show whether they time out slow clients.',
        [],
      );
    }
    const shown = cappedEvidence(evidence, cap);
    return outcome('pass', `Every HTTP server found sets a read timeout${shown.note}.`, shown.evidence);
  },
};

export const clientTimeouts: CheckImplementation = {
  id: 'http.client-timeouts',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    const uses = findUses(prod, libraryGroup('httpClientCalls'));
    if (!uses.length) return outcome('na', 'This code makes no outbound HTTP calls.', []);
    const findings: Evidence[] = [];
    const good: Evidence[] = [];
    const seen = new Set<string>();
    for (const h of findUses(prod, libraryGroup('httpClientNoTimeout'))) {
      const key = `${h.file.path}:${h.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(evidenceOf(h, `uses http.DefaultClient (no timeout) via ${h.name}`));
    }
    const deadlines = findUses(prod, libraryGroup('requestDeadlines'));
    const deadlineDirs = new Set(
      deadlines.filter((h) => h.library.name === 'context').map((h) => h.file.dir),
    );
    for (const h of findUses(prod, libraryGroup('httpClientConfigs'))) {
      const fields = h.library.fields ?? [];
      if (h.composite && fields.some((k) => k in h.composite!.fields)) {
        good.push(evidenceOf(h, 'client sets Timeout'));
      } else if (deadlineDirs.has(h.file.dir)) {
        good.push(
          evidenceOf(h, 'client without Timeout, but requests in this package carry context deadlines'),
        );
      } else {
        findings.push(evidenceOf(h, `${h.name} literal without ${fields.join(', ')}`));
      }
    }
    const cap = evidenceCap(ctx);
    if (findings.length) {
      const shown = cappedEvidence(findings, cap);
      return outcome(
        'fail',
        `${findings.length} outbound HTTP call site(s) or client(s) have no timeout${shown.note}.`,
        shown.evidence,
      );
    }
    const evidence = [...good, ...deadlines.map((h) => evidenceOf(h, `request deadline (${h.name})`))];
    if (!evidence.length) {
      return outcome(
        'unknown',
        'HTTP requests are made, but no client configuration or request deadline was found to judge.',
        [],
      );
    }
    const shown = cappedEvidence(evidence, cap);
    return outcome(
      'pass',
      `Outbound HTTP calls are bounded by client timeouts or deadlines${shown.note}.`,
      shown.evidence,
    );
  },
};
