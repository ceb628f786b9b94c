// parseGoSource: small Go sources in, the facts each field promises out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoSource } from '../../src/scan/facts/go/collect.js';
import { defaultImportName } from '../../src/scan/facts/go/import-names.js';
import { loadGoGrammar, toSyntaxTree } from '../../src/scan/facts/go/parser.js';
import type { GoFileFacts } from '../../src/scan/types.js';

const parse = (source: string, file = 'svc/main.go'): Promise<GoFileFacts> => parseGoSource(file, source);

describe('imports', () => {
  it('names each import the way the file uses it', async () => {
    const facts = await parse(`package main

import (
	"fmt"
	h "net/http"
	_ "net/http/pprof"
	. "strings"
	"github.com/go-chi/chi/v5"
	"gopkg.in/yaml.v3"
	"github.com/sirupsen/logrus"
	"github.com/labstack/echo/v4"
)
`);
    assert.deepEqual(
      facts.imports.map(({ path, name, line }) => [path, name, line]),
      [
        ['fmt', 'fmt', 4],
        ['net/http', 'h', 5],
        ['net/http/pprof', '_', 6],
        ['strings', '.', 7],
        ['github.com/go-chi/chi/v5', 'chi', 8],
        ['gopkg.in/yaml.v3', 'yaml', 9],
        ['github.com/sirupsen/logrus', 'logrus', 10],
        ['github.com/labstack/echo/v4', 'echo', 11],
      ],
    );
  });

  for (const [importPath, name] of [
    ['github.com/getsentry/sentry-go', 'sentry'],
    ['github.com/hashicorp/go-hclog', 'hclog'],
    ['github.com/mattn/go-sqlite3', 'sqlite3'],
    ['github.com/nats-io/nats.go', 'nats'],
    ['github.com/grpc-ecosystem/go-grpc-middleware', 'grpc_middleware'],
    ['gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer', 'tracer'],
    ['github.com/jackc/pgx/v5', 'pgx'],
    ['google.golang.org/grpc', 'grpc'],
  ] as const) {
    it(`${importPath} is used as ${name}`, () => assert.equal(defaultImportName(importPath), name));
  }
});

describe('calls', () => {
  it('resolves packages, receivers, chains, arguments and the enclosing function', async () => {
    const facts = await parse(`package main

import (
	"net/http"
	"time"
)

func (s *Server) Run() error {
	http.DefaultClient.Do(req)
	resp, err := http.Get(url)
	s.srv.Shutdown(ctx)
	a.b().c("x", 42)
	time.Sleep(time.Second)
	return run()
}

var client = http.Client{Timeout: time.Second}
var started = time.Now()
`);
    const byCallee = new Map(facts.calls.map((call) => [call.callee, call]));
    assert.deepEqual(
      [...byCallee.keys()],
      [
        'http.DefaultClient.Do',
        'http.Get',
        's.srv.Shutdown',
        'a.b().c',
        'a.b',
        'time.Sleep',
        'run',
        'time.Now',
      ],
    );
    const chained = byCallee.get('http.DefaultClient.Do')!;
    assert.equal(chained.recv, 'http.DefaultClient');
    assert.equal(chained.name, 'Do');
    assert.equal(chained.pkg, null);
    assert.equal(chained.func, 'Server.Run');
    assert.equal(chained.line, 9);
    assert.equal(byCallee.get('http.Get')!.pkg, 'net/http');
    assert.deepEqual(byCallee.get('http.Get')!.args, ['url']);
    assert.equal(byCallee.get('s.srv.Shutdown')!.recv, 's.srv');
    assert.deepEqual(byCallee.get('a.b().c')!.args, ['"x"', '42']);
    assert.equal(byCallee.get('run')!.recv, null);
    assert.equal(byCallee.get('run')!.name, 'run');
    assert.equal(byCallee.get('time.Now')!.func, null);
    // A used value, not a call: http.DefaultClient and time.Second are selector uses.
    assert.deepEqual(
      facts.selectors.map((use) => [use.text, use.pkg]),
      [
        ['http.DefaultClient', 'net/http'],
        ['time.Second', 'time'],
        ['time.Second', 'time'],
      ],
    );
  });

  it('does not resolve a package name that a local variable shadows', async () => {
    const facts = await parse(`package main

import "log"

func main() {
	log.Println("std")
	log := newLogger()
	log.Println("local")
}
`);
    assert.deepEqual(
      facts.calls.filter((call) => call.name === 'Println').map((call) => call.pkg),
      ['log', null],
    );
  });

  it('leaves out bookkeeping builtins and conversions, but keeps make, new and shadowing functions', async () => {
    const facts = await parse(`package main

func main() {
	n := len(items) + cap(items)
	items = append(items, string(b), []byte(s))
	ch := make(chan int)
	p := new(Server)
}

func other() {
	len := func(x []int) int { return 0 }
	len(nil)
}
`);
    assert.deepEqual(
      facts.calls.map((call) => [call.callee, call.line]),
      [
        ['make', 6],
        ['new', 7],
        ['len', 12],
      ],
    );
  });

  it('marks calls started by defer and go', async () => {
    const facts = await parse(`package main

func main() {
	defer rows.Close()
	go serve(ln)
}
`);
    const close = facts.calls.find((call) => call.callee === 'rows.Close')!;
    const serve = facts.calls.find((call) => call.callee === 'serve')!;
    assert.deepEqual([close.inDefer, close.inGo, serve.inDefer, serve.inGo], [true, false, false, true]);
  });
});

