// `gonogo scan`. STUB — to be implemented (owner: scanner core work).
import type { Command } from 'commander';

export function registerScanCommand(_program: Command): void {}
