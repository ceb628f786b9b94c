// Loads the library lists the Go code checks recognise (data/libraries.yaml), validated once and cached.
// Checks ask for a group or a list by id; no check names a library in code.
import { loadYamlFile } from '../config/load-yaml.js';
import { fromRoot } from '../paths.js';

export interface LibraryEntry {
  name: string;
  /** Import paths; `path/...` matches the path and everything below it. */
  imports: string[];
  calls?: string[];
  methods?: string[];
  types?: string[];
  fields?: string[];
  minArgs?: number;
  tags?: string[];
}

export interface LibraryGroup {
  description: string;
  libraries: LibraryEntry[];
}

export interface LibraryData {
  version: 1;
  groups: Record<string, LibraryGroup>;
  lists: Record<string, string[]>;
}

let cached: LibraryData | undefined;

/** The validated contents of data/libraries.yaml (read on first use). */
export function libraryData(): LibraryData {
  cached ??= loadYamlFile<LibraryData>(fromRoot('data', 'libraries.yaml'), 'libraries.schema.json');
  return cached;
}

/** The libraries of one group; a missing group is a programming error, so it throws. */
export function libraryGroup(id: string): LibraryEntry[] {
  const group = libraryData().groups[id];
  if (!group) throw new Error(`data/libraries.yaml has no group "${id}"`);
  return group.libraries;
}

/** A plain word list (route paths, field names, tags). */
export function libraryList(id: string): string[] {
  const list = libraryData().lists[id];
  if (!list) throw new Error(`data/libraries.yaml has no list "${id}"`);
  return list;
}

const matchers = new WeakMap<readonly string[], (importPath: string) => boolean>();

/** Whether an import path is covered by an entry's `imports` patterns (compiled once per pattern list). */
export function importMatches(importPath: string, patterns: readonly string[]): boolean {
  let match = matchers.get(patterns);
  if (!match) {
    const exact = new Set(patterns.filter((p) => !p.endsWith('/...')));
    const prefixes = patterns.filter((p) => p.endsWith('/...')).map((p) => p.slice(0, -4));
    match = (path: string): boolean =>
      exact.has(path) || prefixes.some((base) => path === base || path.startsWith(base + '/'));
    matchers.set(patterns, match);
  }
  return match(importPath);
}
