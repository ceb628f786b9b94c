// Finds uses of the libraries in data/libraries.yaml in Go file facts: imports, package calls, methods
// on values, selectors and composite literals. Every hit keeps its file and line for evidence.
import type { Evidence, GoCall, GoComposite, GoFileFacts } from '../../types.js';
import { importMatches, libraryList, type LibraryEntry } from '../../libraries.js';

export type HitKind = 'import' | 'call' | 'method' | 'selector' | 'composite';

export interface LibraryHit {
  library: LibraryEntry;
  file: GoFileFacts;
  line: number;
  snippet: string;
  kind: HitKind;
  /** The matched name (function, method, selector or type). */
  name: string;
  call?: GoCall;
  composite?: GoComposite;
}

const SNIPPET_MAX = 100;

// Words that name a credential: the string literal that follows one is never shown.
const SECRET_CONTEXT =
  /(dsn|token|secret|passw(or)?d|api_?key|access_?key|private_?key|credential)s?["'`]?\s*[:=,(]?\s*$/i;

// A module or package path (`github.com/org/repo/v2`): a host name, then path segments.
const GO_PACKAGE_PATH = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[A-Za-z0-9_.~-]+)+$/;

/** Replaces string literals that may hold a secret (after a credential-like key, URLs with user info,
 *  long token-like values) with `"…"`, so evidence snippets never carry one. */
export function redactSecrets(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, (lit: string, offset: number) => {
    const body = lit.slice(1, -1);
    const before = text.slice(Math.max(0, offset - 40), offset);
    const tokenLike =
      body.length >= 20 &&
      !/\s/.test(body) &&
      /[A-Za-z]/.test(body) &&
      /\d/.test(body) &&
      !body.startsWith('/') &&
      !GO_PACKAGE_PATH.test(body);
    if (SECRET_CONTEXT.test(before) || /:\/\/[^/\s@]+@/.test(body) || tokenLike) return '"…"';
    return lit;
  });
}