describe('composite literals', () => {
  it('records the type, package and keyed fields of &http.Server{...}', async () => {
    const facts = await parse(`package main

import (
	"crypto/tls"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{
		Addr:              ":8080",
		ReadHeaderTimeout: 5 * time.Second,
		TLSConfig:         &tls.Config{InsecureSkipVerify: true},
	}
	_ = Options{Retries: 3}
	_ = []string{"a"}
}
`);
    assert.deepEqual(
      facts.composites.map(({ type, pkg, typeName, line, func }) => ({ type, pkg, typeName, line, func })),
      [
        { type: 'http.Server', pkg: 'net/http', typeName: 'Server', line: 10, func: 'main' },
        { type: 'tls.Config', pkg: 'crypto/tls', typeName: 'Config', line: 13, func: 'main' },
        { type: 'Options', pkg: null, typeName: 'Options', line: 15, func: 'main' },
      ],
    );
    assert.deepEqual(facts.composites[0]!.fields, {
      Addr: '":8080"',
      ReadHeaderTimeout: '5 * time.Second',
      TLSConfig: '&tls.Config{InsecureSkipVerify: true}',
    });
    assert.deepEqual(facts.composites[1]!.fields, { InsecureSkipVerify: 'true' });
  });
});

describe('assignments', () => {
  it('records selector targets with their field, value, operator, line and function', async () => {
    const facts = await parse(`package main

var started = time.Now()

func (s *Server) Run() {
	e.Server.ReadTimeout = 5 * time.Second
	s.count += 1
	s . hits [0] = 2
	tr.TLSClientConfig.InsecureSkipVerify, n = true, 3
	cfg.Addr, err = load()
	s.mode = /* default */ "fast"
	x = 4
	y := 5
	go func() { s.done = true }()
}
`);
    assert.deepEqual(facts.assignments, [
      {
        lhs: 'e.Server.ReadTimeout',
        field: 'ReadTimeout',
        rhs: '5 * time.Second',
        op: '=',
        line: 6,
        func: 'Server.Run',
      },
      { lhs: 's.count', field: 'count', rhs: '1', op: '+=', line: 7, func: 'Server.Run' },
      {
        lhs: 'tr.TLSClientConfig.InsecureSkipVerify',
        field: 'InsecureSkipVerify',
        rhs: 'true',
        op: '=',
        line: 9,
        func: 'Server.Run',
      },
      { lhs: 'cfg.Addr', field: 'Addr', rhs: 'load()', op: '=', line: 10, func: 'Server.Run' },
      { lhs: 's.mode', field: 'mode', rhs: '"fast"', op: '=', line: 11, func: 'Server.Run' },
      { lhs: 's.done', field: 'done', rhs: 'true', op: '=', line: 14, func: 'Server.Run' },
    ]);
    // Values are still visited: the call on the right is recorded as usual.
    assert.ok(facts.calls.some((call) => call.callee === 'load' && call.line === 10));
  });

  it('truncates long values like call arguments', async () => {
    const long = 'a'.repeat(300);
    const facts = await parse(`package main

func f() {
	s.name = "${long}"
}
`);
    assert.equal(facts.assignments?.[0]?.rhs.length, 200);
  });

  it('marks calls and composite literals with the name they are bound to', async () => {
    const facts = await parse(`package main

var shared = &http.Server{Addr: ":1"}

func main() {
	srv := &http.Server{Addr: ":8080"}
	hs := http.NewServer(http.Address(":8000"))
	s.srv = &http.Server{Addr: ":9090"}
	a, b := http.NewServer(), Options{Retries: 3}
	c, err := build()
	n += count()
	_ = wrap(&Options{})
}
`);
    assert.deepEqual(
      facts.composites.map((c) => [c.line, c.typeName, c.assignedTo]),
      [
        [3, 'Server', 'shared'],
        [6, 'Server', 'srv'],
        [8, 'Server', 's.srv'],
        [9, 'Options', 'b'],
        [12, 'Options', undefined],
      ],
    );
    assert.deepEqual(
      facts.calls.map((c) => [c.line, c.callee, c.assignedTo]),
      [
        [7, 'http.NewServer', 'hs'],
        [7, 'http.Address', undefined],
        [9, 'http.NewServer', 'a'],
        [10, 'build', undefined],
        [11, 'count', undefined],
        [12, 'wrap', undefined],
      ],
    );
  });
});

