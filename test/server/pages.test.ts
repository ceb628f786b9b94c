// The decision pages without a browser: the form, its errors, the result, and the ADR download link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { goAnswers, testApp } from './helpers.js';

const { app } = testApp();
const form = '/decide/service-language';

describe('landing and list pages', () => {
  it('explains both halves of the product', async () => {
    const res = await request(app).get('/').expect(200);
    assert.match(res.text, /Decision assistant/);
    assert.match(res.text, /Readiness scanner/);
    assert.match(res.text, /gonogo scan/);
  });

  it('lists the trees with links', async () => {
    const res = await request(app).get('/decide').expect(200);
    assert.match(res.text, /href="\/decide\/service-language"/);
    assert.match(res.text, /href="\/decide\/api-versioning"/);
  });
});

describe('the questionnaire', () => {
  it('is a plain form: a fieldset and legend per question, a label for every radio', async () => {
    const res = await request(app).get(form).expect(200);
    assert.match(res.text, /<form class="questionnaire" method="post" action="\/decide\/service-language"/);
    assert.match(res.text, /<fieldset class="question" id="q-latency_p99" data-question="latency_p99"/);
    const radios = [...res.text.matchAll(/<input type="radio" name="[^"]+" id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(radios.length > 10);
    for (const id of radios) assert.match(res.text, new RegExp(`<label for="${id}">`), `label for ${id}`);
    assert.equal((res.text.match(/<fieldset/g) ?? []).length, (res.text.match(/<legend>/g) ?? []).length);
  });

  it('embeds the tree as JSON data for the script, not as code', async () => {
    const res = await request(app).get(form).expect(200);
    const m = /<script type="application\/json" id="tree-graph">([^<]*)<\/script>/.exec(res.text);
    assert.ok(m);
    const graph = JSON.parse(m[1]!) as { start: string; questions: Record<string, Record<string, string>> };
    assert.equal(graph.start, 'latency_p99');
    assert.equal(graph.questions.latency_p99!.under_1us, 'rust_or_cpp');
  });

  it('pre-fills answers passed in the query', async () => {
    const res = await request(app).get(`${form}?latency_p99=under_10ms`).expect(200);
    assert.match(res.text, /id="q-latency_p99-under_10ms" value="under_10ms" checked/);
  });

  it('re-renders with an error next to the unanswered question, linked by aria-describedby', async () => {
    const res = await request(app).post(form).type('form').send({ latency_p99: 'under_100ms' }).expect(400);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.match(res.text, /class="error-summary"/);
    assert.match(res.text, /<a href="#q-team_size">/);
    assert.match(res.text, /id="q-team_size"[^>]*aria-describedby="q-team_size-error"/);
    assert.match(res.text, /<p class="field-error" id="q-team_size-error">/);
    assert.match(res.text, /id="q-team_size-small" value="small"[^>]*aria-describedby="q-team_size-error"/);
    // The answer already given stays selected.
    assert.match(res.text, /id="q-latency_p99-under_100ms" value="under_100ms" checked/);
  });

  it('flags an option that does not exist', async () => {
    const res = await request(app)
      .post(form)
      .type('form')
      .send({ ...goAnswers, team_size: 'huge' })
      .expect(400);
    assert.match(res.text, /id="q-team_size-error"/);
  });

  it('renders the result with the outcome and the walked path highlighted', async () => {
    const res = await request(app)
      .post(form)
      .type('form')
      .send({ ...goAnswers, domain_complexity: '' })
      .expect(200);
    assert.match(res.text, /data-outcome="go"/);
    assert.match(res.text, /<h1 id="outcome-heading">Go<\/h1>/);
    for (const q of ['latency_p99', 'team_size', 'ecosystem', 'needs_performance']) {
      assert.match(res.text, new RegExp(`class="node node-question on-path" data-node="${q}"`), q);
    }
    assert.match(res.text, /class="node node-outcome on-path" data-node="go"/);
    assert.doesNotMatch(res.text, /class="node node-outcome on-path" data-node="rust_or_cpp"/);
    assert.match(res.text, /class="edge on-path" data-from="needs_performance" data-to="go"/);
    // Citations, the what-if table with pivotal rows, and the ADR form.
    assert.match(res.text, /002_849d0d21c03bc3f9\.txt/);
    assert.match(res.text, /<tr class="pivotal">/);
    assert.match(res.text, /<form class="adr-form" method="get" action="\/decide\/service-language\/adr">/);
    assert.match(res.text, /<input type="hidden" name="latency_p99" value="under_100ms">/);
  });

  it('serves the same result from a shareable GET link', async () => {
    const query = new URLSearchParams(goAnswers).toString();
    const res = await request(app).get(`${form}/result?${query}`).expect(200);
    assert.match(res.text, /data-outcome="go"/);
  });

  it('answers 404 for an unknown tree page', async () => {
    await request(app).get('/decide/no-such-tree').set('Accept', 'text/html').expect(404);
  });
});

describe('ADR download from the page', () => {
  it('downloads MADR or Nygard with the meeting metadata', async () => {
    const query = new URLSearchParams({
      ...goAnswers,
      template: 'nygard',
      title: 'Use Go for ingest',
      number: '3',
      status: 'accepted',
      decision_makers: 'Ana, Bo',
    }).toString();
    const res = await request(app).get(`${form}/adr?${query}`).expect(200);
    assert.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="0003-use-go-for-ingest.md"');
    assert.match(res.text, /^# 3\. Use Go for ingest/);
    assert.match(res.text, /Accepted/);
  });

  it('defaults to MADR and rejects bad metadata with 400', async () => {
    const madr = await request(app)
      .get(`${form}/adr?${new URLSearchParams(goAnswers).toString()}`)
      .expect(200);
    assert.match(madr.headers['content-disposition'] ?? '', /filename="0001-/);
    assert.match(madr.text, /^---\n/);
    const bad = new URLSearchParams({ ...goAnswers, number: 'seven' }).toString();
    const res = await request(app).get(`${form}/adr?${bad}`).set('Accept', 'application/json').expect(400);
    assert.ok((res.body.details as { path: string }[]).some((d) => d.path === '/meta/number'));
  });

  it('answers 413 for a form body over the limit', async () => {
    await request(app)
      .post(form)
      .type('form')
      .send({ latency_p99: 'x'.repeat(70 * 1024) })
      .expect(413);
  });
});
