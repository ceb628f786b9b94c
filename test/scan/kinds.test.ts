// detectKinds: service / cli / library from Go facts, with evidence for each kind. Fixtures live in
// test/fixtures/go/_kinds/<case>/ with an expect.json naming the kinds and a file of evidence per kind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectKinds } from '../../src/scan/kinds.js';
import type { RepoKind } from '../../src/scan/types.js';
import { fixturesRoot, loadFixtureCaseFiles, parseFixtureFiles } from './fixture-runner.js';

interface KindsExpectation {
  kinds: RepoKind[];
  evidence: Partial<Record<RepoKind, string>>;
  /** Folders whose package main must each be named as a service. */
  serviceDirs?: string[];
}

const root = path.join(fixturesRoot, '_kinds');
const cases = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'expect.json')));

describe('detectKinds on fixture repos', () => {
  it('has fixtures', () => assert.ok(cases.length >= 5));
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const expect = JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as KindsExpectation;
      const result = detectKinds(await parseFixtureFiles(loadFixtureCaseFiles(dir)));
      assert.deepEqual(result.kinds, expect.kinds);
      for (const [kind, file] of Object.entries(expect.evidence)) {
        const ev = result.evidence.filter((e) => e.message.startsWith(`${kind}:`));
        assert.ok(
          ev.some((e) => e.file === file),
          `${kind} evidence should name ${file}, got ${JSON.stringify(ev)}`,
        );
      }
      for (const d of expect.serviceDirs ?? []) {
        assert.ok(
          result.evidence.some((e) => e.message.startsWith(`service: package main in ${d} `)),
          `${d} should be a service`,
        );
      }
      for (const e of result.evidence) {
        assert.ok(e.line >= 1 && e.snippet && e.file, `incomplete evidence ${JSON.stringify(e)}`);
      }
    });
  }
});

describe('detectKinds edge cases', () => {
  it('finds no kind in a repo without Go code', () => {
    assert.deepEqual(detectKinds([]), { kinds: [], evidence: [] });
  });

  it('does not count example programs or tests as services', async () => {
    const facts = await parseFixtureFiles([
      {
        path: 'examples/demo/main.go',
        source: 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":1", nil) }\n',
      },
      { path: 'lib.go', source: 'package lib\n\nfunc X() {}\n' },
      {
        path: 'lib_test.go',
        source: 'package lib\n\nimport "net/http"\n\nfunc serve() { _ = http.ListenAndServe(":1", nil) }\n',
      },
    ]);
    assert.deepEqual(detectKinds(facts).kinds, ['library']);
  });

  it('does not count a //go:build ignore generator as a CLI', async () => {
    const facts = await parseFixtureFiles([
      { path: 'gen.go', source: '//go:build ignore\n\npackage main\n\nfunc main() {}\n' },
      { path: 'lib.go', source: 'package lib\n\nfunc X() {}\n' },
    ]);
    assert.deepEqual(detectKinds(facts).kinds, ['library']);
  });
});