describe('strings', () => {
  it('keeps literal values (unquoted, escapes decoded) with their lines, but not import paths', async () => {
    const facts = await parse(`package main

import "net/http"

type Config struct {
	DSN string \`env:"DATABASE_URL"\`
}

func main() {
	http.HandleFunc("/healthz", health)
	msg := "tab\\there"
	raw := \`multi
line\`
	empty := ""
	long := "${'y'.repeat(201)}"
}
`);
    assert.deepEqual(
      facts.strings.map(({ value, line }) => [value, line]),
      [
        ['env:"DATABASE_URL"', 6],
        ['/healthz', 10],
        ['tab\there', 11],
        ['multi\nline', 12],
      ],
    );
  });
});

describe('functions', () => {
  it('records receivers, params, results, panics, deferred recovers and nil-nil returns', async () => {
    const facts = await parse(`package store

import "context"

func (s *Store[T]) Find(ctx context.Context, ids ...string) (*User, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	go func() {
		panic("not in Find's own body")
	}()
	panic("boom")
}

func MustLoad(a, b int) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return 0, nil
}

func guarded() {
	defer handlePanic()
	work()
}

func handlePanic() {
	if r := recover(); r != nil {
		report(r)
	}
}
`);
    const find = facts.funcs.find((fn) => fn.name === 'Find')!;
    assert.deepEqual(
      {
        receiver: find.receiver,
        exported: find.exported,
        line: find.line,
        endLine: find.endLine,
        params: find.params,
        results: find.results,
        panicLines: find.panicLines,
        nilNilReturns: find.nilNilReturns,
        defersRecover: find.defersRecover,
      },
      {
        receiver: 'Store',
        exported: true,
        line: 5,
        endLine: 13,
        params: [
          { name: 'ctx', type: 'context.Context' },
          { name: 'ids', type: '...string' },
        ],
        results: ['*User', 'error'],
        panicLines: [12],
        nilNilReturns: [7],
        defersRecover: false,
      },
    );
    const literal = facts.funcs.find((fn) => fn.name === 'Store.Find.func1')!;
    assert.deepEqual([literal.receiver, literal.exported, literal.panicLines], [null, false, [10]]);

    const mustLoad = facts.funcs.find((fn) => fn.name === 'MustLoad')!;
    assert.equal(mustLoad.defersRecover, true);
    assert.deepEqual(mustLoad.params, [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ]);
    assert.deepEqual(mustLoad.results, ['int', 'error']);
    assert.deepEqual(mustLoad.nilNilReturns, []);
    assert.equal(facts.funcs.find((fn) => fn.name === 'guarded')!.defersRecover, true);
    assert.equal(facts.funcs.find((fn) => fn.name === 'handlePanic')!.defersRecover, false);
  });
});

