// The decision pages in a real browser (Debian's Chromium driven by playwright-core): the questionnaire
// hides questions off the path, submits to a result with the path highlighted, works from the keyboard,
// and still works with JavaScript turned off.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/server/create-app.js';
import { createHttpServer, listen } from '../../src/server/http-server.js';
import { silentLogger } from '../../src/server/logger.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser;
let server: Server;
let base: string;

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath}; run scripts/ensure-browser.sh`);
  server = createHttpServer(createApp({ logger: silentLogger }));
  const { port } = await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath, args: launchArgs });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const visible = (page: Page, question: string) => page.locator(`fieldset#q-${question}`).isVisible();

describe('questionnaire with JavaScript', () => {
  it('shows only the questions on the current path as answers change', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${base}/decide/service-language`);

    assert.equal(await visible(page, 'latency_p99'), true);
    assert.equal(await visible(page, 'team_size'), false);
    assert.equal(await visible(page, 'ecosystem'), false);

    await page.getByLabel('Under 100 ms').check();
    assert.equal(await visible(page, 'team_size'), true);
    assert.equal(await visible(page, 'ecosystem'), false);

    await page.getByLabel('1–5 developers').check();
    assert.equal(await visible(page, 'ecosystem'), true);
    assert.equal(await visible(page, 'needs_performance'), false);

    await page.getByLabel('Python / Django').check();
    assert.equal(await visible(page, 'needs_performance'), true);

    // Going back to a sub-microsecond target leads straight to an outcome: everything after it hides.
    await page.getByLabel('Under 1 µs').check();
    for (const q of ['team_size', 'ecosystem', 'needs_performance'])
      assert.equal(await visible(page, q), false, q);
    // Refinements are optional and stay visible.
    assert.equal(await page.locator('fieldset[data-refinement]').first().isVisible(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('submits and shows the result with the walked path highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/decide/service-language`);
    await page.getByLabel('Under 100 ms').check();
    await page.getByLabel('1–5 developers').check();
    await page.getByLabel('Python / Django').check();
    await page.locator('fieldset#q-needs_performance input[value="yes"]').check();
    await Promise.all([
      page.waitForURL(`${base}/decide/service-language`),
      page.getByRole('button', { name: 'Show the recommendation' }).click(),
    ]);

    assert.equal(await page.locator('#outcome-heading').textContent(), 'Go');
    const highlighted = await page
      .locator('svg.tree-svg .node.on-path')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')));
    assert.deepEqual(highlighted.sort(), [
      'ecosystem',
      'go',
      'latency_p99',
      'needs_performance',
      'team_size',
    ]);
    // The highlight is drawn, not just a class: the path's stroke differs from the other edges'.
    const strokes = await page
      .locator('svg.tree-svg .edge path')
      .evaluateAll((paths) => paths.map((p) => getComputedStyle(p).strokeWidth));
    assert.ok(new Set(strokes).size > 1, `stroke widths: ${strokes.join(', ')}`);
    assert.ok((await page.locator('table.whatif tr.pivotal').count()) > 0);
    await page.close();
  });

  it('can be completed with the keyboard alone, with a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/decide/service-language`);
    const focusedName = () =>
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

    // Tab until the first question's radio group has focus.
    for (let i = 0; i < 15 && (await focusedName()) !== 'latency_p99'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'latency_p99');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.equal(outline, 'solid');

    // Arrow keys move the selection within a radio group; Tab moves on to the next visible question.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(
      await page.locator('input[name="latency_p99"]:checked').getAttribute('value'),
      'under_100ms',
    );
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'team_size');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('input[name="team_size"]:checked').getAttribute('value'), 'medium');

    // Past the optional refinements to the submit button.
    const onSubmit = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('type') === 'submit');
    for (let i = 0; i < 20 && !(await onSubmit()); i++) await page.keyboard.press('Tab');
    assert.equal(await onSubmit(), true);
    await Promise.all([page.waitForURL(`${base}/decide/service-language`), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('#outcome-heading').textContent(), 'Go');
    await page.close();
  });
});

describe('questionnaire without JavaScript', () => {
  it('shows every question and still works through a plain form post', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/decide/service-language`);
    assert.equal(await visible(page, 'team_size'), true);
    assert.equal(await visible(page, 'needs_performance'), true);

    // A missing answer comes back as an error next to its question.
    await page.getByLabel('Under 10 ms').check();
    await Promise.all([
      page.waitForURL(`${base}/decide/service-language`),
      page.getByRole('button', { name: 'Show the recommendation' }).click(),
    ]);
    assert.equal(await page.locator('.error-summary').isVisible(), true);
    assert.equal(await page.locator('#q-team_size-error').isVisible(), true);
    assert.equal(await page.locator('#q-latency_p99-under_10ms').isChecked(), true);

    await page.getByLabel('50 or more developers').check();
    await Promise.all([
      page.waitForURL(`${base}/decide/service-language`),
      page.getByRole('button', { name: 'Show the recommendation' }).click(),
    ]);
    assert.equal(await page.locator('#outcome-heading').textContent(), 'Go');
    assert.equal(await page.locator('svg.tree-svg .node-outcome.on-path').getAttribute('data-node'), 'go');

    // The ADR download is a plain GET form.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Nygard' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^0001-.*\.md$/);
    await context.close();
  });
});
