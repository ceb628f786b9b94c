// The shipped checklist's content (sources, prose, examples, params) and the loader's answers to broken
// checklists. Ids against the catalogue are checked in checklist-catalogue.test.ts.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { Language, Parser } from 'web-tree-sitter';
import { DataError } from '../../src/config/errors.js';
import { fromRoot } from '../../src/paths.js';
import { defaultChecklist, loadChecklist, severityWeight } from '../../src/scan/checklist.js';
import type { Checklist } from '../../src/scan/checklist-types.js';

const fixture = (name: string): string => fromRoot('test', 'fixtures', 'checklists', name);

/** File names of the five source documents the checklist may cite (the project's seed index). */
const seedFiles = [
  '000_41aa93323c41af9f.txt',
  '001_5ce1d4d795934223.txt',
  '002_849d0d21c03bc3f9.txt',
  '003_f778aac9c5ae5860.txt',
  '004_96bfe9392abb38db.txt',
];

/** Catalogue defaults for checks that block a `go` verdict. */
const blockingIds = [
  'lifecycle.graceful-shutdown',
  'lifecycle.health-endpoints',
  'ci.tests',
  'security.tls-verification',
  'security.sql-injection',
  'security.hardcoded-secrets',
];

/** Loads `file`, expecting a DataError; returns it. */
function loadError(file: string): DataError {
  try {
    loadChecklist(file);
  } catch (err) {
    assert.ok(err instanceof DataError, `expected a DataError, got ${String(err)}`);
    return err;
  }
  assert.fail(`${file} loaded without an error`);
}

describe('the shipped checklist', () => {
  let checklist: Checklist;
  before(() => {
    checklist = loadChecklist();
  });

  it('validates and carries the top-level fields', () => {
    assert.equal(checklist.id, 'go-production');
    assert.equal(checklist.version, '1.0.0');
    assert.equal(checklist.threshold, 70);
    assert.ok(checklist.title.length > 0);
    assert.ok(checklist.description.length > 0);
  });

  it('blocks exactly on the catalogue defaults', () => {
    assert.deepEqual(
      checklist.checks.filter((c) => c.blocking).map((c) => c.id),
      blockingIds,
    );
  });

  it('cites at least one of the five source documents in every check', () => {
    for (const check of checklist.checks) {
      assert.ok(check.sources.length > 0, `${check.id} has no sources`);
      for (const source of check.sources) {
        assert.ok(seedFiles.includes(source.file), `${check.id} cites unknown file ${source.file}`);
        assert.ok(source.section.trim().length > 0, `${check.id} cites ${source.file} without a section`);
      }
    }
  });

  it('explains every check in a few sentences and gives a remediation and an example', () => {
    for (const check of checklist.checks) {
      const sentences = check.why.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
      assert.ok(
        sentences.length >= 2 && sentences.length <= 4,
        `${check.id} why has ${sentences.length} sentences`,
      );
      assert.ok(check.remediation.trim().length > 0, `${check.id} remediation`);
      assert.ok(check.example.trim().length > 0, `${check.id} example`);
    }
  });

  it('gives repo-level scope to CI, dependency, go.mod and deployment checks and code scope to the rest', () => {
    const repoScoped = new Set(['ci', 'deploy']);
    for (const check of checklist.checks) {
      const expected = repoScoped.has(check.category) || check.id === 'hygiene.go-version' ? 'repo' : 'code';
      assert.equal(check.scope, expected, check.id);
    }
  });

  it('writes YAML examples that parse', () => {
    for (const check of checklist.checks.filter((c) => c.exampleLanguage === 'yaml')) {
      assert.doesNotThrow(() => yaml.load(check.example), check.id);
    }
  });

  it('writes Go examples that are whole files tree-sitter parses without syntax errors', async () => {
    const require = createRequire(import.meta.url);
    await Parser.init();
    const go = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
    const parser = new Parser();
    parser.setLanguage(go);
    try {
      const goChecks = checklist.checks.filter((c) => c.exampleLanguage === 'go');
      assert.ok(goChecks.length > 30, 'most examples are Go');
      for (const check of goChecks) {
        assert.match(
          check.example,
          /^(\/\/go:build [^\n]+\n\n)?package [a-z_]+\n/,
          `${check.id} starts with package`,
        );
        const tree = parser.parse(check.example);
        assert.ok(tree, check.id);
        assert.equal(tree.rootNode.hasError, false, `${check.id} example has a syntax error`);
        tree.delete();
      }
    } finally {
      parser.delete();
    }
  });

  it('keeps ratio thresholds ordered and offender caps positive', () => {
    for (const check of checklist.checks) {
      const { pass, partial, maxEvidence } = check.params;
      if (typeof pass === 'number' && typeof partial === 'number') {
        assert.ok(partial < pass, `${check.id}: partial ${partial} must be below pass ${pass}`);
      }
      assert.equal(typeof maxEvidence, 'number', `${check.id} caps its evidence`);
    }
    const breadth = checklist.checks.find((c) => c.id === 'testing.breadth');
    assert.deepEqual(
      { pass: breadth?.params.pass, partial: breadth?.params.partial },
      { pass: 0.7, partial: 0.3 },
    );
  });

  it('is cached by defaultChecklist()', () => {
    const first = defaultChecklist();
    assert.equal(defaultChecklist(), first);
    assert.deepEqual(first, checklist);
  });
});

