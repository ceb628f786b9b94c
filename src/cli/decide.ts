// `gonogo trees` lists the decision trees; `gonogo decide <tree>` walks one with answers from flags, an
// answers file or (on a terminal) questions asked one by one, and prints the result or an ADR.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import { DataError } from '../config/errors.js';
import {
  loadTrees,
  parseAnswersDocument,
  renderAdr,
  validateAnswers,
  evaluate,
  type AdrMeta,
  type AnswerError,
  type Answers,
  type Citation,
  type DecisionResult,
  type Tree,
} from '../decide/index.js';
import {
  askChoice,
  CliError,
  EXIT_FAILURE,
  parseAnswerFlags,
  readDataFile,
  splitList,
  type ChoicePrompt,
} from './io.js';

export const decideFormats = ['text', 'json', 'madr', 'nygard'] as const;
export type DecideFormat = (typeof decideFormats)[number];

interface DecideOptions {
  answer: string[];
  answers?: string;
  format: DecideFormat;
  out?: string;
  title?: string;
  status?: string;
  decisionMakers?: string;
  consulted?: string;
  informed?: string;
  number?: string;
  date?: string;
  treesDir?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerDecideCommands(program: Command): void {
  program
    .command('trees')
    .description('list the decision trees')
    .option('--trees-dir <dir>', 'read trees from this folder instead of the built-in ones')
    .option('--json', 'print the list as JSON')
    .action((opts: { treesDir?: string; json?: boolean }) =>
      run(() => {
        const list = loadTrees(opts.treesDir).list();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const width = Math.max(2, ...list.map((t) => t.id.length));
        const lines = [`${'ID'.padEnd(width)}  QUESTIONS  TITLE`];
        for (const t of list)
          lines.push(`${t.id.padEnd(width)}  ${String(t.questions).padStart(9)}  ${t.title}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  program
    .command('decide')
    .description('walk a decision tree and print the recommendation (or an ADR)')
    .argument('<tree>', 'tree id (see `gonogo trees`)')
    .option('-a, --answer <question=option>', 'an answer; repeat for each question', collect, [])
    .option('--answers <file>', 'answers file (YAML or JSON: {tree?, answers, meta?})')
    .addOption(new Option('-f, --format <format>', 'output format').choices(decideFormats).default('text'))
    .option('-o, --out <file>', 'write the output to this file (or into this folder, for an ADR)')
    .option('--title <title>', 'ADR title (default: the recommendation)')
    .option('--status <status>', 'ADR status: proposed, accepted, rejected, deprecated or superseded')
    .option('--decision-makers <names>', 'ADR decision-makers, comma-separated')
    .option('--consulted <names>', 'ADR consulted, comma-separated')
    .option('--informed <names>', 'ADR informed, comma-separated')
    .option('--number <n>', 'ADR number, used in the file name (default 1)')
    .option('--date <yyyy-mm-dd>', 'ADR date (default today)')
    .option('--trees-dir <dir>', 'read trees from this folder instead of the built-in ones')
    .action((treeId: string, opts: DecideOptions) => run(() => decide(treeId, opts)));
}

/** Runs a command body; user errors print their message and exit 2, anything else exits 1. */
async function run(body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`gonogo: ${err.message}\n`);
      process.exitCode = err.code;
    } else if (err instanceof DataError) {
      process.stderr.write(`gonogo: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`gonogo: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = EXIT_FAILURE;
    }
  }
}

async function decide(treeId: string, opts: DecideOptions): Promise<void> {
  const trees = loadTrees(opts.treesDir);
  const tree = trees.get(treeId);
  if (!tree) {
    const ids = trees.list().map((t) => t.id);
    throw new CliError(`unknown tree "${treeId}"; available: ${ids.join(', ')}`);
  }

  let answers: Answers = {};
  let fileMeta: Record<string, unknown> = {};
  if (opts.answers) {
    const doc = parseAnswersDocument(readDataFile(opts.answers), opts.answers);
    if (doc.tree && doc.tree !== tree.id) {
      throw new CliError(`${opts.answers} holds answers for tree "${doc.tree}", not "${tree.id}"`);
    }
    answers = { ...doc.answers };
    fileMeta = doc.meta ?? {};
  }
  answers = { ...answers, ...parseAnswerFlags(opts.answer) };

  const check = validateAnswers(tree, answers);
  const { invalid, missing } = splitErrors(answers, check.errors);
  if (invalid.length > 0) throw new CliError(describeAnswerErrors('invalid answers', invalid));
  if (missing.length > 0) {
    // Refinements are optional, so they are offered only in an interactive run that asks anyway.
    if (!(process.stdin.isTTY && process.stdout.isTTY)) throw new CliError(describeMissing(tree, missing));
    answers = await askMissing(tree, answers);
  }

  const result = evaluate(tree, answers);
  const meta = adrMeta(fileMeta, opts);
  const output = render(result, meta, opts.format);
  if (opts.out) {
    const file = outputFile(opts.out, output.fileName);
    writeFileSync(file, output.text);
    process.stderr.write(`wrote ${file}\n`);
  } else {
    process.stdout.write(output.text);
  }
}

/** Wrong answers (unknown question or option) versus questions on the path that have no answer yet. */
export function splitErrors(
  answers: Answers,
  errors: AnswerError[],
): { invalid: AnswerError[]; missing: AnswerError[] } {
  const missing = errors.filter((e) => answers[e.question] === undefined && e.allowed.length > 0);
  const invalid = errors.filter((e) => !missing.includes(e));
  return { invalid, missing };
}

export function describeAnswerErrors(heading: string, errors: AnswerError[]): string {
  const lines = errors.map((e) => `  ${e.question}: ${e.message}`);
  return `${heading}:\n${lines.join('\n')}`;
}

/** The missing questions with their options, so a script author can add the right `--answer` flags. */
export function describeMissing(tree: Tree, missing: AnswerError[]): string {
  const lines = [
    `answers are missing for tree "${tree.id}" (stdin is not a terminal, so nothing was asked):`,
  ];
  for (const e of missing) {
    const question = tree.questions.find((q) => q.id === e.question);
    lines.push(`  ${e.question}: ${question?.text ?? ''}`.trimEnd());
    for (const option of question?.options ?? [])
      lines.push(`    --answer ${e.question}=${option.id}  (${option.label})`);
  }
  lines.push('Later questions depend on these answers; run again with them to see what else the path needs.');
  return lines.join('\n');
}

/** Asks, on the terminal, each unanswered question along the path, then offers the optional refinements. */
async function askMissing(tree: Tree, given: Answers): Promise<Answers> {
  const answers = { ...given };
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let closed = false;
  rl.on('close', () => (closed = true));
  const ask = async (prompt: string): Promise<string> => {
    if (closed) throw new CliError('input ended before every question was answered');
    return rl.question(prompt);
  };
  const write = (text: string) => process.stderr.write(text);
  try {
    for (;;) {
      const { missing } = splitErrors(answers, validateAnswers(tree, answers).errors);
      const next = missing[0];
      if (!next) break;
      const question = tree.questions.find((q) => q.id === next.question)!;
      const prompt: ChoicePrompt = {
        question: question.text,
        help: question.help,
        choices: question.options,
      };
      answers[question.id] = (await askChoice(prompt, ask, write))!;
    }
    const open = (tree.refinements ?? []).filter((r) => answers[r.id] === undefined);
    if (open.length > 0) write('\nOptional refinements (press Enter to skip each):\n');
    for (const r of open) {
      const choice = await askChoice(
        { question: r.text, help: r.help, choices: r.options, optional: true },
        ask,
        write,
      );
      if (choice !== undefined) answers[r.id] = choice;
    }
  } finally {
    rl.close();
  }
  return answers;
}

function adrMeta(fileMeta: Record<string, unknown>, opts: DecideOptions): AdrMeta {
  const meta: Record<string, unknown> = { ...fileMeta };
  if (opts.title !== undefined) meta.title = opts.title;
  if (opts.status !== undefined) meta.status = opts.status;
  if (opts.date !== undefined) meta.date = opts.date;
  if (opts.decisionMakers !== undefined) meta.decisionMakers = splitList(opts.decisionMakers);
  if (opts.consulted !== undefined) meta.consulted = splitList(opts.consulted);
  if (opts.informed !== undefined) meta.informed = splitList(opts.informed);
  if (opts.number !== undefined) {
    if (!/^\d+$/.test(opts.number))
      throw new CliError(`--number must be a whole number, not "${opts.number}"`);
    meta.number = Number(opts.number);
  }
  // The ADR renderer checks these against schemas/adr-meta.schema.json and says what is allowed.
  return meta as AdrMeta;
}

function render(
  result: DecisionResult,
  meta: AdrMeta,
  format: DecideFormat,
): { text: string; fileName: string } {
  switch (format) {
    case 'json':
      return { text: `${JSON.stringify(result, null, 2)}\n`, fileName: `${result.tree.id}.json` };
    case 'madr':
    case 'nygard': {
      const adr = renderAdr(result, meta, format);
      return { text: adr.markdown, fileName: adr.fileName };
    }
    case 'text':
      return { text: renderDecisionText(result), fileName: `${result.tree.id}.txt` };
  }
}

/** `--out` may name a file or an existing folder (or one ending in a slash), e.g. docs/adr/. */
function outputFile(out: string, defaultName: string): string {
  const isDir =
    out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory());
  if (!isDir) return out;
  mkdirSync(out, { recursive: true });
  return path.join(out, defaultName);
}

const cites = (list: Citation[]): string => list.map((c) => `${c.file} — ${c.section}`).join('; ');

/** A readable summary for a terminal: the outcome, the path with its sources, the what-if view. */
export function renderDecisionText(result: DecisionResult): string {
  const out: string[] = [];
  const titleOf = (id: string | null) =>
    id === null
      ? '?'
      : id === result.outcome.id
        ? result.outcome.title
        : (result.alternatives.find((a) => a.id === id)?.title ?? id);
  out.push(`${result.tree.title} (${result.tree.id} ${result.tree.version})`, '');
  out.push(`Recommendation: ${result.outcome.title} — ${result.outcome.decision}`);
  out.push(`  ${result.outcome.summary}`);
  if (result.coreOutcome !== result.outcome.id) {
    out.push(
      `  (The core questions led to ${titleOf(result.coreOutcome)}; a refinement changed the outcome.)`,
    );
  }
  if (result.outcome.extension)
    out.push(`  [${result.outcome.extension.label}] ${result.outcome.extension.note}`);
  out.push('', 'Path:');
  result.path.forEach((step, i) => {
    out.push(`  ${i + 1}. ${step.question.text}`);
    out.push(`     → ${step.answer.label} [${step.question.id}=${step.answer.id}] → ${step.next.title}`);
    out.push(`     ${step.rationale}`);
    if (step.citations.length) out.push(`     Sources: ${cites(step.citations)}`);
    if (step.extension) out.push(`     [${step.extension.label}] ${step.extension.note}`);
  });
  if (result.refinements.length) {
    out.push('', 'Refinements:');
    for (const r of result.refinements) {
      out.push(`  - ${r.question.text} → ${r.answer.label}`);
      for (const e of r.effects) out.push(`      ${e.kind}: ${e.text}${e.applied ? '' : ' (not applied)'}`);
    }
  }
  out.push('', 'What if (⚑ = another answer changes the outcome):');
  for (const entry of result.whatIf) {
    out.push(`  ${entry.pivotal ? '⚑' : ' '} ${entry.question.text} (now: ${entry.answer.label})`);
    for (const alt of entry.alternatives) {
      const leads =
        alt.outcome !== null
          ? titleOf(alt.outcome)
          : `then asks ${alt.unanswered ?? '?'}; could reach ${alt.reachable.map(titleOf).join(', ')}`;
      out.push(`      ${alt.changes ? '*' : '-'} ${alt.answer.label} → ${leads}`);
    }
  }
  if (result.risks.length) {
    out.push('', 'Risks:');
    for (const r of result.risks) {
      out.push(`  - ${r.risk}`);
      for (const m of r.mitigations) out.push(`      mitigation: ${m}`);
    }
  }
  if (result.caveats.length) {
    out.push('', 'Caveats:');
    for (const c of result.caveats) out.push(`  - ${c.text}`);
  }
  if (result.alternatives.length) {
    out.push('', 'Alternatives considered:');
    for (const a of result.alternatives) out.push(`  - ${a.title}: ${a.whyNot}`);
  }
  if (result.ignored.length) {
    out.push('', 'Answers not used:');
    for (const i of result.ignored) out.push(`  - ${i.question}=${i.answer}: ${i.reason}`);
  }
  if (result.checklist) out.push('', `Next: confirm with \`${result.checklist.command}\``);
  return `${out.join('\n')}\n`;
}
