// `scim-check init`: scaffold a config, an example suite, a baseline and a CI workflow
// (src/init/scaffold.ts); never overwrites, prints what it wrote and the next command.
import { Command } from 'commander';
import path from 'node:path';
import { processIo } from '../../util/process-io.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'write scim-check.config.yaml, an example suite, an empty baseline and a GitHub Actions workflow (never overwrites)',
    )
    .option('--dir <dir>', 'project directory', '.')
    .action(async (flags: { dir: string }) => {
      const { scaffold, describeOutcome } = await import('../../init/scaffold.js');
      processIo().stdout.write(describeOutcome(scaffold(path.resolve(flags.dir))));
    });
}
