// Runs the Go detector fixtures: every folder test/fixtures/go/<check-id>/<case>/ holds small Go files
// (plus an optional go.mod, module.json or repo.json) and an expect.json with the expected status.
// Annotations on the line before a line of Go code say what the check must report there:
//   // want: <check-id>   a finding (fail/partial evidence) must be reported at the next line
//   // has: <check-id>    supporting evidence (what a pass or partial rests on) must be reported there
//   // ok: <check-id>     a near miss: nothing may be reported at the next line
// Any evidence in a .go file at a line not annotated want/has fails the case, so detectors cannot
// report more than the fixture expects.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseGoSource } from '../../src/scan/facts/go/collect.js';
import { defaultChecklist } from '../../src/scan/checklist.js';
import { detectKinds } from '../../src/scan/kinds.js';
import type {
  CheckImplementation,
  CheckOutcome,
  GoFileFacts,
  GoModule,
  RepoFacts,
  RepoFiles,
} from '../../src/scan/types.js';

export const fixturesRoot = path.resolve(import.meta.dirname, '../fixtures/go');

export interface FixtureExpectation {
  status: CheckOutcome['status'];
  /** Exact score, when the case pins one. */
  score?: number;
  /** A substring the reason must contain. */
  reason?: string;
}

export interface Annotation {
  kind: 'want' | 'has' | 'ok';
  checkId: string;
  file: string;
  /** 1-based line the annotation points at (the line after the comment). */
  line: number;
}

export interface FixtureCase {
  dir: string;
  name: string;
  files: { path: string; source: string }[];
  annotations: Annotation[];
  modules: GoModule[];
  repo: Partial<RepoFiles>;
  expect: FixtureExpectation;
}

function listFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Reads `module` and `go` directives of a go.mod well enough for fixtures. */
export function parseGoModForFixture(text: string, folder: string): GoModule {
  const lines = text.split('\n');
  const moduleLine = lines.findIndex((l) => /^module\s/.test(l));
  const goLine = lines.find((l) => /^go\s/.test(l));
  return {
    path: folder,
    module: moduleLine >= 0 ? lines[moduleLine]!.replace(/^module\s+/, '').trim() : 'example.com/fixture',
    go: goLine ? goLine.replace(/^go\s+/, '').trim() : null,
    toolchain: null,
    requires: [],
    line: moduleLine >= 0 ? moduleLine + 1 : 1,
  };
}

const ANNOTATION = /\/\/\s*(want|has|ok):\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)\s*$/;

export function parseAnnotations(file: string, source: string): Annotation[] {
  const out: Annotation[] = [];
  source.split('\n').forEach((text, i) => {
    const m = ANNOTATION.exec(text);
    if (!m) return;
    for (const id of m[2]!.split(',')) {
      out.push({ kind: m[1] as Annotation['kind'], checkId: id.trim(), file, line: i + 2 });
    }
  });
  return out;
}

/** The Go files of a fixture folder (for tests that need facts but no expectations). */
export function loadFixtureCaseFiles(dir: string): FixtureCase['files'] {
  return listFiles(dir)
    .filter((rel) => rel.endsWith('.go'))
    .map((rel) => ({ path: rel, source: readFileSync(path.join(dir, rel), 'utf8') }));
}

export function loadFixtureCase(dir: string): FixtureCase {
  const files: FixtureCase['files'] = [];
  const modules: GoModule[] = [];
  for (const rel of listFiles(dir)) {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    if (rel.endsWith('.go')) files.push({ path: rel, source: text });
    else if (path.posix.basename(rel) === 'go.mod')
      modules.push(parseGoModForFixture(text, path.posix.dirname(rel)));
  }
  const moduleJson = path.join(dir, 'module.json');
  if (existsSync(moduleJson)) {
    for (const m of JSON.parse(readFileSync(moduleJson, 'utf8')) as Partial<GoModule>[]) {
      modules.push({
        path: '.',
        module: 'example.com/fixture',
        go: null,
        toolchain: null,
        requires: [],
        line: 1,
        ...m,
      });
    }
  }
  const repoJson = path.join(dir, 'repo.json');
  const repo = existsSync(repoJson) ? (JSON.parse(readFileSync(repoJson, 'utf8')) as Partial<RepoFiles>) : {};
  return {
    dir,
    name: path.relative(fixturesRoot, dir),
    files,
    annotations: files.flatMap((f) => parseAnnotations(f.path, f.source)),
    modules,
    repo,
    expect: JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as FixtureExpectation,
  };
}

