// `gonogo trees` and `gonogo decide` run as a child process: stdout, stderr and exit codes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { fromRoot } from '../../src/paths.js';

const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function gonogo(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', fromRoot('src/cli/main.ts'), ...args],
      {
        cwd: fromRoot(),
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const goFlags = [
  '-a',
  'latency_p99=under_100ms',
  '-a',
  'team_size=small',
  '-a',
  'ecosystem=python_django',
  '-a',
  'needs_performance=yes',
];

describe('gonogo trees', () => {
  it('lists each tree with its question count', async () => {
    const r = await gonogo('trees');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ID\s+QUESTIONS\s+TITLE/);
    assert.match(r.stdout, /service-language\s+\d+\s+Language for a new backend service/);
    assert.match(r.stdout, /api-versioning/);
  });
});

describe('gonogo decide', () => {
  it('prints a readable summary: outcome, path with citations, what-if', async () => {
    const r = await gonogo('decide', 'service-language', ...goFlags);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Recommendation: Go — /);
    assert.match(r.stdout, /1\. What p99 latency must the service meet\?/);
    assert.match(r.stdout, /\[needs_performance=yes\]/);
    assert.match(r.stdout, /Sources: 002_849d0d21c03bc3f9\.txt — /);
    assert.match(r.stdout, /What if/);
  });

  it('prints the result as JSON', async () => {
    const r = await gonogo('decide', 'service-language', ...goFlags, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { outcome: { id: string }; path: unknown[] };
    assert.equal(result.outcome.id, 'go');
    assert.equal(result.path.length, 4);
  });

  it('fails outside a terminal with the missing question and its options, exit 2', async () => {
    const r = await gonogo('decide', 'service-language', '-a', 'latency_p99=under_10ms');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /answers are missing/);
    assert.match(r.stderr, /team_size: How many developers/);
    assert.match(r.stderr, /--answer team_size=small/);
    assert.match(r.stderr, /--answer team_size=large/);
  });

  it('names the question and the allowed options for an invalid answer, exit 2', async () => {
    const r = await gonogo('decide', 'service-language', '-a', 'latency_p99=instant');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /latency_p99/);
    assert.match(r.stderr, /under_1us, under_1ms, under_10ms, under_100ms, relaxed/);
  });

  it('rejects an unknown tree and a malformed --answer with exit 2', async () => {
    const unknown = await gonogo('decide', 'no-such-tree');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown tree "no-such-tree"; available: .*service-language/);
    const malformed = await gonogo('decide', 'service-language', '-a', 'latency_p99');
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /question=option/);
  });

  it('reads answers and ADR metadata from a YAML file; flags win', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gonogo-cli-'));
    const file = path.join(dir, 'answers.yaml');
    writeFileSync(
      file,
      [
        'tree: service-language',
        'answers:',
        '  latency_p99: under_1us',
        'meta:',
        '  title: From the file',
        '  number: 4',
      ].join('\n'),
    );
    const fromFile = await gonogo('decide', 'service-language', '--answers', file, '--format', 'nygard');
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /^# 4\. From the file/);
    const overridden = await gonogo(
      'decide',
      'service-language',
      '--answers',
      file,
      ...goFlags,
      '-f',
      'json',
    );
    assert.equal((JSON.parse(overridden.stdout) as { outcome: { id: string } }).outcome.id, 'go');
    const mismatch = path.join(dir, 'other.json');
    writeFileSync(mismatch, JSON.stringify({ tree: 'api-versioning', answers: {} }));
    const wrongTree = await gonogo('decide', 'service-language', '--answers', mismatch);
    assert.equal(wrongTree.code, 2);
    assert.match(wrongTree.stderr, /api-versioning/);
  });

  it('writes an ADR into a folder with its NNNN-kebab-title.md name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gonogo-adr-'));
    const r = await gonogo(
      'decide',
      'service-language',
      ...goFlags,
      '--format',
      'madr',
      '--title',
      'Ingest in Go',
      '--number',
      '12',
      '--status',
      'accepted',
      '--decision-makers',
      'Ana, Bo',
      '--out',
      `${dir}/`,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir), ['0012-ingest-in-go.md']);
    const text = readFileSync(path.join(dir, '0012-ingest-in-go.md'), 'utf8');
    assert.match(text, /^---\nstatus: accepted/);
    assert.match(text, /decision-makers: \["Ana", "Bo"\]/);
    assert.match(r.stderr, /wrote .*0012-ingest-in-go\.md/);
  });

  it('rejects ADR metadata the renderer does not allow, exit 2', async () => {
    const r = await gonogo('decide', 'service-language', ...goFlags, '-f', 'madr', '--status', 'maybe');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /status/);
  });
});
