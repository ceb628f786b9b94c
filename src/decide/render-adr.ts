// Exports a decision result as an Architecture Decision Record: MADR 4 (default) or Nygard's short form.
// The output is deterministic for a given result and meta (the date is the only input that varies), so it
// can be golden-tested and dropped into a docs/adr/ folder next to adr-tools or log4brains records.
import { assertValid } from '../config/ajv.js';
import { blocks, bullet, code, md, numbered, paragraph } from './markdown.js';
import { EXTENSION_LABEL, type Citation, type DecisionResult } from './types.js';

export type AdrTemplate = 'madr' | 'nygard';

export interface AdrMeta {
  title?: string;
  status?: 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';
  /** ISO date (YYYY-MM-DD); defaults to today. */
  date?: string;
  decisionMakers?: string[];
  consulted?: string[];
  informed?: string[];
  /** ADR number for the file name and Nygard title; defaults to 1. */
  number?: number;
}

export interface RenderedAdr {
  fileName: string;
  markdown: string;
}

export const ADR_TEMPLATES: readonly AdrTemplate[] = ['madr', 'nygard'];

/** `NNNN-title-in-kebab-case.md`. */
export function adrFileName(number: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${String(number).padStart(4, '0')}-${slug || 'decision'}.md`;
}

const citation = (c: Citation): string => `${c.title} (${code(c.file)}), § ${c.section}`;

function citations(list: Citation[]): string {
  const seen = new Set<string>();
  const unique = list.filter((c) => {
    const key = `${c.file}#${c.section}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.map(citation).join('; ');
}

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

interface Resolved {
  title: string;
  status: string;
  date: string;
  number: number;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
}

function resolveMeta(result: DecisionResult, meta: AdrMeta): Resolved {
  assertValid<AdrMeta>('adr-meta.schema.json', meta, 'ADR metadata');
  return {
    title: meta.title?.trim() || result.outcome.decision,
    status: meta.status ?? 'proposed',
    date: meta.date ?? new Date().toISOString().slice(0, 10),
    number: meta.number ?? 1,
    decisionMakers: meta.decisionMakers ?? [],
    consulted: meta.consulted ?? [],
    informed: meta.informed ?? [],
  };
}

const yamlList = (items: string[]): string => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;

// ---------------------------------------------------------------------------------------------
// Pieces shared by both templates

function contextText(result: DecisionResult): string {
  return (
    `This record comes from the gonogo decision tree ${code(result.tree.id)} ` +
    `("${result.tree.title}", version ${result.tree.version}), which follows the source documents' ` +
    `decision tree and marks every step that goes beyond them.`
  );
}

function drivers(result: DecisionResult): string[] {
  return [
    ...result.path.map((s) => `${md(s.question.text)} **${md(s.answer.label)}**`),
    ...result.refinements.map((r) => `${md(r.question.text)} **${md(r.answer.label)}**`),
  ].map((d) => bullet(d));
}

function pathItems(result: DecisionResult): string[] {
  return result.path.map((s, i) => {
    const ext = s.extension ? ` This step is an ${EXTENSION_LABEL}: ${sentence(s.extension.note)}` : '';
    return numbered(
      i + 1,
      `${md(s.question.text)} **${md(s.answer.label)}** → ${md(sentence(s.next.title))} ${md(sentence(s.rationale))}` +
        `${md(ext)} Sources: ${md(citations(s.citations))}.`,
    );
  });
}

function refinementItems(result: DecisionResult): string[] {
  return result.refinements.map((r) => {
    const did =
      r.effects.length > 0 ? r.effects.map((e) => sentence(e.text)).join(' ') : 'No effect on this outcome.';
    return bullet(
      `${md(r.question.text)} **${md(r.answer.label)}**: ${md(did)} ` +
        `(${EXTENSION_LABEL}; sources: ${md(citations(r.citations))})`,
    );
  });
}

function riskItems(result: DecisionResult): string[] {
  return result.risks.map((r) =>
    [
      bullet(`${md(sentence(r.risk))} Sources: ${md(citations(r.citations))}.`),
      ...r.mitigations.map((m) => bullet(md(sentence(m)), 1)),
    ].join('\n'),
  );
}

function extensionItems(result: DecisionResult): string[] {
  return result.extensions.map((e) =>
    bullet(`${code(e.where)}: ${md(sentence(e.note))} Rests on: ${md(citations(e.citations))}.`),
  );
}

