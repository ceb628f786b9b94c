// `gonogo scan` as a child process: exit codes 0/1/2, several outputs in one run, bad option values,
// repository config errors, and a git URL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validatorFor } from '../../src/config/ajv.js';
import { createSourceRepo, type SourceRepo } from '../scan/source-repo.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function gonogo(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'scan', ...args],
      { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let service: string;
let repo: SourceRepo;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gonogo-cli-test-'));
  repo = await createSourceRepo(path.join(dir, 'git'));
  service = repo.work;
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gonogo scan', () => {
  it('prints a text scorecard and exits 0 without gates', async () => {
    const run = await gonogo(service);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /verdict: (GO|NO-GO)/);
    assert.match(run.stdout, /lifecycle\.graceful-shutdown/);
    assert.equal(run.stderr, '', 'no progress output when stderr is not a terminal');
  });

  it('exits 1 when a gate fails, naming it', async () => {
    const under = await gonogo(service, '--fail-under', '100', '--format', 'json');
    assert.equal(under.code, 1);
    assert.match(under.stderr, /gate failed: score [\d.]+ is under --fail-under 100/);
    const card = JSON.parse(under.stdout) as { verdict: string };
    const noGo = await gonogo(service, '--fail-on', 'no-go', '--fail-under', '0', '--format', 'json');
    assert.equal(card.verdict, 'no-go', 'the tiny service has no graceful shutdown');
    assert.equal(noGo.code, 1);
    assert.match(noGo.stderr, /verdict is no-go/);
    assert.doesNotMatch(noGo.stderr, /fail-under/);
  });

  it('writes several formats in one run, one of them to stdout', async () => {
    const out = path.join(dir, 'out');
    const run = await gonogo(
      service,
      '--format',
      'json',
      '--output',
      path.join(out, 'card.json'),
      '--format',
      'sarif',
      '--output',
      path.join(out, 'card.sarif'),
      '--output',
      path.join(out, 'card.md'),
      '--format',
      'text',
      '--output',
      '-',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^gonogo scorecard: /);
    const validate = validatorFor('scorecard.schema.json');
    const card = JSON.parse(readFileSync(path.join(out, 'card.json'), 'utf8')) as unknown;
    assert.ok(validate(card), JSON.stringify(validate.errors));
    const sarif = JSON.parse(readFileSync(path.join(out, 'card.sarif'), 'utf8')) as { version: string };
    assert.equal(sarif.version, '2.1.0');
    assert.match(readFileSync(path.join(out, 'card.md'), 'utf8'), /^# gonogo scorecard/);
  });

  const badUsage: [string[], RegExp][] = [
    [['--format', 'xml'], /--format "xml" is not allowed; use one of: text, json, md, sarif/],
    [['--format', 'json', '--format', 'md'], /only one format can go to stdout/],
    [['--output', 'x.html'], /--output "x\.html" has no --format/],
    [['--fail-under', 'lots'], /--fail-under "lots" is not allowed; use a number from 0 to 100/],
    [['--fail-under', '101'], /--fail-under "101" is not allowed/],
    [['--workers', '-1'], /--workers "-1" is not allowed; use a whole number/],
    [['--timeout', '0'], /--timeout "0" is not allowed/],
    [['--fail-on', 'maybe'], /argument 'maybe' is invalid\. Allowed choices are no-go/],
    [['--no-such-option'], /unknown option '--no-such-option'/],
  ];
  it('exits 2 on bad option values, naming the option and what is allowed', async () => {
    for (const [args, message] of badUsage) {
      const run = await gonogo(service, ...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('exits 2 on input errors: not Go, refused transport, bad repository config', async () => {
    const notGo = path.join(dir, 'not-go');
    await mkdir(notGo);
    await writeFile(path.join(notGo, 'README.md'), '# hello\n');
    const a = await gonogo(notGo);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /is not a Go repository/);

    const b = await gonogo('ext::sh -c touch% /tmp/gonogo-pwned');
    assert.equal(b.code, 2);
    assert.match(b.stderr, /transport "ext::" is not allowed/);

    const badConfig = path.join(dir, 'bad-config.yml');
    await writeFile(badConfig, 'suppress:\n  - id: no.such-check\n    reason: because\n');
    const c = await gonogo(service, '--config', badConfig);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /bad-config\.yml is not valid/);
    assert.match(c.stderr, /\/suppress\/0\/id: unknown check id "no\.such-check"; valid ids: .*ci\.tests/);
  });

  it('scans a git URL at a ref, with suppressions from the repository config', async () => {
    const config = path.join(dir, 'ok-config.yml');
    await writeFile(
      config,
      'suppress:\n  - id: profiling.pprof\n    reason: profiles come from the platform agent\n',
    );
    const run = await gonogo(repo.url, '--ref', 'feature', '--format', 'json', '--config', config);
    assert.equal(run.code, 0, run.stderr);
    const card = JSON.parse(run.stdout) as {
      repo: { source: string; commit: string; modules: { module: string }[] };
      checks: { id: string; status: string; reason: string }[];
    };
    assert.equal(card.repo.commit, repo.featureCommit);
    assert.equal(card.repo.source, repo.url);
    const pprof = card.checks.find((c) => c.id === 'profiling.pprof')!;
    assert.equal(pprof.status, 'na');
    assert.match(pprof.reason, /profiles come from the platform agent/);
    assert.ok(!existsSync(path.join(dir, 'leftover')));
  });
});
