// Parses every Go file once with tree-sitter (in worker threads) into compact per-file facts.
// A file that cannot be read or parsed lands in `unparsed` with the reason; it never stops the scan.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GoFileFacts, UnparsedFile, WalkedFile } from '../../types.js';
import { StringTable } from './intern-facts.js';
import { parseGoText, parseWithGrammar } from './parse-go.js';
import { loadGoGrammar } from './parser.js';
import { abortError, parseInWorkers } from './worker-pool.js';
import type { FileOutcome } from './worker-protocol.js';

export interface CollectGoOptions {
  /** Worker threads; default: available cores. 0 parses on the main thread. */
  workers?: number;
  /** Called as files finish: (parsed so far, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface GoFactsResult {
  facts: GoFileFacts[];
  unparsed: UnparsedFile[];
}

/** Below this many files, starting threads costs more than it saves (when the caller did not choose). */
const smallRepoFiles = 32;

export async function collectGoFacts(
  root: string,
  files: WalkedFile[],
  options: CollectGoOptions = {},
): Promise<GoFactsResult> {
  const workers = options.workers ?? (files.length < smallRepoFiles ? 0 : os.availableParallelism());
  const outcomes =
    workers > 0
      ? await parseInWorkers(root, files, { ...options, workers })
      : await parseOnThisThread(root, files, options);
  const facts: GoFileFacts[] = [];
  const unparsed: UnparsedFile[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) facts.push(outcome.facts);
    else unparsed.push({ path: files[index]!.path, reason: outcome.reason });
  });
  return { facts, unparsed };
}

async function parseOnThisThread(
  root: string,
  files: WalkedFile[],
  { onProgress, signal }: CollectGoOptions,
): Promise<FileOutcome[]> {
  const grammar = await loadGoGrammar();
  const strings = new StringTable();
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    if (signal?.aborted) throw abortError(signal);
    let outcome: FileOutcome;
    try {
      const source = await readFile(path.join(root, ...file.path.split('/')), 'utf8');
      outcome = { ok: true, facts: strings.facts(parseWithGrammar(grammar, file.path, source, file.size)) };
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    outcomes.push(outcome);
    onProgress?.(outcomes.length, files.length);
  }
  if (signal?.aborted) throw abortError(signal);
  return outcomes;
}

/** Parses one Go source text on the calling thread (tests, fixtures). */
export async function parseGoSource(filePath: string, source: string): Promise<GoFileFacts> {
  return parseGoText(filePath, source);
}
