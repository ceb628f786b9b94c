// The repository checks run on facts collected from the fixture repos (test/fixtures/repos) with the real
// walk and collector: statuses, partial scores, evidence file:line and the via chains CI takes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repoChecks } from '../../src/scan/checks/repo/index.js';
import { collectRepoFiles } from '../../src/scan/facts/repo/collect.js';
import { walkRepo } from '../../src/scan/source/walk.js';
import { fromRoot } from '../../src/paths.js';
import type { CheckOutcome, RepoFacts } from '../../src/scan/types.js';

const cache = new Map<string, Promise<RepoFacts>>();

function factsOf(name: string): Promise<RepoFacts> {
  let facts = cache.get(name);
  if (!facts) {
    facts = (async () => {
      const root = fromRoot('test', 'fixtures', 'repos', name);
      const walk = await walkRepo(root);
      const repo = await collectRepoFiles(root, walk);
      return { root, walk, go: [], unparsed: [], repo, kinds: { kinds: ['service'], evidence: [] } };
    })();
    cache.set(name, facts);
  }
  return facts;
}

async function run(id: string, fixture: string): Promise<CheckOutcome> {
  const check = repoChecks.find((c) => c.id === id);
  assert.ok(check, `no implementation for ${id}`);
  return check.run({ facts: await factsOf(fixture), params: { maxEvidence: 5 } });
}

/** `file:line` of each piece of evidence. */
function where(o: CheckOutcome): string[] {
  return o.evidence.map((e) => `${e.file}:${e.line}`);
}

describe('repo checks: registry', () => {
  it('implements each repository check once', () => {
    assert.deepEqual(repoChecks.map((c) => c.id).sort(), [
      'ci.coverage',
      'ci.format',
      'ci.race',
      'ci.staticcheck',
      'ci.tests',
      'ci.vet',
      'deploy.container',
      'deploy.probes',
      'security.dependency-updates',
      'security.govulncheck',
    ]);
  });
});

describe('repo checks: CI through make (ci-make-race)', () => {
  it('ci.tests passes at the recipe line with the chain from the workflow', async () => {
    const o = await run('ci.tests', 'ci-make-race');
    assert.equal(o.status, 'pass');
    assert.deepEqual(where(o), ['Makefile:11']);
    assert.match(o.evidence[0]!.message, /\.github\/workflows\/ci\.yml:17 run: make test → Makefile:9 test/);
    assert.match(o.evidence[0]!.message, /go test -race -coverprofile=coverage\.out/);
  });

  it('ci.race and ci.coverage pass through the TESTFLAGS variable', async () => {
    for (const id of ['ci.race', 'ci.coverage']) {
      const o = await run(id, 'ci-make-race');
      assert.equal(o.status, 'pass', id);
      assert.deepEqual(where(o), ['Makefile:11'], id);
    }
  });

  it('ci.vet, ci.staticcheck and ci.format pass through golangci-lint and its config', async () => {
    const expected: Record<string, string> = {
      'ci.vet': '.golangci.yml:4',
      'ci.staticcheck': '.golangci.yml:5',
      'ci.format': '.golangci.yml:6',
    };
    for (const [id, configLine] of Object.entries(expected)) {
      const o = await run(id, 'ci-make-race');
      assert.equal(o.status, 'pass', id);
      assert.deepEqual(where(o), ['Makefile:14', configLine], id);
      assert.match(o.evidence[0]!.message, /ci\.yml:20 run: make lint → Makefile:13 lint/);
    }
  });

  it('security.govulncheck fails with the CI file as evidence', async () => {
    const o = await run('security.govulncheck', 'ci-make-race');
    assert.equal(o.status, 'fail');
    assert.deepEqual(where(o), ['.github/workflows/ci.yml:1']);
  });
});