describe('go statements', () => {
  const goStmts = async (body: string): Promise<GoFileFacts['goStmts']> =>
    (await parse(`package main\n\nfunc run(ctx context.Context, items []string) {\n${body}\n}\n`)).goStmts;

  const cases: { name: string; body: string; captured: string[]; inLoop?: boolean }[] = [
    {
      name: 'range value used directly',
      body: 'for _, item := range items {\n\tgo func() { use(item) }()\n}',
      captured: ['item'],
    },
    {
      name: 'range key and value used directly',
      body: 'for i, item := range items {\n\tgo func() { use(i, item) }()\n}',
      captured: ['i', 'item'],
    },
    {
      name: '3-clause loop variable',
      body: 'for i := 0; i < n; i++ {\n\tgo func() { use(i) }()\n}',
      captured: ['i'],
    },
    {
      name: 're-bound with v := v',
      body: 'for _, v := range items {\n\tv := v\n\tgo func() { use(v) }()\n}',
      captured: [],
    },
    {
      name: 'passed as an argument',
      body: 'for _, v := range items {\n\tgo func(v string) { use(v) }(v)\n}',
      captured: [],
    },
    {
      name: 'shadowed by the literal parameter',
      body: 'for _, v := range items {\n\tgo func(v string) { use(v) }(other)\n}',
      captured: [],
    },
    {
      name: 'declared again inside the literal before use',
      body: 'for _, v := range items {\n\tgo func() { v := load(); use(v) }()\n}',
      captured: [],
    },
    {
      name: 'nested loops: outer variable captured, inner passed',
      body: 'for _, a := range items {\n\tfor _, b := range a {\n\t\tgo func(b byte) { use(a, b) }(b)\n\t}\n}',
      captured: ['a'],
    },
    { name: 'not in a loop', body: 'v := 1\ngo func() { use(v) }()', captured: [], inLoop: false },
    {
      name: 'field names in a composite literal are not references',
      body: 'for _, item := range items {\n\tgo func() { send(Msg{item: 1}) }()\n}',
      captured: [],
    },
  ];
  for (const testCase of cases) {
    it(`captures: ${testCase.name}`, async () => {
      const [stmt] = await goStmts(testCase.body);
      assert.ok(stmt);
      assert.deepEqual(stmt.capturedLoopVars, testCase.captured);
      assert.equal(stmt.inLoop, testCase.inLoop ?? true);
      assert.equal(stmt.callee, null);
      assert.equal(stmt.func, 'run');
    });
  }

  const loops: { name: string; body: string; endless: boolean; exit: boolean }[] = [
    {
      name: 'for {} with ctx.Done()',
      body: 'go func() {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\tcase j := <-jobs:\n\t\t\tdo(j)\n\t\t}\n\t}\n}()',
      endless: true,
      exit: true,
    },
    {
      name: 'for {} without exit',
      body: 'go func() {\n\tfor {\n\t\tpoll()\n\t\ttime.Sleep(time.Second)\n\t}\n}()',
      endless: true,
      exit: false,
    },
    {
      name: 'for {} whose break only leaves a select',
      body: 'go func() {\n\tfor {\n\t\tselect {\n\t\tcase <-tick:\n\t\t\tbreak\n\t\t}\n\t}\n}()',
      endless: true,
      exit: false,
    },
    {
      name: 'labelled break leaves the loop',
      body: 'go func() {\nloop:\n\tfor {\n\t\tselect {\n\t\tcase <-tick:\n\t\t\tbreak loop\n\t\t}\n\t}\n}()',
      endless: true,
      exit: true,
    },
    {
      name: 'done channel case',
      body: 'go func() {\n\tfor {\n\t\tselect {\n\t\tcase <-quit:\n\t\t\tcleanup()\n\t\t\tbreak\n\t\tdefault:\n\t\t}\n\t}\n}()',
      endless: true,
      exit: true,
    },
    {
      name: 'range over ticker.C',
      body: 'go func() {\n\tfor range ticker.C {\n\t\tflush()\n\t}\n}()',
      endless: true,
      exit: false,
    },
    {
      name: 'range over a channel',
      body: 'go func() {\n\tfor job := range jobs {\n\t\tdo(job)\n\t}\n}()',
      endless: true,
      exit: true,
    },
    {
      name: 'return inside a nested closure does not count',
      body: 'go func() {\n\tfor {\n\t\tdefer func() { return }()\n\t}\n}()',
      endless: true,
      exit: false,
    },
    {
      name: 'bounded loop',
      body: 'go func() {\n\tfor i := 0; i < 3; i++ {\n\t\tdo(i)\n\t}\n}()',
      endless: false,
      exit: false,
    },
  ];
  for (const testCase of loops) {
    it(`loops: ${testCase.name}`, async () => {
      const [stmt] = await goStmts(testCase.body);
      assert.ok(stmt);
      assert.deepEqual([stmt.endlessLoop, stmt.loopExit], [testCase.endless, testCase.exit]);
    });
  }

  it('follows a named function started with go to its body in the same file', async () => {
    const facts = await parse(`package main

func main() {
	go worker(ctx)
	go s.loop()
	go helper.Start()
}

func worker(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
	}
}

func (s *Server) loop() {
	for range s.ticker.C {
		s.flush()
	}
}
`);
    assert.deepEqual(
      facts.goStmts.map(({ callee, endlessLoop, loopExit, line }) => ({
        callee,
        endlessLoop,
        loopExit,
        line,
      })),
      [
        { callee: 'worker', endlessLoop: true, loopExit: true, line: 4 },
        { callee: 's.loop', endlessLoop: true, loopExit: false, line: 5 },
        { callee: 'helper.Start', endlessLoop: false, loopExit: false, line: 6 },
      ],
    );
  });

  it('records deferred closures in loops with the same capture facts', async () => {
    const facts = await parse(`package main

func main() {
	for _, f := range files {
		defer func() { f.Close() }()
		defer f.Close()
	}
	defer cleanup()
}
`);
    assert.deepEqual(facts.deferStmts, [
      { line: 5, func: 'main', callee: null, inLoop: true, capturedLoopVars: ['f'] },
      { line: 6, func: 'main', callee: 'f.Close', inLoop: true, capturedLoopVars: [] },
      { line: 8, func: 'main', callee: 'cleanup', inLoop: false, capturedLoopVars: [] },
    ]);
  });
});

