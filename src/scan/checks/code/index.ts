// Checks that read Go code facts. Each entry implements one checklist id.
import type { CheckImplementation } from '../../types.js';
import { gracefulShutdown } from './graceful-shutdown.js';
import { healthEndpoints } from './health-endpoints.js';
import { clientTimeouts, serverTimeouts } from './http-timeouts.js';
import { loggingCorrelation, loggingStructured } from './logging.js';
import { loopvar } from './loopvar.js';
import { metricsExposed, metricsRequest } from './metrics.js';
import { httpRecovery, panicReporting } from './panics.js';
import { profilingPprof } from './profiling.js';
import { overload } from './resilience.js';
import { fuzz, integration, tableDriven } from './testing.js';
import { tlsVerification } from './tls-verification.js';
import { tracingInstrumented } from './tracing.js';

export const codeChecks: CheckImplementation[] = [
  loggingStructured,
  loggingCorrelation,
  metricsExposed,
  metricsRequest,
  tracingInstrumented,
  profilingPprof,
  gracefulShutdown,
  healthEndpoints,
  serverTimeouts,
  clientTimeouts,
  httpRecovery,
  panicReporting,
  overload,
  fuzz,
  integration,
  tableDriven,
  tlsVerification,
  loopvar,
];
