// The repository config (.gonogo.yml) that feeds suppressions into the evaluator.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataError } from '../../src/config/errors.js';
import { loadRepoConfig, parseRepoConfig } from '../../src/scan/repo-config.js';

const ids = ['profiling.pprof', 'ci.race', 'deploy.probes'];

describe('parseRepoConfig', () => {
  it('reads suppressions by id with their reasons', () => {
    const config = parseRepoConfig(
      { suppress: [{ id: 'profiling.pprof', reason: ' profiles come from the sidecar ' }] },
      '.gonogo.yml',
      ids,
    );
    assert.equal(config.file, '.gonogo.yml');
    assert.deepEqual([...config.suppress], [['profiling.pprof', 'profiles come from the sidecar']]);
  });

  it('accepts an empty file', () => {
    assert.equal(parseRepoConfig(null, '.gonogo.yml', ids).suppress.size, 0);
  });

  const invalid: [string, unknown, RegExp][] = [
    [
      'unknown id, listing valid ids',
      { suppress: [{ id: 'nope.nope', reason: 'because' }] },
      /\/suppress\/0\/id: unknown check id "nope\.nope"; valid ids: ci\.race, deploy\.probes, profiling\.pprof/,
    ],
    [
      'missing reason',
      { suppress: [{ id: 'ci.race' }] },
      /\/suppress\/0: is missing required property "reason"/,
    ],
    ['unknown key', { supress: [] }, /\(root\): has unknown property "supress"/],
    [
      'duplicate id',
      {
        suppress: [
          { id: 'ci.race', reason: 'abc' },
          { id: 'ci.race', reason: 'def' },
        ],
      },
      /\/suppress\/1\/id: "ci\.race" is suppressed twice/,
    ],
    ['not a list', { suppress: 'ci.race' }, /\/suppress: must be array/],
  ];
  for (const [name, data, message] of invalid) {
    it(`rejects ${name}, naming the file and path`, () => {
      assert.throws(
        () => parseRepoConfig(data, '.gonogo.yml', ids),
        (err: unknown) =>
          err instanceof DataError &&
          /^\.gonogo\.yml is not valid/.test(err.message) &&
          message.test(err.message),
      );
    });
  }
});

describe('loadRepoConfig', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gonogo-config-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds .gonogo.yml or .gonogo.yaml at the root, and none is no config', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const c = path.join(dir, 'c');
    for (const d of [a, b, c]) await mkdir(d);
    await writeFile(
      path.join(a, '.gonogo.yml'),
      'suppress:\n  - id: ci.race\n    reason: no goroutines here\n',
    );
    await writeFile(path.join(b, '.gonogo.yaml'), 'suppress: []\n');
    assert.equal((await loadRepoConfig(a, ids)).suppress.get('ci.race'), 'no goroutines here');
    assert.equal((await loadRepoConfig(b, ids)).file, '.gonogo.yaml');
    assert.equal((await loadRepoConfig(c, ids)).file, null);
  });

  it('refuses two config files, bad YAML and a missing explicit file', async () => {
    const d = path.join(dir, 'two');
    await mkdir(d);
    await writeFile(path.join(d, '.gonogo.yml'), '{}\n');
    await writeFile(path.join(d, '.gonogo.yaml'), '{}\n');
    await assert.rejects(loadRepoConfig(d, ids), /both \.gonogo\.yml and \.gonogo\.yaml exist/);
    const bad = path.join(dir, 'bad.yml');
    await writeFile(bad, 'suppress: [\n');
    await assert.rejects(loadRepoConfig(dir, ids, bad), /YAML syntax error/);
    await assert.rejects(loadRepoConfig(dir, ids, path.join(dir, 'missing.yml')), /does not exist/);
  });

  it('does not follow a symlinked config file', async () => {
    const d = path.join(dir, 'link');
    await mkdir(d);
    const target = path.join(dir, 'elsewhere.yml');
    await writeFile(target, 'suppress:\n  - id: ci.race\n    reason: from outside\n');
    await symlink(target, path.join(d, '.gonogo.yml'));
    assert.equal((await loadRepoConfig(d, ids)).file, null);
  });
});
