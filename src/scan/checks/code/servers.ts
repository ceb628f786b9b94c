// Where a repository starts network servers, and which packages a `package main` reaches through
// imports inside the repo. Shared by repo-kind detection and the service checks' evidence.
import type { GoFileFacts } from '../../types.js';
import { libraryGroup } from '../../libraries.js';
import { findUses, isProduction, type LibraryHit } from './match.js';

export type Protocol = 'http' | 'grpc' | 'tcp';

export interface ServerStart {
  hit: LibraryHit;
  protocols: Protocol[];
}

// Most service checks ask for the same files' servers; remember the answer per facts array.
const startsCache = new WeakMap<readonly GoFileFacts[], ServerStart[]>();

/** Server starts in production code (tests and example programs excluded). */
export function findServerStarts(files: readonly GoFileFacts[]): ServerStart[] {
  let starts = startsCache.get(files);
  if (!starts) {
    starts = computeServerStarts(files);
    startsCache.set(files, starts);
  }
  return starts;
}

function computeServerStarts(files: readonly GoFileFacts[]): ServerStart[] {
  const prod = files.filter(isProduction);
  return findUses(prod, libraryGroup('serverStarts')).map((hit) => ({
    hit,
    protocols: (hit.library.tags ?? []).filter(
      (t): t is Protocol => t === 'http' || t === 'grpc' || t === 'tcp',
    ),
  }));
}

/** Server starts that speak HTTP. */
export function httpServerStarts(files: readonly GoFileFacts[]): ServerStart[] {
  return findServerStarts(files).filter((s) => s.protocols.includes('http'));
}

/**
 * Resolves imports between folders of the repo without knowing module paths: an import path that ends
 * with `/<dir>` names that folder; what precedes it is a module prefix, so an import equal to a known
 * prefix names the root folder.
 */
export function internalImportGraph(files: readonly GoFileFacts[]): Map<string, Set<string>> {
  const dirs = new Set(files.map((f) => f.dir).filter((d) => d !== '.'));
  const hasRoot = files.some((f) => f.dir === '.');
  const prefixes = new Set<string>();
  const resolveDir = (path: string): string | null => {
    // The longest folder the import path ends with: try its suffixes from the longest down.
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(i).join('/');
      if (dirs.has(d)) {
        prefixes.add(parts.slice(0, i).join('/'));
        return d;
      }
    }
    return null;
  };
  const graph = new Map<string, Set<string>>();
  const unresolved: [string, string][] = [];
  for (const f of files) {
    let edges = graph.get(f.dir);
    if (!edges) graph.set(f.dir, (edges = new Set()));
    for (const imp of f.imports) {
      const d = resolveDir(imp.path);
      if (d) edges.add(d);
      else unresolved.push([f.dir, imp.path]);
    }
  }
  if (hasRoot) {
    for (const [from, path] of unresolved) if (prefixes.has(path)) graph.get(from)!.add('.');
  }
  return graph;
}

/** Folders reachable from `start` (itself included). */
export function reachable(graph: Map<string, Set<string>>, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of graph.get(queue.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