export function clip(text: string, max = SNIPPET_MAX): string {
  const flat = redactSecrets(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export function callSnippet(call: GoCall): string {
  return clip(`${call.callee}(${call.args.join(', ')})`);
}

export function compositeSnippet(c: GoComposite): string {
  const fields = Object.entries(c.fields).map(([k, v]) => `${k}: ${v}`);
  return clip(`${c.type}{${fields.join(', ')}}`);
}

export function evidenceOf(
  hit: { file: GoFileFacts; line: number; snippet: string },
  message: string,
): Evidence {
  return { file: hit.file.path, line: hit.line, snippet: hit.snippet, message };
}

/** Production code: not a test file and not an example program. */
export function isProduction(f: GoFileFacts): boolean {
  return !f.isTest && !isExample(f);
}

/** Files under `example/`, `examples/` or `_examples/` folders. */
let exampleDirs: Set<string> | undefined;

export function isExample(f: GoFileFacts): boolean {
  const dirs = (exampleDirs ??= new Set(libraryList('exampleDirs')));
  return f.path
    .split('/')
    .slice(0, -1)
    .some((d) => dirs.has(d));
}

export function productionFiles(files: readonly GoFileFacts[]): GoFileFacts[] {
  return files.filter(isProduction);
}

/** The import path a qualifier (`http` in `http.Get`) names in this file, or null. */
export function importPathOf(file: GoFileFacts, qualifier: string): string | null {
  const imp = file.imports.find((i) => i.name === qualifier);
  return imp ? imp.path : null;
}

/** Resolves a call to (package import path, name in that package) when it is `pkg.Name(…)`,
 *  `pkg.Value.Method(…)` (then the name is `Value`) or a builder chain `pkg.With(x).Name(…)`. */
function packageNames(file: GoFileFacts, call: GoCall): { pkg: string; name: string }[] {
  const out: { pkg: string; name: string }[] = [];
  if (call.pkg) out.push({ pkg: call.pkg, name: call.name });
  else if (call.recv) {
    const parts = call.recv.split('.');
    if (parts.length >= 2) {
      const pkg = importPathOf(file, parts[0]!);
      if (pkg) {
        out.push({ pkg, name: parts[1]! });
        // A builder chain on the package (`promauto.With(reg).NewCounterVec`) names the final call.
        if (/[()]/.test(call.recv)) out.push({ pkg, name: call.name });
      }
    }
  }
  return out;
}

/** Import paths of every file in each folder (a Go package is a folder). */
export function importsByDir(files: readonly GoFileFacts[]): Map<string, string[]> {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    let set = byDir.get(f.dir);
    if (!set) byDir.set(f.dir, (set = new Set()));
    for (const i of f.imports) set.add(i.path);
  }
  return new Map([...byDir].map(([d, s]) => [d, [...s]]));
}

interface CompiledLibrary {
  library: LibraryEntry;
  importOnly: boolean;
  calls: Set<string>;
  methods: Set<string>;
  types: Set<string>;
}

interface CompiledGroup {
  libraries: CompiledLibrary[];
  /** Import path → the libraries it belongs to (filled as paths are met; paths repeat across files). */
  byImport: Map<string, CompiledLibrary[]>;
}

const compiledGroups = new WeakMap<readonly LibraryEntry[], CompiledGroup>();

function compile(libraries: readonly LibraryEntry[]): CompiledGroup {
  let group = compiledGroups.get(libraries);
  if (!group) {
    group = {
      libraries: libraries.map((library) => ({
        library,
        importOnly: !library.calls && !library.methods && !library.types,
        calls: new Set(library.calls ?? []),
        methods: new Set(library.methods ?? []),
        types: new Set(library.types ?? []),
      })),
      byImport: new Map(),
    };
    compiledGroups.set(libraries, group);
  }
  return group;
}

function librariesOf(group: CompiledGroup, importPath: string): CompiledLibrary[] {
  let libs = group.byImport.get(importPath);
  if (!libs) {
    libs = group.libraries.filter((l) => importMatches(importPath, l.library.imports));
    group.byImport.set(importPath, libs);
  }
  return libs;
}

/** Every use of the given libraries in the files, in file/line order. */
export function findUses(files: readonly GoFileFacts[], libraries: readonly LibraryEntry[]): LibraryHit[] {
  const group = compile(libraries);
  const hits: LibraryHit[] = [];
  const belongs = (pkg: string | null, lib: CompiledLibrary): boolean =>
    pkg !== null && librariesOf(group, pkg).includes(lib);
  // Methods on values can be matched through another file of the same package (folder).
  let dirLibsCache: Map<string, Set<CompiledLibrary>> | undefined;
  const dirLibs = (dir: string): Set<CompiledLibrary> => {
    dirLibsCache ??= new Map();
    if (!dirLibsCache.size) {
      for (const [d, paths] of importsByDir(files)) {
        dirLibsCache.set(d, new Set(paths.flatMap((p) => librariesOf(group, p))));
      }
    }
    return dirLibsCache.get(dir) ?? new Set();
  };
  for (const file of files) {
    const fileLibs = new Set(file.imports.flatMap((i) => librariesOf(group, i.path)));
    for (const lib of group.libraries) {
      const { library } = lib;
      if (lib.importOnly) {
        if (!fileLibs.has(lib)) continue;
        for (const imp of file.imports) {
          if (belongs(imp.path, lib)) {
            hits.push({
              library,
              file,
              line: imp.line,
              snippet: clip(`import "${imp.path}"`),
              kind: 'import',
              name: imp.path,
            });
          }
        }
        continue;
      }
      // Calls, selectors and literals of a package need the file to import it.
      const fileUses = fileLibs.has(lib);
      const methodUses = lib.methods.size > 0 && (fileUses || dirLibs(file.dir).has(lib));
      if (!fileUses && !methodUses) continue;
      for (const call of file.calls) {
        if (library.minArgs !== undefined && call.args.length < library.minArgs) continue;
        const asPackageCall = fileUses
          ? packageNames(file, call).find((r) => lib.calls.has(r.name) && belongs(r.pkg, lib))
          : undefined;
        if (asPackageCall) {
          hits.push({
            library,
            file,
            line: call.line,
            snippet: callSnippet(call),
            kind: 'call',
            name: asPackageCall.name,
            call,
          });
        } else if (methodUses && call.recv && !call.pkg && lib.methods.has(call.name)) {
          // A method on a value whose package is not an import (`srv.Shutdown`, `r.Run`).
          if (!importPathOf(file, call.recv)) {
            hits.push({
              library,
              file,
              line: call.line,
              snippet: callSnippet(call),
              kind: 'method',
              name: call.name,
              call,
            });
          }
        }
      }
      if (!fileUses) continue;
      if (lib.calls.size) {
        for (const sel of file.selectors) {
          const parts = sel.text.split('.');
          const name = parts[1];
          if (!name || !lib.calls.has(name)) continue;
          const pkg = sel.pkg ?? (parts.length >= 2 ? importPathOf(file, parts[0]!) : null);
          if (belongs(pkg, lib)) {
            hits.push({ library, file, line: sel.line, snippet: clip(sel.text), kind: 'selector', name });
          }
        }
      }
      if (lib.types.size) {
        for (const c of file.composites) {
          if (!lib.types.has(c.typeName)) continue;
          const pkg = c.pkg ?? (c.type.includes('.') ? importPathOf(file, c.type.split('.')[0]!) : null);
          if (belongs(pkg, lib)) {
            hits.push({
              library,
              file,
              line: c.line,
              snippet: compositeSnippet(c),
              kind: 'composite',
              name: c.typeName,
              composite: c,
            });
          }
        }
      }
    }
  }
  return dedupe(hits).sort((a, b) =>
    a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.line - b.line,
  );
}

function dedupe(hits: LibraryHit[]): LibraryHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.file.path}:${h.line}:${h.library.name}:${h.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Hits of the libraries in a group that carry a tag. */
export function tagged(hits: readonly LibraryHit[], tag: string): LibraryHit[] {
  return hits.filter((h) => h.library.tags?.includes(tag));
}

/** Normalises a word for loose comparison: lower case, no `-`, `_`, `.` or spaces. */
export function looseWord(text: string): string {
  return text.toLowerCase().replace(/[-_.\s]/g, '');
}

/** The string value of a Go string literal argument (`"x"` or `` `x` ``), else null. */
export function literalValue(arg: string): string | null {
  const t = arg.trim();
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(t) ?? /^`([^`]*)`$/.exec(t);
  return m ? m[1]! : null;
}

/** Caps an evidence list and says how many were left out. */
export function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

export function numberParam(params: Record<string, unknown>, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
