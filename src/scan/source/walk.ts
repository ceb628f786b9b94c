// Walks a repository once: never through a symlink, skipping excluded folders, generated, binary and huge files.
// Everything later stages read comes from this one listing, so the rules for what a scan may look at live here.
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { SkippedFile, WalkedFile, WalkResult } from '../types.js';

export interface WalkLimits {
  /** Largest file read, in bytes (default 1 MiB). */
  maxFileBytes: number;
  /** Most files walked before the walk stops and says so. */
  maxFiles: number;
  /** Most bytes read in all. */
  maxTotalBytes: number;
}

export const defaultWalkLimits: WalkLimits = {
  maxFileBytes: 1024 * 1024,
  maxFiles: 100_000,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** Folders that never hold the repository's own production code or configuration. */
const excludedDirNames: ReadonlySet<string> = new Set(['vendor', 'testdata', 'node_modules']);

/** Dot-folders kept because CI and build configuration live in them (prefix match, so `.drone.d` counts). */
const keptDotDirPrefixes: readonly string[] = [
  '.github',
  '.gitlab',
  '.circleci',
  '.buildkite',
  '.drone',
  '.azure',
  '.ko',
  '.goreleaser',
  '.woodpecker',
];

/** How much of each file is sniffed for NUL bytes and a generated-code header. */
const sniffBytes = 8 * 1024;
/** Files probed at once inside one folder: enough to hide I/O latency without flooding the event loop. */
const probeConcurrency = 32;

const generatedHeader = /^\/\/ Code generated .* DO NOT EDIT\.$/;

/** True for folder names the walk does not enter. */
export function isExcludedDir(name: string): boolean {
  if (excludedDirNames.has(name)) return true;
  if (name === '.git') return true;
  if (name.startsWith('.')) return !keptDotDirPrefixes.some((prefix) => name.startsWith(prefix));
  return false;
}

/** True when the Go source head carries the standard generated-code marker before its package clause. */
export function hasGeneratedHeader(head: string): boolean {
  for (const rawLine of head.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (/^\s*package\s/.test(line)) return false;
    if (generatedHeader.test(line)) return true;
  }
  return false;
}

type Probe =
  | { kind: 'file'; size: number; generated: boolean }
  | { kind: 'skip'; reason: 'binary' | 'too-large' | 'unreadable'; detail?: string };

async function probeFile(absolute: string, isGo: boolean, maxFileBytes: number): Promise<Probe> {
  let handle: fs.FileHandle | undefined;
  try {
    // lstat, not stat: a path that became a symlink since readdir must still not be followed.
    const info = await fs.lstat(absolute);
    if (!info.isFile()) return { kind: 'skip', reason: 'unreadable', detail: 'not a regular file' };
    if (info.size > maxFileBytes) {
      return { kind: 'skip', reason: 'too-large', detail: `${info.size} bytes (limit ${maxFileBytes})` };
    }
    handle = await fs.open(absolute, 'r');
    const buffer = Buffer.alloc(Math.min(sniffBytes, info.size));
    const { bytesRead } =
      buffer.length > 0 ? await handle.read(buffer, 0, buffer.length, 0) : { bytesRead: 0 };
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return { kind: 'skip', reason: 'binary', detail: 'NUL byte in the first 8 KiB' };
    const generated = isGo && hasGeneratedHeader(head.toString('utf8'));
    return { kind: 'file', size: info.size, generated };
  } catch (error) {
    return { kind: 'skip', reason: 'unreadable', detail: errorCode(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** Code-unit order, not locale order, so the listing is the same on every machine. */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byPath = <T extends { path: string }>(a: T, b: T): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

class LimitReached extends Error {}

/** Lists the files a scan may read, with every skipped file or folder and why. */
export async function walkRepo(root: string, limits: Partial<WalkLimits> = {}): Promise<WalkResult> {
  const { maxFileBytes, maxFiles, maxTotalBytes } = { ...defaultWalkLimits, ...limits };
  const absoluteRoot = path.resolve(root);
  const files: WalkedFile[] = [];
  const goFiles: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  let bytes = 0;
  let truncated: string | null = null;

  const visitDir = async (relDir: string): Promise<void> => {
    const absoluteDir = relDir === '' ? absoluteRoot : path.join(absoluteRoot, ...relDir.split('/'));
    let entries: Dirent[];
    try {
      entries = await fs.readdir(absoluteDir, { withFileTypes: true });
    } catch (error) {
      if (relDir === '') throw error;
      skipped.push({ path: relDir, reason: 'unreadable', detail: errorCode(error) });
      return;
    }
    entries.sort(byName);

    const subdirs: string[] = [];
    const regular: { rel: string; isGo: boolean }[] = [];
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      const kind = await entryKind(entry, path.join(absoluteDir, entry.name));
      if (kind === 'symlink') skipped.push({ path: rel, reason: 'symlink' });
      else if (kind === 'dir') {
        if (isExcludedDir(entry.name)) skipped.push({ path: rel, reason: 'excluded-dir' });
        else subdirs.push(rel);
      } else if (kind === 'file') regular.push({ rel, isGo: entry.name.endsWith('.go') });
      // sockets, FIFOs and devices are neither code nor configuration: pass over them silently.
    }

    for (let start = 0; start < regular.length; start += probeConcurrency) {
      const chunk = regular.slice(start, start + probeConcurrency);
      const probes = await Promise.all(
        chunk.map(({ rel, isGo }) =>
          probeFile(path.join(absoluteRoot, ...rel.split('/')), isGo, maxFileBytes),
        ),
      );
      // Results are applied in name order so that limits cut the walk at the same file every time.
      chunk.forEach(({ rel, isGo }, index) => {
        const probe = probes[index]!;
        if (probe.kind === 'skip') {
          skipped.push({ path: rel, reason: probe.reason, detail: probe.detail });
          return;
        }
        if (files.length >= maxFiles) {
          skipped.push({ path: rel, reason: 'limit-files' });
          truncated = `The walk stopped at the file limit (${maxFiles} files); later files were not read.`;
          throw new LimitReached();
        }
        if (bytes + probe.size > maxTotalBytes) {
          skipped.push({ path: rel, reason: 'limit-bytes' });
          truncated = `The walk stopped at the size limit (${maxTotalBytes} bytes in all); later files were not read.`;
          throw new LimitReached();
        }
        const file = { path: rel, size: probe.size };
        files.push(file);
        bytes += probe.size;
        if (probe.generated) skipped.push({ path: rel, reason: 'generated' });
        else if (isGo) goFiles.push(file);
      });
    }

    for (const subdir of subdirs) await visitDir(subdir);
  };

  try {
    await visitDir('');
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
  }

  files.sort(byPath);
  goFiles.sort(byPath);
  skipped.sort(byPath);
  return { root: absoluteRoot, files, goFiles, skipped, bytes, truncated };
}

async function entryKind(entry: Dirent, absolute: string): Promise<'symlink' | 'dir' | 'file' | 'other'> {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  // Some file systems report no type in readdir; ask lstat, which never follows links.
  if (entry.isBlockDevice() || entry.isCharacterDevice() || entry.isFIFO() || entry.isSocket())
    return 'other';
  try {
    const info = await fs.lstat(absolute);
    if (info.isSymbolicLink()) return 'symlink';
    if (info.isDirectory()) return 'dir';
    return info.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}
