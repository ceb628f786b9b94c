// The scanner's shared contracts: the facts collected once from a repository, and what a check returns.
// Facts are collected before any judgement (style: "facts before judgement"); checks read facts, never files.

export type RepoKind = 'service' | 'cli' | 'library';
export type CheckStatus = 'pass' | 'partial' | 'fail' | 'na' | 'unknown';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** One piece of evidence: repo-relative posix path, 1-based line, a short snippet (never a secret), a message. */
export interface Evidence {
  file: string;
  line: number;
  snippet: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Walking the repository (src/scan/source/walk.ts)

export interface WalkedFile {
  /** Repo-relative posix path. */
  path: string;
  size: number;
}

export type SkipReason =
  | 'symlink'
  | 'binary'
  | 'too-large'
  | 'generated'
  | 'excluded-dir'
  | 'unreadable'
  | 'limit-files'
  | 'limit-bytes';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
}

export interface WalkResult {
  root: string;
  /** Every regular, readable, non-binary file under the size limit that the scan may read (Go and not). */
  files: WalkedFile[];
  /** The `.go` files among `files` that are not generated (the generated ones are in `skipped`). */
  goFiles: WalkedFile[];
  skipped: SkippedFile[];
  bytes: number;
  /** Set when a limit (file count, total bytes, time) cut the walk short. */
  truncated: string | null;
}

// ---------------------------------------------------------------------------------------------
// Per-file Go facts (src/scan/facts/go/*). One record per parsed .go file; the syntax tree is dropped.

export interface GoImport {
  /** Import path, e.g. `net/http`. */
  path: string;
  /** The name the file uses: the alias, or the last path element by the usual conventions (a `/v2` major
   *  version element and a gopkg.in `.v3` suffix skipped; a `go-` prefix or `-go`/`.go` suffix dropped and
   *  other dashes or dots made `_`: `sentry-go` → `sentry`); `_` for blank imports, `.` for dot imports. */
  name: string;
  line: number;
}

export interface GoParam {
  name: string | null;
  /** Type text as written, e.g. `context.Context`, `*http.Request`, `http.ResponseWriter`. */
  type: string;
}

export interface GoFunc {
  name: string;
  /** Receiver base type name for methods (`*Server[T]` → `Server`), null for plain functions and func literals. */
  receiver: string | null;
  exported: boolean;
  line: number;
  endLine: number;
  params: GoParam[];
  /** Result type texts, e.g. [`*User`, `error`]. */
  results: string[];
  /** Lines of `panic(...)` calls directly in this function's body (not in nested func literals). */
  panicLines: number[];
  /** True when the body (or a func literal it defers) calls `recover()` inside a `defer`. */
  defersRecover: boolean;
  /** Lines of `return nil, nil` statements. */
  nilNilReturns: number[];
}

export interface GoCall {
  /** Callee text with whitespace removed, e.g. `http.ListenAndServe`, `srv.Shutdown`, `r.Use`,
   *  `otelhttp.NewHandler`, `prometheus.NewHistogramVec`, `recover`, `panic`. Truncated to 120 chars. */
  callee: string;
  /** Last identifier of the callee: `ListenAndServe`, `Shutdown`, `Use`. */
  name: string;
  /** Text before the last `.` (`http`, `srv`, `r`, `http.DefaultClient`), null for a plain identifier. */
  recv: string | null;
  /** Import path when `recv` is a package name imported by this file (`net/http` for `http.Get`), else null. */
  pkg: string | null;
  line: number;
  /** Argument texts, each truncated to 200 chars. */
  args: string[];
  /** Name of the enclosing top-level function or method (`Server.Run` for methods), null at package level. */
  func: string | null;
  /** The call is the operand of a `defer` / `go` statement. */
  inDefer: boolean;
  inGo: boolean;
  /** The variable or field the result is bound to when the call is a whole value of `x := f()`,
   *  `x = f()`, `var x = f()` or `s.f = f()` with as many targets as values (target text without spaces). */
  assignedTo?: string;
}

/** A keyed composite literal such as `&http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}`. */
export interface GoComposite {
  /** Type text as written without `&`: `http.Server`, `tls.Config`, `grpc.ServerOption`. */
  type: string;
  /** Import path of the type's package when qualified by an imported package, else null. */
  pkg: string | null;
  /** Unqualified type name: `Server`. */
  typeName: string;
  /** Key → value text (truncated to 200 chars) for keyed elements. */
  fields: Record<string, string>;
  line: number;
  func: string | null;
  /** Where the literal (or `&` literal) is bound, as for calls: `srv` in `srv := &http.Server{…}`. */
  assignedTo?: string;
}

/** An assignment statement to a selector: `e.Server.ReadTimeout = 5 * time.Second`, `s.count += n`. */
export interface GoAssignment {
  /** Target text without spaces: `e.Server.ReadTimeout`. Truncated to 120 chars. */
  lhs: string;
  /** Last identifier of the target: `ReadTimeout`. */
  field: string;
  /** Value text truncated like call arguments (the whole value list when its count differs from the targets'). */
  rhs: string;
  /** The operator: `=`, `+=`, `|=`… */
  op: string;
  line: number;
  func: string | null;
}

