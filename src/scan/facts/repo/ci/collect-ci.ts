// Finds the CI configuration files of every provider, parses them, and follows each step's commands
// through Makefiles, Taskfiles and scripts into one list of commands with the chain that reaches them.
import type { CiFacts, UnparsedFile } from '../../../types.js';
import type { CiTools } from '../ci-tools.js';
import { CommandFollower } from '../follow.js';
import type { RepoReader } from '../repo-reader.js';
import { TASKFILE_NAMES } from '../taskfile.js';
import { parseAzurePipelines } from './azure-pipelines.js';
import { parseBitbucket } from './bitbucket.js';
import { parseBuildkite } from './buildkite.js';
import { parseCircleci } from './circleci.js';
import { parseCloudBuild } from './cloudbuild.js';
import { parseDrone } from './drone.js';
import { parseGithubWorkflows } from './github-actions.js';
import { parseGitlabCi } from './gitlab-ci.js';
import { parseJenkinsfile } from './jenkins.js';
import { yamlReason, type CiParseResult } from './step.js';
import { parseTravis } from './travis.js';
import { parseWoodpecker } from './woodpecker.js';

type SingleFileParser = (file: string, text: string, reader: RepoReader, tools: CiTools) => CiParseResult;

const PARSERS: Record<string, SingleFileParser> = {
  'gitlab-ci': parseGitlabCi,
  circleci: (f, t) => parseCircleci(f, t),
  travis: (f, t) => parseTravis(f, t),
  jenkins: (f, t) => parseJenkinsfile(f, t),
  buildkite: (f, t) => parseBuildkite(f, t),
  drone: (f, t) => parseDrone(f, t),
  'azure-pipelines': (f, t) => parseAzurePipelines(f, t),
  'bitbucket-pipelines': (f, t) => parseBitbucket(f, t),
  woodpecker: (f, t) => parseWoodpecker(f, t),
  'cloud-build': (f, t, _r, tools) => parseCloudBuild(f, t, tools.cloudBuildEntrypoints),
};

const MAX_UNCALLED = 200;

// `*` matches within one folder; a `**` folder matches any number of folders, none included.
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**/')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:[^/]+/)*');
  return new RegExp(`^${body}$`);
}

export function collectCi(reader: RepoReader, tools: CiTools, repoUnreadable: UnparsedFile[]): CiFacts {
  const results: CiParseResult[] = [];
  const unreadable: UnparsedFile[] = [];
  for (const { provider, paths } of tools.ciLocations) {
    const patterns = paths.map(globToRegExp);
    const found = reader.paths.filter((p) => patterns.some((re) => re.test(p))).sort();
    if (found.length === 0) continue;
    if (provider === 'github-actions') {
      const { results: gh, unreadable: bad } = parseGithubWorkflows(found, reader);
      results.push(...gh);
      unreadable.push(...bad);
      continue;
    }
    const parse = PARSERS[provider];
    if (!parse) continue;
    for (const file of found) {
      const text = reader.read(file);
      if (text === null) continue;
      try {
        results.push(parse(file, text, reader, tools));
      } catch (err) {
        unreadable.push({ path: file, reason: yamlReason(err) });
      }
    }
  }

  const follower = new CommandFollower(reader);
  for (const r of results) {
    unreadable.push(...r.problems);
    for (const step of r.steps)
      follower.runLines(step.lines, step.file, { cwd: step.cwd, env: step.env, via: step.via });
    // An image build action runs the Dockerfile's RUN lines (a `RUN go test ./...` stage, say).
    for (const a of r.actions) {
      if (!/^docker\/build-push-action@/.test(a.name)) continue;
      const context =
        a.with.context && !a.with.context.includes('://')
          ? a.with.context.replace(/^\{\{\s*defaultContext\s*\}\}:?/, '') || '.'
          : '.';
      const args = a.with.file ? ['-f', a.with.file, context] : [context];
      follower.runDockerBuild(args, { cwd: '.', env: {}, via: [`${a.file}:${a.line} uses: ${a.name}`] });
    }
  }
  unreadable.push(...follower.problems.filter((p) => !unreadable.some((u) => u.path === p.path)));

  repoUnreadable.push(...unreadable);
  const makefiles = reader.paths.filter((p) => /(^|\/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$/.test(p));
  const taskfiles = reader.paths.filter((p) => TASKFILE_NAMES.includes(p.split('/').pop()!));
  return {
    providers: [...new Set(results.map((r) => r.provider))],
    files: [...new Set(results.flatMap((r) => r.files))],
    commands: follower.commands,
    actions: results.flatMap((r) => r.actions),
    services: [...results.flatMap((r) => r.services), ...follower.services],
    uncalled: follower.uncalled(makefiles.slice(0, 20), taskfiles.slice(0, 20)).slice(0, MAX_UNCALLED),
    unreadable,
  };
}
