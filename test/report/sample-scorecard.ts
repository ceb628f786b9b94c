// A fixed, hand-built scorecard for the renderer tests and golden files: every status, a blocker, evidence
// with awkward characters, per-module results, a fixed date and duration.
import type { CheckResult, Scorecard } from '../../src/report/types.js';

function check(over: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status' | 'score'>): CheckResult {
  return {
    severity: 'medium',
    category: over.id.split('.')[0]!,
    title: `Title of ${over.id}`,
    blocking: false,
    reason: 'Reason.',
    evidence: [],
    remediation: 'Do the **right** thing.',
    why: 'It matters in production.',
    sources: [{ file: '001_example.txt', section: 'A section' }],
    example: 'package main\n\nfunc main() {}\n',
    exampleLanguage: 'go',
    ...over,
  };
}

export function sampleScorecard(): Scorecard {
  return {
    schemaVersion: 1,
    generatedAt: '2025-01-02T03:04:05.000Z',
    tool: { name: 'gonogo', version: '0.1.0' },
    repo: {
      source: 'https://example.com/acme/orders.git',
      commit: '0123456789abcdef0123456789abcdef01234567',
      kinds: ['service', 'library'],
      modules: [
        { path: '.', module: 'example.com/acme/orders', go: '1.22' },
        { path: 'tools', module: 'example.com/acme/orders/tools', go: null },
      ],
    },
    checklist: { id: 'go-production', version: '1.0.0', title: 'Go production readiness', threshold: 70 },
    score: 61.4,
    grade: 'D',
    verdict: 'no-go',
    verdictReason:
      'Blocking check fails: lifecycle.graceful-shutdown. The score 61.4 is under the threshold 70.',
    blockers: ['lifecycle.graceful-shutdown'],
    checks: [
      check({
        id: 'lifecycle.graceful-shutdown',
        title: 'SIGTERM drains in-flight work',
        status: 'fail',
        score: 0,
        severity: 'critical',
        blocking: true,
        reason: 'No signal handling and no Shutdown call found in package main.',
        evidence: [
          {
            file: 'cmd/orders/main.go',
            line: 42,
            snippet: 'log.Fatal(http.ListenAndServe(":8080", mux))',
            message: 'server started without a way to drain it',
          },
        ],
        remediation:
          'Catch SIGTERM with `signal.NotifyContext` and call `srv.Shutdown(ctx)` with a deadline.',
        example:
          'func run(srv *http.Server) error {\n\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)\n\tdefer stop()\n\t<-ctx.Done()\n\treturn srv.Shutdown(context.Background())\n}\n',
        modules: [
          { path: '.', status: 'fail', score: 0, reason: 'No signal handling.' },
          {
            path: 'tools',
            status: 'na',
            score: null,
            reason: 'Applies to service code; it is a library (module tools).',
          },
        ],
      }),
      check({
        id: 'lifecycle.health-endpoints',
        title: 'Liveness/readiness endpoints exist',
        status: 'pass',
        score: 10,
        severity: 'high',
        blocking: true,
        reason: 'Separate /livez and /readyz routes.',
        evidence: [
          {
            file: 'internal/http/routes.go',
            line: 12,
            snippet: 'mux.HandleFunc("/livez", live)',
            message: 'liveness route',
          },
          {
            file: 'internal/http/routes.go',
            line: 13,
            snippet: 'mux.HandleFunc("/readyz", ready)',
            message: 'readiness route',
          },
        ],
      }),
      check({
        id: 'logging.structured',
        title: 'Logs are structured',
        status: 'partial',
        score: 6.5,
        severity: 'high',
        reason: 'slog is used, but 7 stdlib log calls remain outside package main (7 in all; 3 shown).',
        evidence: [
          {
            file: 'internal/store/db.go',
            line: 88,
            snippet: 'log.Printf("query | %s `%v`", q, err)',
            message: 'unstructured log call',
          },
          {
            file: 'internal/store/cache.go',
            line: 19,
            snippet: 'log.Println("miss")',
            message: 'unstructured log call',
          },
          {
            file: 'internal/store/dir with space/a.go',
            line: 3,
            snippet: '`raw`',
            message: 'unstructured log call',
          },
        ],
        modules: [
          { path: '.', status: 'partial', score: 6.5, reason: 'Mixed styles.' },
          { path: 'tools', status: 'pass', score: 10, reason: 'slog only.' },
        ],
      }),
      check({
        id: 'ci.tests',
        title: 'CI runs the tests',
        status: 'pass',
        score: 10,
        severity: 'critical',
        blocking: true,
        reason: 'GitHub Actions runs go test through make test.',
        evidence: [
          { file: 'Makefile', line: 7, snippet: 'go test ./...', message: 'via .github/workflows/ci.yml:14' },
        ],
        exampleLanguage: 'yaml',
        example: 'run: go test ./...\n',
      }),
      check({
        id: 'ci.staticcheck',
        title: 'CI runs staticcheck',
        status: 'fail',
        score: 0,
        reason: 'No staticcheck or golangci-lint step in CI.',
        evidence: [],
      }),
      check({
        id: 'profiling.pprof',
        title: 'Profiles can be taken in production',
        status: 'na',
        score: null,
        severity: 'low',
        reason: 'suppressed by .gonogo.yml: profiles come from the platform agent',
      }),
      check({
        id: 'deploy.probes',
        title: 'Kubernetes probes are declared',
        status: 'unknown',
        score: null,
        reason: 'not implemented yet',
        example: 'readinessProbe:\n  httpGet: { path: /readyz, port: 8080 }\n',
        exampleLanguage: 'yaml',
      }),
    ],
    stats: {
      files: 120,
      goFiles: 80,
      bytes: 654321,
      durationMs: 1234,
      skipped: 5,
      unparsed: 1,
      unparsedFiles: [{ path: 'internal/broken.go', reason: 'syntax errors' }],
      truncated: null,
    },
  };
}
