// The `gonogo` command line: one file per command family, wired here.
import { Command } from 'commander';
import { registerDecideCommands } from './decide.js';
import { registerScanCommand } from './scan.js';

const program = new Command()
  .name('gonogo')
  .description('Decide whether a service should be written in Go, and score a Go repository for production.')
  .version('0.1.0')
  .showHelpAfterError('(add --help for usage)');

registerDecideCommands(program);
registerScanCommand(program);

await program.parseAsync(process.argv);
