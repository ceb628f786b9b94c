// Table tests for the repository-fact parsers (shell splitting, Makefiles, Dockerfiles, golangci-lint,
// Renovate) and for the CI providers and follow rules that the fixture repos do not cover, built as small
// repositories in a temporary folder.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ciTools } from '../../src/scan/facts/repo/ci-tools.js';
import { collectRepoFiles } from '../../src/scan/facts/repo/collect.js';
import { parseDependabot, parseRenovate } from '../../src/scan/facts/repo/dependency-updates.js';
import {
  isDockerfile,
  parseDockerfile,
  parseGoreleaser,
  parseKoConfig,
} from '../../src/scan/facts/repo/dockerfile.js';
import { parseWoodpecker } from '../../src/scan/facts/repo/ci/woodpecker.js';
import { parseGolangci } from '../../src/scan/facts/repo/golangci.js';
import { expandMake, parseMakefile } from '../../src/scan/facts/repo/make.js';
import {
  expandShellVars,
  pipelineStages,
  shellWords,
  splitCommands,
  splitEnvPrefix,
} from '../../src/scan/facts/repo/shell.js';
import { walkRepo } from '../../src/scan/source/walk.js';
import type { RepoFiles } from '../../src/scan/types.js';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Writes `files` into a fresh folder and collects its repository facts. */
async function repoOf(files: Record<string, string>): Promise<RepoFiles> {
  const root = await mkdtemp(path.join(tmpdir(), 'gonogo-repo-facts-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return collectRepoFiles(root, await walkRepo(root));
}

function lines(text: string): { text: string; line: number }[] {
  return text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
}

describe('shell splitting', () => {
  const cases: [string, string[]][] = [
    ['go vet ./... && go test ./...', ['go vet ./...', 'go test ./...']],
    ['test -z "$(gofmt -l . | tee /dev/stderr)"', ['test -z "$(gofmt -l . | tee /dev/stderr)"']],
    ['if [ -n "$CI" ]; then go test -race ./...; fi', ['[ -n "$CI" ]', 'go test -race ./...']],
    // A pipeline stays one command; its stages are read by pipelineStages.
    ['go test ./... 2>&1 | tee out.txt # keep a copy', ['go test ./... 2>&1 | tee out.txt']],
    ['gofmt -l . | grep . && exit 1 || true', ['gofmt -l . | grep .', 'exit 1', 'true']],
    ['echo "a;b" ; true', ['echo "a;b"', 'true']],
    ['(cd sub && go test ./...) && true', ['cd sub', 'go test ./...', 'true']],
    ['if x; then', ['x']],
  ];
  for (const [input, expected] of cases) {
    it(`splits ${input}`, () => {
      assert.deepEqual(
        splitCommands([{ text: input, line: 3 }]).map((c) => c.text.trim()),
        expected,
      );
    });
  }

  it('joins backslash continuations and keeps the first line', () => {
    const out = splitCommands(lines('# comment\ngo test \\\n  -race \\\n  ./...\necho done'));
    assert.deepEqual(
      out.map((c) => [c.text.replace(/\s+/g, ' '), c.line]),
      [
        ['go test -race ./...', 2],
        ['echo done', 5],
      ],
    );
  });

  it('splits pipeline stages outside quotes and substitutions', () => {
    assert.deepEqual(pipelineStages(`gofmt -l . | grep -v "a|b" | wc -l`), [
      'gofmt -l .',
      'grep -v "a|b"',
      'wc -l',
    ]);
    assert.deepEqual(pipelineStages('test -z "$(gofmt -l . | tee /dev/stderr)"'), [
      'test -z "$(gofmt -l . | tee /dev/stderr)"',
    ]);
  });

  it('expands shell and GitHub env references it knows, leaving others', () => {
    assert.equal(
      expandShellVars('go test $FLAGS ${{ env.PKGS }} ${UNKNOWN} ${{ matrix.go }}', {
        FLAGS: '-race',
        PKGS: './...',
      }),
      'go test -race ./... ${UNKNOWN} ${{ matrix.go }}',
    );
  });

  it('splits words, removing quotes and keeping $(…) whole', () => {
    assert.deepEqual(shellWords(`GOFLAGS="-race -count=1" go test -run 'Test A' $(go list ./...)`), [
      'GOFLAGS=-race -count=1',
      'go',
      'test',
      '-run',
      'Test A',
      '$(go list ./...)',
    ]);
  });
});

describe('Makefile parsing', () => {
  const mk = parseMakefile(
    [
      'GO ?= go',
      'GO ?= ignored',
      'PKGS := ./...',
      'FLAGS = -v',
      'FLAGS += -race',
      'export GOFLAGS = -mod=readonly',
      '',
      '.PHONY: all test',
      'all: test lint',
      '',
      'test: GOTEST_VAR = 1',
      'test:',
      '\t@$(GO) test $(FLAGS) ${PKGS}',
      '\t-$(MAKE) -C sub check',
      'lint: ; golangci-lint run',
      'cover: test',
      '\t$(GO) tool cover -func=$@.out $(PKGS:./...=x)',
    ].join('\n'),
    'Makefile',
  );

  it('collects variables with ?=, :=, = and +=', () => {
    assert.equal(mk.vars.get('GO'), 'go');
    assert.equal(mk.vars.get('FLAGS'), '-v -race');
    assert.ok(mk.exports.has('GOFLAGS'));
  });

  it('collects rules, prerequisites, inline and tab recipes; skips special targets', () => {
    assert.equal(mk.defaultGoal, 'all');
    assert.deepEqual(mk.rules.get('all')?.prereqs, ['test', 'lint']);
    assert.deepEqual(mk.rules.get('test')?.recipe, [
      { text: '$(GO) test $(FLAGS) ${PKGS}', line: 13 },
      { text: '$(MAKE) -C sub check', line: 14 },
    ]);
    assert.equal(mk.rules.get('test')?.line, 12);
    assert.deepEqual(mk.rules.get('lint')?.recipe, [{ text: 'golangci-lint run', line: 15 }]);
    assert.equal(mk.rules.has('.PHONY'), false);
  });

  it('skips define … endef blocks', () => {
    const m = parseMakefile(
      ['define HELP', 'usage: make test', 'endef', 'test:', '\tgo test ./...'].join('\n'),
      'Makefile',
    );
    assert.deepEqual([...m.rules.keys()], ['test']);
    assert.equal(m.rules.get('test')?.line, 4);
  });

  it('expands variables, $(MAKE), automatic variables and substitution references', () => {
    const lookup = (n: string): string | undefined => (n === '@' ? 'cover' : mk.vars.get(n));
    assert.equal(expandMake('$(GO) test $(FLAGS) ${PKGS}', lookup), 'go test -v -race ./...');
    assert.equal(expandMake('$(MAKE) x $$HOME $(UNSET)end', lookup), 'make x $HOME end');
    assert.equal(expandMake('go tool cover -func=$@.out', lookup), 'go tool cover -func=cover.out');
    assert.equal(expandMake('$(shell git rev-parse HEAD)', lookup), '$(shell git rev-parse HEAD)');
  });

  it('expands $(foreach …), once when the list needs a function', () => {
    const vars = new Map([['DIRS', 'a b']]);
    const lookup = (n: string): string | undefined => vars.get(n);
    assert.equal(
      expandMake('$(foreach d,$(DIRS),(cd $(d) && go test ./...) &&) true', lookup),
      '(cd a && go test ./...) && (cd b && go test ./...) && true',
    );
    assert.equal(expandMake('$(foreach d,$(wildcard */go.mod),go vet $(d))', lookup), 'go vet $(d)');
  });
});

describe('Dockerfile, ko and goreleaser', () => {
  const names: [string, boolean][] = [
    ['Dockerfile', true],
    ['build/Dockerfile.prod', true],
    ['api.Dockerfile', true],
    ['Containerfile', true],
    ['docs/dockerfile.md', false],
    ['Dockerfiles/README', false],
  ];
  for (const [name, expected] of names) {
    it(`${name} ${expected ? 'is' : 'is not'} a Dockerfile`, () =>
      assert.equal(isDockerfile(name), expected));
  }

  it('resolves `FROM <stage>` to that stage’s base and reads the last USER of the final stage', () => {
    const d = parseDockerfile(
      [
        'FROM golang:1.23-alpine AS build',
        'USER root',
        'RUN CGO_ENABLED=0 go build -o /app .',
        'FROM alpine:3.20 AS base',
        'FROM base',
        'USER 65532:65532',
        'COPY --from=build /app /app',
      ].join('\n'),
      'build/Dockerfile',
    );
    assert.equal(d.finalBase, 'alpine:3.20');
    assert.deepEqual(d.user, { value: '65532:65532', line: 6 });
    assert.deepEqual(d.cgoDisabled, { line: 3 });
    assert.equal(d.stages.length, 3);
  });

  it('sees legacy `ENV CGO_ENABLED 0`, continuation lines and static link flags', () => {
    const d = parseDockerfile(
      [
        'FROM golang:1.22',
        'ENV CGO_ENABLED 0',
        'RUN go build \\',
        '    -ldflags "-extldflags -static" .',
      ].join('\n'),
      'Dockerfile',
    );
    assert.deepEqual(d.cgoDisabled, { line: 2 });
    assert.deepEqual(d.staticFlags, { line: 3 });
  });

  it('reads ko and goreleaser image configs', () => {
    assert.equal(
      parseKoConfig('defaultBaseImage: cgr.dev/chainguard/static\n', '.ko.yaml').finalBase,
      'cgr.dev/chainguard/static',
    );
    const g = parseGoreleaser(
      ['builds:', '  - env:', '      - CGO_ENABLED=0', 'dockers:', '  - dockerfile: release.Dockerfile'].join(
        '\n',
      ),
      '.goreleaser.yaml',
    );
    assert.deepEqual(
      [g?.kind, g?.dockerfiles, g?.cgoDisabled, g?.line],
      ['goreleaser', ['release.Dockerfile'], { line: 3 }, 4],
    );
    assert.equal(parseGoreleaser('builds:\n  - main: .\n', '.goreleaser.yml'), null);
  });
});

describe('golangci-lint config', () => {
  const tools = ciTools().golangci;
  it('applies v1 defaults with enable/disable', () => {
    const g = parseGolangci(
      'linters:\n  enable: [gofumpt, revive]\n  disable: [errcheck]\n',
      '.golangci.yml',
      tools,
    );
    assert.ok(
      g.enabled.includes('govet') && g.enabled.includes('staticcheck') && g.enabled.includes('revive'),
    );
    assert.ok(!g.enabled.includes('errcheck'));
    assert.deepEqual(g.formatters, ['gofumpt']);
  });

  it('reads v2: linters.default none, formatters section', () => {
    const g = parseGolangci(
      'version: "2"\nlinters:\n  default: none\n  enable:\n    - govet\nformatters:\n  enable:\n    - goimports\n',
      '.golangci.yml',
      tools,
    );
    assert.deepEqual([g.version, g.enabled, g.formatters], [2, ['govet'], ['goimports']]);
    assert.deepEqual(g.lines, { govet: 5, goimports: 8 });
  });

  it('finds the line of a linter followed by a comment', () => {
    const g = parseGolangci('linters:\n  enable:\n    - goimports # formats too\n', '.golangci.yml', tools);
    assert.equal(g.lines?.goimports, 3);
  });

  it('reads v2 standard defaults and a TOML config', () => {
    assert.deepEqual(parseGolangci('version: "2"\n', '.golangci.yml', tools).enabled, tools.v2Standard);
    const toml = parseGolangci(
      '[linters]\ndisable-all = true\nenable = [\n  "staticcheck",\n  "gofmt",\n]\n',
      '.golangci.toml',
      tools,
    );
    assert.deepEqual([toml.enabled, toml.formatters], [['staticcheck', 'gofmt'], ['gofmt']]);
  });
});

describe('dependency bots', () => {
  it('Renovate without gomod in enabledManagers does not cover Go', () => {
    const r = parseRenovate(
      '{\n  "extends": ["config:base"],\n  "enabledManagers": ["npm"]\n}\n',
      'renovate.json',
    );
    assert.deepEqual([r?.coversGo, r?.line], [false, 3]);
  });

  it('Renovate in package.json, and gomod.enabled false', () => {
    assert.equal(
      parseRenovate('{"name":"x","renovate":{"extends":["config:base"]}}', 'package.json', true)?.coversGo,
      true,
    );
    assert.equal(parseRenovate('{"gomod": {"enabled": false}}', 'renovate.json')?.coversGo, false);
    assert.equal(parseRenovate('{"name":"x"}', 'package.json', true), null);
  });

  it('Dependabot without a gomod entry does not cover Go; directories are kept', () => {
    const none = parseDependabot(
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n',
      '.github/dependabot.yml',
    );
    assert.equal(none.coversGo, false);
    const many = parseDependabot(
      'version: 2\nupdates:\n  - package-ecosystem: "gomod"\n    directories: ["/", "/tools"]\n',
      '.github/dependabot.yml',
    );
    assert.deepEqual([many.coversGo, many.line, many.directories], [true, 3, ['/', '/tools']]);
  });
});

describe('CI providers and following, in small repositories', () => {
  it('GitHub: reusable workflows and local composite actions carry their caller; env GOFLAGS; working-directory', async () => {
    const f = await repoOf({
      '.github/workflows/ci.yml': [
        'on: push',
        'env:',
        '  GOFLAGS: -race',
        'jobs:',
        '  call:',
        '    uses: ./.github/workflows/reusable.yml',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: ./.github/actions/setup',
        '      - run: go test ./...',
        '        working-directory: svc',
        '      - uses: golangci/golangci-lint-action@v6',
        '        with:',
        '          args: --enable gofmt',
      ].join('\n'),
      '.github/workflows/reusable.yml': [
        'on:',
        '  workflow_call: {}',
        'jobs:',
        '  vet:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: go vet ./...',
      ].join('\n'),
      '.github/actions/setup/action.yml': [
        'runs:',
        '  using: composite',
        '  steps:',
        '    - run: go mod download',
        '      shell: bash',
      ].join('\n'),
    });
    const byText = new Map(f.ci.commands.map((c) => [c.text, c]));
    assert.deepEqual(byText.get('go vet ./...')?.via, [
      '.github/workflows/ci.yml:6 uses: ./.github/workflows/reusable.yml',
      '.github/workflows/reusable.yml:7 run: go vet ./...',
    ]);
    assert.deepEqual(byText.get('go mod download')?.via, [
      '.github/workflows/ci.yml:10 uses: ./.github/actions/setup',
      '.github/actions/setup/action.yml:4 run: go mod download',
    ]);
    assert.deepEqual(byText.get('go test ./...')?.env, { GOFLAGS: '-race' });
    assert.deepEqual(
      f.ci.actions.map((a) => [a.name, a.with]),
      [['golangci/golangci-lint-action@v6', { args: '--enable gofmt' }]],
    );
    // The called workflow is read once, through its caller.
    assert.equal(f.ci.commands.filter((c) => c.text === 'go vet ./...').length, 1);
  });

  it('follows $(MAKE) -C, included makefiles, sh -c, bash scripts and cd', async () => {
    const f = await repoOf({
      '.travis.yml': [
        'language: go',
        'script:',
        '  - make ci',
        '  - cd tools && ./check.sh',
        "  - sh -c 'go vet ./...'",
        'jobs:',
        '  include:',
        '    - stage: lint',
        '      script: staticcheck ./...',
      ].join('\n'),
      Makefile: ['include build/common.mk', 'ci:', '\t$(MAKE) -C sub unit'].join('\n'),
      'build/common.mk': ['RACE := -race'].join('\n'),
      'sub/Makefile': ['unit:', '\tgo test $(RACE) ./...'].join('\n'),
      'tools/check.sh': ['#!/bin/sh', 'bash ../scripts/fmt.sh'].join('\n'),
      'scripts/fmt.sh': ['gofmt -l .'].join('\n'),
    });
    const test = f.ci.commands.find((c) => c.text.startsWith('go test'));
    // RACE is defined in the root Makefile's include, not in sub/Makefile: a sub-make does not see it.
    assert.equal(test?.text, 'go test  ./...');
    assert.deepEqual(test?.via, ['.travis.yml:3 script: make ci', 'Makefile:2 ci', 'sub/Makefile:1 unit']);
    const fmt = f.ci.commands.find((c) => c.text.startsWith('gofmt'));
    assert.deepEqual(fmt?.via, [
      '.travis.yml:4 script: cd tools && ./check.sh',
      'tools/check.sh',
      'scripts/fmt.sh',
    ]);
    assert.ok(f.ci.commands.some((c) => c.text === 'go vet ./...' && c.line === 5));
    assert.ok(f.ci.commands.some((c) => c.text === 'staticcheck ./...' && c.line === 9));
  });

  it('reads Buildkite, Drone (several documents) and Azure Pipelines (script steps and the Go task)', async () => {
    const f = await repoOf({
      '.buildkite/pipeline.yml': [
        'steps:',
        '  - label: test',
        '    commands:',
        '      - go test -race ./...',
        '  - command: staticcheck ./...',
      ].join('\n'),
      '.drone.yml': [
        'kind: pipeline',
        'steps:',
        '  - name: test',
        '    image: golang:1.22',
        '    commands: [go vet ./...]',
        '---',
        'kind: pipeline',
        'steps:',
        '  - name: vuln',
        '    image: golang:1.22',
        '    commands:',
        '      - govulncheck ./...',
        'services:',
        '  - name: db',
        '    image: postgres:16',
      ].join('\n'),
      'azure-pipelines.yml': [
        'stages:',
        '  - stage: ci',
        '    jobs:',
        '      - job: test',
        '        steps:',
        '          - task: Go@0',
        '            inputs:',
        '              command: test',
        "              arguments: '-coverprofile=c.out ./...'",
        '          - bash: gofmt -l .',
      ].join('\n'),
    });
    assert.deepEqual(f.ci.providers.sort(), ['azure-pipelines', 'buildkite', 'drone']);
    const at = (text: string): string | undefined => {
      const c = f.ci.commands.find((x) => x.text === text);
      return c && `${c.file}:${c.line}`;
    };
    assert.equal(at('go test -race ./...'), '.buildkite/pipeline.yml:4');
    assert.equal(at('staticcheck ./...'), '.buildkite/pipeline.yml:5');
    assert.equal(at('go vet ./...'), '.drone.yml:5');
    assert.equal(at('govulncheck ./...'), '.drone.yml:12');
    assert.equal(at('go test -coverprofile=c.out ./...'), 'azure-pipelines.yml:6');
    assert.equal(at('gofmt -l .'), 'azure-pipelines.yml:10');
    assert.deepEqual(
      f.ci.services.map((s) => s.name),
      ['postgres:16'],
    );
  });

  it('Cloud Build: docker compose through the docker builder, dir, readonly script variables, env $(…)', async () => {
    const f = await repoOf({
      'svc/cloudbuild.yml': [
        'steps:',
        '- name: gcr.io/cloud-builders/docker',
        "  args: ['compose', 'up', '-d']",
        '- name: ubuntu',
        '  dir: svc',
        "  args: ['bash', './run.sh', 'api']",
        '- name: gcr.io/cloud-builders/docker',
        "  args: ['run', '--env', 'A=b', '-d', 'redis:7']",
      ].join('\n'),
      'svc/run.sh': 'readonly name="$1"\ncd "cmd/$name"\nenv $(cat .env | xargs) go test ./...\n',
    });
    assert.deepEqual(f.ci.files, ['svc/cloudbuild.yml']);
    assert.deepEqual(
      f.ci.services.map((s) => `${s.name}@${s.line}`),
      ['docker compose@3', 'redis:7@8'],
    );
    const test = f.ci.commands.find((c) => c.text.includes('go test'));
    assert.deepEqual(test?.via, ['svc/cloudbuild.yml:6 args: bash ./run.sh api', 'svc/run.sh']);
    assert.deepEqual(splitEnvPrefix(shellWords(test!.text)).rest, ['go', 'test', './...']);
    assert.ok(f.ci.commands.some((c) => c.text === 'cd "cmd/api"'));
  });

  it('Woodpecker: steps as a list, the older pipeline map, environment as KEY=value, services as a list', () => {
    const listed = parseWoodpecker(
      '.woodpecker/test.yml',
      [
        'steps:',
        '  - name: test',
        '    image: golang',
        '    environment: [GOFLAGS=-mod=vendor]',
        '    commands:',
        '      - go test ./...',
        'services:',
        '  - name: db',
        '    image: postgres:16',
      ].join('\n'),
    );
    assert.deepEqual(
      listed.steps.map((s) => [s.via[0], s.env]),
      [['.woodpecker/test.yml:6 commands: go test ./...', { GOFLAGS: '-mod=vendor' }]],
    );
    assert.deepEqual(listed.services, [{ name: 'postgres:16', file: '.woodpecker/test.yml', line: 9 }]);
    const legacy = parseWoodpecker(
      '.woodpecker.yml',
      'pipeline:\n  vet:\n    image: golang\n    commands: [go vet ./...]\n',
    );
    assert.deepEqual(
      legacy.steps.map((s) => s.lines.map((l) => `${l.line} ${l.text}`)),
      [['4 go vet ./...']],
    );
    assert.ok(
      ciTools().ciLocations.some((l) => l.provider === 'woodpecker' && l.paths.includes('.woodpecker/*.yml')),
    );
  });

  it('passes script arguments as $1, $@ and $*', async () => {
    const f = await repoOf({
      '.drone.yml': 'kind: pipeline\nsteps:\n  - name: t\n    commands:\n      - ./scripts/test.sh -race\n',
      'scripts/test.sh': 'go test $* ./...\n',
    });
    const test = f.ci.commands.find((c) => c.file === 'scripts/test.sh');
    assert.deepEqual([test?.text, test?.raw, test?.line], ['go test -race ./...', 'go test $* ./...', 1]);
  });

  it('follows docker build and the build-push action into the Dockerfile RUN lines', async () => {
    const f = await repoOf({
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  img:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: docker build -t app -f build/Dockerfile .',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: .',
        '          file: build/test.Dockerfile',
      ].join('\n'),
      'build/Dockerfile':
        'FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache go test -race ./...\n',
      'build/test.Dockerfile': 'FROM golang:1.22\nRUN go vet ./...\n',
    });
    const test = f.ci.commands.find((c) => c.text === 'go test -race ./...');
    assert.deepEqual(
      [test?.file, test?.line, test?.via],
      [
        'build/Dockerfile',
        2,
        ['.github/workflows/ci.yml:6 run: docker build -t app -f build/Dockerfile .', 'build/Dockerfile'],
      ],
    );
    const vet = f.ci.commands.find((c) => c.text === 'go vet ./...');
    assert.deepEqual(vet?.via, [
      '.github/workflows/ci.yml:7 uses: docker/build-push-action@v6',
      'build/test.Dockerfile',
    ]);
  });

  it('stops at make recursion loops', async () => {
    const f = await repoOf({
      '.gitlab-ci.yml': ['test:', '  script:', '    - make a'].join('\n'),
      Makefile: ['a: b', '\techo a', 'b: a', '\techo b'].join('\n'),
    });
    assert.deepEqual(f.ci.commands.map((c) => c.text).sort(), ['echo a', 'echo b', 'make a']);
  });

  it('reads templated manifests as text and lists them as unreadable YAML', async () => {
    const f = await repoOf({
      'deploy/app.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: ${APP}',
        'spec: {{ spec }}: x',
        '  livenessProbe:',
      ].join('\n'),
    });
    assert.equal(f.k8s.containers[0]?.livenessProbe, true);
    assert.equal(f.k8s.containers[0]?.readinessProbe, false);
    assert.deepEqual(
      f.unreadable.map((u) => u.path),
      ['deploy/app.yaml'],
    );
  });
});
