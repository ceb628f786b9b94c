// The JSON API: trees, evaluate, ADR export, and its 400/404/413 answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { goAnswers, testApp } from './helpers.js';

const { app } = testApp();

describe('GET /api/trees', () => {
  it('lists the trees with their question counts', async () => {
    const res = await request(app).get('/api/trees').expect(200);
    const ids = (res.body.trees as { id: string; questions: number }[]).map((t) => t.id);
    assert.ok(ids.includes('service-language'));
    assert.ok(ids.includes('service-transport'));
    assert.ok(ids.includes('api-versioning'));
  });

  it('returns one tree with questions, options and outcomes, without server file paths', async () => {
    const res = await request(app).get('/api/trees/service-language').expect(200);
    assert.equal(res.body.id, 'service-language');
    assert.equal(res.body.start, 'latency_p99');
    const latency = (res.body.questions as { id: string; options: { id: string; next: string }[] }[]).find(
      (q) => q.id === 'latency_p99',
    );
    assert.ok(latency?.options.some((o) => o.id === 'under_1us' && o.next === 'rust_or_cpp'));
    assert.ok((res.body.outcomes as { id: string }[]).some((o) => o.id === 'go'));
    assert.equal(res.body.file, undefined);
  });

  it('answers an unknown tree with 404 JSON', async () => {
    const res = await request(app).get('/api/trees/no-such-tree').expect(404);
    assert.match(res.body.error, /no-such-tree/);
  });
});

describe('POST /api/trees/:id/evaluate', () => {
  const url = '/api/trees/service-language/evaluate';

  it('evaluates a complete answer set', async () => {
    const res = await request(app).post(url).send({ answers: goAnswers }).expect(200);
    assert.equal(res.body.outcome.id, 'go');
    assert.deepEqual(
      (res.body.path as { question: { id: string } }[]).map((s) => s.question.id),
      ['latency_p99', 'team_size', 'ecosystem', 'needs_performance'],
    );
    assert.ok(Array.isArray(res.body.alternatives) && res.body.alternatives.length > 0);
    assert.ok(Array.isArray(res.body.whatIf));
  });

  it('names the question and the allowed options for an invalid answer', async () => {
    const res = await request(app)
      .post(url)
      .send({ answers: { ...goAnswers, latency_p99: 'instant' } })
      .expect(400);
    assert.equal(typeof res.body.error, 'string');
    const detail = (res.body.details as { question: string; allowed: string[]; message: string }[]).find(
      (d) => d.question === 'latency_p99',
    );
    assert.ok(detail);
    assert.ok(detail.allowed.includes('under_100ms'));
    assert.equal(typeof detail.message, 'string');
  });

  it('names the next unanswered question on the path', async () => {
    const res = await request(app)
      .post(url)
      .send({ answers: { latency_p99: 'under_10ms' } })
      .expect(400);
    assert.deepEqual(
      (res.body.details as { question: string }[]).map((d) => d.question),
      ['team_size'],
    );
  });

  it('rejects a body that does not match the schema, naming the JSON path', async () => {
    const missing = await request(app).post(url).send({ answer: {} }).expect(400);
    const paths = (missing.body.details as { path: string; message: string }[]).map((d) => d.path);
    assert.ok(paths.includes(''));
    const wrongType = await request(app)
      .post(url)
      .send({ answers: { latency_p99: 5 } })
      .expect(400);
    assert.ok(
      (wrongType.body.details as { path: string }[]).some((d) => d.path === '/answers/latency_p99'),
      JSON.stringify(wrongType.body),
    );
  });

  it('rejects malformed JSON with 400 JSON', async () => {
    const res = await request(app)
      .post(url)
      .set('Content-Type', 'application/json')
      .send('{"answers": ')
      .expect(400);
    assert.match(res.body.error, /JSON/);
  });

  it('answers 404 JSON for an unknown tree', async () => {
    await request(app).post('/api/trees/nope/evaluate').send({ answers: goAnswers }).expect(404);
  });

  it('answers 413 JSON for a body over the limit', async () => {
    const big = { answers: { latency_p99: 'x'.repeat(70 * 1024) } };
    const res = await request(app).post(url).send(big).expect(413);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    assert.match(res.body.error, /too large/);
  });
});

describe('POST /api/trees/:id/adr', () => {
  const url = '/api/trees/service-language/adr';

  it('returns a MADR record as a Markdown download named NNNN-kebab-title.md', async () => {
    const res = await request(app)
      .post(url)
      .send({
        answers: goAnswers,
        template: 'madr',
        meta: { title: 'Write Billing in Go', number: 12, status: 'accepted', decisionMakers: ['Ana', 'Bo'] },
      })
      .expect(200);
    assert.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="0012-write-billing-in-go.md"');
    assert.match(res.text, /^---\nstatus: accepted/);
    assert.match(res.text, /# Write Billing in Go/);
  });

  it('returns the Nygard form when asked, with MADR as the default', async () => {
    const nygard = await request(app).post(url).send({ answers: goAnswers, template: 'nygard' }).expect(200);
    assert.match(nygard.text, /^# 1\. /);
    assert.match(nygard.text, /## Status/);
    const madr = await request(app).post(url).send({ answers: goAnswers }).expect(200);
    assert.match(madr.text, /^---\n/);
  });

  it('rejects a bad template, bad metadata or incomplete answers with 400 JSON', async () => {
    const badTemplate = await request(app)
      .post(url)
      .send({ answers: goAnswers, template: 'y-statement' })
      .expect(400);
    assert.ok((badTemplate.body.details as { path: string }[]).some((d) => d.path === '/template'));
    const badMeta = await request(app)
      .post(url)
      .send({ answers: goAnswers, meta: { status: 'maybe', number: 0 } })
      .expect(400);
    const paths = (badMeta.body.details as { path: string }[]).map((d) => d.path);
    assert.ok(paths.includes('/meta/status') && paths.includes('/meta/number'), JSON.stringify(paths));
    const incomplete = await request(app).post(url).send({ answers: {} }).expect(400);
    assert.equal((incomplete.body.details as { question: string }[])[0]!.question, 'latency_p99');
  });
});
