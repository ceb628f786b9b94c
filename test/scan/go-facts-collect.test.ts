// collectGoFacts: worker threads give the same facts as the main thread, bad files land in `unparsed`,
// progress reaches the total, and an abort stops the work.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectGoFacts } from '../../src/scan/facts/go/collect.js';
import { walkRepo } from '../../src/scan/source/walk.js';
import type { WalkedFile } from '../../src/scan/types.js';

const serverSource = (index: number): string => `package svc${index}

import (
	"context"
	"net/http"
	"time"
)

func Serve${index}(ctx context.Context, items []string) error {
	srv := &http.Server{Addr: ":80${index}", ReadHeaderTimeout: 5 * time.Second}
	for _, item := range items {
		go func() { handle(item) }()
	}
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	return srv.ListenAndServe()
}
`;

describe('collectGoFacts', () => {
  let root: string;
  let files: WalkedFile[];

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'gonogo-collect-'));
    // Enough files for several batches, so that both workers get work.
    for (let index = 0; index < 60; index++) {
      const dir = path.join(root, 'internal', `svc${index}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'serve.go'), serverSource(index));
      await writeFile(
        path.join(dir, 'serve_test.go'),
        `package svc${index}\n\nimport "testing"\n\nfunc TestServe(t *testing.T) {\n\tfor _, c := range cases {\n\t\tt.Run(c.name, func(t *testing.T) {})\n\t}\n}\n`,
      );
    }
    await writeFile(path.join(root, 'broken.go'), 'package broken\n\nfunc {\n');
    files = (await walkRepo(root)).goFiles;
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives the same facts with worker threads as on the main thread', async () => {
    const progress: number[] = [];
    const threaded = await collectGoFacts(root, files, {
      workers: 2,
      onProgress: (done, total) => {
        assert.equal(total, files.length);
        progress.push(done);
      },
    });
    const inline = await collectGoFacts(root, files, { workers: 0 });
    assert.equal(threaded.facts.length, 121);
    assert.deepEqual(threaded, inline);
    assert.deepEqual(
      threaded.facts.map((facts) => facts.path),
      files.map((file) => file.path),
    );
    assert.equal(progress[progress.length - 1], files.length);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
    );

    const serve = threaded.facts.find((facts) => facts.path === 'internal/svc7/serve.go')!;
    assert.equal(serve.goStmts.length, 2);
    assert.deepEqual(serve.goStmts[0]!.capturedLoopVars, ['item']);
    assert.equal(serve.composites[0]!.fields.Addr, '":807"');
    const broken = threaded.facts.find((facts) => facts.path === 'broken.go')!;
    assert.equal(broken.hasSyntaxErrors, true);
    const test = threaded.facts.find((facts) => facts.path === 'internal/svc7/serve_test.go')!;
    assert.equal(test.tests[0]!.tableDriven, true);
  });

  it('puts files that cannot be read in unparsed, with the reason, and goes on', async () => {
    await mkdir(path.join(root, 'dir.go'), { recursive: true });
    const listed: WalkedFile[] = [
      ...files.slice(0, 3),
      { path: 'vanished.go', size: 10 },
      { path: 'dir.go', size: 10 },
    ];
    for (const workers of [0, 2]) {
      const result = await collectGoFacts(root, listed, { workers });
      assert.equal(result.facts.length, 3, `workers: ${workers}`);
      assert.deepEqual(
        result.unparsed.map((file) => file.path),
        ['vanished.go', 'dir.go'],
      );
      assert.match(result.unparsed[0]!.reason, /ENOENT/);
      assert.match(result.unparsed[1]!.reason, /EISDIR/);
    }
  });

  it('rejects with an AbortError when aborted, with or without workers', async () => {
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      const pending = collectGoFacts(root, files, {
        workers,
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 0) controller.abort();
        },
      });
      await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
    }
    const aborted = AbortSignal.abort();
    await assert.rejects(collectGoFacts(root, files, { workers: 2, signal: aborted }), {
      name: 'AbortError',
    });
  });
});
