// Walks a repository once: never through a symlink, skipping excluded folders, generated, binary and huge files.
// STUB — to be implemented (owner: Go facts work).
import type { WalkResult } from '../types.js';

export interface WalkLimits {
  /** Largest file read, in bytes (default 1 MiB). */
  maxFileBytes: number;
  /** Most files walked before the walk stops and says so. */
  maxFiles: number;
  /** Most bytes read in all. */
  maxTotalBytes: number;
}

export async function walkRepo(_root: string, _limits?: Partial<WalkLimits>): Promise<WalkResult> {
  throw new Error('walkRepo: not implemented yet');
}
