// Reads container image builds: Dockerfiles (stages, final base, USER, CGO_ENABLED=0 or static-link flags,
// `ARG` defaults in FROM), ko (`.ko.yaml`) and goreleaser (`dockers`/`kos`, builds' CGO setting).
import type { DockerfileFacts } from '../../types.js';
import { LineFinder } from './line-finder.js';
import { asList, asMap, asText } from './yaml-values.js';
import { loadYaml } from './ci/step.js';

/** Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile (any folder). */
export function isDockerfile(file: string): boolean {
  const base = file.split('/').pop()!;
  // `Dockerfile.md` is documentation and `Dockerfile.dockerignore` an ignore list, not builds.
  if (/\.(md|txt|rst|adoc|html|dockerignore)$/i.test(base)) return false;
  return /^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base);
}

export function isKoConfig(file: string): boolean {
  return /(^|\/)\.ko\.ya?ml$/.test(file);
}

export function isGoreleaserConfig(file: string): boolean {
  return /(^|\/)\.?goreleaser\.ya?ml$/.test(file);
}

interface Instruction {
  op: string;
  args: string;
  line: number;
}

function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/im.test(text) ? '`' : '\\';
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let body = lines[i]!.trim();
    if (body === '' || body.startsWith('#')) continue;
    while (body.endsWith(escape) && i + 1 < lines.length) {
      const next = lines[++i]!.trim();
      body = `${body.slice(0, -1).trimEnd()} ${next.startsWith('#') ? '' : next}`;
    }
    const m = /^(\w+)\s*(.*)$/s.exec(body);
    if (m) out.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start });
  }
  return out;
}

export function parseDockerfile(text: string, file: string): DockerfileFacts {
  const facts: DockerfileFacts = {
    file,
    stages: [],
    finalBase: null,
    user: null,
    cgoDisabled: null,
    kind: 'dockerfile',
    staticFlags: null,
    goBuild: null,
  };
  const args = new Map<string, string>();
  const stageBases = new Map<string, string>();
  let stageUser: { value: string; line: number } | null = null;
  const all = instructions(text);
  facts.line = all[0]?.line ?? 1;
  for (const ins of all) {
    if (ins.op === 'ARG' && facts.stages.length === 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(ins.args);
      if (m) args.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
    }
    if (ins.op === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const image = words[0]!.replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (w, n: string) => args.get(n) ?? w,
      );
      const name = words.length >= 3 && words[1]!.toUpperCase() === 'AS' ? words[2]! : null;
      facts.stages.push({ from: image, name, line: ins.line });
      // `FROM builder` continues an earlier stage: its base is that stage's base.
      const base = stageBases.get(image.toLowerCase()) ?? image;
      if (name) stageBases.set(name.toLowerCase(), base);
      facts.finalBase = base;
      stageUser = null;
      continue;
    }
    if (ins.op === 'USER') stageUser = { value: ins.args.trim(), line: ins.line };
    if (
      (ins.op === 'ENV' || ins.op === 'ARG' || ins.op === 'RUN') &&
      /\bCGO_ENABLED[=\s]+["']?0\b/.test(ins.args)
    ) {
      facts.cgoDisabled ??= { line: ins.line };
    }
    if (
      ins.op === 'RUN' &&
      /-extldflags[= ]+["']?[^"']*-static|-tags[= ]+["']?[^"']*\bnetgo\b|\bosusergo\b/.test(ins.args)
    ) {
      facts.staticFlags ??= { line: ins.line };
    }
  }
  facts.user = stageUser;
  return facts;
}

/** ko builds static Go binaries (CGO off) on a distroless/Chainguard base that runs as non-root. */
export function parseKoConfig(text: string, file: string): DockerfileFacts {
  const finder = new LineFinder(text);
  let base: string | null = null;
  try {
    base = asText(asMap(loadYaml(text, file)).defaultBaseImage);
  } catch {
    base = null;
  }
  return {
    file,
    stages: [],
    finalBase: base,
    user: null,
    cgoDisabled: null,
    kind: 'ko',
    line: base ? finder.find('defaultBaseImage', 1) : 1,
  };
}

/** goreleaser builds binaries outside any image; `dockers` copy them into the Dockerfiles they name,
 *  `kos` build with ko. Returns null when the config builds no image. Throws on bad YAML. */
export function parseGoreleaser(text: string, file: string): DockerfileFacts | null {
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const dockers = [...asList(doc.dockers), ...asList(doc.dockers_v2)];
  const kos = asList(doc.kos);
  if (dockers.length === 0 && kos.length === 0) return null;
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const dockerfiles = dockers.map((d) => `${dir}${asText(asMap(d).dockerfile) ?? 'Dockerfile'}`);
  let cgo: { line: number } | null = null;
  for (const build of asList(doc.builds)) {
    const env = asList(asMap(build).env).map(asText);
    if (env.some((e) => e !== null && /^CGO_ENABLED=0$/.test(e)))
      cgo ??= { line: finder.find('CGO_ENABLED=0', 1) };
  }
  const key = kos.length > 0 && dockers.length === 0 ? 'kos:' : 'dockers';
  const koBase = kos.length > 0 ? asText(asMap(kos[0]).base_image) : null;
  return {
    file,
    stages: [],
    finalBase: koBase,
    user: null,
    cgoDisabled: cgo,
    kind: 'goreleaser',
    line: finder.match(new RegExp(`^${key}`)) ?? 1,
    dockerfiles: [...new Set(dockerfiles)],
  };
}

/** The shell commands of a Dockerfile's `RUN` instructions (shell form), with their lines: what
 *  `docker build` runs, so `RUN go test ./...` in a build stage counts when CI builds the image. */
export function runCommands(text: string): { text: string; line: number }[] {
  return instructions(text)
    .filter((i) => i.op === 'RUN' && !i.args.startsWith('['))
    .map((i) => ({ text: i.args.replace(/^(--\S+\s+)+/, ''), line: i.line }));
}
