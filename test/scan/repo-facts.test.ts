// Repository facts from the fixture repos (test/fixtures/repos): go.mod, CI of each provider followed
// through make/task/scripts, golangci-lint, image builds, Kubernetes/Helm, dependency bots, bad YAML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectRepoFiles } from '../../src/scan/facts/repo/collect.js';
import { walkRepo } from '../../src/scan/source/walk.js';
import { fromRoot } from '../../src/paths.js';
import type { CiCommand, RepoFiles } from '../../src/scan/types.js';

async function factsOf(name: string): Promise<RepoFiles> {
  const root = fromRoot('test', 'fixtures', 'repos', name);
  return collectRepoFiles(root, await walkRepo(root));
}

function commandLike(files: RepoFiles, text: string): CiCommand {
  const found = files.ci.commands.find((c) => c.text.includes(text));
  assert.ok(found, `no command containing "${text}" in ${files.ci.commands.map((c) => c.text).join(' | ')}`);
  return found;
}

describe('repository facts: go.mod', () => {
  it('reads every module with go, toolchain and requires (block, single-line, indirect)', async () => {
    const f = await factsOf('multi-module');
    assert.deepEqual(
      f.modules.map((m) => [m.path, m.module, m.go, m.toolchain]),
      [
        ['.', 'example.com/multi', '1.22.3', 'go1.23.1'],
        ['tools', 'example.com/multi/tools', '1.21', null],
      ],
    );
    assert.deepEqual(f.modules[0]!.requires, [
      { path: 'github.com/go-chi/chi/v5', version: 'v5.0.12', indirect: false },
      { path: 'golang.org/x/sync', version: 'v0.7.0', indirect: true },
      { path: 'github.com/prometheus/client_golang', version: 'v1.19.0', indirect: false },
    ]);
  });
});

