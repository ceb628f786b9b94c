// `gonogo trees` and `gonogo decide`. STUB — to be implemented (owner: decision web/API/CLI work).
import type { Command } from 'commander';

export function registerDecideCommands(_program: Command): void {}
