// `gonogo scan <path | git-url>`: scans a Go repository, writes the scorecard in one or more formats, and
// turns the result into an exit code for CI gates (1 = a gate failed, 2 = usage or input error).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DataError } from '../config/errors.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText, shouldColor } from '../report/text.js';
import type { Scorecard } from '../report/types.js';
import { scanRepository, ScanInputError, type ScanProgress } from '../scan/scan.js';

export const scanFormats = ['text', 'json', 'md', 'sarif'] as const;
export type ScanFormat = (typeof scanFormats)[number];

/** File extensions that name a format when an --output has no --format of its own. */
const formatByExtension: Readonly<Record<string, ScanFormat>> = {
  '.txt': 'text',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.sarif': 'sarif',
};

export const failOnConditions = ['no-go'] as const;

export interface OutputPlan {
  format: ScanFormat;
  /** A file path, or null for stdout. */
  file: string | null;
}

/** A usage mistake: the CLI prints it with the help hint and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function toFormat(value: string): ScanFormat {
  const normal = value === 'markdown' ? 'md' : value;
  if (!(scanFormats as readonly string[]).includes(normal)) {
    throw new UsageError(`--format "${value}" is not allowed; use one of: ${scanFormats.join(', ')}`);
  }
  return normal as ScanFormat;
}

/** One --format or --output as written on the command line, in order. */
export interface OutputArg {
  option: 'format' | 'output';
  value: string;
}

/**
 * Pairs --format and --output in command-line order: an --output belongs to the --format just before it;
 * an --output without one takes its format from its extension; a --format without an --output goes to
 * stdout (`--output -` also means stdout). Only one format may use stdout.
 */
export function planOutputs(args: readonly OutputArg[]): OutputPlan[] {
  const plans: OutputPlan[] = [];
  let pending: { format: ScanFormat; paired: boolean } | null = null;
  const flush = (): void => {
    if (pending && !pending.paired) plans.push({ format: pending.format, file: null });
    pending = null;
  };
  for (const arg of args) {
    if (arg.option === 'format') {
      flush();
      pending = { format: toFormat(arg.value), paired: false };
      continue;
    }
    const file = arg.value === '-' ? null : arg.value;
    if (pending && !pending.paired) {
      plans.push({ format: pending.format, file });
      pending.paired = true;
      continue;
    }
    const byExt = formatByExtension[path.extname(arg.value).toLowerCase()];
    if (!byExt) {
      const known = Object.keys(formatByExtension).join(', ');
      throw new UsageError(
        `--output "${arg.value}" has no --format before it and its extension is not one of: ${known}`,
      );
    }
    plans.push({ format: byExt, file });
  }
  flush();
  if (plans.length === 0) plans.push({ format: 'text', file: null });
  const toStdout = plans.filter((p) => p.file === null);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one format can go to stdout, but ${toStdout.map((p) => p.format).join(' and ')} would; add an --output for each other --format`,
    );
  }
  const files = plans.filter((p) => p.file !== null).map((p) => path.resolve(p.file!));
  const repeated = files.find((f, i) => files.indexOf(f) !== i);
  if (repeated) throw new UsageError(`--output "${repeated}" is given twice`);
  return plans;
}

function parseNumber(option: string, value: string | undefined, min: number, max: number, integer: boolean) {
  if (value === undefined) return undefined;
  const n = Number(value);
  const kind = integer ? 'a whole number' : 'a number';
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${option} "${value}" is not allowed; use ${kind} from ${min} to ${max}`);
  }
  return n;
}

interface ScanCliOptions {
  ref?: string;
  checklist?: string;
  config?: string;
  failUnder?: string;
  failOn?: string;
  workers?: string;
  timeout: string;
}

export function render(card: Scorecard, format: ScanFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(card);
    case 'md':
      return renderMarkdown(card);
    case 'sarif':
      return renderSarif(card);
    case 'text':
      return renderText(card, { color });
  }
}

/** Which gates failed, in words (empty when every gate passes). */
export function failedGates(card: Scorecard, failUnder: number | undefined, failOnNoGo: boolean): string[] {
  const failed: string[] = [];
  if (failUnder !== undefined && (card.score === null || card.score < failUnder)) {
    const score = card.score === null ? 'no score' : `score ${card.score.toFixed(1)}`;
    failed.push(`${score} is under --fail-under ${failUnder}`);
  }
  if (failOnNoGo && card.verdict === 'no-go')
    failed.push(`verdict is no-go (--fail-on no-go): ${card.verdictReason}`);
  return failed;
}

