// The scan pipeline: open the source → walk once → Go facts and repository facts in parallel → kinds →
// evaluate the checklist → score and verdict → Scorecard. The temporary clone is removed whatever happens.
import path from 'node:path';
import type { Scorecard } from '../report/types.js';
import { toolInfo } from '../report/tool.js';
import type { Checklist } from './checklist-types.js';
import { defaultChecklist, loadChecklist } from './checklist.js';
import { evaluateChecklist } from './evaluate.js';
import { collectGoFacts } from './facts/go/collect.js';
import { collectRepoFiles } from './facts/repo/collect.js';
import { detectKinds } from './kinds.js';
import { loadRepoConfig } from './repo-config.js';
import { summarise } from './score.js';
import { describeDuration, openSource, ScanInputError } from './source/open-source.js';
import { walkRepo } from './source/walk.js';
import type { RepoFacts } from './types.js';

export { ScanInputError } from './source/open-source.js';

export interface ScanProgress {
  phase: 'open' | 'walk' | 'parse' | 'evaluate';
  /** Go files parsed so far and in all, during `parse`. */
  done?: number;
  total?: number;
}

export interface ScanOptions {
  /** Branch, tag or sha to check out (git URLs only). */
  ref?: string;
  /** A checklist file instead of the built-in one. */
  checklist?: string;
  /** Worker threads for parsing Go (default: the parser's choice). */
  workers?: number;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Time limit for the whole scan, clone included; default 10 minutes. */
  timeoutMs?: number;
  /** A repository config file instead of .gonogo.yml/.gonogo.yaml at the repository root. */
  configFile?: string;
  /** Clock for generatedAt (tests fix it). */
  now?: () => Date;
}

export const defaultScanTimeoutMs = 10 * 60_000;
/** How many unparsed files the scorecard lists by name. */
const unparsedListCap = 50;

/** Settles with `work`, or rejects as soon as `signal` aborts (the work itself may still run on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

function isGoRepository(facts: Pick<RepoFacts, 'walk'>): boolean {
  const { files, goFiles, skipped } = facts.walk;
  return (
    goFiles.length > 0 ||
    files.some((f) => path.posix.basename(f.path) === 'go.mod' || f.path.endsWith('.go')) ||
    skipped.some((f) => f.path.endsWith('.go'))
  );
}

/** Scans a local folder or a git URL and scores it against the checklist. */
export async function scanRepository(input: string, options: ScanOptions = {}): Promise<Scorecard> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? defaultScanTimeoutMs;
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(new ScanInputError('time limit')), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
  const progress = options.onProgress ?? (() => {});

  // A bad checklist should fail before anything is cloned.
  const checklist: Checklist = options.checklist ? loadChecklist(options.checklist) : defaultChecklist();
  try {
    progress({ phase: 'open' });
    const opened = await openSource(input, { ref: options.ref, signal, timeoutMs });
    try {
      const config = await loadRepoConfig(
        opened.root,
        checklist.checks.map((c) => c.id),
        options.configFile,
      );
      progress({ phase: 'walk' });
      const walk = await untilAborted(walkRepo(opened.root), signal);
      if (!isGoRepository({ walk })) {
        throw new ScanInputError(
          `${opened.source} is not a Go repository: it has no go.mod and no .go files.`,
        );
      }
      const [goFacts, repoFiles] = await untilAborted(
        Promise.all([
          collectGoFacts(opened.root, walk.goFiles, {
            workers: options.workers,
            signal,
            onProgress: (done, total) => progress({ phase: 'parse', done, total }),
          }),
          collectRepoFiles(opened.root, walk),
        ]),
        signal,
      );
      progress({ phase: 'evaluate' });
      const facts: RepoFacts = {
        root: opened.root,
        walk,
        go: goFacts.facts,
        unparsed: goFacts.unparsed,
        repo: repoFiles,
        kinds: detectKinds(goFacts.facts),
      };
      const checks = evaluateChecklist(checklist, facts, { config });
      const summary = summarise(checks, checklist.threshold);
      return {
        schemaVersion: 1,
        generatedAt: (options.now?.() ?? new Date()).toISOString(),
        tool: toolInfo(),
        repo: {
          source: opened.source,
          commit: opened.commit,
          kinds: facts.kinds.kinds,
          modules: repoFiles.modules.map((m) => ({ path: m.path, module: m.module, go: m.go })),
        },
        checklist: {
          id: checklist.id,
          version: checklist.version,
          title: checklist.title,
          threshold: checklist.threshold,
        },
        ...summary,
        checks,
        stats: {
          files: walk.files.length,
          goFiles: walk.goFiles.length,
          bytes: walk.bytes,
          durationMs: Math.round(performance.now() - started),
          skipped: walk.skipped.length,
          unparsed: goFacts.unparsed.length,
          unparsedFiles: goFacts.unparsed.slice(0, unparsedListCap),
          truncated: walk.truncated,
        },
      };
    } finally {
      await opened.cleanup();
    }
  } catch (err) {
    if (timer.signal.aborted) {
      throw new ScanInputError(`The scan took longer than ${describeDuration(timeoutMs)} and was stopped.`, {
        cause: err,
      });
    }
    if (options.signal?.aborted) throw new ScanInputError('The scan was cancelled.', { cause: err });
    throw err;
  } finally {
    clearTimeout(timeout);
  }
}