function confirmation(result: DecisionResult): string[] {
  if (result.checklist) {
    const cl = result.checklist;
    const out = [
      paragraph(
        `Run the production-readiness scorecard on the service's repository with ` +
          `${code(cl.command)} in CI. The decision is confirmed while the repository ` +
          `meets the ${code(cl.id)} checklist${cl.title ? ` (${md(cl.title)})` : ''}.`,
      ),
    ];
    if (cl.checks.length > 0) {
      out.push(cl.checks.map((c) => bullet(`${code(c.id)}: ${md(c.title)}`)).join('\n'));
    }
    return out;
  }
  return [
    paragraph(
      `Review this decision when one of the decision drivers changes, by answering the ` +
        `${code(result.tree.id)} questions again and checking that the outcome still holds. ` +
        `Watch the risks listed in this record.`,
    ),
  ];
}

function answersLine(result: DecisionResult): string {
  const pairs = Object.entries(result.answers).map(([q, a]) => code(`${q}=${a}`));
  return paragraph(
    `Answers (tree ${code(`${result.tree.id}@${result.tree.version}`)}): ${pairs.join(', ')}.`,
  );
}

function whatIfItems(result: DecisionResult, titleOf: (id: string) => string): string[] {
  return result.whatIf.map((w) => {
    const changes = w.alternatives.filter((a) => a.changes);
    const text = w.pivotal
      ? `${md(w.question.text)} is pivotal: ` +
        changes
          .map((a) =>
            a.outcome
              ? `"${md(a.answer.label)}" leads to ${md(titleOf(a.outcome))}`
              : `"${md(a.answer.label)}" leaves ${a.reachable.map((id) => md(titleOf(id))).join(' or ')} open`,
          )
          .join('; ')
      : `${md(w.question.text)} is not pivotal: no other answer changes the outcome`;
    return bullet(`${text}.`);
  });
}

// ---------------------------------------------------------------------------------------------
// Templates

function renderMadr(result: DecisionResult, m: Resolved): string {
  const o = result.outcome;
  const titleOf = (id: string): string => result.outcomeTitles[id] ?? id;
  const frontMatter = [
    '---',
    `status: ${m.status}`,
    `date: ${m.date}`,
    `decision-makers: ${yamlList(m.decisionMakers)}`,
    `consulted: ${yamlList(m.consulted)}`,
    `informed: ${yamlList(m.informed)}`,
    '---',
  ].join('\n');

  const optionSections = [
    [
      `### ${md(o.title)}`,
      paragraph(md(o.summary)),
      [
        ...o.pros.map((p) => bullet(`Good, because ${md(lower(p))}`)),
        ...o.cons.map((c) => bullet(`Bad, because ${md(lower(c))}`)),
      ].join('\n'),
      paragraph(`Sources: ${md(citations(o.citations))}.`),
    ],
    ...result.alternatives.map((a) => [
      `### ${md(a.title)}`,
      paragraph(md(a.summary)),
      [
        ...a.pros.map((p) => bullet(`Good, because ${md(lower(p))}`)),
        ...a.cons.map((c) => bullet(`Bad, because ${md(lower(c))}`)),
        bullet(`Not chosen: ${md(a.whyNot)}`),
      ].join('\n'),
      a.extension
        ? paragraph(`This option is an ${EXTENSION_LABEL}: ${md(sentence(a.extension.note))}`)
        : null,
      paragraph(`Sources: ${md(citations(a.citations))}.`),
    ]),
  ].flat();

  const more: (string | null)[] = [
    '## More Information',
    answersLine(result),
    result.refinements.length > 0 ? '### Refinements' : null,
    result.refinements.length > 0 ? refinementItems(result).join('\n') : null,
    result.risks.length > 0 ? '### Risks and Mitigations' : null,
    result.risks.length > 0 ? riskItems(result).join('\n') : null,
    result.caveats.length > 0 ? '### Caveats' : null,
    result.caveats.length > 0
      ? result.caveats
          .map((c) => bullet(`${md(sentence(c.text))} (from ${code(`${c.refinement}=${c.answer}`)})`))
          .join('\n')
      : null,
    result.whatIf.length > 0 ? '### What If' : null,
    result.whatIf.length > 0 ? whatIfItems(result, titleOf).join('\n') : null,
    result.extensions.length > 0 ? '### Extensions Beyond the Documents' : null,
    result.extensions.length > 0
      ? [
          paragraph(`These parts of the result are an ${EXTENSION_LABEL}.`),
          extensionItems(result).join('\n'),
        ].join('\n\n')
      : null,
    result.ignored.length > 0 ? '### Ignored Answers' : null,
    result.ignored.length > 0
      ? result.ignored
          .map((i) => bullet(`${code(`${i.question}=${i.answer}`)}: ${md(sentence(i.reason))}`))
          .join('\n')
      : null,
  ];

  return blocks([
    frontMatter,
    `# ${md(m.title)}`,
    '## Context and Problem Statement',
    paragraph(md(problemOf(result))),
    paragraph(contextText(result)),
    '## Decision Drivers',
    drivers(result).join('\n'),
    '## Considered Options',
    [o, ...result.alternatives].map((x) => bullet(md(x.title))).join('\n'),
    '## Decision Outcome',
    paragraph(
      `Chosen option: "${md(o.title)}", because the answers lead to it in the decision tree. ${md(o.summary)}`,
    ),
    o.extension
      ? paragraph(`This outcome is an ${EXTENSION_LABEL}: ${md(sentence(o.extension.note))}`)
      : null,
    paragraph('The answers walk the decision tree as follows:'),
    pathItems(result).join('\n'),
    '### Consequences',
    [
      ...result.consequences.good.map((g) => bullet(`Good, because ${md(lower(g))}`)),
      ...result.consequences.bad.map((b) => bullet(`Bad, because ${md(lower(b))}`)),
    ].join('\n'),
    '### Confirmation',
    ...confirmation(result),
    '## Pros and Cons of the Options',
    ...optionSections,
    ...more,
  ]);
}

