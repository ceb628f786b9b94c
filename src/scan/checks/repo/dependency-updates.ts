// security.dependency-updates: Dependabot (a gomod entry) or Renovate (gomod on by default) keeps Go modules
// up to date. With several go.mod files, Dependabot must list each module's folder (or a glob).
import type { CheckImplementation, CheckOutcome, Evidence, GoModule } from '../../types.js';
import { anchorEvidence } from './ci-evidence.js';

/** Dependabot directory (`/`, `/tools`, `/**`, `/services/*`) as a test on a module folder ('.', 'tools'). */
function covers(directory: string, module: string): boolean {
  const dir = directory.replace(/^\/+|\/+$/g, '') || '.';
  if (!dir.includes('*')) return dir === module;
  const re = new RegExp(
    `^${dir
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\/\*\*$/, '(/.*)?')
      .replace(/\*\*/g, '.*')
      .replace(/(?<!\.)\*/g, '[^/]*')}$`,
  );
  return re.test(module);
}

export const dependencyUpdates: CheckImplementation = {
  id: 'security.dependency-updates',
  run(ctx): CheckOutcome {
    const { tools } = ctx.facts.repo.dependencyUpdates;
    const modules: GoModule[] = ctx.facts.repo.modules;
    const evidence: Evidence[] = tools.map((t) => ({
      file: t.file,
      line: t.line,
      snippet:
        t.tool === 'dependabot'
          ? t.coversGo
            ? 'package-ecosystem: gomod'
            : 'updates: (no gomod entry)'
          : t.file,
      message: t.coversGo ? `${t.tool} updates Go modules` : `${t.tool} is configured but not for Go modules`,
    }));
    if (tools.some((t) => t.tool === 'renovate' && t.coversGo)) {
      return { status: 'pass', reason: 'Renovate updates Go modules (gomod is on by default).', evidence };
    }
    const dependabot = tools.filter((t) => t.tool === 'dependabot' && t.coversGo);
    if (dependabot.length > 0) {
      const dirs = dependabot.flatMap((t) => t.directories ?? []);
      const uncovered = modules.filter((m) => !dirs.some((d) => covers(d, m.path)));
      if (uncovered.length === 0 || modules.length === 0) {
        return { status: 'pass', reason: 'Dependabot updates Go modules.', evidence };
      }
      const covered = modules.length - uncovered.length;
      return {
        status: covered === 0 ? 'fail' : 'partial',
        score: Math.round((covered / modules.length) * 100) / 10,
        reason: `Dependabot's gomod entries cover ${covered} of ${modules.length} modules; not covered: ${uncovered.map((m) => m.path).join(', ')}.`,
        evidence: [
          ...evidence,
          ...uncovered.slice(0, 5).map((m) => ({
            file: m.path === '.' ? 'go.mod' : `${m.path}/go.mod`,
            line: m.line,
            snippet: `module ${m.module}`,
            message: 'no Dependabot gomod entry for this folder',
          })),
        ],
      };
    }
    const bad = ctx.facts.repo.unreadable.filter((u) => /dependabot|renovate/i.test(u.path));
    if (bad.length > 0) {
      return {
        status: 'unknown',
        reason: `Could not read ${bad.map((b) => `${b.path} (${b.reason})`).join('; ')}.`,
        evidence: [],
      };
    }
    if (tools.length > 0) {
      return {
        status: 'fail',
        reason: 'Dependency updates are configured, but not for Go modules.',
        evidence,
      };
    }
    return {
      status: 'fail',
      reason:
        'No Dependabot or Renovate configuration (looked for .github/dependabot.yml, renovate.json and friends).',
      evidence: anchorEvidence(ctx.facts, 'no automated dependency updates for this module'),
    };
  },
};
