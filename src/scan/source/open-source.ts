// Opens what `gonogo scan` was given: a local folder as it is, or a git URL cloned shallow into a temporary
// folder that cleanup() always removes. Only a few transports are allowed; git runs without prompts, with a
// time limit and a size limit, and the clone never holds symlinks.
import { mkdtemp, readdir, lstat, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** The input cannot be scanned (bad URL, clone failure, not a Go repository, time limit). The CLI exits 2. */
export class ScanInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScanInputError';
  }
}

export interface OpenSourceOptions {
  /** Branch, tag or commit sha to check out (git URLs only). */
  ref?: string;
  signal?: AbortSignal;
  /** Time limit for the clone; default 5 minutes. */
  timeoutMs?: number;
  /** Largest clone folder allowed, in bytes; default 1 GiB. */
  maxCloneBytes?: number;
}

export interface OpenedSource {
  /** Folder to scan. */
  root: string;
  /** HEAD commit sha, or null for a local folder that is not in a git work tree. */
  commit: string | null;
  /** What the user gave, for the report (credentials in URLs are removed). */
  source: string;
  /** Removes the temporary clone (a no-op for local folders). Safe to call twice. */
  cleanup: () => Promise<void>;
}

/** A time limit in words: `300 ms`, `5 s`. */
export function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export const defaultCloneTimeoutMs = 5 * 60_000;
export const defaultMaxCloneBytes = 1024 ** 3;

/**
 * Transports git may use. `http://` is refused (plain text, open to tampering) except to this machine, for
 * local test servers; `ext::` and `fd::` run commands or use descriptors and are never allowed.
 */
const allowedSchemes: ReadonlySet<string> = new Set(['https', 'ssh', 'file', 'http']);
const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Settings passed to every git command, before any repository config could apply. */
const gitSafetyConfig: readonly string[] = [
  'protocol.allow=never',
  'protocol.https.allow=always',
  'protocol.ssh.allow=always',
  'protocol.file.allow=always',
  'protocol.http.allow=always',
  'protocol.ext.allow=never',
  'protocol.fd.allow=never',
  // Symlinks are checked out as small text files, so nothing in the clone can point outside it.
  'core.symlinks=false',
  'core.fsmonitor=false',
  'submodule.recurse=false',
];

/** Environment variables git may see; everything else (editors, pagers, askpass helpers) is left out. */
const passedEnv: readonly string[] = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'SystemRoot',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SSH_AUTH_SOCK',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
];

export type SourceKind = { kind: 'local'; path: string } | { kind: 'git'; url: string };

/** Decides whether the input is a git URL (checking its transport) or a local path. */
export function classifySource(input: string): SourceKind {
  const trimmed = input.trim();
  if (trimmed === '') throw new ScanInputError('No repository given: pass a folder or a git URL.');
  if (trimmed.startsWith('-')) throw new ScanInputError(`"${trimmed}" is not a folder or a git URL.`);
  const transport = /^([A-Za-z][A-Za-z0-9+.-]*)::/.exec(trimmed);
  if (transport) {
    throw new ScanInputError(
      `The git transport "${transport[1]}::" is not allowed. Use an https://, ssh://, git@host:path or file:// URL.`,
    );
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (!allowedSchemes.has(name)) {
      throw new ScanInputError(
        `The URL scheme "${name}://" is not allowed. Use an https://, ssh://, git@host:path or file:// URL.`,
      );
    }
    if (name === 'http') {
      let host = '';
      try {
        host = new URL(trimmed).hostname;
      } catch {
        throw new ScanInputError(`"${trimmed}" is not a valid URL.`);
      }
      if (!loopbackHosts.has(host)) {
        throw new ScanInputError('Plain http:// is only allowed for localhost; use https:// instead.');
      }
    }
    return { kind: 'git', url: trimmed };
  }
  // scp-style: user@host:owner/repo(.git)
  if (/^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/.test(trimmed)) return { kind: 'git', url: trimmed };
  return { kind: 'local', path: trimmed };
}

/** The URL without a password or token, for reports and messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}

function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of passedEnv) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.LC_ALL = 'C';
  env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  return env;
}

function gitIn(dir: string, signal?: AbortSignal): SimpleGit {
  return simpleGit({
    baseDir: dir,
    config: [...gitSafetyConfig],
    abort: signal,
    // We set these options ourselves, to safe values; simple-git otherwise refuses any override of them.
    unsafe: { allowUnsafeProtocolOverride: true, allowUnsafeFsMonitor: true, allowUnsafeSshCommand: true },
  }).env(gitEnv());
}

/** Total size of the files under `dir` (symlinks not followed). */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) total += (await lstat(full).catch(() => ({ size: 0 }))).size;
    }
  }
  return total;
}