/** A string literal worth keeping (routes, SQL-ish text, env var names…): every non-empty literal up to
 *  200 chars (struct tags included, import paths not), as its value: unquoted, escapes decoded. */
export interface GoString {
  value: string;
  line: number;
}

/** A `go` statement. */
export interface GoStmt {
  line: number;
  func: string | null;
  /** Callee text when it starts a named function (`go worker(ctx)` → `worker`), null for a func literal. */
  callee: string | null;
  /** Inside a `for` loop body of the enclosing function. */
  inLoop: boolean;
  /** Loop variables of enclosing loops that a func literal refers to without receiving them as an
   *  argument or re-binding them (`v := v`) — the pre-Go 1.22 capture hazard. Empty when none. */
  capturedLoopVars: string[];
  /** The func literal (or the body of the named function when in this file) contains an endless loop
   *  (`for {}` or `for range ticker.C`/channel). */
  endlessLoop: boolean;
  /** Such a loop has a way out: `ctx.Done()`, a done/quit channel case, a `return` or `break` to exit. */
  loopExit: boolean;
}

/** A `defer` statement: the same loop-capture facts as `go`, since a deferred closure in a loop runs late. */
export interface GoDeferStmt {
  line: number;
  func: string | null;
  /** Callee text for a named call (`rows.Close`), null for a func literal. */
  callee: string | null;
  inLoop: boolean;
  capturedLoopVars: string[];
}

/** A test, fuzz target, benchmark or example function in a `_test.go` file. */
export interface GoTestFunc {
  name: string;
  kind: 'test' | 'fuzz' | 'benchmark' | 'example';
  line: number;
  /** Ranges over a slice or map of cases and calls `t.Run` in the loop. */
  tableDriven: boolean;
  usesSubtests: boolean;
}

/** A selector or identifier used as a value, not called: `http.DefaultClient`, `promhttp.Handler` passed along. */
export interface GoSelectorUse {
  text: string;
  pkg: string | null;
  line: number;
}

export interface GoFileFacts {
  path: string;
  /** The folder that holds the file (posix, '.' for the root); a Go package is a folder. */
  dir: string;
  package: string;
  isTest: boolean;
  /** Constraint text of a `//go:build` line, or null. */
  buildConstraint: string | null;
  lines: number;
  bytes: number;
  imports: GoImport[];
  /** Function and method declarations, and func literals named `<enclosing>.funcN` (as in Go stack traces,
   *  `Server.Run.func1`; `glob.funcN` at package level), in source order. */
  funcs: GoFunc[];
  /** Every call except `len`/`cap`/`append`/`copy`/`delete`/`clear`/`min`/`max` and conversions to
   *  predeclared types (`string(b)`, `[]byte(s)`), which are common and tell no check anything. */
  calls: GoCall[];
  composites: GoComposite[];
  strings: GoString[];
  goStmts: GoStmt[];
  /** Every `defer` statement (filled by the tree-sitter collector; optional for hand-built facts). */
  deferStmts?: GoDeferStmt[];
  tests: GoTestFunc[];
  selectors: GoSelectorUse[];
  /** Assignment statements whose target is a selector (filled by the tree-sitter collector; optional for
   *  hand-built facts). Plain identifier targets are not recorded. */
  assignments?: GoAssignment[];
  /** Tree-sitter reported ERROR/MISSING nodes (the file was still read; facts may be partial). */
  hasSyntaxErrors: boolean;
}

