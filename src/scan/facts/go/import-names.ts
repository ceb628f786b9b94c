// The name a Go file uses for an imported package when the import has no alias. Go takes it from the
// package clause, which we cannot see without the dependency, so this follows the naming conventions
// nearly every module keeps: the last path element, minus a `/vN` major-version element, a `.vN` suffix
// (gopkg.in) and a `go-` prefix or `-go`/`.go` suffix, with any leftover dashes or dots as underscores.

const majorVersionElement = /^v\d+$/;

export function defaultImportName(importPath: string): string {
  const elements = importPath.split('/').filter((element) => element !== '');
  let last = elements.pop() ?? importPath;
  if (majorVersionElement.test(last) && elements.length > 0) last = elements.pop()!;
  last = last.replace(/\.v\d+$/, '');
  if (!/[-.]/.test(last)) return last;
  const trimmed = last.replace(/^go-/, '').replace(/[-.]go$/, '');
  return trimmed.replace(/[-.]/g, '_');
}
