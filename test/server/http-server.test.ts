// The real HTTP server: timeouts for slow clients and graceful shutdown with a drain deadline.
import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { createApp } from '../../src/server/create-app.js';
import { createHttpServer, defaultTimeouts, gracefulShutdown, listen } from '../../src/server/http-server.js';
import { createLifecycle } from '../../src/server/lifecycle.js';
import { createLogger } from '../../src/server/logger.js';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The app behind a wrapper with a request that waits until the test releases it. */
function slowServer(drainTimeoutMs: number) {
  const events: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (l) => events.push(JSON.parse(l) as Record<string, unknown>) });
  const lifecycle = createLifecycle();
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
  const outer = express();
  outer.get('/slow', (_req, res) => {
    release = () => res.send('finished');
    arrived();
  });
  outer.use(createApp({ logger, lifecycle }));
  const server = createHttpServer(outer);
  const shutdown = gracefulShutdown(server, { lifecycle, logger, drainTimeoutMs });
  return { server, lifecycle, shutdown, events, slowArrived, release: () => release() };
}

describe('server timeouts', () => {
  it('configures header, request and keep-alive timeouts', () => {
    const server = createHttpServer(express());
    assert.equal(server.headersTimeout, defaultTimeouts.headersTimeout);
    assert.equal(server.requestTimeout, defaultTimeouts.requestTimeout);
    assert.equal(server.keepAliveTimeout, defaultTimeouts.keepAliveTimeout);
    assert.ok(server.headersTimeout > 0 && server.headersTimeout <= server.requestTimeout);
    const custom = createHttpServer(express(), { headersTimeout: 1234, requestTimeout: 5678 });
    assert.equal(custom.headersTimeout, 1234);
    assert.equal(custom.requestTimeout, 5678);
  });

  it('cuts off a client that never finishes its headers', async () => {
    const server = createHttpServer(express(), {
      headersTimeout: 200,
      requestTimeout: 200,
      connectionsCheckingInterval: 50,
    });
    const { port } = await listen(server, 0, '127.0.0.1');
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      assert.match(answer, /^HTTP\/1\.1 408/);
    } finally {
      server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, fails readiness, then refuses new connections', async () => {
    const s = slowServer(5_000);
    const { port } = (await listen(s.server, 0, '127.0.0.1')) as AddressInfo;
    assert.equal((await get(port, '/readyz')).status, 200);

    const slow = get(port, '/slow');
    await s.slowArrived;
    const done = s.shutdown('SIGTERM');
    assert.equal(s.lifecycle.draining, true);

    s.release();
    assert.deepEqual(await slow, { status: 200, body: 'finished' });
    const report = await done;
    assert.equal(report.forced, false);
    await assert.rejects(get(port, '/healthz'), (err: NodeJS.ErrnoException) => err.code === 'ECONNREFUSED');
    const names = s.events.map((e) => e.event);
    assert.ok(names.includes('shutdown_started') && names.includes('shutdown_complete'));
  });

  it('closes connections that outlive the drain deadline', async () => {
    const s = slowServer(100);
    const { port } = await listen(s.server, 0, '127.0.0.1');
    const slow = get(port, '/slow');
    await s.slowArrived;
    const report = await s.shutdown('SIGINT');
    assert.equal(report.forced, true);
    await assert.rejects(slow);
    // A second call does not start a second shutdown.
    assert.equal(await s.shutdown('SIGTERM'), report);
  });
});
