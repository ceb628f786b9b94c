// Messages between the parse worker pool and its workers.
import type { GoFileFacts, WalkedFile } from '../../types.js';

export interface ParseBatch {
  batch: number;
  root: string;
  files: WalkedFile[];
}

export type FileOutcome = { ok: true; facts: GoFileFacts } | { ok: false; reason: string };

export interface ParseBatchResult {
  batch: number;
  /** One outcome per file of the batch, in the batch's order. */
  results: FileOutcome[];
}
