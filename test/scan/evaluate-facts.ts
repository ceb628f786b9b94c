// Hand-built facts and checklists for the evaluator's tests (small, explicit, no parsing involved).
import type { Checklist, ChecklistCheck } from '../../src/scan/checklist-types.js';
import type { GoFileFacts, GoModule, RepoFacts, RepoKind } from '../../src/scan/types.js';
import { emptyRepoFiles } from './fixture-runner.js';

export function goFile(path: string, over: Partial<GoFileFacts> = {}): GoFileFacts {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  return {
    path,
    dir,
    package: 'main',
    isTest: path.endsWith('_test.go'),
    buildConstraint: null,
    lines: 10,
    bytes: 100,
    imports: [],
    funcs: [],
    calls: [],
    composites: [],
    strings: [],
    goStmts: [],
    tests: [],
    selectors: [],
    hasSyntaxErrors: false,
    ...over,
  };
}

export function goModule(path: string, module: string): GoModule {
  return { path, module, go: '1.22', toolchain: null, requires: [], line: 1 };
}

export function repoFacts(options: {
  go?: GoFileFacts[];
  kinds?: RepoKind[];
  modules?: GoModule[];
  unparsed?: { path: string; reason: string }[];
}): RepoFacts {
  const go = options.go ?? [goFile('main.go')];
  const files = go.map((f) => ({ path: f.path, size: f.bytes }));
  return {
    root: '/repo',
    walk: { root: '/repo', files, goFiles: files, skipped: [], bytes: 0, truncated: null },
    go,
    unparsed: options.unparsed ?? [],
    repo: { ...emptyRepoFiles(), modules: options.modules ?? [goModule('.', 'example.com/app')] },
    kinds: { kinds: options.kinds ?? ['service'], evidence: [] },
  };
}

export function check(id: string, over: Partial<ChecklistCheck> = {}): ChecklistCheck {
  return {
    id,
    title: `Title of ${id}`,
    category: id.split('.')[0]!,
    severity: 'medium',
    blocking: false,
    appliesTo: 'all',
    scope: 'code',
    why: `Why ${id} matters.`,
    sources: [{ file: '001_x.txt', section: 'Some section' }],
    remediation: `Fix ${id}.`,
    example: 'package main',
    exampleLanguage: 'go',
    params: {},
    ...over,
  };
}

export function checklist(checks: ChecklistCheck[], threshold = 70): Checklist {
  return { id: 'test', version: '1', title: 'Test checklist', description: 'For tests.', threshold, checks };
}
