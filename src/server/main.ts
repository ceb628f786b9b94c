// Starts the web server: PORT (default 3000) and HOST (default 0.0.0.0), JSON logs on stdout, and a
// graceful shutdown on SIGTERM/SIGINT that drains in-flight requests before the process exits.
import { createApp } from './create-app.js';
import { createHttpServer, gracefulShutdown, listen } from './http-server.js';
import { createLifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';

const logger = createLogger({ base: { service: 'gonogo' } });
const lifecycle = createLifecycle();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const drainTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
// A team may serve its own trees; a broken tree stops start-up with the file, JSON path and problem.
const treesDir = process.env.GONOGO_TREES_DIR || undefined;

try {
  const app = createApp({ logger, lifecycle, treesDir });
  const server = createHttpServer(app);
  const shutdown = gracefulShutdown(server, { lifecycle, logger, drainTimeoutMs });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    // A second signal means the operator does not want to wait for the drain.
    if (signals > 1) {
      logger.warn('shutdown_forced', { signal });
      process.exit(1);
    }
    void shutdown(signal).then((report) => process.exit(report.forced ? 1 : 0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const address = await listen(server, port, host);
  logger.info('server_started', { host: address.address, port: address.port, pid: process.pid });
} catch (err) {
  logger.error('startup_failed', { err });
  process.exit(1);
}
