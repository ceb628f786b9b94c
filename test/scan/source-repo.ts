// Builds a tiny Go service in a git repository and a bare clone of it, for the source and CLI tests.
// main: two commits (the first is reachable by sha); branch `feature` adds a file; tag `v1.0.0` on main.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { simpleGit } from 'simple-git';

export interface SourceRepo {
  /** The bare repository folder. */
  bare: string;
  /** file:// URL of the bare repository. */
  url: string;
  work: string;
  firstCommit: string;
  mainCommit: string;
  featureCommit: string;
}

const goMod = 'module example.com/tiny\n\ngo 1.22\n';
const mainGo = `package main

import (
\t"log"
\t"net/http"
)

func main() {
\tlog.Fatal(http.ListenAndServe(":8080", nil))
}
`;

export async function createSourceRepo(dir: string): Promise<SourceRepo> {
  const work = path.join(dir, 'work');
  await mkdir(work, { recursive: true });
  const git = simpleGit(work);
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.name', 'Test').addConfig('user.email', 'test@example.com');
  await git.addConfig('commit.gpgsign', 'false');
  await writeFile(path.join(work, 'go.mod'), goMod);
  await git.add('go.mod').commit('module');
  const firstCommit = (await git.revparse(['HEAD'])).trim();
  await writeFile(path.join(work, 'main.go'), mainGo);
  await git.add('main.go').commit('service');
  await git.addTag('v1.0.0');
  const mainCommit = (await git.revparse(['HEAD'])).trim();
  await git.checkoutLocalBranch('feature');
  await writeFile(path.join(work, 'feature.go'), 'package main\n\nfunc feature() {}\n');
  await git.add('feature.go').commit('feature');
  const featureCommit = (await git.revparse(['HEAD'])).trim();
  await git.checkout('main');
  const bare = path.join(dir, 'tiny.git');
  await simpleGit(dir).clone(work, bare, ['--bare']);
  return { bare, url: pathToFileURL(bare).href, work, firstCommit, mainCommit, featureCommit };
}

export interface SourceRepoWorkspace {
  /** The test's private folder (holds the repo, the bare clone and `clones`). */
  dir: string;
  repo: SourceRepo;
  /** Where clones go: os.tmpdir() points here for the duration of the test file. */
  clones: string;
}

/**
 * Registers before/after hooks that build the source repo in a private folder and point TMPDIR at a folder
 * of its own, so a test can see that every temporary clone is removed. Read the fields inside tests.
 */
export function useSourceRepoWorkspace(prefix: string): SourceRepoWorkspace {
  const ws = {} as SourceRepoWorkspace;
  const originalTmp = process.env.TMPDIR;
  before(async () => {
    ws.dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    ws.repo = await createSourceRepo(ws.dir);
    ws.clones = path.join(ws.dir, 'tmp');
    await mkdir(ws.clones);
    process.env.TMPDIR = ws.clones;
  });
  after(async () => {
    if (originalTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = originalTmp;
    await rm(ws.dir, { recursive: true, force: true });
  });
  return ws;
}
