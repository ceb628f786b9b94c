// docs/checks.md is generated from the checklist: it must be current, list every check, and lint clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
import { loadChecklist } from '../../src/scan/checklist.js';
import { checksDocFile, renderChecksDoc } from '../../scripts/render-checks-doc.js';

/** Markdownlint's defaults, minus line length (prose paragraphs are one line) and tabs in code (gofmt uses them). */
const lintConfig = { default: true, MD013: false, MD010: { code_blocks: false } };

const checklist = loadChecklist();
const rendered = renderChecksDoc(checklist);

describe('docs/checks.md', () => {
  it('matches what the checklist renders (regenerate with npm run docs:checks)', () => {
    assert.equal(readFileSync(checksDocFile, 'utf8'), rendered);
  });

  it('has a section, a table row and an example for every check', () => {
    for (const check of checklist.checks) {
      assert.ok(rendered.includes(`\n### ${check.id}\n`), `${check.id} heading`);
      assert.ok(rendered.includes(`| [\`${check.id}\`](#`), `${check.id} table row`);
      assert.ok(rendered.includes(check.example.trimEnd()), `${check.id} example`);
    }
  });

  it('passes markdownlint, including its link-fragment check', () => {
    const results = lint({ strings: { 'checks.md': rendered }, config: lintConfig });
    assert.equal(results.toString(), '');
  });

  it('is caught by markdownlint when an anchor does not exist', () => {
    const broken = rendered.replace('(#errorswrapped)', '(#errors-wrapped)');
    const results = lint({ strings: { 'checks.md': broken }, config: lintConfig });
    assert.match(results.toString(), /MD051/);
  });
});
