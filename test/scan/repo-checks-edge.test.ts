// Repository checks on small repositories written to a temporary folder: GitLab `!reference` and shared
// templates, project test wrappers, unreadable CI includes, formatter idioms, image and probe edge cases.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { repoChecks } from '../../src/scan/checks/repo/index.js';
import { collectRepoFiles } from '../../src/scan/facts/repo/collect.js';
import { walkRepo } from '../../src/scan/source/walk.js';
import type { CheckOutcome, RepoFacts } from '../../src/scan/types.js';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function factsOf(files: Record<string, string>): Promise<RepoFacts> {
  const root = await mkdtemp(path.join(tmpdir(), 'gonogo-repo-checks-'));
  made.push(root);
  for (const [rel, text] of Object.entries({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', ...files })) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  const walk = await walkRepo(root);
  const repo = await collectRepoFiles(root, walk);
  return { root, walk, go: [], unparsed: [], repo, kinds: { kinds: ['service'], evidence: [] } };
}

function run(id: string, facts: RepoFacts): CheckOutcome {
  const check = repoChecks.find((c) => c.id === id);
  assert.ok(check, id);
  return check.run({ facts, params: { maxEvidence: 5 } });
}

const where = (o: CheckOutcome): string[] => o.evidence.map((e) => `${e.file}:${e.line}`);

describe('GitLab templates', () => {
  it('resolves !reference scripts and keeps a line shared by several jobs once', async () => {
    const facts = await factsOf({
      '.gitlab-ci.yml': [
        '.go-test:',
        '  script:',
        '    - go test -race ./...',
        'unit:',
        '  script:',
        '    - !reference [.go-test, script]',
        '    - go vet ./...',
        'unit-2:',
        '  extends: .go-test',
        'unit-3:',
        '  extends: .go-test',
      ].join('\n'),
    });
    const tests = facts.repo.ci.commands.filter((c) => c.text === 'go test -race ./...');
    // Reached from `unit` (via !reference) and from the two extending jobs, which share one chain.
    assert.deepEqual(
      tests.map((c) => c.line),
      [3],
    );
    assert.deepEqual(where(run('ci.race', facts)), ['.gitlab-ci.yml:3']);
    assert.deepEqual(where(run('ci.vet', facts)), ['.gitlab-ci.yml:7']);
  });

  it('an included file that is not YAML makes a missing tool unknown, not fail', async () => {
    const facts = await factsOf({
      '.gitlab-ci.yml': [
        'include:',
        '  - local: ci/lint.yml',
        'test:',
        '  script:',
        '    - go test ./...',
      ].join('\n'),
      'ci/lint.yml': 'lint:\n  script: [golangci-lint run\n',
    });
    assert.equal(run('ci.tests', facts).status, 'pass');
    const vet = run('ci.vet', facts);
    assert.equal(vet.status, 'unknown');
    assert.match(vet.reason, /ci\/lint\.yml could not be read/);
  });
});

describe('commands', () => {
  it('a project test wrapper given -race and package patterns counts as go test', async () => {
    const facts = await factsOf({
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  t:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          # run the suite',
        '          ./bin/runtests test -race ./... \\',
        '            -timeout 10m',
        '      - run: npm test',
      ].join('\n'),
    });
    const race = run('ci.race', facts);
    assert.equal(race.status, 'pass');
    assert.deepEqual(where(race), ['.github/workflows/ci.yml:8']);
    assert.match(race.evidence[0]!.message, /ci\.yml:8 run: \.\/bin\/runtests test -race \.\/\.\.\.\)/);
    assert.equal(run('ci.tests', facts).evidence.length, 1);
  });

  const formatCases: [string, string, number | undefined][] = [
    ['test -z "$(gofmt -l .)"', 'pass', undefined],
    ['gofmt -l . | grep . && exit 1 || true', 'pass', undefined],
    ['gofmt -l .', 'partial', 5],
    ['go fmt ./... && git diff --exit-code', 'pass', undefined],
    ['golangci-lint fmt --diff', 'pass', undefined],
    ['goimports -w .', 'partial', 5],
  ];
  for (const [command, status, score] of formatCases) {
    it(`ci.format: ${command} → ${status}`, async () => {
      const facts = await factsOf({ '.gitlab-ci.yml': `fmt:\n  script:\n    - ${command}\n` });
      const o = run('ci.format', facts);
      assert.equal(o.status, status);
      assert.equal(o.score, score);
      assert.equal(o.evidence[0]?.line, 3);
    });
  }

  it('golangci-lint v2 with govet disabled does not count for ci.vet; -E on the command line does', async () => {
    const disabled = await factsOf({
      '.golangci.yml': 'version: "2"\nlinters:\n  disable: [govet]\n',
      '.gitlab-ci.yml': 'lint:\n  script:\n    - golangci-lint run\n',
    });
    assert.equal(run('ci.vet', disabled).status, 'fail');
    assert.equal(run('ci.staticcheck', disabled).status, 'pass');
    const flagged = await factsOf({
      '.golangci.yml': 'version: "2"\nlinters:\n  default: none\n',
      '.gitlab-ci.yml': 'lint:\n  script:\n    - golangci-lint run -E govet,staticcheck\n',
    });
    assert.equal(run('ci.vet', flagged).status, 'pass');
    assert.equal(run('ci.staticcheck', flagged).status, 'pass');
  });

  it('other dependency scanners are partial for security.govulncheck', async () => {
    const facts = await factsOf({ '.gitlab-ci.yml': 'scan:\n  script:\n    - osv-scanner -r .\n' });
    const o = run('security.govulncheck', facts);
    assert.deepEqual([o.status, o.score, ...where(o)], ['partial', 5, '.gitlab-ci.yml:3']);
  });
});

describe('images and probes', () => {
  it('an image that only copies a prebuilt binary earns the separate-build point', async () => {
    const facts = await factsOf({
      Dockerfile: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCOPY app /app\n',
    });
    const o = run('deploy.container', facts);
    assert.equal(o.status, 'partial');
    assert.equal(o.score, 7.5);
    assert.match(o.reason, /misses: static binary/);
  });

  it('a Renovate config without gomod in enabledManagers fails dependency updates', async () => {
    const facts = await factsOf({ 'renovate.json': '{\n  "enabledManagers": ["dockerfile"]\n}\n' });
    const o = run('security.dependency-updates', facts);
    assert.deepEqual([o.status, ...where(o)], ['fail', 'renovate.json:2']);
  });

  it('Jobs only: deploy.probes is na', async () => {
    const facts = await factsOf({
      'k8s/job.yaml':
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          image: x\n',
    });
    assert.equal(run('deploy.probes', facts).status, 'na');
  });

  it('an HPA pointing at a Deployment in a Helm chart is not a workload', async () => {
    const facts = await factsOf({
      'chart/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 0.1.0\n',
      'chart/templates/hpa.yaml':
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: x\n',
    });
    assert.deepEqual(facts.repo.k8s.containers, []);
    assert.equal(run('deploy.probes', facts).status, 'unknown');
  });
});

describe('services started by CI scripts', () => {
  it('counts a detached docker run as a service and a one-shot tool container as none', async () => {
    const facts = await factsOf({
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: ./scripts/ci.sh',
      ].join('\n'),
      'scripts/ci.sh': [
        '#!/bin/sh',
        'docker run --rm -e JAVA_OPTS=-Xmx1g -v "$PWD:/local" example/codegen:1 generate',
        'docker run -d --name db -p 5432:5432 postgres:16',
        'docker run -itd redis:7',
        'go test ./...',
      ].join('\n'),
    });
    assert.deepEqual(
      facts.repo.ci.services.map((s) => `${s.name}@${s.file}:${s.line}`),
      ['postgres:16@scripts/ci.sh:3', 'redis:7@scripts/ci.sh:4'],
    );
  });
});