function progressReporter(): ((p: ScanProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const labels: Record<ScanProgress['phase'], string> = {
    open: 'opening the repository…',
    walk: 'listing files…',
    parse: 'parsing Go files',
    evaluate: 'evaluating checks…',
  };
  return (p) => {
    const counts = p.phase === 'parse' && p.total !== undefined ? ` ${p.done ?? 0}/${p.total}` : '';
    process.stderr.write(`\r\u001b[2K${labels[p.phase]}${counts}`);
  };
}

async function runScan(source: string, opts: ScanCliOptions, outputArgs: OutputArg[]): Promise<number> {
  const plans = planOutputs(outputArgs);
  const failUnder = parseNumber('--fail-under', opts.failUnder, 0, 100, false);
  const workers = parseNumber('--workers', opts.workers, 0, 256, true);
  const timeoutSeconds = parseNumber('--timeout', opts.timeout, 1, 86_400, false)!;
  const onProgress = progressReporter();
  let card: Scorecard;
  try {
    card = await scanRepository(source, {
      ref: opts.ref,
      checklist: opts.checklist,
      configFile: opts.config,
      workers,
      timeoutMs: timeoutSeconds * 1000,
      onProgress,
    });
  } finally {
    if (onProgress) process.stderr.write('\r\u001b[2K');
  }
  for (const plan of plans) {
    const color = plan.file === null && plan.format === 'text' && shouldColor(process.stdout);
    const text = render(card, plan.format, color);
    if (plan.file === null) {
      process.stdout.write(text);
    } else {
      await mkdir(path.dirname(path.resolve(plan.file)), { recursive: true });
      await writeFile(plan.file, text);
    }
  }
  const failed = failedGates(card, failUnder, opts.failOn === 'no-go');
  for (const gate of failed) process.stderr.write(`gonogo scan: gate failed: ${gate}\n`);
  return failed.length > 0 ? 1 : 0;
}

const exitCodeHelp = `
Exit codes:
  0  the scan finished and every gate passed
  1  a gate failed: the score is under --fail-under, or --fail-on no-go and the verdict is no-go
  2  usage or input error: bad option value, bad URL, clone failure, not a Go repository,
     invalid checklist or .gonogo.yml, time limit reached

Repository config: .gonogo.yml (or .gonogo.yaml) at the repository root may suppress checks:
  suppress:
    - id: profiling.pprof
      reason: profiles are taken by the platform's sidecar

Examples:
  gonogo scan .
  gonogo scan https://github.com/owner/repo --ref v1.2.0 --fail-on no-go
  gonogo scan . --format sarif --output gonogo.sarif --format md --output gonogo.md --format text`;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerScanCommand(program: Command): void {
  // Commander keeps repeated options apart; the events keep the order the user wrote them in.
  const outputArgs: OutputArg[] = [];
  const scan = program.command('scan');
  scan.on('option:format', (value: string) => outputArgs.push({ option: 'format', value }));
  scan.on('option:output', (value: string) => outputArgs.push({ option: 'output', value }));
  scan
    .description('Score a Go repository (a folder or a git URL) against the production-readiness checklist.')
    .argument('<source>', 'a folder, or a git URL (https://, ssh://, git@host:owner/repo.git, file://)')
    .option('--ref <ref>', 'branch, tag or commit sha to scan (git URLs only)')
    .addOption(
      new Option('-f, --format <format>', `output format, repeatable: ${scanFormats.join('|')}`)
        .argParser(collect)
        .default([], 'text'),
    )
    .addOption(
      new Option(
        '-o, --output <file>',
        'file for the --format in the same position ("-" = stdout), repeatable',
      )
        .argParser(collect)
        .default([]),
    )
    .option('--checklist <file>', 'a checklist YAML file instead of the built-in one')
    .option('--config <file>', 'a repository config file instead of .gonogo.yml at the repository root')
    .option('--fail-under <score>', 'exit 1 when the score (0–100) is under this')
    .addOption(new Option('--fail-on <condition>', 'exit 1 on this condition').choices([...failOnConditions]))
    .option('--workers <n>', 'worker threads for parsing Go (0 = parse on the main thread)')
    .option('--timeout <seconds>', 'time limit for the whole scan, clone included', '600')
    .addHelpText('after', exitCodeHelp)
    .exitOverride((err) => {
      // Commander has already printed its message; usage errors exit 2, help and version exit 0.
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (source: string, opts: ScanCliOptions, command: Command) => {
      try {
        process.exitCode = await runScan(source, opts, outputArgs);
      } catch (err) {
        if (err instanceof UsageError) {
          command.error(`error: ${err.message}`, { exitCode: 2, code: 'gonogo.usage' });
        }
        const known = err instanceof ScanInputError || err instanceof DataError;
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(`gonogo scan: ${known ? '' : 'unexpected error: '}${message}\n`);
        process.exitCode = 2;
      }
    });
}
