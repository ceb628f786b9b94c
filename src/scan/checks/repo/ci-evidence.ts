// What the CI checks share: deciding that there is no CI (fail) or that it could not be read (unknown),
// turning a followed command into evidence that names the chain CI takes to reach it, and the hint for
// commands that only a Makefile or Taskfile knows about.
import { ciTools } from '../../facts/repo/ci-tools.js';
import type { CheckContext, CheckOutcome, CiCommand, Evidence, RepoFacts } from '../../types.js';

export const DEFAULT_MAX_EVIDENCE = 5;

export function maxEvidence(ctx: CheckContext): number {
  const n = ctx.params.maxEvidence;
  return typeof n === 'number' && n > 0 ? Math.floor(n) : DEFAULT_MAX_EVIDENCE;
}

/** CI files (configs and what they include or call) that could not be read. */
export function unreadableCi(facts: RepoFacts): { path: string; reason: string }[] {
  return facts.repo.ci.unreadable ?? [];
}

/** The outcome when there is no readable CI configuration at all, or null when CI was read. `matches`
 *  picks Makefile/Taskfile commands that would satisfy the check, named in the reason as a hint. */
export function noCiOutcome(facts: RepoFacts, matches?: (cmd: CiCommand) => boolean): CheckOutcome | null {
  if (facts.repo.ci.files.length > 0) return null;
  const bad = unreadableCi(facts);
  if (bad.length > 0) {
    return {
      status: 'unknown',
      reason: `The CI configuration could not be read: ${bad.map((b) => `${b.path} (${b.reason})`).join('; ')}.`,
      evidence: [],
    };
  }
  const looked = ciTools().ciLocations.map(
    (l) => `${l.paths[0]}${l.paths.length > 1 ? ' (and variants)' : ''}`,
  );
  const hints = matches ? (facts.repo.ci.uncalled ?? []).filter(matches) : [];
  const targets = [...new Set(hints.map((h) => h.via[0] ?? `${h.file}:${h.line}`))];
  const hint = targets.length > 0 ? ` ${targets.join(', ')} would do it, but no CI runs it.` : '';
  return {
    status: 'fail',
    reason: `No CI configuration found (looked for ${looked.join(', ')}).${hint}`,
    evidence: [
      ...anchorEvidence(facts, 'no CI configuration in this repository'),
      ...hints.slice(0, 3).map((h) => ({
        file: h.file,
        line: h.line,
        snippet: snippetOf(h.raw ?? h.text),
        message: `only in ${h.via[0] ?? h.file}; there is no CI to run it`,
      })),
    ],
  };
}

/** Evidence for a finding about the whole repository: the root go.mod when there is one. */
export function anchorEvidence(facts: RepoFacts, message: string): Evidence[] {
  const mod = facts.repo.modules[0];
  if (!mod) return [];
  const file = mod.path === '.' ? 'go.mod' : `${mod.path}/go.mod`;
  return [{ file, line: mod.line, snippet: `module ${mod.module}`, message }];
}

export function viaText(cmd: CiCommand): string {
  return cmd.via.join(' → ');
}

export function snippetOf(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

/** Evidence for a command CI runs: its own file and line, with the chain in the message. */
export function commandEvidence(cmd: CiCommand, what: string): Evidence {
  const direct = cmd.via.length === 1 && cmd.via[0]!.startsWith(`${cmd.file}:${cmd.line} `);
  const expanded = cmd.raw !== undefined && cmd.raw !== cmd.text ? `: \`${snippetOf(cmd.text)}\`` : '';
  return {
    file: cmd.file,
    line: cmd.line,
    snippet: snippetOf(cmd.raw ?? cmd.text),
    message: `${what}${expanded} (${direct ? cmd.via[0] : `reached via ${viaText(cmd)}`})`,
  };
}

/** Evidence that CI was read but does not do the thing: one entry per CI file. */
export function ciFileEvidence(facts: RepoFacts, message: string): Evidence[] {
  return facts.repo.ci.files.slice(0, 3).map((file) => ({ file, line: 1, snippet: file, message }));
}

/** The fail (or unknown, when some CI file could not be read) outcome when CI never does the thing,
 *  with uncalled Makefile/Taskfile commands that would do it as a hint. */
export function notInCi(
  facts: RepoFacts,
  what: string,
  matches: (cmd: CiCommand) => boolean,
  max: number,
): CheckOutcome {
  const hints = (facts.repo.ci.uncalled ?? []).filter(matches);
  const bad = unreadableCi(facts);
  let reason = `CI (${facts.repo.ci.files.join(', ')}) does not ${what}.`;
  if (hints.length > 0) {
    const targets = [...new Set(hints.map((h) => h.via[0] ?? `${h.file}:${h.line}`))];
    reason += ` ${targets.join(', ')} would, but no CI step reaches ${targets.length === 1 ? 'it' : 'them'}.`;
  }
  const evidence = [
    ...hints.slice(0, max).map((h) => ({
      file: h.file,
      line: h.line,
      snippet: snippetOf(h.raw ?? h.text),
      message: `only in ${h.via[0] ?? h.file}, which CI never runs`,
    })),
    ...ciFileEvidence(facts, `CI configuration read; none of its steps ${what}`),
  ];
  if (bad.length > 0) {
    return {
      status: 'unknown',
      reason: `${reason} ${bad.map((b) => `${b.path} could not be read (${b.reason})`).join('; ')}, so it may be there.`,
      evidence,
    };
  }
  return { status: 'fail', reason, evidence };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
