// Checks that read Go code facts. Each entry implements one checklist id.
import type { CheckImplementation } from '../../types.js';

export const codeChecks: CheckImplementation[] = [];
