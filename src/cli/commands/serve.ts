// `scim-check serve`: the embedded reference server on its own, until interrupted.
import { Command, Option } from 'commander';
import { collect } from '../options.js';
import { UsageError } from '../../errors.js';
import { processIo } from '../../util/process-io.js';
import { interruptOnSignals } from '../signals.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the embedded reference SCIM server and print its base URL')
    .addOption(
      new Option('--port <n>', 'port to listen on (0 = any free port)')
        .default(0)
        .argParser((v) => wholeNumber('--port', v)),
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'bearer token the server accepts (default: random, printed)')
    .option('--quirk <name>', 'switch on a deviation (repeatable; see `scim-check serve --list-quirks`)', collect)
    .option('--list-quirks', 'list the available quirks and exit')
    .option('--seed-users <n>', 'start with this many generated users', (v) =>
      wholeNumber('--seed-users', v, 10_000_000),
    )
    .option('--seed-groups <n>', 'start with this many generated groups (members spread over the seeded users)', (v) =>
      wholeNumber('--seed-groups', v, 1_000_000),
    )
    .option(
      '--seed-defect <name=count>',
      'also seed users or groups with a known defect, to try `audit` (repeatable; e.g. language-region=5)',
      collect,
    )
    .action(
      async (flags: {
        port: number;
        host: string;
        token?: string;
        quirk?: string[];
        listQuirks?: boolean;
        seedUsers?: number;
        seedGroups?: number;
        seedDefect?: string[];
      }) => {
        if (flags.listQuirks) {
          const { QUIRKS } = await import('../../server/quirks.js');
          for (const [name, text] of Object.entries(QUIRKS)) processIo().stdout.write(`${name.padEnd(34)} ${text}\n`);
          return;
        }
        const { startServer } = await import('../../server/index.js');
        const server = await startServer({
          port: flags.port,
          host: flags.host,
          token: flags.token,
          quirks: flags.quirk ?? [],
          seed: { users: flags.seedUsers, groups: flags.seedGroups, defects: parseDefects(flags.seedDefect ?? []) },
        }).catch((err: NodeJS.ErrnoException) => {
          throw listenError(err, flags.host, flags.port);
        });
        processIo().stdout.write(`scim-check reference server listening\n  base URL: ${server.baseUrl}\n`);
        processIo().stdout.write(
          flags.token ? '  token:    (as given with --token)\n' : `  token:    ${server.token}\n`,
        );
        if (flags.quirk?.length) processIo().stdout.write(`  quirks:   ${flags.quirk!.join(', ')}\n`);
        // the first signal closes the server (connections end cleanly); a second one exits at once
        const stop = interruptOnSignals({ givesUp: 'closing the open connections' });
        try {
          await stop.interrupted;
          await server.close();
        } finally {
          stop.dispose();
        }
      },
    );
}

function parseDefects(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const [, name, count] = /^([a-z0-9-]+)=(\d+)$/.exec(v.trim()) ?? [];
    if (name === undefined)
      throw new UsageError(
        `--seed-defect must look like NAME=COUNT (e.g. language-region=5), got ${JSON.stringify(v)}`,
      );
    out[name] = Number(count);
  }
  return out;
}

/** A busy port or an address that is not ours is the user's to fix: exit 2, one line. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  const known: Record<string, string> = {
    EADDRINUSE: 'the port is in use',
    EADDRNOTAVAIL: 'the address is not available on this machine',
    EACCES: 'permission denied',
    ENOTFOUND: 'unknown host',
    EAI_AGAIN: 'unknown host',
  };
  const why = err?.code ? known[err.code] : undefined;
  return why ? new UsageError(`--host ${host} --port ${port}: cannot listen (${why}, ${err.code})`) : err;
}

function wholeNumber(flag: string, v: string, max = 65535): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`${flag} must be an integer from 0 to ${max}, got ${JSON.stringify(v)}`);
  return n;
}
