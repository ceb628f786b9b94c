// The `gonogo` command line: one file per command family, wired here.
import { Command } from 'commander';
import { toolInfo } from '../report/tool.js';
import { registerDecideCommands } from './decide.js';
import { registerScanCommand } from './scan.js';

const program = new Command()
  .name('gonogo')
  .description('Decide whether a service should be written in Go, and score a Go repository for production.')
  .version(toolInfo().version)
  .showHelpAfterError('(add --help for usage)')
  // Usage errors (unknown option, bad choice, missing argument) exit 2; help and --version exit 0.
  // Subcommands registered below inherit this.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

registerDecideCommands(program);
registerScanCommand(program);

await program.parseAsync(process.argv);
