// deploy.container: the image is built in a separate stage (or outside it by ko/goreleaser), ships a static
// binary, sits on a minimal base and runs as a non-root user. One point each, 2.5 marks a point; the best
// image build in the repo is scored. A service with no image build is `na`, unless the repo deploys to
// Kubernetes (then an image is expected and its absence is a `fail`).
import { ciTools } from '../../facts/repo/ci-tools.js';
import type { CheckImplementation, CheckOutcome, DockerfileFacts, Evidence, RepoFacts } from '../../types.js';
import { runsGoBuild } from './command-match.js';
import { commandEvidence, snippetOf } from './ci-evidence.js';

const EXAMPLE_DIR = /(^|\/)(_?examples?|testdata|test|tests|hack\/dev)\//;
const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0', 'root:0', '0:root']);

interface Point {
  name: string;
  ok: boolean;
  evidence: Evidence;
}

interface Scored {
  build: DockerfileFacts;
  points: Point[];
}

function imageName(ref: string): string {
  return ref.replace(/@sha256:.*$/, '').replace(/:[^/]*$/, '');
}

export function isMinimalBase(ref: string, minimal: string[]): boolean {
  const name = imageName(ref).replace(/^(docker\.io\/)?(library\/)?/, '');
  return minimal.some((m) => (m.endsWith('/') ? ref.startsWith(m) : name === m || name.endsWith(`/${m}`)));
}

function runsAsNonRootByDefault(ref: string, nonRoot: string[]): boolean {
  return nonRoot.some((n) =>
    n.startsWith(':') ? ref.endsWith(n) || ref.includes(`${n}-`) : ref.startsWith(n),
  );
}

function at(file: string, line: number | undefined, snippet: string, message: string): Evidence {
  return { file, line: line ?? 1, snippet: snippetOf(snippet), message };
}

function scoreDockerfile(d: DockerfileFacts, facts: RepoFacts): Point[] {
  const tools = ciTools();
  const last = d.stages[d.stages.length - 1];
  const finalLine = last?.line ?? d.line;
  const releaser = facts.repo.dockerfiles.find(
    (g) => g.kind === 'goreleaser' && g.dockerfiles?.includes(d.file),
  );
  const points: Point[] = [];

  if (d.stages.length >= 2) {
    points.push({
      name: 'separate build stage',
      ok: true,
      evidence: at(
        d.file,
        d.stages[0]!.line,
        `FROM ${d.stages[0]!.from}`,
        'builds in a separate stage; the final image starts fresh',
      ),
    });
  } else if (releaser) {
    points.push({
      name: 'separate build stage',
      ok: true,
      evidence: at(releaser.file, releaser.line, 'dockers', 'goreleaser builds the binary outside the image'),
    });
  } else if (!d.goBuild && !/(^|\/)golang(:|@|$)/.test(imageName(last?.from ?? '') + ':')) {
    points.push({
      name: 'separate build stage',
      ok: true,
      evidence: at(
        d.file,
        finalLine,
        `FROM ${last?.from ?? ''}`,
        'the image only copies a binary built outside it',
      ),
    });
  } else {
    points.push({
      name: 'separate build stage',
      ok: false,
      evidence: at(
        d.file,
        finalLine,
        `FROM ${last?.from ?? ''}`,
        'single stage: the build toolchain ships in the image',
      ),
    });
  }

  const goreleaserStatic = releaser?.cgoDisabled ? releaser : null;
  const ciStatic = facts.repo.ci.commands.find((c) => c.env?.CGO_ENABLED === '0' && runsGoBuild(c));
  if (d.cgoDisabled) {
    points.push({
      name: 'static binary',
      ok: true,
      evidence: at(d.file, d.cgoDisabled.line, 'CGO_ENABLED=0', 'cgo off: the binary is static'),
    });
  } else if (d.staticFlags) {
    points.push({
      name: 'static binary',
      ok: true,
      evidence: at(d.file, d.staticFlags.line, '-extldflags -static', 'links statically'),
    });
  } else if (goreleaserStatic) {
    points.push({
      name: 'static binary',
      ok: true,
      evidence: at(
        goreleaserStatic.file,
        goreleaserStatic.cgoDisabled!.line,
        'CGO_ENABLED=0',
        'goreleaser builds with cgo off',
      ),
    });
  } else if (d.finalBase === 'scratch') {
    points.push({
      name: 'static binary',
      ok: true,
      evidence: at(d.file, finalLine, 'FROM scratch', 'a scratch image can only run a static binary'),
    });
  } else if (ciStatic && d.stages.length < 2) {
    points.push({
      name: 'static binary',
      ok: true,
      evidence: commandEvidence(ciStatic, 'CI builds the binary with CGO_ENABLED=0'),
    });
  } else {
    points.push({
      name: 'static binary',
      ok: false,
      evidence: at(
        d.file,
        finalLine,
        `FROM ${last?.from ?? ''}`,
        d.goBuild
          ? 'no CGO_ENABLED=0: the binary may link libc dynamically'
          : 'the binary is built outside the image and nothing shows CGO_ENABLED=0',
      ),
    });
  }

  const base = d.finalBase ?? '';
  const minimal = isMinimalBase(base, tools.minimalBases);
  points.push({
    name: 'minimal base',
    ok: minimal,
    evidence: at(
      d.file,
      finalLine,
      `FROM ${last?.from ?? base}`,
      minimal
        ? `minimal base ${base}`
        : base.includes('$')
          ? `final base ${base} comes from a build argument with no default: cannot tell`
          : `final base ${base || '(unknown)'} is not minimal`,
    ),
  });

  if (d.user && !ROOT_USERS.has(d.user.value.toLowerCase())) {
    points.push({
      name: 'non-root user',
      ok: true,
      evidence: at(d.file, d.user.line, `USER ${d.user.value}`, 'runs as a non-root user'),
    });
  } else if (!d.user && runsAsNonRootByDefault(base, tools.nonRootBases)) {
    points.push({
      name: 'non-root user',
      ok: true,
      evidence: at(d.file, finalLine, `FROM ${base}`, 'the base image runs as non-root by default'),
    });
  } else {
    points.push({
      name: 'non-root user',
      ok: false,
      evidence: d.user
        ? at(d.file, d.user.line, `USER ${d.user.value}`, 'runs as root')
        : at(d.file, finalLine, `FROM ${base}`, 'no USER in the final stage: runs as root'),
    });
  }
  return points;
}

