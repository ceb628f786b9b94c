// Decides whether a repository is a service, a CLI and/or a library, with evidence.
// service: a `package main` starts a network server, itself or through a package of the repo it imports;
// cli: a `package main` that reaches no server; library: no `package main`, or a non-main package at
// the root. Tests, example programs and `//go:build ignore` generators never count.
import type { Evidence, GoFileFacts, KindFacts, RepoKind } from './types.js';
import { isProduction } from './checks/code/match.js';
import { findServerStarts, internalImportGraph, reachable } from './checks/code/servers.js';

export function detectKinds(go: GoFileFacts[]): KindFacts {
  // `//go:build ignore` files (generators run with `go run`) are never built into the repo's programs.
  const files = go.filter((f) => isProduction(f) && !/(^|[\s(&|])ignore\b/.test(f.buildConstraint ?? ''));
  const kinds = new Set<RepoKind>();
  const evidence: Evidence[] = [];
  if (files.length === 0) return { kinds: [], evidence };

  const mainDirs = [...new Set(files.filter((f) => f.package === 'main').map((f) => f.dir))].sort();
  const starts = findServerStarts(go);
  const graph = internalImportGraph(files);

  for (const dir of mainDirs) {
    const reach = reachable(graph, dir);
    const start = starts.find((s) => s.hit.file.dir === dir) ?? starts.find((s) => reach.has(s.hit.file.dir));
    if (start) {
      kinds.add('service');
      const via = start.hit.file.dir === dir ? '' : ` (through ${start.hit.file.dir})`;
      evidence.push({
        file: start.hit.file.path,
        line: start.hit.line,
        snippet: start.hit.snippet,
        message: `service: package main in ${dir} starts a ${start.hit.library.name} server${via}`,
      });
    } else {
      kinds.add('cli');
      const mainFile = files.find(
        (f) => f.dir === dir && f.funcs.some((fn) => fn.name === 'main' && !fn.receiver),
      );
      const file = mainFile ?? files.find((f) => f.dir === dir)!;
      const fn = mainFile?.funcs.find((x) => x.name === 'main' && !x.receiver);
      evidence.push({
        file: file.path,
        line: fn?.line ?? 1,
        snippet: fn ? 'func main()' : 'package main',
        message: `cli: package main in ${dir} starts no network server`,
      });
    }
  }

  const rootLibrary = files.find((f) => f.dir === '.' && f.package !== 'main');
  const libraryFile = mainDirs.length === 0 ? files[0] : rootLibrary;
  if (libraryFile) {
    kinds.add('library');
    evidence.push({
      file: libraryFile.path,
      line: 1,
      snippet: `package ${libraryFile.package}`,
      message:
        mainDirs.length === 0
          ? 'library: no package main outside tests and examples'
          : 'library: an importable package sits at the repository root',
    });
  }
  const order: RepoKind[] = ['service', 'cli', 'library'];
  return { kinds: order.filter((k) => kinds.has(k)), evidence };
}
