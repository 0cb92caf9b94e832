// `scim-check list`: the suites a run would execute, with their tests; `list --checks`: the named checks.
import { Command } from 'commander';
import path from 'node:path';
import { collect } from '../options.js';
import { processIo } from '../../util/process-io.js';

export function registerList(program: Command): void {
  program
    .command('list')
    .description(
      'list suites and their tests (default: the bundled default set; `list tag:all` for every bundled suite)',
    )
    .argument('[suites...]', 'suite files, directories, bundled names or tag:NAME')
    .option('--grep <pattern>', 'only tests whose name or id matches')
    .option('--tag <tag>', 'only suites with this tag (repeatable)', collect)
    .option('--checks', 'list the named checks (`check: NAME` in an expectation) and their `with:` arguments')
    .option('--json', 'machine-readable output')
    .action(async (args: string[], flags: { grep?: string; tag?: string[]; json?: boolean; checks?: boolean }) => {
      if (flags.checks) return listChecks(flags.json === true);
      const { resolveSuites } = await import('../../suite/discover.js');
      const suites = resolveSuites(args, { grep: flags.grep, tags: flags.tag });
      if (flags.json) {
        const data = suites.map((s) => ({
          name: s.name,
          file: s.file,
          tags: s.tags ?? [],
          tests: s.tests.map((t) => ({ name: t.name, id: t.id, steps: t.steps.length, requires: t.requires ?? [] })),
        }));
        processIo().stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      for (const s of suites) {
        processIo().stdout.write(
          `${s.name}  (${path.relative(process.cwd(), s.file)})${s.tags?.length ? `  [${s.tags.join(', ')}]` : ''}\n`,
        );
        if (s.description) processIo().stdout.write(`  ${s.description.trim().split('\n')[0]}\n`);
        for (const t of s.tests)
          processIo().stdout.write(`  - ${t.name} (${t.steps.length} step${t.steps.length === 1 ? '' : 's'})\n`);
      }
      const tests = suites.reduce((n, s) => n + s.tests.length, 0);
      processIo().stdout.write(`${suites.length} suite(s), ${tests} test(s)\n`);
    });
}

async function listChecks(json: boolean): Promise<void> {
  const { describeNamedChecks, namedChecksText } = await import('../../checks/describe-checks.js');
  if (!json) return void processIo().stdout.write(namedChecksText());
  const data = describeNamedChecks().map((c) => ({ name: c.name, description: c.description, arguments: c.schema }));
  processIo().stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}