describe('tests', () => {
  it('finds tests, fuzz targets, benchmarks and examples, and which are table-driven', async () => {
    const facts = await parse(
      `package store

import "testing"

func TestTable(t *testing.T) {
	tests := []struct{ name string }{{name: "a"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {})
	}
}

func TestLoopWithoutSubtests(t *testing.T) {
	for _, tt := range cases {
		check(t, tt)
	}
}

func TestSubtestsOnly(t *testing.T) {
	t.Run("one", func(t *testing.T) {})
}

func TestMain(m *testing.M) {}

func Testlowercase(t *testing.T) {}

func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {})
}

func BenchmarkParse(b *testing.B) {}

func ExampleParse() {}

func helper(t *testing.T) {}
`,
      'store/store_test.go',
    );
    assert.equal(facts.isTest, true);
    assert.deepEqual(
      facts.tests.map(({ name, kind, tableDriven, usesSubtests }) => [name, kind, tableDriven, usesSubtests]),
      [
        ['TestTable', 'test', true, true],
        ['TestLoopWithoutSubtests', 'test', false, false],
        ['TestSubtestsOnly', 'test', false, true],
        ['FuzzParse', 'fuzz', false, false],
        ['BenchmarkParse', 'benchmark', false, false],
        ['ExampleParse', 'example', false, false],
      ],
    );
    assert.equal(facts.tests[0]!.line, 5);
  });

  it('does not report test functions outside _test.go files', async () => {
    const facts = await parse('package x\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n', 'x/x.go');
    assert.deepEqual(facts.tests, []);
    assert.equal(facts.isTest, false);
  });
});