/** ko (directly or through goreleaser `kos`) builds static binaries on a non-root distroless-style base. */
function scoreKo(d: DockerfileFacts): Point[] {
  const { minimalBases, nonRootBases } = ciTools();
  const label = d.kind === 'ko' ? 'ko' : 'goreleaser kos';
  const base = d.finalBase;
  const ev = (message: string, snippet = label): Evidence => at(d.file, d.line, snippet, message);
  return [
    { name: 'separate build stage', ok: true, evidence: ev(`${label} builds the binary outside the image`) },
    { name: 'static binary', ok: true, evidence: ev(`${label} builds with cgo off by default`) },
    {
      name: 'minimal base',
      ok: base === null || isMinimalBase(base, minimalBases),
      evidence: ev(
        base === null ? `${label} uses its default distroless-style base` : `base ${base}`,
        base ?? label,
      ),
    },
    {
      name: 'non-root user',
      ok: base === null || runsAsNonRootByDefault(base, nonRootBases),
      evidence: ev(
        base === null
          ? `${label}'s default base runs as non-root`
          : runsAsNonRootByDefault(base, nonRootBases)
            ? `base ${base} runs as non-root by default`
            : `base ${base} is not known to run as non-root`,
        base ?? label,
      ),
    },
  ];
}

export const deployContainer: CheckImplementation = {
  id: 'deploy.container',
  run(ctx): CheckOutcome {
    const facts = ctx.facts;
    const builds = facts.repo.dockerfiles.filter((d) => !EXAMPLE_DIR.test(d.file));
    const scored: Scored[] = [];
    for (const d of builds) {
      if (d.kind === 'dockerfile') scored.push({ build: d, points: scoreDockerfile(d, facts) });
      else if (d.kind === 'ko' || (d.dockerfiles?.length ?? 0) === 0)
        scored.push({ build: d, points: scoreKo(d) });
    }
    if (scored.length === 0) {
      const { manifests, helmCharts, containers } = facts.repo.k8s;
      if (manifests.length > 0 || helmCharts.length > 0) {
        const first = containers[0];
        return {
          status: 'fail',
          reason:
            'The repo deploys to Kubernetes but builds no container image (no Dockerfile, ko or goreleaser image config).',
          evidence: first
            ? [at(first.file, first.line, first.workload, 'deployed here; no image build found in the repo')]
            : [
                at(
                  manifests[0] ?? `${helmCharts[0]}/Chart.yaml`,
                  1,
                  'kubernetes',
                  'deployed here; no image build found in the repo',
                ),
              ],
        };
      }
      return {
        status: 'na',
        reason: 'No container image is built from this repo (no Dockerfile, ko or goreleaser image config).',
        evidence: [],
      };
    }
    const okCount = (s: Scored): number => s.points.filter((p) => p.ok).length;
    scored.sort((a, b) => okCount(b) - okCount(a));
    const best = scored[0]!;
    const ok = okCount(best);
    const missing = best.points.filter((p) => !p.ok).map((p) => p.name);
    const others = scored.length > 1 ? ` (best of ${scored.length} image builds)` : '';
    const reason =
      missing.length === 0
        ? `${best.build.file} meets all four points${others}.`
        : `${best.build.file}${others} misses: ${missing.join(', ')}.`;
    return {
      status: ok === 4 ? 'pass' : ok === 0 ? 'fail' : 'partial',
      score: ok * 2.5,
      reason,
      evidence: best.points.map((p) => ({
        ...p.evidence,
        message: `${p.ok ? '✓' : '✗'} ${p.name}: ${p.evidence.message}`,
      })),
    };
  },
};
