// Writes a synthetic but realistic Go repository for benchmarks: a module of many packages with HTTP
// handlers, structs with tags, methods returning errors, goroutines with select loops, loggers, metrics
// and table-driven tests. A seeded PRNG makes the same options produce the same bytes every time.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SyntheticRepoOptions {
  /** Folder to write into (created if missing). */
  dir: string;
  /** Approximate total size of the Go sources, in bytes. */
  targetBytes: number;
  seed?: number;
}

export interface SyntheticRepo {
  dir: string;
  goFiles: number;
  bytes: number;
}

/** mulberry32: tiny, fast and good enough to vary generated code. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns = [
  'order',
  'invoice',
  'customer',
  'account',
  'payment',
  'shipment',
  'product',
  'ticket',
  'session',
  'report',
  'tenant',
  'user',
  'cart',
  'price',
  'stock',
  'refund',
  'coupon',
  'review',
  'address',
  'webhook',
];
const verbs = [
  'create',
  'update',
  'delete',
  'load',
  'sync',
  'validate',
  'apply',
  'resolve',
  'fetch',
  'archive',
];
const fieldTypes = [
  'string',
  'int64',
  'bool',
  'time.Time',
  'float64',
  '[]string',
  'map[string]string',
  '*Meta',
];

class Writer {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = prng(seed);
  }
  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

const title = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

function structDecl(w: Writer, name: string): string {
  const fields: string[] = [];
  const count = 4 + w.int(8);
  for (let i = 0; i < count; i++) {
    const field = `${title(w.pick(nouns))}${title(w.pick(['id', 'name', 'count', 'at', 'ref', 'code']))}${i}`;
    const type = w.pick(fieldTypes);
    fields.push(`\t${field} ${type} \`json:"${field.toLowerCase()}" db:"${field.toLowerCase()}"\``);
  }
  return `// ${name} is one ${name.toLowerCase()} record as stored and served.\ntype ${name} struct {\n${fields.join('\n')}\n}\n`;
}

function method(w: Writer, recv: string, entity: string, index: number): string {
  const verb = w.pick(verbs);
  const name = `${title(verb)}${entity}${index}`;
  const lines = [
    `// ${name} ${verb}s the ${entity.toLowerCase()} and reports what went wrong.`,
    `func (s *${recv}) ${name}(ctx context.Context, id string, opts ...Option) (*${entity}, error) {`,
    `\tif id == "" {`,
    `\t\treturn nil, errors.New("${verb} ${entity.toLowerCase()}: empty id")`,
    `\t}`,
    `\tctx, cancel := context.WithTimeout(ctx, ${1 + w.int(30)}*time.Second)`,
    `\tdefer cancel()`,
    `\trow, err := s.store.Get(ctx, "${entity.toLowerCase()}s", id)`,
    `\tif err != nil {`,
    `\t\treturn nil, fmt.Errorf("${verb} ${entity.toLowerCase()} %s: %w", id, err)`,
    `\t}`,
  ];
  const steps = 2 + w.int(6);
  for (let i = 0; i < steps; i++) {
    switch (w.int(5)) {
      case 0:
        lines.push(
          `\tfor i, item := range row.Items {`,
          `\t\tif item.Value > ${w.int(1000)} {`,
          `\t\t\ts.log.Info("large item", zap.Int("index", i), zap.String("id", id))`,
          `\t\t}`,
          `\t}`,
        );
        break;
      case 1:
        lines.push(
          `\tif err := s.validate${i}(ctx, row); err != nil {`,
          `\t\ts.metrics.errors.WithLabelValues("${verb}").Inc()`,
          `\t\treturn nil, fmt.Errorf("validate: %w", err)`,
          `\t}`,
        );
        break;
      case 2:
        lines.push(
          `\tswitch row.State {`,
          `\tcase "open", "pending":`,
          `\t\trow.Touched = time.Now().UTC()`,
          `\tcase "closed":`,
          `\t\treturn nil, ErrClosed`,
          `\tdefault:`,
          `\t\ts.log.Warn("unknown state", zap.String("state", row.State))`,
          `\t}`,
        );
        break;
      case 3:
        lines.push(
          `\tresult := make(map[string]int, len(row.Tags))`,
          `\tfor _, tag := range row.Tags {`,
          `\t\tresult[strings.ToLower(tag)]++`,
          `\t}`,
          `\trow.Summary = fmt.Sprintf("%d tags, %d unique", len(row.Tags), len(result))`,
        );
        break;
      default:
        lines.push(
          `\tpayload, err := json.Marshal(row)`,
          `\tif err != nil {`,
          `\t\treturn nil, fmt.Errorf("encode ${entity.toLowerCase()}: %w", err)`,
          `\t}`,
          `\ts.cache.Set(id, payload, ${5 + w.int(60)}*time.Minute)`,
        );
    }
  }
  lines.push(`\treturn &${entity}{}, nil`, `}`, '');
  return lines.join('\n');
}

function handler(w: Writer, recv: string, entity: string, index: number): string {
  const route = `/api/v${1 + w.int(2)}/${entity.toLowerCase()}s`;
  return [
    `func (s *${recv}) handle${entity}${index}(w http.ResponseWriter, r *http.Request) {`,
    `\tid := chi.URLParam(r, "id")`,
    `\tstarted := time.Now()`,
    `\tdefer func() { s.metrics.latency.WithLabelValues("${route}").Observe(time.Since(started).Seconds()) }()`,
    `\titem, err := s.Load${entity}(r.Context(), id)`,
    `\tif err != nil {`,
    `\t\ts.log.Error("load failed", zap.Error(err), zap.String("route", "${route}"))`,
    `\t\thttp.Error(w, "not found", http.StatusNotFound)`,
    `\t\treturn`,
    `\t}`,
    `\tw.Header().Set("Content-Type", "application/json")`,
    `\tif err := json.NewEncoder(w).Encode(item); err != nil {`,
    `\t\ts.log.Warn("encode failed", zap.Error(err))`,
    `\t}`,
    `}`,
    '',
  ].join('\n');
}

function worker(w: Writer, recv: string, index: number): string {
  return [
    `func (s *${recv}) runWorker${index}(ctx context.Context, jobs <-chan Job) {`,
    `\tticker := time.NewTicker(${1 + w.int(10)} * time.Second)`,
    `\tdefer ticker.Stop()`,
    `\tvar wg sync.WaitGroup`,
    `\tfor i := 0; i < ${2 + w.int(6)}; i++ {`,
    `\t\twg.Add(1)`,
    `\t\tgo func(n int) {`,
    `\t\t\tdefer wg.Done()`,
    `\t\t\tfor {`,
    `\t\t\t\tselect {`,
    `\t\t\t\tcase <-ctx.Done():`,
    `\t\t\t\t\treturn`,
    `\t\t\t\tcase job := <-jobs:`,
    `\t\t\t\t\tif err := s.process(ctx, job); err != nil {`,
    `\t\t\t\t\t\ts.log.Error("job failed", zap.Int("worker", n), zap.Error(err))`,
    `\t\t\t\t\t}`,
    `\t\t\t\tcase <-ticker.C:`,
    `\t\t\t\t\ts.metrics.ticks.Inc()`,
    `\t\t\t\t}`,
    `\t\t\t}`,
    `\t\t}(i)`,
    `\t}`,
    `\twg.Wait()`,
    `}`,
    '',
  ].join('\n');
}

function sourceFile(w: Writer, pkg: string, fileIndex: number, targetBytes: number): string {
  const entity = `${title(w.pick(nouns))}${fileIndex}`;
  const recv = `${title(pkg)}Service`;
  const parts = [
    `// Package ${pkg} serves and stores ${pkg} records.`,
    `package ${pkg}`,
    '',
    'import (',
    '\t"context"',
    '\t"encoding/json"',
    '\t"errors"',
    '\t"fmt"',
    '\t"net/http"',
    '\t"strings"',
    '\t"sync"',
    '\t"time"',
    '',
    '\t"github.com/go-chi/chi/v5"',
    '\t"github.com/prometheus/client_golang/prometheus"',
    '\t"go.uber.org/zap"',
    ')',
    '',
    `var _ = prometheus.NewCounter`,
    '',
    structDecl(w, entity),
  ];
  let size = parts.join('\n').length;
  let index = 0;
  while (size < targetBytes) {
    const kind = w.int(10);
    const chunk =
      kind < 6
        ? method(w, recv, entity, index)
        : kind < 9
          ? handler(w, recv, entity, index)
          : worker(w, recv, index);
    parts.push(chunk);
    size += chunk.length + 1;
    index++;
  }
  return parts.join('\n');
}

function testFile(w: Writer, pkg: string, fileIndex: number): string {
  const cases: string[] = [];
  for (let i = 0; i < 3 + w.int(8); i++) {
    cases.push(`\t\t{name: "case ${i}", input: "${w.pick(nouns)}-${i}", want: ${w.chance(0.5)}},`);
  }
  return [
    `package ${pkg}`,
    '',
    'import "testing"',
    '',
    `func TestParse${fileIndex}(t *testing.T) {`,
    '\ttests := []struct {',
    '\t\tname  string',
    '\t\tinput string',
    '\t\twant  bool',
    '\t}{',
    ...cases,
    '\t}',
    '\tfor _, tt := range tests {',
    '\t\tt.Run(tt.name, func(t *testing.T) {',
    '\t\t\tif got := valid(tt.input); got != tt.want {',
    '\t\t\t\tt.Errorf("valid(%q) = %v, want %v", tt.input, got, tt.want)',
    '\t\t\t}',
    '\t\t})',
    '\t}',
    '}',
    '',
    `func FuzzParse${fileIndex}(f *testing.F) {`,
    '\tf.Add("seed")',
    '\tf.Fuzz(func(t *testing.T, s string) { _ = valid(s) })',
    '}',
    '',
  ].join('\n');
}

export function generateSyntheticRepo(options: SyntheticRepoOptions): SyntheticRepo {
  const w = new Writer(options.seed ?? 1);
  const { dir, targetBytes } = options;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/synthetic\n\ngo 1.22\n');
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(dir, '.github', 'workflows', 'ci.yml'),
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go test -race ./...\n',
  );
  let bytes = 0;
  let goFiles = 0;
  let packageIndex = 0;
  while (bytes < targetBytes) {
    const pkg = `${w.pick(nouns)}${packageIndex}`;
    const pkgDir = path.join(dir, 'internal', pkg);
    mkdirSync(pkgDir, { recursive: true });
    const files = 3 + w.int(10);
    for (let fileIndex = 0; fileIndex < files && bytes < targetBytes; fileIndex++) {
      const text = sourceFile(w, pkg, fileIndex, 4_000 + w.int(24_000));
      writeFileSync(path.join(pkgDir, `${w.pick(verbs)}_${fileIndex}.go`), text);
      bytes += Buffer.byteLength(text);
      goFiles++;
      if (w.chance(0.4)) {
        const test = testFile(w, pkg, fileIndex);
        writeFileSync(path.join(pkgDir, `${w.pick(verbs)}_${fileIndex}_test.go`), test);
        bytes += Buffer.byteLength(test);
        goFiles++;
      }
    }
    packageIndex++;
  }
  const main = [
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '\t"time"',
    ')',
    '',
    'func main() {',
    '\tsrv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}',
    '\t_ = srv.ListenAndServe()',
    '}',
    '',
  ].join('\n');
  mkdirSync(path.join(dir, 'cmd', 'server'), { recursive: true });
  writeFileSync(path.join(dir, 'cmd', 'server', 'main.go'), main);
  return { dir, goFiles: goFiles + 1, bytes: bytes + main.length };
}

// Run directly: `tsx scripts/generate-synthetic-repo.ts <dir> [--mb N] [--seed S]`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const dir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('usage: generate-synthetic-repo <dir> [--mb N] [--seed S]');
    process.exit(2);
  }
  const repo = generateSyntheticRepo({
    dir,
    targetBytes: flag('--mb', 50) * 1024 * 1024,
    seed: flag('--seed', 1),
  });
  console.log(`${repo.goFiles} Go files, ${(repo.bytes / 1024 / 1024).toFixed(1)} MB in ${repo.dir}`);
}
