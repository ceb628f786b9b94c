// The scorecard as JSON (schemas/scorecard.schema.json): the stable, versioned output CI and tools read.
import type { Scorecard } from './types.js';

export function renderJson(scorecard: Scorecard): string {
  return `${JSON.stringify(scorecard, null, 2)}\n`;
}