describe('repo checks: other CI providers', () => {
  it('GitLab: direct commands, golangci-lint defaults, missing format and coverage', async () => {
    assert.deepEqual(where(await run('ci.race', 'ci-gitlab')), ['.gitlab-ci.yml:20']);
    assert.deepEqual(where(await run('ci.vet', 'ci-gitlab')), ['.gitlab-ci.yml:21']);
    const sc = await run('ci.staticcheck', 'ci-gitlab');
    assert.equal(sc.status, 'pass');
    assert.match(sc.reason, /on by default/);
    assert.deepEqual(where(sc), ['ci/lint.yml:5']);
    assert.equal((await run('ci.format', 'ci-gitlab')).status, 'fail');
    assert.equal((await run('ci.coverage', 'ci-gitlab')).status, 'fail');
  });

  it('CircleCI: the go/test orb runs race and coverage; gofmt -l inside test -z counts; codecov orb', async () => {
    const race = await run('ci.race', 'ci-circleci');
    assert.equal(race.status, 'pass');
    assert.deepEqual(where(race), ['.circleci/config.yml:16']);
    const fmt = await run('ci.format', 'ci-circleci');
    assert.deepEqual([fmt.status, ...where(fmt)], ['pass', '.circleci/config.yml:15']);
    const cov = await run('ci.coverage', 'ci-circleci');
    assert.deepEqual(where(cov), ['.circleci/config.yml:16', '.circleci/config.yml:4']);
    assert.equal((await run('ci.staticcheck', 'ci-circleci')).status, 'fail');
  });

  it('Jenkins: go test without -race fails ci.race pointing at the test; govulncheck found in a script', async () => {
    const race = await run('ci.race', 'ci-jenkins');
    assert.equal(race.status, 'fail');
    assert.match(race.reason, /without -race/);
    assert.deepEqual(where(race), ['Jenkinsfile:8']);
    // gofmt -l exits 0 even when it lists files: without a test of its output it is only partial.
    const fmt = await run('ci.format', 'ci-jenkins');
    assert.deepEqual([fmt.status, fmt.score, ...where(fmt)], ['partial', 5, 'Jenkinsfile:11']);
    const vuln = await run('security.govulncheck', 'ci-jenkins');
    assert.equal(vuln.status, 'pass');
    assert.deepEqual(where(vuln), ['scripts/vuln.sh:5']);
    assert.match(vuln.evidence[0]!.message, /Jenkinsfile:10 sh: \.\/scripts\/vuln\.sh → scripts\/vuln\.sh/);
  });

  it('Taskfile: deps and task calls reach staticcheck, gofumpt and go test; the govulncheck action counts', async () => {
    const sc = await run('ci.staticcheck', 'ci-taskfile');
    assert.deepEqual([sc.status, ...where(sc)], ['pass', 'Taskfile.yml:14']);
    assert.match(
      sc.evidence[0]!.message,
      /test\.yml:7 run: task ci → Taskfile\.yml:5 ci → Taskfile\.yml:12 lint/,
    );
    assert.deepEqual(where(await run('ci.format', 'ci-taskfile')), ['Taskfile.yml:15']);
    assert.deepEqual(where(await run('ci.race', 'ci-taskfile')), ['Taskfile.yml:11']);
    const vuln = await run('security.govulncheck', 'ci-taskfile');
    assert.deepEqual([vuln.status, ...where(vuln)], ['pass', '.github/workflows/test.yml:8']);
    assert.equal((await run('ci.vet', 'ci-taskfile')).status, 'fail');
  });

  it('Cloud Build: tests, race and coverage from builder steps; govulncheck through an entrypoint script', async () => {
    const race = await run('ci.race', 'ci-cloudbuild');
    assert.deepEqual([race.status, ...where(race)], ['pass', 'cloudbuild.yaml:10']);
    assert.deepEqual(where(await run('ci.coverage', 'ci-cloudbuild')), ['deploy/api/cloudbuild.json:9']);
    assert.deepEqual(where(await run('ci.vet', 'ci-cloudbuild')), ['cloudbuild.yaml:18']);
    const fmt = await run('ci.format', 'ci-cloudbuild');
    assert.deepEqual([fmt.status, ...where(fmt)], ['pass', 'cloudbuild.yaml:19']);
    const vuln = await run('security.govulncheck', 'ci-cloudbuild');
    assert.deepEqual([vuln.status, ...where(vuln)], ['pass', 'scripts/vuln.sh:4']);
    assert.match(vuln.evidence[0]!.message, /cloudbuild\.yaml:22 entrypoint: \.\/scripts\/vuln\.sh/);
  });

  it('Bitbucket: race and coverage in an anchored step, gofmt in a script, govulncheck in a custom pipeline', async () => {
    for (const id of ['ci.tests', 'ci.race', 'ci.coverage']) {
      const o = await run(id, 'ci-bitbucket');
      assert.deepEqual([o.status, ...where(o)], ['pass', 'bitbucket-pipelines.yml:13'], id);
    }
    assert.deepEqual(where(await run('ci.vet', 'ci-bitbucket')), ['bitbucket-pipelines.yml:26']);
    assert.deepEqual(where(await run('ci.format', 'ci-bitbucket')), ['scripts/lint.sh:3']);
    const vuln = await run('security.govulncheck', 'ci-bitbucket');
    assert.deepEqual([vuln.status, ...where(vuln)], ['pass', 'bitbucket-pipelines.yml:50']);
    assert.equal((await run('ci.staticcheck', 'ci-bitbucket')).status, 'fail');
  });

  it('Woodpecker: vet and race in step commands, staticcheck through make; no coverage', async () => {
    assert.deepEqual(where(await run('ci.vet', 'ci-woodpecker')), ['.woodpecker.yml:10']);
    assert.deepEqual(where(await run('ci.race', 'ci-woodpecker')), ['.woodpecker.yml:11']);
    const sc = await run('ci.staticcheck', 'ci-woodpecker');
    assert.deepEqual([sc.status, ...where(sc)], ['pass', 'Makefile:2']);
    assert.match(sc.evidence[0]!.message, /\.woodpecker\.yml:16 commands: make lint → Makefile:1 lint/);
    assert.equal((await run('ci.coverage', 'ci-woodpecker')).status, 'fail');
  });

  it('no CI: every ci check fails, naming what was looked for, with the Makefile target as a hint', async () => {
    for (const id of [
      'ci.tests',
      'ci.race',
      'ci.vet',
      'ci.staticcheck',
      'ci.format',
      'ci.coverage',
      'security.govulncheck',
    ]) {
      const o = await run(id, 'ci-none');
      assert.equal(o.status, 'fail', id);
      assert.match(o.reason, /No CI configuration found \(looked for \.github\/workflows\/\*\.yml/, id);
      assert.match(
        o.reason,
        /bitbucket-pipelines\.yml \(and variants\), \.woodpecker\.yml \(and variants\), \*\*\/cloudbuild\.yaml/,
        id,
      );
      assert.equal(o.evidence[0]?.file, 'go.mod', id);
    }
    const race = await run('ci.race', 'ci-none');
    assert.match(race.reason, /Makefile:1 test would do it, but no CI runs it/);
    assert.deepEqual(where(race), ['go.mod:1', 'Makefile:2']);
  });

  it('a Makefile target CI never calls is a hint, not a pass', async () => {
    const o = await run('ci.tests', 'ci-none');
    assert.equal(o.status, 'fail');
    assert.ok(o.evidence.some((e) => e.file === 'Makefile' && /CI/.test(e.message)));
  });

  it('bad YAML: the CI checks are unknown with the reason', async () => {
    const o = await run('ci.tests', 'bad-yaml');
    assert.equal(o.status, 'unknown');
    assert.match(o.reason, /\.github\/workflows\/ci\.yml \(not valid YAML at line \d+/);
  });
});

describe('repo checks: dependency updates', () => {
  it('Dependabot with a gomod entry passes at that entry', async () => {
    const o = await run('security.dependency-updates', 'dependabot-gomod');
    assert.deepEqual([o.status, ...where(o)], ['pass', '.github/dependabot.yml:7']);
  });

  it('Renovate passes by default', async () => {
    const o = await run('security.dependency-updates', 'renovate-default');
    assert.deepEqual([o.status, ...where(o)], ['pass', 'renovate.json5:1']);
  });

  it('Dependabot covering one of two modules is partial, naming the other go.mod', async () => {
    const o = await run('security.dependency-updates', 'multi-module');
    assert.equal(o.status, 'partial');
    assert.equal(o.score, 5);
    assert.deepEqual(where(o), ['.github/dependabot.yml:3', 'tools/go.mod:1']);
  });

  it('no bot fails', async () => {
    const o = await run('security.dependency-updates', 'ci-none');
    assert.equal(o.status, 'fail');
    assert.deepEqual(where(o), ['go.mod:1']);
  });
});

describe('repo checks: deploy', () => {
  it('deploy.container passes a multi-stage, static, distroless, non-root image with evidence per point', async () => {
    const o = await run('deploy.container', 'docker-good');
    assert.equal(o.status, 'pass');
    assert.equal(o.score, 10);
    assert.deepEqual(where(o), ['Dockerfile:4', 'Dockerfile:9', 'Dockerfile:13', 'Dockerfile:15']);
    assert.ok(o.evidence.every((e) => e.message.startsWith('✓')));
  });

  it('deploy.container fails a single-stage golang image running as root', async () => {
    const o = await run('deploy.container', 'docker-bad');
    assert.equal(o.status, 'fail');
    assert.equal(o.score, 0);
    assert.equal(o.evidence.length, 4);
    assert.ok(o.evidence.every((e) => e.file === 'Dockerfile' && e.line === 1 && e.message.startsWith('✗')));
  });

  it('deploy.container is na with no image and no deployment, and fails when Kubernetes deploys it', async () => {
    assert.equal((await run('deploy.container', 'ci-none')).status, 'na');
    const k8s = await run('deploy.container', 'k8s-probes');
    assert.deepEqual([k8s.status, ...where(k8s)], ['fail', 'deploy/app.yaml:19']);
  });

  it('deploy.container credits goreleaser (binary built outside, cgo off) and ko defaults', async () => {
    const g = await run('deploy.container', 'goreleaser-image');
    assert.equal(g.status, 'pass');
    assert.deepEqual(where(g), ['.goreleaser.yaml:6', '.goreleaser.yaml:5', 'Dockerfile:1', 'Dockerfile:1']);
    const ko = await run('deploy.container', 'ko-image');
    assert.equal(ko.status, 'pass');
    assert.ok(ko.evidence.every((e) => e.file === '.ko.yaml' && e.line === 1));
  });

  it('deploy.probes passes with both probes and notes grace period and preStop', async () => {
    const o = await run('deploy.probes', 'k8s-probes');
    assert.deepEqual([o.status, ...where(o)], ['pass', 'deploy/app.yaml:21']);
    assert.match(o.evidence[0]!.message, /terminationGracePeriodSeconds 45, preStop hook/);
  });

  it('deploy.probes is partial by probe share, leaves CronJobs out, lists the worst first', async () => {
    const o = await run('deploy.probes', 'k8s-no-probes');
    assert.equal(o.status, 'partial');
    assert.equal(o.score, 2.5);
    assert.deepEqual(where(o), ['k8s/deployment.yml:9', 'k8s/deployment.yml:13']);
    assert.match(o.evidence[0]!.message, /missing readinessProbe and livenessProbe/);
    assert.match(o.evidence[1]!.message, /missing livenessProbe/);
  });

  it('deploy.probes reads Helm templates, and is na without manifests', async () => {
    const helm = await run('deploy.probes', 'helm-chart');
    assert.deepEqual([helm.status, ...where(helm)], ['pass', 'charts/api/templates/deployment.yaml:15']);
    assert.equal((await run('deploy.probes', 'docker-good')).status, 'na');
  });
});
