// Decides whether a repository is a service, a CLI and/or a library, with evidence.
// STUB — to be implemented (owner: Go code checks work).
import type { GoFileFacts, KindFacts } from './types.js';

export function detectKinds(_go: GoFileFacts[]): KindFacts {
  throw new Error('detectKinds: not implemented yet');
}
