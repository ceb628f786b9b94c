// profiling.pprof: pprof handlers reachable over HTTP (and on which listener), or a continuous profiler.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { evidenceCap, isOutcome, absent, outcome, serviceScope, cappedOutcome } from './common.js';
import { callSnippet, evidenceOf, findUses, importPathOf } from './match.js';

/** `http.ListenAndServe(addr, nil)`-style starts, which serve http.DefaultServeMux. */
function defaultMuxServers(files: readonly GoFileFacts[]): Evidence[] {
  const out: Evidence[] = [];
  for (const f of files) {
    for (const c of f.calls) {
      const pkg = c.pkg ?? (c.recv ? importPathOf(f, c.recv) : null);
      if (pkg !== 'net/http') continue;
      const handlerArg =
        c.name === 'ListenAndServe' || c.name === 'Serve'
          ? c.args[1]
          : c.name === 'ListenAndServeTLS'
            ? c.args[3]
            : undefined;
      if (handlerArg === 'nil') {
        out.push({
          file: f.path,
          line: c.line,
          snippet: callSnippet(c),
          message: 'serves http.DefaultServeMux',
        });
      }
    }
    // An http.Server without a Handler (set in the literal or assigned later) serves DefaultServeMux too.
    for (const lit of f.composites) {
      if (lit.pkg !== 'net/http' || lit.typeName !== 'Server' || 'Handler' in lit.fields) continue;
      const target = lit.assignedTo;
      const handlerSet = (f.assignments ?? []).some(
        (a) => a.field === 'Handler' && target !== undefined && a.lhs === `${target}.Handler`,
      );
      if (handlerSet) continue;
      out.push({
        file: f.path,
        line: lit.line,
        snippet: `${lit.type}{…}`,
        message: 'http.Server without a Handler serves http.DefaultServeMux',
      });
    }
  }
  return out;
}

export const profilingPprof: CheckImplementation = {
  id: 'profiling.pprof',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const cap = evidenceCap(ctx);
    const continuous = findUses(scope.prod, libraryGroup('continuousProfilers'));
    const handlers = findUses(scope.prod, libraryGroup('pprofHandlers'));
    const evidence: Evidence[] = continuous.map((h) =>
      evidenceOf(h, `continuous profiler (${h.library.name})`),
    );

    // A blank import of net/http/pprof only registers handlers on http.DefaultServeMux.
    const blank = handlers.filter(
      (h) =>
        h.library.tags?.includes('default-mux') &&
        h.file.imports.some((i) => i.line === h.line && i.name === '_'),
    );
    const explicit = handlers.filter((h) => !blank.includes(h));
    const served = [
      ...defaultMuxServers(scope.prod),
      ...findUses(scope.prod, libraryGroup('defaultMuxServing')).map((h) =>
        evidenceOf(h, 'http.DefaultServeMux is used as a handler'),
      ),
    ];
    const httpStarts = scope.starts.filter((s) => s.protocols.includes('http')).length;
    const listener =
      served.length && httpStarts > served.length
        ? 'on its own listener (DefaultServeMux is served apart from the main server)'
        : 'on the listener that serves http.DefaultServeMux';
    for (const h of explicit)
      evidence.push(evidenceOf(h, `pprof handlers registered explicitly (${h.library.name})`));
    if (blank.length && served.length) {
      for (const h of blank)
        evidence.push(evidenceOf(h, `pprof registered on http.DefaultServeMux, reachable ${listener}`));
      evidence.push(...served);
    }
    if (evidence.length) {
      return cappedOutcome(
        'pass',
        evidence,
        cap,
        (note) =>
          `Profiles can be taken in production${explicit.length ? ' (check that the pprof routes sit on an admin listener, not the public one)' : ''}${note}.`,
      );
    }
    if (blank.length) {
      return outcome(
        'partial',
        'net/http/pprof is imported, but nothing serves http.DefaultServeMux, where it registers its handlers.',
        blank.map((h) => evidenceOf(h, 'pprof registered on http.DefaultServeMux, which no listener serves')),
        5,
      );
    }
    return absent(
      ctx,
      scope,
      'No pprof endpoint or continuous profiler was found.',
      'server without a way to take profiles',
    );
  },
};