const shaPattern = /^[0-9a-f]{7,40}$/i;

async function clone(git: SimpleGit, url: string, dir: string, ref: string | undefined): Promise<void> {
  if (ref !== undefined && shaPattern.test(ref)) {
    await git.init();
    await git.addRemote('origin', url);
    try {
      await git.fetch(['--depth', '1', '--no-tags', 'origin', ref]);
      await git.checkout(['--detach', 'FETCH_HEAD']);
      return;
    } catch {
      // Servers may refuse to send a commit by sha (or the sha is short): fetch the history and look it up.
      await git.fetch(['--no-tags', 'origin']);
      await git.checkout(['--detach', ref]);
      return;
    }
  }
  const options = ['--depth', '1', '--single-branch', '--no-tags', '--no-recurse-submodules'];
  if (ref !== undefined) options.push('--branch', ref);
  await git.clone(url, dir, options);
}

async function cloneSource(url: string, options: OpenSourceOptions): Promise<OpenedSource> {
  const shown = redactUrl(url);
  if (
    options.ref !== undefined &&
    (options.ref === '' || options.ref.startsWith('-') || /\s/.test(options.ref))
  ) {
    throw new ScanInputError(`--ref "${options.ref}" is not a valid branch, tag or commit.`);
  }
  const timeoutMs = options.timeoutMs ?? defaultCloneTimeoutMs;
  const maxBytes = options.maxCloneBytes ?? defaultMaxCloneBytes;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gonogo-'));
  let removed = false;
  const cleanup = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  const limit = new AbortController();
  let tooBig = false;
  const timer = setTimeout(() => limit.abort(), timeoutMs);
  const watcher = setInterval(() => {
    void folderBytes(dir).then((bytes) => {
      if (bytes > maxBytes && !limit.signal.aborted) {
        tooBig = true;
        limit.abort();
      }
    });
  }, 1000);
  const signal = options.signal ? AbortSignal.any([options.signal, limit.signal]) : limit.signal;
  try {
    if (signal.aborted) throw new Error('aborted before the clone started');
    const git = gitIn(dir, signal);
    await clone(git, url, dir, options.ref);
    const commit = (await git.revparse(['HEAD'])).trim();
    return { root: dir, commit, source: shown, cleanup };
  } catch (err) {
    await cleanup();
    const detail = (err instanceof Error ? err.message : String(err))
      .trim()
      .split('\n')
      .slice(0, 6)
      .join('\n');
    if (tooBig) {
      throw new ScanInputError(`Cloning ${shown} stopped: the repository is larger than ${maxBytes} bytes.`);
    }
    if (options.signal?.aborted) throw new ScanInputError(`Cloning ${shown} was cancelled.`, { cause: err });
    if (limit.signal.aborted) {
      throw new ScanInputError(`Cloning ${shown} took longer than ${describeDuration(timeoutMs)}.`, {
        cause: err,
      });
    }
    const what = options.ref !== undefined ? `${shown} at "${options.ref}"` : shown;
    throw new ScanInputError(`Could not clone ${what}: ${redactUrl(detail)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    clearInterval(watcher);
  }
}

async function localSource(input: string, ref: string | undefined): Promise<OpenedSource> {
  if (ref !== undefined) {
    throw new ScanInputError(
      '--ref only applies to git URLs; check out the ref in the local folder instead.',
    );
  }
  const root = path.resolve(input);
  const info = await stat(root).catch(() => null);
  if (!info) throw new ScanInputError(`"${input}" does not exist (and is not a git URL).`);
  if (!info.isDirectory()) throw new ScanInputError(`"${input}" is not a folder.`);
  let commit: string | null = null;
  try {
    const git = gitIn(root);
    if ((await git.revparse(['--is-inside-work-tree'])).trim() === 'true') {
      commit = (await git.revparse(['HEAD'])).trim() || null;
    }
  } catch {
    commit = null; // not a git work tree, or no commits yet
  }
  return { root, commit, source: input, cleanup: async () => {} };
}

/** Opens a local folder or clones a git URL; the caller must call cleanup() when done. */
export async function openSource(input: string, options: OpenSourceOptions = {}): Promise<OpenedSource> {
  const kind = classifySource(input);
  return kind.kind === 'git' ? cloneSource(kind.url, options) : localSource(kind.path, options.ref);
}
