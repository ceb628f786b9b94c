// logging.structured and logging.correlation: is there a structured logger, does stdlib text logging
// linger outside `package main`, and do log records carry a request or trace id.
import type { CheckImplementation, Evidence, GoFileFacts } from '../../types.js';
import { libraryGroup, libraryList } from '../../libraries.js';
import {
  cappedEvidence,
  evidenceCap,
  isOutcome,
  absent,
  namesOf,
  outcome,
  serviceScope,
  cappedOutcome,
} from './common.js';
import { evidenceOf, findUses, looseWord, numberParam, productionFiles } from './match.js';

/** Code whose printing is a command's output: under a cmd/ folder or using a CLI framework. */
function isCommandCode(file: GoFileFacts): boolean {
  const commandDirs = new Set(libraryList('commandDirs'));
  if (file.dir.split('/').some((d) => commandDirs.has(d))) return true;
  return findUses([file], libraryGroup('cliFrameworks')).length > 0;
}

export const loggingStructured: CheckImplementation = {
  id: 'logging.structured',
  run(ctx) {
    const prod = productionFiles(ctx.facts.go);
    const cap = evidenceCap(ctx);
    const tolerance = numberParam(ctx.params, 'maxUnstructured', 3);
    const structured = findUses(prod, libraryGroup('structuredLoggers'));
    const textLogging = libraryGroup('unstructuredLogging');
    // fmt.Print* in package main, under cmd/ or beside a CLI framework is program output, not logging;
    // log.* there still is logging.
    const outsideMain = findUses(
      prod.filter((f) => f.package !== 'main'),
      textLogging,
    ).filter((h) => h.library.name !== 'fmt' || !isCommandCode(h.file));
    const plain = outsideMain.map((h) =>
      evidenceOf(h, `plain-text ${h.library.name}.${h.name} outside package main`),
    );
    const structuredEvidence = structured
      .slice(0, 3)
      .map((h) => evidenceOf(h, `structured logger ${h.library.name}`));

    if (structured.length > 0) {
      if (plain.length <= tolerance) {
        return outcome(
          'pass',
          `A structured logger is used (${namesOf(structured)})` +
            (plain.length ? `; ${plain.length} plain-text log call(s) remain outside package main.` : '.'),
          [...structuredEvidence, ...plain],
        );
      }
      const { evidence, note } = cappedEvidence(plain, cap);
      const score = Math.max(2, Math.min(8, Math.round(10 - plain.length / 5)));
      return outcome(
        'partial',
        `A structured logger is used (${namesOf(structured)}), but ${plain.length} plain-text log calls outside package main mix in${note}.`,
        [...structuredEvidence, ...evidence],
        score,
      );
    }
    const mainLogging = findUses(
      prod.filter((f) => f.package === 'main'),
      textLogging.filter((l) => l.name === 'log'),
    ).map((h) => evidenceOf(h, `plain-text log.${h.name}`));
    const all = [...plain, ...mainLogging];
    if (all.length === 0) {
      return outcome('unknown', 'No logging calls were found, so the logging style cannot be judged.', []);
    }
    const { evidence, note } = cappedEvidence(all, cap);
    return outcome(
      'fail',
      `No structured logger is used; ${all.length} plain-text log calls were found${note}.`,
      evidence,
    );
  },
};

export const loggingCorrelation: CheckImplementation = {
  id: 'logging.correlation',
  run(ctx) {
    const scope = serviceScope(ctx);
    if (isOutcome(scope)) return scope;
    const cap = evidenceCap(ctx);
    const evidence: Evidence[] = [];
    for (const h of findUses(scope.prod, libraryGroup('requestIdMiddleware'))) {
      evidence.push(evidenceOf(h, `request-id middleware (${h.library.name})`));
    }
    for (const h of findUses(scope.prod, libraryGroup('logTraceBridges'))) {
      evidence.push(evidenceOf(h, `logs are tied to traces (${h.library.name})`));
    }
    const fields = new Set(libraryList('correlationFields'));
    const longest = Math.max(...[...fields].map((w) => w.length)) + 4;
    for (const f of scope.prod) {
      for (const s of f.strings) {
        if (s.value.length <= longest && fields.has(looseWord(s.value))) {
          evidence.push({
            file: f.path,
            line: s.line,
            snippet: JSON.stringify(s.value),
            message: `correlation id field or header "${s.value}"`,
          });
        }
      }
    }
    if (evidence.length === 0) {
      return absent(
        ctx,
        scope,
        'No request-id middleware, correlation id log fields, or log-to-trace bridge was found.',
        'server without request or trace ids in its logs',
      );
    }
    return cappedOutcome(
      'pass',
      evidence,
      cap,
      (note) => `Log records can be correlated by request or trace id${note}.`,
    );
  },
};
