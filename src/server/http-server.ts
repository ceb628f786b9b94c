// The HTTP server around the app: timeouts that cut off slow clients, listening, and graceful shutdown
// (stop accepting, fail readiness, let in-flight requests finish within a deadline, then close the rest).
import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';

export interface ServerTimeouts {
  /** Time a client has to send all request headers (slowloris protection). */
  headersTimeout: number;
  /** Time a client has to send the whole request. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
  /** How often Node checks the two limits above. */
  connectionsCheckingInterval: number;
}

export const defaultTimeouts: ServerTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 2_000,
};

export function createHttpServer(
  handler: RequestListener,
  timeouts: Partial<ServerTimeouts> = {},
): http.Server {
  const t = { ...defaultTimeouts, ...timeouts };
  const server = http.createServer(
    {
      headersTimeout: t.headersTimeout,
      requestTimeout: t.requestTimeout,
      keepAliveTimeout: t.keepAliveTimeout,
      connectionsCheckingInterval: t.connectionsCheckingInterval,
    },
    handler,
  );
  // Kept explicit on the instance too, so the values can be read back (and checked) in one place.
  server.headersTimeout = t.headersTimeout;
  server.requestTimeout = t.requestTimeout;
  server.keepAliveTimeout = t.keepAliveTimeout;
  return server;
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

export interface ShutdownOptions {
  lifecycle: Lifecycle;
  logger: Logger;
  /** How long in-flight requests may take before their connections are cut. */
  drainTimeoutMs: number;
}

export interface ShutdownReport {
  /** True when the deadline passed and open connections were closed by force. */
  forced: boolean;
  durationMs: number;
}

/** Returns a function that shuts `server` down once; later calls get the same promise. */
export function gracefulShutdown(
  server: http.Server,
  options: ShutdownOptions,
): (reason: string) => Promise<ShutdownReport> {
  let running: Promise<ShutdownReport> | undefined;
  return (reason) => {
    running ??= drain(server, options, reason);
    return running;
  };
}

function drain(server: http.Server, options: ShutdownOptions, reason: string): Promise<ShutdownReport> {
  const { lifecycle, logger, drainTimeoutMs } = options;
  const started = Date.now();
  lifecycle.draining = true;
  logger.info('shutdown_started', { reason, drainTimeoutMs });
  return new Promise((resolve) => {
    let forced = false;
    const deadline = setTimeout(() => {
      forced = true;
      logger.warn('shutdown_deadline_passed', { drainTimeoutMs });
      server.closeAllConnections();
    }, drainTimeoutMs);
    deadline.unref();
    // A keep-alive socket becomes idle once its in-flight response ends; sweep those so close() can finish.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      const report = { forced, durationMs: Date.now() - started };
      logger.info('shutdown_complete', { ...report });
      resolve(report);
    });
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}
