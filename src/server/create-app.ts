// Builds the web app (pages, JSON API, probes) without listening, so tests can drive it with supertest
// and main.ts can put it behind a real server.
import express, { type Application } from 'express';
import { loadTrees } from '../decide/index.js';
import type { TreeRegistry } from '../decide/index.js';
import { fromRoot } from '../paths.js';
import { errorHandler, notFound } from './error-handler.js';
import { createLifecycle, type Lifecycle } from './lifecycle.js';
import { createLogger, type Logger } from './logger.js';
import { DEFAULT_BODY_LIMIT } from './middleware/body-parsers.js';
import { closeConnectionsWhileDraining } from './middleware/drain.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { apiRoutes } from './routes/api-trees.js';
import { decidePageRoutes } from './routes/decide-pages.js';
import { healthRoutes } from './routes/health.js';
import { homeRoutes } from './routes/home.js';
import { useViews } from './views.js';

export interface AppOptions {
  logger?: Logger;
  /** Shared with the HTTP server so readiness can report draining. */
  lifecycle?: Lifecycle;
  /** Trees to serve; loaded from `treesDir` (default: the project's trees/) when absent. */
  trees?: TreeRegistry;
  treesDir?: string;
  /** Largest accepted request body, e.g. '64kb'. */
  bodyLimit?: string;
}

export function createApp(options: AppOptions = {}): Application {
  const logger = options.logger ?? createLogger();
  const lifecycle = options.lifecycle ?? createLifecycle();
  const trees = options.trees ?? loadTrees(options.treesDir);
  lifecycle.loaded = true;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  useViews(app);

  app.use(requestId());
  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(closeConnectionsWhileDraining(lifecycle));

  app.use(healthRoutes(lifecycle));
  app.use(express.static(fromRoot('public'), { index: false, maxAge: '1h' }));
  app.use('/api', apiRoutes(trees, bodyLimit));
  app.use(homeRoutes(trees));
  app.use('/decide', decidePageRoutes(trees, bodyLimit));

  app.use(notFound());
  app.use(errorHandler(logger));
  return app;
}
