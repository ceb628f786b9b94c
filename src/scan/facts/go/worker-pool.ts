// A small pool of parse workers: files go out in batches to whichever worker is idle, outcomes come back
// in any order and are put back in the input order. A crashed worker costs only its batch's files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WalkedFile } from '../../types.js';
import { StringTable } from './intern-facts.js';
import type { FileOutcome, ParseBatch, ParseBatchResult } from './worker-protocol.js';

export interface PoolOptions {
  workers: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Batches stay small so that work spreads evenly, progress moves often, and a batch's facts in flight (the
 * worker's copy, the message, the main thread's copy before the strings are shared) stay a few megabytes.
 */
const batchMaxFiles = 12;
const batchMaxBytes = 192 * 1024;

/**
 * Workers make many short-lived objects per file; left alone, V8 grows each worker's young generation to
 * its maximum, which costs tens of megabytes per worker for no speed gain worth having.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 12 };

/**
 * The compiled worker sits beside this module as .js. Under tsx (tests, the benchmark) only the .ts source
 * exists, and Node 20 does not apply the parent's loader hooks to a worker's entry file, so a two-line
 * bootstrap registers tsx inside the worker before importing the source.
 */
function startWorker(): Worker {
  const compiled = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { resourceLimits });
  const source = new URL('./parse-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

export function makeBatches(files: WalkedFile[]): { start: number; files: WalkedFile[] }[] {
  const batches: { start: number; files: WalkedFile[] }[] = [];
  let current: WalkedFile[] = [];
  let bytes = 0;
  let start = 0;
  files.forEach((file, index) => {
    if (current.length > 0 && (current.length >= batchMaxFiles || bytes + file.size > batchMaxBytes)) {
      batches.push({ start, files: current });
      current = [];
      bytes = 0;
      start = index;
    }
    current.push(file);
    bytes += file.size;
  });
  if (current.length > 0) batches.push({ start, files: current });
  return batches;
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The Go fact collection was aborted.', 'AbortError');
}

/** Parses `files` (relative to `root`) in worker threads; one outcome per file, in input order. */
export function parseInWorkers(
  root: string,
  files: WalkedFile[],
  options: PoolOptions,
): Promise<FileOutcome[]> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const batches = makeBatches(files);
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  if (batches.length === 0) return Promise.resolve([]);

  return new Promise<FileOutcome[]>((resolve, reject) => {
    const live = new Set<Worker>();
    const inFlight = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let settled = false;
    let respawns = 0;
    const strings = new StringTable();

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const worker of live) void worker.terminate();
      live.clear();
      if (error) reject(error);
      else resolve(outcomes.map((outcome) => outcome ?? { ok: false, reason: 'not parsed' }));
    };
    const onAbort = (): void => finish(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    const record = (batchIndex: number, results: FileOutcome[]): void => {
      const batch = batches[batchIndex]!;
      batch.files.forEach((_file, offset) => {
        const outcome: FileOutcome = results[offset] ?? { ok: false, reason: 'no result from the parser' };
        if (outcome.ok) strings.facts(outcome.facts);
        outcomes[batch.start + offset] = outcome;
      });
      done += batch.files.length;
      onProgress?.(done, files.length);
      if (done === files.length) finish();
    };

    const dispatch = (worker: Worker): void => {
      if (next >= batches.length) {
        inFlight.delete(worker);
        live.delete(worker);
        void worker.terminate();
        return;
      }
      const batchIndex = next++;
      inFlight.set(worker, batchIndex);
      const message: ParseBatch = { batch: batchIndex, root, files: batches[batchIndex]!.files };
      worker.postMessage(message);
    };

    const spawn = (): void => {
      const worker = startWorker();
      live.add(worker);
      worker.on('message', (message: 'ready' | ParseBatchResult) => {
        if (settled) return;
        if (message !== 'ready') record(message.batch, message.results);
        if (!settled) dispatch(worker);
      });
      const fail = (reason: string): void => {
        if (settled || !live.has(worker)) return;
        live.delete(worker);
        const batchIndex = inFlight.get(worker);
        inFlight.delete(worker);
        if (batchIndex !== undefined) {
          const count = batches[batchIndex]!.files.length;
          record(
            batchIndex,
            new Array<FileOutcome>(count).fill({ ok: false, reason: `parser worker failed: ${reason}` }),
          );
        }
        if (settled) return;
        // Replace the worker while there is work left, but give up on a worker that cannot even start.
        if (next < batches.length && respawns < options.workers * 2) {
          respawns++;
          spawn();
        } else if (live.size === 0) {
          while (next < batches.length) {
            const batchIndex = next++;
            const count = batches[batchIndex]!.files.length;
            record(
              batchIndex,
              new Array<FileOutcome>(count).fill({ ok: false, reason: `parser worker failed: ${reason}` }),
            );
          }
        }
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => fail(`exited with code ${code}`));
    };

    const count = Math.max(1, Math.min(options.workers, batches.length));
    for (let index = 0; index < count; index++) spawn();
  });
}