describe('severityWeight', () => {
  it('weights severities as the catalogue says', () => {
    assert.deepEqual({ ...severityWeight }, { critical: 10, high: 7.5, medium: 5, low: 2.5 });
    assert.ok(Object.isFrozen(severityWeight));
  });
});

describe('loading broken checklists', () => {
  it('reports a YAML syntax error with its line', () => {
    const err = loadError(fixture('bad-yaml.yaml'));
    assert.equal(err.problems.length, 1);
    assert.equal(err.problems[0]?.path, '');
    assert.match(err.problems[0]?.message ?? '', /YAML syntax error line 15\b/);
    assert.match(err.message, /bad-yaml\.yaml/);
  });

  it('names the path of an unknown severity and the allowed values', () => {
    const err = loadError(fixture('unknown-severity.yaml'));
    assert.deepEqual(err.problems, [
      { path: '/checks/0/severity', message: 'must be one of: critical, high, medium, low' },
    ]);
  });

  it('names the check that lacks a required field, and the field', () => {
    const err = loadError(fixture('missing-field.yaml'));
    assert.deepEqual(err.problems, [
      { path: '/checks/0', message: 'is missing required property "remediation"' },
    ]);
  });

  it('points at the repeat of a duplicate id', () => {
    const err = loadError(fixture('duplicate-id.yaml'));
    assert.equal(err.problems.length, 1);
    assert.equal(err.problems[0]?.path, '/checks/2/id');
    assert.match(err.problems[0]?.message ?? '', /"ci\.tests".*\/checks\/0\/id/);
  });

  it('rejects a property the schema does not know', () => {
    const err = loadError(fixture('additional-property.yaml'));
    assert.deepEqual(err.problems, [{ path: '/checks/0', message: 'has unknown property "owner"' }]);
  });

  it('rejects an out-of-range threshold, a malformed id and an unknown repo kind', () => {
    const err = loadError(fixture('invalid-values.yaml'));
    const paths = err.problems.map((p) => p.path);
    assert.ok(paths.includes('/threshold'), paths.join(', '));
    assert.ok(paths.includes('/checks/0/id'), paths.join(', '));
    const kind = err.problems.find((p) => p.path === '/checks/0/appliesTo/1');
    assert.equal(kind?.message, 'must be one of: service, cli, library');
  });

  it("accepts an organisation's checklist that keeps a subset of checks with its own settings", () => {
    const org = loadChecklist(fixture('org-override.yaml'));
    assert.equal(org.threshold, 80);
    assert.deepEqual(
      org.checks.map((c) => [c.id, c.blocking]),
      [
        ['ci.tests', true],
        ['testing.breadth', true],
      ],
    );
    assert.deepEqual(org.checks[1]?.params, { pass: 0.9, partial: 0.6, maxEvidence: 20 });
  });
});
