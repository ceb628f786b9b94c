// Parses every Go file once with tree-sitter (in worker threads) into compact per-file facts.
// STUB — to be implemented (owner: Go facts work).
import type { GoFileFacts, UnparsedFile, WalkedFile } from '../../types.js';

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

export async function collectGoFacts(
  _root: string,
  _files: WalkedFile[],
  _options: CollectGoOptions = {},
): Promise<GoFactsResult> {
  throw new Error('collectGoFacts: not implemented yet');
}

/** Parses one Go source text on the calling thread (tests, fixtures). */
export async function parseGoSource(_path: string, _source: string): Promise<GoFileFacts> {
  throw new Error('parseGoSource: not implemented yet');
}