function renderNygard(result: DecisionResult, m: Resolved): string {
  const o = result.outcome;
  const status = m.status.charAt(0).toUpperCase() + m.status.slice(1);
  const consequences = [
    ...result.consequences.good.map((g) => bullet(md(sentence(g)))),
    ...result.consequences.bad.map((b) => bullet(md(sentence(b)))),
  ].join('\n');
  return blocks([
    `# ${m.number}. ${md(m.title)}`,
    `Date: ${m.date}`,
    '## Status',
    status,
    '## Context',
    paragraph(md(problemOf(result))),
    paragraph(`${contextText(result)} The decision drivers are:`),
    drivers(result).join('\n'),
    paragraph(`Options considered: ${[o, ...result.alternatives].map((x) => md(x.title)).join(', ')}.`),
    '## Decision',
    paragraph(`We will ${md(lower(sentence(o.decision)))} ${md(o.summary)}`),
    o.extension
      ? paragraph(`This outcome is an ${EXTENSION_LABEL}: ${md(sentence(o.extension.note))}`)
      : null,
    pathItems(result).join('\n'),
    result.refinements.length > 0 ? paragraph('Refinements:') : null,
    result.refinements.length > 0 ? refinementItems(result).join('\n') : null,
    answersLine(result),
    '## Consequences',
    consequences,
    result.risks.length > 0 ? paragraph('Risks to manage:') : null,
    result.risks.length > 0 ? riskItems(result).join('\n') : null,
    result.caveats.length > 0 ? paragraph('Caveats:') : null,
    result.caveats.length > 0 ? result.caveats.map((c) => bullet(md(sentence(c.text)))).join('\n') : null,
    ...confirmation(result),
    result.extensions.length > 0 ? paragraph(`Parts of this result are an ${EXTENSION_LABEL}:`) : null,
    result.extensions.length > 0 ? extensionItems(result).join('\n') : null,
  ]);
}

const lower = (text: string): string =>
  /^[A-Z][a-z]/.test(text) && !/^(Go|Python|Django|Java|Kotlin|Rust|Scala|Swift|Electron|Node)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;

const problemOf = (result: DecisionResult): string =>
  result.tree.problem ?? `We need to decide: ${result.tree.title}.`;

/** Renders the record; `meta` is checked against `schemas/adr-meta.schema.json`. */
export function renderAdr(
  result: DecisionResult,
  meta: AdrMeta = {},
  template: AdrTemplate = 'madr',
): RenderedAdr {
  const m = resolveMeta(result, meta);
  const markdown = template === 'nygard' ? renderNygard(result, m) : renderMadr(result, m);
  return { fileName: adrFileName(m.number, m.title), markdown };
}
