// Reads go.mod files: `module`, `go`, `toolchain` and `require` (block and single-line, `// indirect`).
import type { GoModule } from '../../types.js';

export function parseGoMod(text: string, dir: string): GoModule {
  const mod: GoModule = { path: dir, module: '', go: null, toolchain: null, requires: [], line: 1 };
  let inRequire = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (inRequire) {
      if (line === ')') inRequire = false;
      else addRequire(mod, line, indirect);
      continue;
    }
    const m = /^(module|go|toolchain|require)\s+(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.trim();
    if (m[1] === 'module') {
      mod.module = value.replace(/^"|"$/g, '');
      mod.line = i + 1;
    } else if (m[1] === 'go') {
      mod.go = value;
    } else if (m[1] === 'toolchain') {
      mod.toolchain = value;
    } else if (value === '(') {
      inRequire = true;
    } else {
      addRequire(mod, value, indirect);
    }
  }
  return mod;
}

function addRequire(mod: GoModule, spec: string, indirect: boolean): void {
  const [path, version] = spec.split(/\s+/);
  if (path && version) mod.requires.push({ path: path.replace(/^"|"$/g, ''), version, indirect });
}
