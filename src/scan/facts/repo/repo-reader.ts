// Reads the walked, non-Go files of a repository on demand. Only files the walk admitted can be read,
// so symlinks, excluded folders and oversized files stay out without a second set of rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WalkResult } from '../../types.js';

export class RepoReader {
  readonly root: string;
  readonly paths: string[];
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string | null>();

  constructor(root: string, walk: WalkResult) {
    this.root = root;
    this.paths = walk.files.map((f) => f.path);
    this.known = new Set(this.paths);
  }

  has(file: string): boolean {
    return this.known.has(file);
  }

  /** The text of a walked file, or null when it was not walked or cannot be read. */
  read(file: string): string | null {
    if (!this.known.has(file)) return null;
    let text = this.cache.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(path.join(this.root, file), 'utf8');
      } catch {
        text = null;
      }
      this.cache.set(file, text);
    }
    return text;
  }
}

/** Joins repo-relative posix paths and normalises `.`/`..`; null when the result leaves the repository. */
export function repoPath(...parts: string[]): string | null {
  const joined = path.posix.normalize(path.posix.join(...parts.filter((p) => p !== '')));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return null;
  return joined === '' ? '.' : joined.replace(/\/$/, '');
}

export function baseName(file: string): string {
  return path.posix.basename(file);
}

export function dirName(file: string): string {
  return path.posix.dirname(file);
}