describe('repository facts: CI', () => {
  it('follows a GitHub workflow into the Makefile recipe, expanding variables and prerequisites', async () => {
    const f = await factsOf('ci-make-race');
    assert.deepEqual(f.ci.providers, ['github-actions']);
    const test = commandLike(f, 'go test');
    assert.equal(test.text, 'go test -race -coverprofile=coverage.out ./...');
    assert.equal(test.raw, '$(GO) test $(TESTFLAGS) ./...');
    assert.equal(`${test.file}:${test.line}`, 'Makefile:11');
    assert.deepEqual(test.via, ['.github/workflows/ci.yml:17 run: make test', 'Makefile:9 test']);
    const build = commandLike(f, 'go build');
    assert.deepEqual(build.via, [
      '.github/workflows/ci.yml:17 run: make test',
      'Makefile:9 test',
      'Makefile:6 build',
    ]);
    const lint = commandLike(f, 'golangci-lint');
    assert.deepEqual(lint.via, ['.github/workflows/ci.yml:20 run: make lint', 'Makefile:13 lint']);
    assert.deepEqual(
      f.ci.services.map((s) => s.name),
      ['postgres:16'],
    );
    // The target CI never calls is kept aside for hints only.
    assert.deepEqual(
      (f.ci.uncalled ?? []).map((c) => `${c.file}:${c.line} ${c.text} ${c.via.join()}`),
      ['Makefile:17 go test -count=1 ./... Makefile:16 test-local'],
    );
  });

  it('reads golangci-lint v1 config: disable-all plus enable, formatters among the linters', async () => {
    const f = await factsOf('ci-make-race');
    assert.deepEqual(f.golangci?.enabled, ['govet', 'staticcheck', 'gofmt']);
    assert.deepEqual(f.golangci?.formatters, ['gofmt']);
    assert.equal(f.golangci?.lines?.staticcheck, 5);
  });

  it('reads GitLab jobs, local includes, anchors, variables and services', async () => {
    const f = await factsOf('ci-gitlab');
    assert.deepEqual(f.ci.files, ['.gitlab-ci.yml', 'ci/lint.yml']);
    const race = commandLike(f, 'go test -race');
    assert.equal(`${race.file}:${race.line}`, '.gitlab-ci.yml:20');
    assert.deepEqual(race.env, { GOFLAGS: '-mod=mod' });
    const lint = commandLike(f, 'golangci-lint run');
    assert.equal(`${lint.file}:${lint.line}`, 'ci/lint.yml:5');
    // before_script comes from the anchored template.
    assert.equal(commandLike(f, 'go version').line, 12);
    assert.deepEqual(
      f.ci.services.map((s) => `${s.name}@${s.line}`),
      ['postgres:16@18'],
    );
  });

  it('reads CircleCI runs (string and command forms), orbs and the go/test orb command', async () => {
    const f = await factsOf('ci-circleci');
    assert.equal(commandLike(f, 'gofmt').text, 'test -z "$(gofmt -l .)"');
    assert.equal(commandLike(f, 'gofmt').line, 15);
    const orbTest = commandLike(f, 'go test');
    assert.match(orbTest.text, /^go test -race -coverprofile=\S+ \.\/\.\.\.$/);
    assert.deepEqual(orbTest.via, ['.circleci/config.yml:16 go/test']);
    assert.ok(f.ci.actions.some((a) => a.name === 'codecov/codecov@4.0.1'));
    assert.deepEqual(
      f.ci.services.map((s) => s.name),
      ['redis:7'],
    );
  });

  it('reads Jenkinsfile sh steps (quoted, triple-quoted, sh(script:)) and follows scripts', async () => {
    const f = await factsOf('ci-jenkins');
    assert.equal(commandLike(f, 'go vet').line, 6);
    assert.equal(commandLike(f, 'go test -cover').line, 8);
    const vuln = commandLike(f, 'govulncheck');
    assert.equal(`${vuln.file}:${vuln.line}`, 'scripts/vuln.sh:5');
    assert.deepEqual(vuln.via, ['Jenkinsfile:10 sh: ./scripts/vuln.sh', 'scripts/vuln.sh']);
  });

  it('follows `task ci` through deps and task calls, filling Taskfile vars', async () => {
    const f = await factsOf('ci-taskfile');
    const test = commandLike(f, 'go test');
    assert.equal(test.text, 'go test -race -coverprofile=cover.out ./...');
    assert.deepEqual(test.via, [
      '.github/workflows/test.yml:7 run: task ci',
      'Taskfile.yml:5 ci',
      'Taskfile.yml:9 test',
    ]);
    const sc = commandLike(f, 'staticcheck');
    assert.deepEqual(sc.via, [
      '.github/workflows/test.yml:7 run: task ci',
      'Taskfile.yml:5 ci',
      'Taskfile.yml:12 lint',
    ]);
    assert.deepEqual(
      f.ci.actions.map((a) => [a.name, a.line]),
      [
        ['actions/checkout@v4', 6],
        ['golang/govulncheck-action@v1', 8],
      ],
    );
  });

  it('reads Cloud Build steps anywhere: args as the command, bash -c, script, entrypoint scripts, builders', async () => {
    const f = await factsOf('ci-cloudbuild');
    assert.deepEqual(f.ci.providers, ['cloud-build']);
    assert.deepEqual(f.ci.files, ['cloudbuild.yaml', 'deploy/api/cloudbuild.json']);
    // A golang builder with no entrypoint runs its args; user substitutions and options.env apply.
    const race = commandLike(f, 'go test -race');
    assert.equal(race.text, 'go test -race ./...');
    assert.equal(`${race.file}:${race.line}`, 'cloudbuild.yaml:10');
    assert.deepEqual(race.env, { GOFLAGS: '-mod=mod' });
    // bash -c: each script line at its own line, `$$` unescaped.
    assert.equal(commandLike(f, 'go vet').line, 18);
    const fmt = commandLike(f, 'gofmt');
    assert.deepEqual([fmt.text, fmt.line], ['test -z "$(gofmt -l .)"', 19]);
    const vuln = commandLike(f, 'govulncheck');
    assert.deepEqual(vuln.via, [
      'cloudbuild.yaml:22 entrypoint: ./scripts/vuln.sh $PROJECT_ID',
      'scripts/vuln.sh',
    ]);
    assert.equal(commandLike(f, 'golangci-lint').line, 29);
    // A builder whose entrypoint is a program (the go builder, docker) gets it in front of the args.
    const cover = commandLike(f, 'go test -cover');
    assert.equal(`${cover.file}:${cover.line}`, 'deploy/api/cloudbuild.json:9');
    assert.equal(commandLike(f, 'docker build').line, 5);
    assert.deepEqual(
      f.ci.services.map((s) => `${s.name}@${s.file}:${s.line}`),
      ['docker compose@cloudbuild.yaml:7'],
    );
    assert.deepEqual(
      f.ci.actions.map((a) => `${a.name}@${a.line}`),
      [
        'docker/compose:1.29.2@6',
        'golang:1.22@9',
        'golang:1.22@13',
        'golang:1.22@21',
        'golangci/golangci-lint:v1.59@25',
        'gcr.io/cloud-builders/docker@4',
        'gcr.io/cloud-builders/go@8',
      ],
    );
  });

  it('reads Bitbucket pipelines: anchored definitions, parallel and stage groups, pipes, services', async () => {
    const f = await factsOf('ci-bitbucket');
    assert.deepEqual(f.ci.providers, ['bitbucket-pipelines']);
    // The default pipeline's `step: *unit` reads the step where the anchor writes it.
    assert.equal(commandLike(f, 'go test -race').line, 13);
    assert.equal(
      commandLike(f, 'echo "done"').via[0],
      'bitbucket-pipelines.yml:15 after-script: echo "done"',
    );
    assert.equal(commandLike(f, 'go vet').line, 26);
    assert.deepEqual(commandLike(f, 'gofmt').via, [
      'bitbucket-pipelines.yml:32 script: ./scripts/lint.sh',
      'scripts/lint.sh',
    ]);
    // `parallel: { steps: [...] }` in a custom pipeline.
    assert.equal(commandLike(f, 'govulncheck').line, 50);
    assert.deepEqual(
      f.ci.actions.map((a) => [a.name, a.line, a.with]),
      [['atlassian/trivy-scan:1.0.0', 40, { SEVERITY: 'HIGH' }]],
    );
    assert.deepEqual(
      f.ci.services.map((s) => `${s.name}@${s.line}`),
      ['postgres:16@11', 'docker@30'],
    );
  });

  it('reads Woodpecker steps as a map: commands, environment, plugin images, services, make', async () => {
    const f = await factsOf('ci-woodpecker');
    assert.deepEqual(f.ci.providers, ['woodpecker']);
    const race = commandLike(f, 'go test -race');
    assert.deepEqual([race.line, race.env], [11, { CGO_ENABLED: '1' }]);
    assert.deepEqual(commandLike(f, 'staticcheck ./...').via, [
      '.woodpecker.yml:16 commands: make lint',
      'Makefile:1 lint',
    ]);
    assert.deepEqual(
      f.ci.actions.map((a) => [a.name, a.line, a.with]),
      [
        ['golang:1.22', 6, {}],
        ['golang:1.22', 13, {}],
        ['woodpeckerci/plugin-docker-buildx', 18, { repo: 'example/app' }],
      ],
    );
    assert.deepEqual(
      f.ci.services.map((s) => `${s.name}@${s.line}`),
      ['redis:7@24'],
    );
  });

  it('lists a CI file that is not valid YAML as unreadable and keeps going', async () => {
    const f = await factsOf('bad-yaml');
    assert.deepEqual(f.ci.files, []);
    assert.equal(f.unreadable.length, 1);
    assert.equal(f.unreadable[0]!.path, '.github/workflows/ci.yml');
    assert.match(f.unreadable[0]!.reason, /not valid YAML at line \d+/);
    assert.equal(f.modules.length, 1);
  });

  it('finds no CI where there is none', async () => {
    const f = await factsOf('ci-none');
    assert.deepEqual(f.ci.providers, []);
    assert.deepEqual(f.ci.commands, []);
    assert.equal((f.ci.uncalled ?? []).length, 1);
  });
});

