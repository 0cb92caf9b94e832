// The commander program. It only wires flags to library calls and maps every
// failure to one documented exit code; stack traces only with --debug. The process
// entry point is main.ts; tests call `runCommandLine` inside the test process too.
import { Command, Option } from 'commander';
import { EXIT } from '../errors.js';
import { failureOf } from './failure.js';
import { toolVersion } from '../util/version.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerList } from './commands/list.js';
import { registerTestCredentials } from './commands/test-credentials.js';
import { registerValidateMapping } from './commands/validate-mapping.js';
import { registerAudit } from './commands/audit.js';
import { registerSweep } from './commands/sweep.js';
import { registerProvision } from './commands/provision.js';
import { registerRecord } from './commands/record.js';
import { addConfigOptions } from './project-config.js';
import { processIo } from '../util/process-io.js';
import { registerInit } from './commands/init.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0    every must-level check passed
  1    at least one must-level check failed
  2    usage error or invalid input file (nothing was sent)
  3    the target could not be reached or answered outside HTTP (refused, TLS, timeout)
  4    the target rejected the token (401/403)
  70   internal error (a bug in scim-check: please report it)
  130  interrupted by SIGINT (after clean-up); 143 for SIGTERM`;

export function buildProgram(): Command {
  const program = new Command('scim-check')
    .description('Conformance tester for SCIM 2.0 services and validator of Okta attribute mappings')
    .version(toolVersion(), '-V, --version')
    .addOption(new Option('--debug', 'print stack traces for internal errors'))
    .showHelpAfterError('(run with --help for usage)')
    // help and usage errors go to the command's own streams (subcommands inherit this)
    .configureOutput({
      writeOut: (text) => void processIo().stdout.write(text),
      writeErr: (text) => void processIo().stderr.write(text),
    })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  registerRun(program);
  registerTestCredentials(program);
  registerServe(program);
  registerList(program);
  registerValidateMapping(program);
  registerAudit(program);
  registerSweep(program);
  registerProvision(program);
  registerRecord(program);
  registerInit(program);
  addConfigOptions(program);
  for (const cmd of program.commands) cmd.exitOverride().addHelpText('after', EXIT_CODES_HELP);
  return program;
}

/** Runs one command line (`argv` as process.argv: node, script, then arguments) to its exit code. */
export async function runCommandLine(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return EXIT.OK;
  } catch (err) {
    return exitCodeFor(err, debug);
  }
}

function exitCodeFor(err: unknown, debug: boolean): number {
  const failure = failureOf(err, debug);
  processIo().stderr.write(failure.stderr);
  return failure.exitCode;
}
