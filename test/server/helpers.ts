// Shared set-up for the server tests: an app with a logger whose lines the test can read.
import type { Application } from 'express';
import { createApp, type AppOptions } from '../../src/server/create-app.js';
import { createLifecycle, type Lifecycle } from '../../src/server/lifecycle.js';
import { createLogger } from '../../src/server/logger.js';

export interface TestApp {
  app: Application;
  lifecycle: Lifecycle;
  /** Every log line written so far, parsed. */
  logs: Record<string, unknown>[];
}

export function testApp(options: AppOptions = {}): TestApp {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const lifecycle = createLifecycle();
  const app = createApp({ logger, lifecycle, ...options });
  return { app, lifecycle, logs };
}

/** A complete set of answers that leads to Go through the documents' tree. */
export const goAnswers = {
  latency_p99: 'under_100ms',
  team_size: 'small',
  ecosystem: 'python_django',
  needs_performance: 'yes',
};
