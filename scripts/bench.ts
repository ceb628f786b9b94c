// `npm run bench`: generates a synthetic Go repository (default ~50 MB) and measures, each in a fresh
// process so peak memory is per phase: a bare single-thread tree-sitter parse (parse + delete, nothing
// else), walk + Go facts (worker threads), and the whole scan pipeline when it is available.
// Flags: --mb N (size), --seed S, --workers N, --dir D (reuse or write the repository there),
//        --phases bare,facts,scan.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type * as CollectModule from '../src/scan/facts/go/collect.js';
import type * as ParserModule from '../src/scan/facts/go/parser.js';
import type * as ScanModule from '../src/scan/scan.js';
import type * as WalkModule from '../src/scan/source/walk.js';
import { generateSyntheticRepo } from './generate-synthetic-repo.js';

interface PhaseResult {
  phase: string;
  files: number;
  bytes: number;
  wallMs: number;
  /** Peak resident set of the whole process (main thread and workers share it), in bytes. */
  peakRss: number;
  /** CPU time of all the process's threads during the phase (less sensitive than wall time to a busy machine). */
  cpuMs?: number;
  note?: string;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/** Peak RSS of this process so far, from the kernel (resourceUsage reports kilobytes). */
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/** `--dist` measures the compiled build (run `npm run build` first), as users run it; default: the sources. */
const codeRoot = args.includes('--dist') ? '../dist' : '../src';
const load = <T>(module: string): Promise<T> => import(`${codeRoot}/${module}`) as Promise<T>;

async function runPhase(phase: string, dir: string): Promise<PhaseResult> {
  const { walkRepo } = await load<typeof WalkModule>('scan/source/walk.js');
  const workersFlag = flag('--workers');
  const workers = workersFlag === undefined ? undefined : Number(workersFlag);
  if (phase === 'bare') {
    const { loadGoGrammar } = await load<typeof ParserModule>('scan/facts/go/parser.js');
    const walk = await walkRepo(dir);
    const sources = walk.goFiles.map((file) => readFileSync(path.join(walk.root, file.path), 'utf8'));
    const grammar = await loadGoGrammar();
    const started = performance.now();
    for (const source of sources) grammar.parser.parse(source)?.delete();
    const wallMs = performance.now() - started;
    return { phase, files: sources.length, bytes: walk.bytes, wallMs, peakRss: peakRss() };
  }
  if (phase === 'facts') {
    const { collectGoFacts } = await load<typeof CollectModule>('scan/facts/go/collect.js');
    const started = performance.now();
    const loopBefore = performance.eventLoopUtilization();
    const walk = await walkRepo(dir);
    const result = await collectGoFacts(walk.root, walk.goFiles, { workers });
    const wallMs = performance.now() - started;
    const busy = performance.eventLoopUtilization(loopBefore).utilization;
    const counts = result.facts.reduce((sum, facts) => sum + facts.calls.length, 0);
    const heap = process.memoryUsage().heapUsed;
    return {
      phase,
      files: result.facts.length,
      bytes: walk.bytes,
      wallMs,
      peakRss: peakRss(),
      note:
        `${result.unparsed.length} unparsed, ${counts} calls, main heap ${mb(heap)} MB with the facts, ` +
        `main thread busy ${(busy * 100).toFixed(0)}%`,
    };
  }
  const { scanRepository } = await load<typeof ScanModule>('scan/scan.js');
  const started = performance.now();
  const card = await scanRepository(dir, { workers });
  const wallMs = performance.now() - started;
  const stats = card.stats as { goFiles?: number; bytes?: number };
  return {
    phase,
    files: stats.goFiles ?? 0,
    bytes: stats.bytes ?? 0,
    wallMs,
    peakRss: peakRss(),
    note: `score ${card.score}, verdict ${card.verdict}`,
  };
}

function runChild(phase: string, dir: string): PhaseResult {
  const script = fileURLToPath(import.meta.url);
  try {
    const output = execFileSync(
      process.execPath,
      [...process.execArgv, script, '--child', phase, '--dir', dir, ...args],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const line = output.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as PhaseResult;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { phase, files: 0, bytes: 0, wallMs: Number.NaN, peakRss: 0, note: `failed: ${message}` };
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function report(results: PhaseResult[]): void {
  const rows = results.map((r) => {
    const seconds = r.wallMs / 1000;
    return [
      r.phase.padEnd(6),
      String(r.files).padStart(6),
      `${mb(r.bytes)} MB`.padStart(9),
      `${seconds.toFixed(2)} s`.padStart(9),
      `${(r.files / seconds).toFixed(0)} files/s`.padStart(14),
      `${(r.bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s`.padStart(11),
      `peak RSS ${mb(r.peakRss)} MB`.padStart(20),
      r.cpuMs === undefined ? '' : `CPU ${(r.cpuMs / 1000).toFixed(1)} s`.padStart(10),
      r.note ? `  ${r.note}` : '',
    ].join(' ');
  });
  console.log(rows.join('\n'));
  const bare = results.find((r) => r.phase === 'bare');
  for (const other of results.filter((r) => r.phase !== 'bare')) {
    if (bare && Number.isFinite(other.wallMs)) {
      console.log(`${other.phase} / bare single-thread parse: ${(other.wallMs / bare.wallMs).toFixed(2)}x`);
    }
  }
}

async function main(): Promise<void> {
  const child = flag('--child');
  if (child) {
    const cpuBefore = process.cpuUsage();
    const result = await runPhase(child, flag('--dir')!);
    const cpu = process.cpuUsage(cpuBefore);
    console.log(JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000 }));
    return;
  }
  const sizeMb = Number(flag('--mb') ?? 50);
  const seed = Number(flag('--seed') ?? 1);
  const dir = flag('--dir') ?? path.join(os.tmpdir(), `gonogo-bench-${seed}-${sizeMb}mb`);
  const marker = `${dir}.done.json`;
  const wanted = JSON.stringify({ sizeMb, seed });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    const started = performance.now();
    const repo = generateSyntheticRepo({ dir, targetBytes: sizeMb * 1024 * 1024, seed });
    writeFileSync(marker, wanted);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`generated ${repo.goFiles} Go files, ${mb(repo.bytes)} MB in ${dir} (${seconds} s)`);
  } else console.log(`reusing ${dir}`);
  console.log(
    `${os.availableParallelism()} cores, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );

  const phases = (flag('--phases') ?? 'bare,facts,scan').split(',');
  const results = phases.map((phase) => runChild(phase, dir));
  report(results);
}

await main();
