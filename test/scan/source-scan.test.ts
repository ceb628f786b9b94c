// The whole pipeline from a source: a git URL scanned end to end, not-Go input, cancellation mid-scan, and the
// temporary clone removed in every case.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validatorFor } from '../../src/config/ajv.js';
import { scanRepository, ScanInputError } from '../../src/scan/scan.js';
import { useSourceRepoWorkspace } from './source-repo.js';

const ws = useSourceRepoWorkspace('gonogo-scan-test-');

describe('scanRepository', () => {
  it('scans a git URL into a valid scorecard and removes the clone', async () => {
    const phases: string[] = [];
    const card = await scanRepository(ws.repo.url, {
      workers: 0,
      now: () => new Date('2025-01-02T03:04:05Z'),
      onProgress: (p) => phases.push(p.phase),
    });
    const validate = validatorFor('scorecard.schema.json');
    assert.ok(validate(card), JSON.stringify(validate.errors));
    assert.equal(card.generatedAt, '2025-01-02T03:04:05.000Z');
    assert.equal(card.repo.commit, ws.repo.mainCommit);
    assert.deepEqual(card.repo.modules, [{ path: '.', module: 'example.com/tiny', go: '1.22' }]);
    assert.equal(card.stats.goFiles, 1);
    assert.ok(card.checks.length > 0);
    assert.deepEqual([...new Set(phases)].slice(0, 2), ['open', 'walk']);
    assert.ok(phases.includes('evaluate'));
    assert.deepEqual(await readdir(ws.clones), []);
  });

  it('refuses a folder without go.mod or .go files', async () => {
    const notGo = path.join(ws.dir, 'docs-only');
    await mkdir(notGo);
    await writeFile(path.join(notGo, 'README.md'), '# docs\n');
    await assert.rejects(
      scanRepository(notGo),
      (err: unknown) => err instanceof ScanInputError && /is not a Go repository/.test(err.message),
    );
  });

  it('stops when cancelled mid-scan, with a clear error, and removes the clone', async () => {
    const controller = new AbortController();
    await assert.rejects(
      scanRepository(ws.repo.url, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'walk') controller.abort();
        },
      }),
      (err: unknown) => err instanceof ScanInputError && /cancelled/.test(err.message),
    );
    assert.deepEqual(await readdir(ws.clones), []);
  });

  it('reports a time limit as such', async () => {
    await assert.rejects(
      scanRepository(ws.repo.url, { timeoutMs: 1 }),
      (err: unknown) => err instanceof ScanInputError && /took longer than/.test(err.message),
    );
    assert.deepEqual(await readdir(ws.clones), []);
  });
});