export function emptyRepoFiles(): RepoFiles {
  return {
    modules: [],
    ci: { providers: [], files: [], commands: [], actions: [], services: [] },
    golangci: null,
    dockerfiles: [],
    k8s: { manifests: [], helmCharts: [], containers: [] },
    dependencyUpdates: { tools: [] },
    unreadable: [],
  };
}

export async function parseFixtureFiles(files: FixtureCase['files']): Promise<GoFileFacts[]> {
  return Promise.all(files.map((f) => parseGoSource(f.path, f.source)));
}

/** RepoFacts for a fixture: parsed Go files, its modules, kinds from detectKinds, the rest minimal. */
export async function fixtureFacts(c: FixtureCase): Promise<RepoFacts> {
  const go = await parseFixtureFiles(c.files);
  const base = emptyRepoFiles();
  return {
    root: c.dir,
    walk: {
      root: c.dir,
      files: c.files.map((f) => ({ path: f.path, size: f.source.length })),
      goFiles: c.files.map((f) => ({ path: f.path, size: f.source.length })),
      skipped: [],
      bytes: c.files.reduce((n, f) => n + f.source.length, 0),
      truncated: null,
    },
    go,
    unparsed: [],
    repo: { ...base, ...c.repo, modules: c.modules },
    kinds: detectKinds(go),
  };
}

/** The case folders of one check: test/fixtures/go/<checkId>/<case>/ holding an expect.json. */
export function fixtureCases(checkId: string): string[] {
  const root = path.join(fixturesRoot, checkId);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((d) => statSync(d).isDirectory() && existsSync(path.join(d, 'expect.json')))
    .sort();
}

/** Runs one case and returns the problems found (empty when the case passes). */
export async function runFixtureCase(
  check: CheckImplementation,
  dir: string,
): Promise<{ outcome: CheckOutcome; problems: string[] }> {
  const c = loadFixtureCase(dir);
  const facts = await fixtureFacts(c);
  // The built-in checklist's params, so fixtures run with the thresholds users get.
  const params = defaultChecklist().checks.find((x) => x.id === check.id)?.params ?? {};
  const outcome = check.run({ facts, params });
  const problems: string[] = [];
  if (outcome.status !== c.expect.status) {
    problems.push(`status ${outcome.status}, expected ${c.expect.status} (reason: ${outcome.reason})`);
  }
  if (c.expect.score !== undefined && outcome.score !== c.expect.score) {
    problems.push(`score ${String(outcome.score)}, expected ${c.expect.score}`);
  }
  if (c.expect.reason && !outcome.reason.includes(c.expect.reason)) {
    problems.push(`reason "${outcome.reason}" does not mention "${c.expect.reason}"`);
  }
  if (['pass', 'partial', 'fail'].includes(outcome.status) && outcome.evidence.length === 0) {
    problems.push(`${outcome.status} without evidence`);
  }
  for (const e of outcome.evidence) {
    if (!e.file || e.line < 1 || !e.snippet || !e.message)
      problems.push(`incomplete evidence ${JSON.stringify(e)}`);
  }
  const mine = c.annotations.filter((a) => a.checkId === check.id);
  if (!['partial', 'fail'].includes(outcome.status) && mine.some((a) => a.kind === 'want')) {
    problems.push(
      `want annotations in a case whose status is ${outcome.status} (use has: for supporting evidence)`,
    );
  }
  const key = (file: string, line: number): string => `${file}:${line}`;
  const reported = new Map(
    outcome.evidence.filter((e) => e.file.endsWith('.go')).map((e) => [key(e.file, e.line), e]),
  );
  const allowed = new Set(mine.filter((a) => a.kind !== 'ok').map((a) => key(a.file, a.line)));
  for (const a of mine) {
    const k = key(a.file, a.line);
    if (a.kind === 'ok' && reported.has(k))
      problems.push(`near miss reported at ${k}: ${reported.get(k)!.message}`);
    if (a.kind !== 'ok' && !reported.has(k))
      problems.push(`expected ${a.kind} evidence at ${k}, not reported`);
  }
  for (const [k, e] of reported) {
    // A whole-file summary (line 1: `package x`, a build constraint) is not a finding at a line.
    if (e.line === 1 && (e.snippet.startsWith('package ') || e.snippet.startsWith('//go:build'))) continue;
    if (!allowed.has(k)) problems.push(`unannotated evidence at ${k}: ${e.message} [${e.snippet}]`);
  }
  return { outcome, problems };
}