describe('file facts', () => {
  it('reads the package, folder, build constraint, size and line count', async () => {
    const source =
      '// Copyright 2024\n\n//go:build integration && !race\n\npackage store_test\n\nvar é = 1\n';
    const facts = await parse(source, 'internal/store/store_integration_test.go');
    assert.deepEqual(
      {
        package: facts.package,
        dir: facts.dir,
        buildConstraint: facts.buildConstraint,
        lines: facts.lines,
        bytes: facts.bytes,
        hasSyntaxErrors: facts.hasSyntaxErrors,
      },
      {
        package: 'store_test',
        dir: 'internal/store',
        buildConstraint: 'integration && !race',
        lines: 7,
        bytes: Buffer.byteLength(source),
        hasSyntaxErrors: false,
      },
    );
    assert.equal((await parse('package main\n', 'main.go')).dir, '.');
    assert.equal((await parse('package main\n', 'main.go')).buildConstraint, null);
  });

  it('flags syntax errors but still returns the facts it could read', async () => {
    const facts = await parse(`package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
	if {
}
`);
    assert.equal(facts.hasSyntaxErrors, true);
    assert.equal(facts.package, 'main');
    assert.ok(facts.calls.some((call) => call.callee === 'http.ListenAndServe' && call.pkg === 'net/http'));
  });

  it('counts lines in UTF-16 safe offsets after non-ASCII text', async () => {
    const facts = await parse(
      'package main\n\n// héllo wörld ✓\nvar s = "✓"\n\nfunc main() { panic("x") }\n',
    );
    assert.deepEqual(facts.strings, [
      { value: '✓', line: 4 },
      { value: 'x', line: 6 },
    ]);
    assert.deepEqual(facts.funcs[0]!.panicLines, [6]);
  });
});

describe('syntax tree walk', () => {
  it('gives the same tree through the wasm cursor functions as through the TreeCursor', async () => {
    const grammar = await loadGoGrammar();
    assert.ok(grammar.binding, 'the cursor functions are reachable');
    const source = `package main

import "fmt"

// A comment, a syntax error and non-ASCII text: "héllo" → 世界.
func (s *Server[T]) Run(ctx context.Context, xs ...int) (err error) {
	for i, x := range xs {
		go func() { fmt.Println(i, x, "héllo 世界") }()
	}
	s.cfg.Timeout = time.Second
	if x := ; {
	}
	return nil
}
`;
    const tree = grammar.parser.parse(source);
    assert.ok(tree);
    try {
      const direct = toSyntaxTree(tree, grammar);
      const viaCursor = toSyntaxTree(tree, { ...grammar, binding: null });
      assert.deepEqual(direct, viaCursor);
      assert.ok(direct.children.length > 2);
    } finally {
      tree.delete();
    }
  });
});