export interface UnparsedFile {
  path: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Repository-level facts (src/scan/facts/repo/*): go.mod, CI, Makefiles, Docker, Kubernetes, config.

export interface GoModule {
  /** Folder of the go.mod, repo-relative posix ('.' for the root). */
  path: string;
  /** Module path from the `module` directive. */
  module: string;
  /** Value of the `go` directive, or null when absent. */
  go: string | null;
  toolchain: string | null;
  requires: { path: string; version: string; indirect: boolean }[];
  line: number;
}

/** A shell command that a CI pipeline runs, directly or through make/task/script targets. */
export interface CiCommand {
  /** The command text, e.g. `go test -race ./...`. */
  text: string;
  /** Where the command is written. */
  file: string;
  line: number;
  /** How CI reaches it, outermost first: e.g. [`.github/workflows/ci.yml:14 run: make test`, `Makefile:7 test`]. */
  via: string[];
  /** Go-relevant environment the command runs with (e.g. `GOFLAGS` from CI `env:` or an exported make var). */
  env?: Record<string, string>;
  /** The command as written, when `text` is its expansion (make/task variables filled in). */
  raw?: string;
}

export interface CiFacts {
  /** CI systems found, e.g. `github-actions`, `gitlab-ci`, `circleci`. */
  providers: string[];
  /** CI configuration files read. */
  files: string[];
  /** Every command run, with make/task/script calls followed to the commands they run. */
  commands: CiCommand[];
  /** Reusable actions/orbs/images used (`golangci/golangci-lint-action@v6`, `golang/govulncheck-action@v1`). */
  actions: { name: string; file: string; line: number; with: Record<string, string> }[];
  /** Service containers / dependencies started by CI (`services: postgres`, `docker compose up`). */
  services: { name: string; file: string; line: number }[];
  /** Commands in Makefiles/Taskfiles that no CI step reaches (only for hints such as "make test runs
   *  go test but CI never calls it"); `via` names the target. */
  uncalled?: CiCommand[];
  /** CI files (configs, included files, Taskfiles CI calls) that could not be read; also in `RepoFiles.unreadable`. */
  unreadable?: UnparsedFile[];
}

export interface GolangciFacts {
  file: string;
  /** Linters that the configuration (or golangci-lint's defaults) enables. */
  enabled: string[];
  /** Formatters enabled (v2 `formatters:` or v1 linters gofmt/goimports/gofumpt). */
  formatters: string[];
  /** Config format version (1 or 2), when known. */
  version?: number;
  /** Line where the config names each linter/formatter; absent when it is on by default only. */
  lines?: Record<string, number>;
}

export interface DockerfileFacts {
  file: string;
  stages: { from: string; name: string | null; line: number }[];
  /** Final stage's base image. */
  finalBase: string | null;
  user: { value: string; line: number } | null;
  cgoDisabled: { line: number } | null;
  /** ko / goreleaser configs count as image builds too. */
  kind: 'dockerfile' | 'ko' | 'goreleaser';
  /** 1-based line of the first instruction (or the config key for ko/goreleaser), for evidence. */
  line?: number;
  /** goreleaser: the Dockerfiles its `dockers` entries build (the binary is built outside them). */
  dockerfiles?: string[];
  /** Lines of static-linking flags (`-extldflags -static`, `netgo`) when CGO is not switched off by name. */
  staticFlags?: { line: number } | null;
  /** Line of a `RUN` that compiles Go (`go build`/`go install`); null when the image only copies a binary. */
  goBuild?: { line: number } | null;
}

export interface K8sContainerFacts {
  file: string;
  line: number;
  workload: string;
  container: string;
  readinessProbe: boolean;
  livenessProbe: boolean;
  startupProbe: boolean;
  preStop: boolean;
  terminationGracePeriodSeconds: number | null;
  /** Workload kind (`Deployment`, `CronJob`…): only long-running workloads need probes. */
  kind?: string;
  /** Lines of the probe / lifecycle keys found, for evidence. */
  lines?: Partial<
    Record<
      'readinessProbe' | 'livenessProbe' | 'startupProbe' | 'preStop' | 'terminationGracePeriodSeconds',
      number
    >
  >;
  /** Read from a Helm template by text (not parsed as YAML). */
  template?: boolean;
}

export interface DependencyUpdateFacts {
  /** `dependabot` / `renovate` configs found, and whether they cover Go modules. */
  tools: {
    tool: 'dependabot' | 'renovate';
    file: string;
    line: number;
    coversGo: boolean;
    /** Dependabot: the `directory`/`directories` of its gomod entries (Renovate finds every go.mod itself). */
    directories?: string[];
  }[];
}

export interface RepoFiles {
  modules: GoModule[];
  ci: CiFacts;
  golangci: GolangciFacts | null;
  dockerfiles: DockerfileFacts[];
  k8s: { manifests: string[]; helmCharts: string[]; containers: K8sContainerFacts[] };
  dependencyUpdates: DependencyUpdateFacts;
  /** Repo-relative files that could not be read as their format (bad YAML…), with the reason. */
  unreadable: UnparsedFile[];
}

// ---------------------------------------------------------------------------------------------
// Everything a check may read.

export interface KindFacts {
  kinds: RepoKind[];
  evidence: Evidence[];
}

export interface RepoFacts {
  root: string;
  walk: WalkResult;
  go: GoFileFacts[];
  unparsed: UnparsedFile[];
  repo: RepoFiles;
  kinds: KindFacts;
}

// ---------------------------------------------------------------------------------------------
// Checks. A check implementation is a pure function from facts (and its checklist params) to an outcome.

export interface CheckOutcome {
  status: CheckStatus;
  /** 0–10. Omit to use the status default (pass 10, fail 0); set for partial and ratio checks. */
  score?: number;
  /** One or two sentences: why this status (for na/unknown, why it does not apply / could not be decided). */
  reason: string;
  evidence: Evidence[];
}

export interface CheckContext {
  facts: RepoFacts;
  /** The check's `params` from the checklist YAML (thresholds, caps). */
  params: Record<string, unknown>;
}

export interface CheckImplementation {
  id: string;
  run: (ctx: CheckContext) => CheckOutcome;
}
