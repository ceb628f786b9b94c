// http.server-timeouts and http.client-timeouts: slow clients cannot hold server goroutines forever,
// and outbound calls cannot hang forever.
import type { CheckImplementation, Evidence, GoAssignment, GoFileFacts } from '../../types.js';
import { importMatches, libraryGroup, type LibraryEntry } from '../../libraries.js';
import { evidenceCap, outcome, cappedOutcome } from './common.js';
import { clip, evidenceOf, findUses, productionFiles, type LibraryHit } from './match.js';
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

/** Echo starts serve its `Server` or (for TLS) its `TLSServer` field, which is where a timeout is set. */
const echoServerFields: Record<string, string> = {
  Start: 'Server',
  StartTLS: 'TLSServer',
  StartAutoTLS: 'TLSServer',
};

/**
 * The server value a start or literal configures, as assignments name it: `srv` for
 * `srv := &http.Server{…}`, `hs` for `hs := http.NewServer(…)` (kratos), `e.Server` for `e.Start(…)` (echo).
 * Null when the code does not show it.
 */
function serverValue(hit: LibraryHit): string | null {
  if (hit.composite) return hit.composite.assignedTo ?? null;
  const call = hit.call;
  if (!call) return null;
  if (hit.kind === 'method' && hit.library.name === 'echo') {
    const field = echoServerFields[call.name];
    return field && call.recv ? `${call.recv}.${field}` : null;
  }
  return hit.kind === 'call' ? (call.assignedTo ?? null) : null;
}

type AssignedTimeout =
  { proven: true; assignment: GoAssignment } | { proven: false; assignment: GoAssignment; file: GoFileFacts };

/**
 * A read timeout set by assignment on the same server value (`srv.ReadHeaderTimeout = 3 * time.Second`):
 * proven in the same file and function as the start or literal; only likely when the same name is
 * assigned elsewhere in the package (another function may hold another value of that name).
 */
function assignedTimeout(hit: LibraryHit, prod: readonly GoFileFacts[]): AssignedTimeout | null {
  const target = serverValue(hit);
  const fields = hit.library.fields ?? [];
  if (target === null || !fields.length) return null;
  const func = hit.call?.func ?? hit.composite?.func ?? null;
  const sets = (a: GoAssignment): boolean =>
    a.op === '=' && fields.includes(a.field) && a.lhs === `${target}.${a.field}` && a.rhs.trim() !== '0';
  const here = hit.file.assignments?.find((a) => a.func === func && func !== null && sets(a));
  if (here) return { proven: true, assignment: here };
  for (const file of prod) {
    if (file.dir !== hit.file.dir) continue;
    const elsewhere = file.assignments?.find(sets);
    if (elsewhere) return { proven: false, assignment: elsewhere, file };
  }
  return null;
}

function assignmentEvidence(file: GoFileFacts, a: GoAssignment, message: string): Evidence {
  return { file: file.path, line: a.line, snippet: clip(`${a.lhs} ${a.op} ${a.rhs}`), message };
}

export const serverTimeouts: CheckImplementation = {
  id: 'http.server-timeouts',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    const starts = httpServerStarts(ctx.facts.go);
    if (!starts.length) return outcome('na', 'No HTTP server is started in this code.', []);
    const findings: Evidence[] = [];
    const good: Evidence[] = [];
    // Starts whose read timeout may be set by an assignment that cannot be tied to them for certain.
    const unsure: Evidence[] = [];
    const configured = new Map<LibraryEntry, boolean>();
    /** Sorts a start or literal without a read timeout in its literal/config by what assignments show. */
    const judgeAssignments = (h: LibraryHit, what: string, missing: string): void => {
      const assigned = assignedTimeout(h, prod);
      if (assigned?.proven) {
        good.push(evidenceOf(h, `${what}; ${assigned.assignment.field} is set on it by assignment`));
        good.push(assignmentEvidence(h.file, assigned.assignment, `sets ${assigned.assignment.field}`));
      } else if (assigned) {
        unsure.push(
          assignmentEvidence(
            assigned.file,
            assigned.assignment,
            `sets ${assigned.assignment.lhs} in another function; whether it is the server at ${h.file.path}:${h.line} is not shown`,
          ),
        );
      } else findings.push(evidenceOf(h, missing));
    };
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
        judgeAssignments(
          h,
          `${h.library.name} server`,
          `${h.library.name} server started without read timeouts${hint}`,
        );
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
        judgeAssignments(h, `${h.name} literal`, `${h.name} literal without ${fields.join(' or ')}`);
      }
    }
    const cap = evidenceCap(ctx);
    if (findings.length) {
      return cappedOutcome(
        'fail',
        findings,
        cap,
        (note) =>
          `${findings.length} HTTP server(s) accept connections without a read timeout, so slow clients can hold goroutines open${note}.`,
      );
    }
    if (unsure.length) {
      return cappedOutcome(
        'unknown',
        unsure,
        cap,
        (note) =>
          `${unsure.length} HTTP server(s) have no read timeout where they are built; a read timeout is assigned elsewhere in the package, but not visibly on the same server${note}.`,
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
    return cappedOutcome(
      'pass',
      evidence,
      cap,
      (note) => `Every HTTP server found sets a read timeout${note}.`,
    );
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
      return cappedOutcome(
        'fail',
        findings,
        cap,
        (note) => `${findings.length} outbound HTTP call site(s) or client(s) have no timeout${note}.`,
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
    return cappedOutcome(
      'pass',
      evidence,
      cap,
      (note) => `Outbound HTTP calls are bounded by client timeouts or deadlines${note}.`,
    );
  },
};