describe('repository facts: images, Kubernetes, dependency bots', () => {
  it('reads a multi-stage Dockerfile: ARG in FROM, stages, final base, user, CGO_ENABLED', async () => {
    const [d] = (await factsOf('docker-good')).dockerfiles;
    assert.ok(d);
    assert.deepEqual(d.stages, [
      { from: 'golang:1.22', name: 'build', line: 4 },
      { from: 'gcr.io/distroless/static-debian12:nonroot', name: null, line: 13 },
    ]);
    assert.equal(d.finalBase, 'gcr.io/distroless/static-debian12:nonroot');
    assert.deepEqual(d.user, { value: 'nonroot:nonroot', line: 15 });
    assert.deepEqual(d.cgoDisabled, { line: 9 });
  });

  it('reads a single-stage Dockerfile with no user', async () => {
    const [d] = (await factsOf('docker-bad')).dockerfiles;
    assert.ok(d);
    assert.equal(d.stages.length, 1);
    assert.equal(d.user, null);
    assert.equal(d.cgoDisabled, null);
  });

  it('reads Deployment containers with probes, preStop and grace period from multi-document YAML', async () => {
    const f = await factsOf('k8s-probes');
    assert.deepEqual(f.k8s.manifests, ['deploy/app.yaml']);
    assert.equal(f.k8s.containers.length, 1);
    const c = f.k8s.containers[0]!;
    assert.equal(c.workload, 'Deployment/api');
    assert.deepEqual(
      [c.readinessProbe, c.livenessProbe, c.startupProbe, c.preStop, c.terminationGracePeriodSeconds],
      [true, true, false, true, 45],
    );
    assert.deepEqual(c.lines, {
      readinessProbe: 21,
      livenessProbe: 25,
      preStop: 30,
      terminationGracePeriodSeconds: 17,
    });
  });

  it('keeps each container’s probes to itself and reads CronJob pod specs', async () => {
    const f = await factsOf('k8s-no-probes');
    assert.deepEqual(
      f.k8s.containers.map((c) => [c.workload, c.container, c.readinessProbe, c.livenessProbe, c.line]),
      [
        ['Deployment/worker', 'worker', false, false, 9],
        ['Deployment/worker', 'sidecar', true, false, 13],
        ['CronJob/cleanup', 'cleanup', false, false, 30],
      ],
    );
  });

  it('scans Helm templates as text, with the lines of the probe keys', async () => {
    const f = await factsOf('helm-chart');
    assert.deepEqual(f.k8s.helmCharts, ['charts/api']);
    assert.deepEqual(f.k8s.manifests, []);
    assert.equal(f.k8s.containers.length, 1);
    const c = f.k8s.containers[0]!;
    assert.equal(c.template, true);
    assert.equal(c.file, 'charts/api/templates/deployment.yaml');
    assert.deepEqual(c.lines, { readinessProbe: 15, livenessProbe: 19 });
    assert.deepEqual(f.unreadable, []);
  });

  it('reads Dependabot gomod entries and Renovate JSON5', async () => {
    const dependabot = await factsOf('dependabot-gomod');
    assert.deepEqual(dependabot.dependencyUpdates.tools, [
      { tool: 'dependabot', file: '.github/dependabot.yml', line: 7, coversGo: true, directories: ['/'] },
    ]);
    const renovate = await factsOf('renovate-default');
    assert.deepEqual(renovate.dependencyUpdates.tools, [
      { tool: 'renovate', file: 'renovate.json5', line: 1, coversGo: true },
    ]);
  });
});
