// The evaluator: suppressions, applicability, missing and throwing implementations, unparsed files, per-module
// results. Implementations are passed in (dependency injection), so these tests do not need the real checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateChecklist, restrictToModule } from '../../src/scan/evaluate.js';
import type { RepoConfig } from '../../src/scan/repo-config.js';
import type { CheckImplementation, CheckOutcome, GoFileFacts, KindFacts } from '../../src/scan/types.js';
import { check, checklist, goFile, goModule, repoFacts } from './evaluate-facts.js';

const evidence = [{ file: 'main.go', line: 3, snippet: 'x()', message: 'seen' }];

function impl(id: string, run: CheckImplementation['run']): [string, CheckImplementation] {
  return [id, { id, run }];
}
const fixed = (outcome: CheckOutcome) => () => outcome;
/** Kinds from the files alone: `package main` makes a service, anything else a library. */
const kindsOf = (go: GoFileFacts[]): KindFacts => ({
  kinds: go.some((f) => f.package === 'main') ? ['service'] : ['library'],
  evidence: [],
});

describe('evaluateChecklist', () => {
  it('fills score and docs from the status and the checklist', () => {
    const list = checklist([
      check('a.pass', { severity: 'high', blocking: true }),
      check('a.partial'),
      check('a.partial-default'),
      check('b.fail'),
    ]);
    const implementations = new Map([
      impl('a.pass', fixed({ status: 'pass', reason: 'ok', evidence })),
      impl('a.partial', fixed({ status: 'partial', score: 3.5, reason: 'half', evidence })),
      impl('a.partial-default', fixed({ status: 'partial', reason: 'half', evidence })),
      impl('b.fail', fixed({ status: 'fail', score: 4, reason: 'bad', evidence })),
    ]);
    const results = evaluateChecklist(list, repoFacts({}), { implementations, detectKinds: kindsOf });
    assert.deepEqual(
      results.map((r) => [r.id, r.status, r.score]),
      [
        ['a.pass', 'pass', 10],
        ['a.partial', 'partial', 3.5],
        ['a.partial-default', 'partial', 5],
        ['b.fail', 'fail', 0],
      ],
    );
    const first = results[0]!;
    assert.equal(first.title, 'Title of a.pass');
    assert.equal(first.severity, 'high');
    assert.equal(first.category, 'a');
    assert.equal(first.blocking, true);
    assert.equal(first.remediation, 'Fix a.pass.');
    assert.equal(first.why, 'Why a.pass matters.');
    assert.deepEqual(first.evidence, evidence);
    assert.equal(first.modules, undefined, 'one module: no per-module results');
  });

  it('reports suppressed checks as na with the repository reason, without running them', () => {
    let ran = false;
    const implementations = new Map([
      impl('a.b', () => ((ran = true), { status: 'fail', reason: 'x', evidence })),
    ]);
    const config: RepoConfig = {
      file: '.gonogo.yml',
      suppress: new Map([['a.b', 'profiled by the platform']]),
    };
    const [result] = evaluateChecklist(checklist([check('a.b')]), repoFacts({}), { implementations, config });
    assert.equal(result!.status, 'na');
    assert.equal(result!.score, null);
    assert.equal(result!.reason, 'suppressed by .gonogo.yml: profiled by the platform');
    assert.equal(ran, false);
  });

  it('reports checks that do not apply to the repo kinds as na, naming the kinds', () => {
    const implementations = new Map([impl('a.b', fixed({ status: 'fail', reason: 'x', evidence }))]);
    const list = checklist([
      check('a.b', { appliesTo: ['service'] }),
      check('a.c', { appliesTo: ['service', 'cli'] }),
    ]);
    const results = evaluateChecklist(list, repoFacts({ kinds: ['library'] }), { implementations });
    assert.equal(results[0]!.status, 'na');
    assert.match(results[0]!.reason, /Applies to service code; it is a library/);
    assert.match(results[1]!.reason, /service or cli/);
    const none = evaluateChecklist(list, repoFacts({ kinds: [] }), { implementations });
    assert.match(none[0]!.reason, /no kind was detected/);
    const applies = evaluateChecklist(list, repoFacts({ kinds: ['cli', 'service'] }), { implementations });
    assert.equal(applies[0]!.status, 'fail');
  });

  it('says "not implemented yet" when no implementation exists', () => {
    const [result] = evaluateChecklist(checklist([check('a.b')]), repoFacts({}), {
      implementations: new Map(),
    });
    assert.equal(result!.status, 'unknown');
    assert.equal(result!.score, null);
    assert.equal(result!.reason, 'not implemented yet');
  });

  it('turns a throwing check into unknown with the message, and keeps going', () => {
    const implementations = new Map([
      impl('a.boom', () => {
        throw new Error('cannot read properties of undefined');
      }),
      impl('a.bad-status', fixed({ status: 'maybe' as never, reason: 'x', evidence })),
      impl('a.ok', fixed({ status: 'pass', reason: 'fine', evidence })),
    ]);
    const list = checklist([check('a.boom'), check('a.bad-status'), check('a.ok')]);
    const results = evaluateChecklist(list, repoFacts({}), { implementations });
    assert.equal(results[0]!.status, 'unknown');
    assert.match(results[0]!.reason, /failed to run: cannot read properties of undefined/);
    assert.equal(results[1]!.status, 'unknown');
    assert.match(results[1]!.reason, /invalid status "maybe"/);
    assert.equal(results[2]!.status, 'pass');
  });

  it('passes the check its params from the checklist', () => {
    let seen: unknown;
    const implementations = new Map([
      impl('a.b', (ctx) => ((seen = ctx.params), { status: 'pass', reason: 'ok', evidence })),
    ]);
    evaluateChecklist(checklist([check('a.b', { params: { cap: 3 } })]), repoFacts({}), { implementations });
    assert.deepEqual(seen, { cap: 3 });
  });

  it('notes unparsed files on code checks, and says unknown when nothing was parsed', () => {
    const implementations = new Map([
      impl('a.code', fixed({ status: 'pass', reason: 'All good.', evidence })),
      impl('a.repo', fixed({ status: 'pass', reason: 'All good.', evidence })),
    ]);
    const list = checklist([check('a.code'), check('a.repo', { scope: 'repo' })]);
    const unparsed = [{ path: 'bad.go', reason: 'syntax' }];
    const some = evaluateChecklist(list, repoFacts({ unparsed }), { implementations });
    assert.equal(some[0]!.status, 'pass');
    assert.match(some[0]!.reason, /^All good\. Note: 1 Go file could not be parsed/);
    assert.equal(some[1]!.reason, 'All good.');
    const none = evaluateChecklist(list, repoFacts({ go: [], unparsed }), { implementations });
    assert.equal(none[0]!.status, 'unknown');
    assert.match(none[0]!.reason, /No Go file could be parsed/);
    assert.equal(none[1]!.status, 'pass');
  });

  it('runs code checks per module when there are two or more modules', () => {
    const go = [
      goFile('cmd/api/main.go'),
      goFile('lib/util.go', { package: 'util' }),
      goFile('lib/inner/x.go', { package: 'inner' }),
    ];
    const modules = [
      goModule('.', 'example.com/app'),
      goModule('lib', 'example.com/lib'),
      goModule('lib/inner', 'example.com/inner'),
    ];
    const seen: string[][] = [];
    const implementations = new Map([
      impl('a.count', (ctx) => {
        seen.push(ctx.facts.go.map((f) => f.path));
        const n = ctx.facts.go.length;
        return n >= 2
          ? { status: 'pass', reason: `${n} files`, evidence }
          : { status: 'fail', reason: `${n} files`, evidence };
      }),
      impl('a.repo', fixed({ status: 'pass', reason: 'ok', evidence })),
      impl('a.svc', fixed({ status: 'pass', reason: 'ok', evidence })),
    ]);
    const list = checklist([
      check('a.count'),
      check('a.repo', { scope: 'repo' }),
      check('a.svc', { appliesTo: ['service'] }),
    ]);
    const facts = repoFacts({ go, modules, kinds: ['service', 'library'] });
    const results = evaluateChecklist(list, facts, { implementations, detectKinds: kindsOf });

    assert.deepEqual(seen, [
      ['cmd/api/main.go', 'lib/util.go', 'lib/inner/x.go'],
      ['cmd/api/main.go'],
      ['lib/util.go'],
      ['lib/inner/x.go'],
    ]);
    assert.equal(results[0]!.status, 'pass');
    assert.deepEqual(
      results[0]!.modules!.map((m) => [m.path, m.status, m.score]),
      [
        ['.', 'fail', 0],
        ['lib', 'fail', 0],
        ['lib/inner', 'fail', 0],
      ],
    );
    assert.equal(results[1]!.modules, undefined, 'repo checks are not repeated per module');
    // Applicability per module follows each module's own kinds.
    assert.deepEqual(
      results[2]!.modules!.map((m) => [m.path, m.status]),
      [
        ['.', 'pass'],
        ['lib', 'na'],
        ['lib/inner', 'na'],
      ],
    );
    assert.match(results[2]!.modules![1]!.reason, /module lib/);
  });
});

