// The server foundation: probes, request ids, JSON logs, security headers, and error answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/server/error-handler.js';
import { HttpError } from '../../src/server/http-error.js';
import { createLogger } from '../../src/server/logger.js';
import { requestId } from '../../src/server/middleware/request-id.js';
import { testApp } from './helpers.js';

describe('probes', () => {
  it('answers liveness and readiness once the trees are loaded', async () => {
    const { app } = testApp();
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app).get('/readyz').expect(200, { status: 'ready' });
  });

  it('fails readiness with 503 while draining, while liveness still answers', async () => {
    const { app, lifecycle } = testApp();
    lifecycle.draining = true;
    const res = await request(app).get('/readyz').expect(503);
    assert.deepEqual(res.body, { status: 'not ready', reason: 'draining' });
    assert.equal(res.headers.connection, 'close');
    await request(app).get('/healthz').expect(200);
  });
});

describe('request ids', () => {
  it('echoes a sane X-Request-Id from the caller', async () => {
    const { app } = testApp();
    const res = await request(app).get('/healthz').set('X-Request-Id', 'abc-123.x');
    assert.equal(res.headers['x-request-id'], 'abc-123.x');
  });

  it('generates one when missing or unusable', async () => {
    const { app } = testApp();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const none = await request(app).get('/healthz');
    assert.match(none.headers['x-request-id'] ?? '', uuid);
    const bad = await request(app).get('/healthz').set('X-Request-Id', 'line\tbreak "quoted"');
    assert.match(bad.headers['x-request-id'] ?? '', uuid);
  });
});

describe('JSON logs', () => {
  it('writes one JSON line per request with method, path, status, duration and request id', async () => {
    const { app, logs } = testApp();
    await request(app).get('/api/trees?secret=1').set('X-Request-Id', 'req-42').expect(200);
    const lines = logs.filter((l) => l.event === 'request');
    assert.equal(lines.length, 1);
    const line = lines[0]!;
    assert.equal(line.level, 'info');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/api/trees');
    assert.equal(line.status, 200);
    assert.equal(line.requestId, 'req-42');
    assert.equal(typeof line.durationMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(String(line.time))));
  });

  it('formats each line as a single JSON object and keeps error messages', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l), base: { service: 't' }, level: 'info' });
    logger.debug('dropped');
    logger.error('boom', { err: new Error('bad thing') });
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]!.includes('\n'));
    const parsed = JSON.parse(lines[0]!) as { service: string; err: { message: string } };
    assert.equal(parsed.service, 't');
    assert.equal(parsed.err.message, 'bad thing');
  });
});

describe('security headers', () => {
  it('sends a strict CSP without other origins and hides x-powered-by', async () => {
    const { app } = testApp();
    const res = await request(app).get('/');
    const csp = res.headers['content-security-policy'] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /https?:|\*|unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('serves the stylesheet and script from public/', async () => {
    const { app } = testApp();
    await request(app)
      .get('/style.css')
      .expect(200)
      .expect('Content-Type', /text\/css/);
    await request(app)
      .get('/decide.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
  });
});

describe('errors', () => {
  it('answers unknown API routes with 404 JSON', async () => {
    const { app } = testApp();
    const res = await request(app).get('/api/nothing-here').expect(404);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    assert.equal(typeof res.body.error, 'string');
  });

  it('answers unknown pages with an HTML 404, or JSON when the client prefers it', async () => {
    const { app } = testApp();
    const html = await request(app).get('/no/such/page').set('Accept', 'text/html').expect(404);
    assert.match(html.headers['content-type'] ?? '', /text\/html/);
    assert.match(html.text, /Not found/);
    const json = await request(app).get('/no/such/page').set('Accept', 'application/json').expect(404);
    assert.match(json.body.error, /not found/);
  });

  it('hides the stack of unexpected errors, logs it, and names the request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
    const app = express();
    app.use(requestId());
    app.get('/api/boom', () => {
      throw new Error('secret internals at /srv/app.js:12');
    });
    app.get('/api/teapot', () => {
      throw new HttpError(418, 'short and stout', [{ why: 'test' }]);
    });
    app.use(errorHandler(logger));

    const res = await request(app).get('/api/boom').expect(500);
    assert.equal(res.body.error, 'internal server error');
    assert.equal(res.body.requestId, res.headers['x-request-id']);
    assert.doesNotMatch(res.text, /secret internals|at \//);
    assert.equal(lines.filter((l) => l.event === 'unhandled_error').length, 1);

    const teapot = await request(app).get('/api/teapot').expect(418);
    assert.deepEqual(teapot.body, { error: 'short and stout', details: [{ why: 'test' }] });
  });
});
