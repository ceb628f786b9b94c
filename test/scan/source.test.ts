// Opening a source: local folders, git URLs cloned shallow from a local bare repository, refs, refused
// transports, failures, and the temporary clone always being removed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { simpleGit } from 'simple-git';
import { classifySource, openSource, redactUrl, ScanInputError } from '../../src/scan/source/open-source.js';
import { useSourceRepoWorkspace } from './source-repo.js';

const ws = useSourceRepoWorkspace('gonogo-source-test-');

const leftovers = async (): Promise<string[]> => readdir(ws.clones);

function isInputError(pattern: RegExp) {
  return (err: unknown) => err instanceof ScanInputError && pattern.test(err.message);
}

describe('classifySource', () => {
  const refused: [string, RegExp][] = [
    ['ext::sh -c touch% /tmp/pwned', /transport "ext::" is not allowed/],
    ['fd::3', /transport "fd::" is not allowed/],
    ['foo://host/repo', /scheme "foo:\/\/" is not allowed/],
    ['git://host/repo', /scheme "git:\/\/" is not allowed/],
    ['http://example.com/repo.git', /only allowed for localhost/],
    ['--upload-pack=evil', /not a folder or a git URL/],
    ['', /No repository given/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () =>
      assert.throws(() => classifySource(input), isInputError(message)));
  }

  const accepted: [string, string][] = [
    ['https://github.com/acme/orders', 'git'],
    ['ssh://git@example.com/acme/orders.git', 'git'],
    ['git@github.com:acme/orders.git', 'git'],
    ['file:///srv/git/orders.git', 'git'],
    ['http://localhost:8080/orders.git', 'git'],
    ['http://127.0.0.1/orders.git', 'git'],
    ['./some/folder', 'local'],
    ['/abs/folder', 'local'],
  ];
  for (const [input, kind] of accepted) {
    it(`takes ${input} as ${kind}`, () => assert.equal(classifySource(input).kind, kind));
  }

  it('removes credentials from URLs shown in reports', () => {
    assert.equal(redactUrl('https://user:token@github.com/a/b'), 'https://github.com/a/b');
    assert.equal(redactUrl('git@github.com:a/b.git'), 'git@github.com:a/b.git');
  });
});

describe('openSource with a git URL', () => {
  it('clones the default branch shallow and reports its commit; cleanup removes the clone', async () => {
    const opened = await openSource(ws.repo.url);
    try {
      assert.equal(opened.commit, ws.repo.mainCommit);
      assert.equal(opened.source, ws.repo.url);
      assert.ok(existsSync(path.join(opened.root, 'main.go')));
      assert.ok(!existsSync(path.join(opened.root, 'feature.go')));
      assert.ok(opened.root.startsWith(ws.clones));
    } finally {
      await opened.cleanup();
    }
    assert.ok(!existsSync(opened.root));
    await opened.cleanup(); // twice is harmless
    assert.deepEqual(await leftovers(), []);
  });

  it('checks out a branch, a tag or a commit sha given as ref', async () => {
    const cases: [string, string][] = [
      ['feature', ws.repo.featureCommit],
      ['v1.0.0', ws.repo.mainCommit],
      [ws.repo.firstCommit, ws.repo.firstCommit],
    ];
    for (const [ref, commit] of cases) {
      const opened = await openSource(ws.repo.url, { ref });
      try {
        assert.equal(opened.commit, commit, ref);
        assert.equal(existsSync(path.join(opened.root, 'feature.go')), ref === 'feature', ref);
        assert.equal(existsSync(path.join(opened.root, 'main.go')), ref !== ws.repo.firstCommit, ref);
      } finally {
        await opened.cleanup();
      }
    }
    assert.deepEqual(await leftovers(), []);
  });

  it('fails clearly on a ref that does not exist, leaving nothing behind', async () => {
    await assert.rejects(
      openSource(ws.repo.url, { ref: 'no-such-branch' }),
      isInputError(/Could not clone .* at "no-such-branch"/),
    );
    await assert.rejects(openSource(ws.repo.url, { ref: '-x' }), isInputError(/not a valid branch/));
    assert.deepEqual(await leftovers(), []);
  });

  it('fails clearly on a URL that cannot be cloned, leaving nothing behind', async () => {
    const missing = `${ws.repo.url}-missing`;
    await assert.rejects(openSource(missing), isInputError(/Could not clone .*tiny\.git-missing/));
    assert.deepEqual(await leftovers(), []);
  });

  it('stops at the time limit and removes the partial clone', async () => {
    await assert.rejects(openSource(ws.repo.url, { timeoutMs: 1 }), isInputError(/took longer than/));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(openSource(ws.repo.url, { signal: controller.signal }), isInputError(/cancelled/));
    assert.deepEqual(await leftovers(), []);
  });

  it('checks symlinks out as plain files', async () => {
    const linked = path.join(ws.dir, 'linked');
    await mkdir(linked);
    const git = simpleGit(linked);
    await git.init(['--initial-branch=main']);
    await git.addConfig('user.name', 'Test').addConfig('user.email', 'test@example.com');
    await writeFile(path.join(linked, 'go.mod'), 'module example.com/l\n');
    await symlink('/etc/passwd', path.join(linked, 'passwd.go'));
    await git.add(['go.mod', 'passwd.go']).commit('link');
    const opened = await openSource(pathToFileURL(linked).href);
    try {
      const info = await lstat(path.join(opened.root, 'passwd.go'));
      assert.equal(info.isSymbolicLink(), false);
      assert.equal(info.isFile(), true);
    } finally {
      await opened.cleanup();
    }
  });
});

describe('openSource with a local folder', () => {
  it('uses the folder as it is, with the commit when it is a git work tree', async () => {
    const opened = await openSource(ws.repo.work);
    assert.equal(opened.root, ws.repo.work);
    assert.equal(opened.commit, ws.repo.mainCommit);
    await opened.cleanup();
    assert.ok(existsSync(ws.repo.work), 'cleanup never removes a local folder');
  });

  it('has no commit outside git', async () => {
    const plain = await mkdtemp(path.join(os.tmpdir(), 'plain-'));
    try {
      const opened = await openSource(plain);
      assert.equal(opened.commit, null);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('refuses a missing path, a file, and a ref', async () => {
    await assert.rejects(openSource(path.join(ws.dir, 'nope')), isInputError(/does not exist/));
    await assert.rejects(openSource(path.join(ws.repo.work, 'go.mod')), isInputError(/is not a folder/));
    await assert.rejects(
      openSource(ws.repo.work, { ref: 'main' }),
      isInputError(/--ref only applies to git URLs/),
    );
  });
});