describe('restrictToModule', () => {
  it('keeps the module own files and go.mod, not those of nested modules', () => {
    const go = [goFile('main.go'), goFile('tools/gen.go'), goFile('tools/x/y.go'), goFile('toolsx/z.go')];
    const modules = [goModule('.', 'a'), goModule('tools', 'b')];
    const facts = repoFacts({ go, modules, unparsed: [{ path: 'tools/bad.go', reason: 'r' }] });
    const tools = restrictToModule(facts, 'tools', kindsOf);
    assert.deepEqual(
      tools.go.map((f) => f.path),
      ['tools/gen.go', 'tools/x/y.go'],
    );
    assert.deepEqual(
      tools.unparsed.map((f) => f.path),
      ['tools/bad.go'],
    );
    assert.deepEqual(
      tools.repo.modules.map((m) => m.module),
      ['b'],
    );
    assert.deepEqual(
      tools.walk.goFiles.map((f) => f.path),
      ['tools/gen.go', 'tools/x/y.go'],
    );
    assert.equal(tools.walk.bytes, 200);
    const root = restrictToModule(facts, '.', kindsOf);
    assert.deepEqual(
      root.go.map((f) => f.path),
      ['main.go', 'toolsx/z.go'],
    );
    assert.deepEqual(root.unparsed, []);
  });

  it('falls back to the repository kinds when kind detection fails', () => {
    const facts = repoFacts({ kinds: ['cli'] });
    const restricted = restrictToModule(facts, '.', () => {
      throw new Error('no');
    });
    assert.deepEqual(restricted.kinds.kinds, ['cli']);
  });
});
