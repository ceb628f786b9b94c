// Runs every Go code check against its detector fixtures (test/fixtures/go/<check-id>/<case>/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeChecks } from '../../src/scan/checks/code/index.js';
import { fixtureCases, loadFixtureCaseFiles, runFixtureCase } from './fixture-runner.js';

for (const check of codeChecks) {
  describe(`fixtures: ${check.id}`, () => {
    const cases = fixtureCases(check.id);

    it('has a passing and a failing case', () => {
      const statuses = cases.map(
        (dir) =>
          (JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as { status: string }).status,
      );
      assert.ok(statuses.includes('pass'), `${check.id} needs a pass case`);
      assert.ok(statuses.includes('fail'), `${check.id} needs a fail case`);
    });

    it('has a near miss (an ok: annotation) that a naive detector would report', () => {
      const okLine = new RegExp(`//\\s*ok:\\s*${check.id.replace(/\./g, '\\.')}\\b`);
      const found = cases.some((dir) => loadFixtureCaseFiles(dir).some((f) => okLine.test(f.source)));
      assert.ok(found, `${check.id} needs an // ok: near miss`);
    });

    for (const dir of cases) {
      it(path.basename(dir), async () => {
        const { problems } = await runFixtureCase(check, dir);
        assert.deepEqual(problems, []);
      });
    }
  });
}
