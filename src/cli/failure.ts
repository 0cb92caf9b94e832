// How a failure ends the CLI: which documented exit code, and what goes to stderr. Kept apart
// from main.ts (which runs the program on import) so tests can classify an error exactly as
// the CLI does: anything that is not one of our error classes is an internal error (70).
import { CommanderError } from 'commander';
import { EXIT, ExitError, TokenRejectedError, TransportError, UsageError } from '../errors.js';

export interface Failure {
  exitCode: number;
  /** What the CLI writes to stderr ('' when the message was already printed). */
  stderr: string;
}

export function failureOf(err: unknown, debug: boolean): Failure {
  if (err instanceof CommanderError) {
    // help and version exit 0; commander already printed its one-line message
    const ok = err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
    return { exitCode: ok ? EXIT.OK : EXIT.USAGE, stderr: '' };
  }
  if (err instanceof ExitError) return { exitCode: err.exitCode, stderr: '' };
  if (err instanceof UsageError) return { exitCode: EXIT.USAGE, stderr: `scim-check: ${err.oneLine()}\n` };
  if (err instanceof TokenRejectedError)
    return {
      exitCode: EXIT.TOKEN_REJECTED,
      stderr: `scim-check: ${err.message} [exit ${EXIT.TOKEN_REJECTED}]\n`,
    };
  if (err instanceof TransportError)
    return { exitCode: EXIT.TRANSPORT, stderr: `scim-check: ${err.message} [${err.code}]\n` };
  const e = err as Error | undefined;
  const hint = debug && e?.stack ? `${e.stack}\n` : '(run with --debug for details; this is a bug in scim-check)\n';
  return { exitCode: EXIT.INTERNAL, stderr: `scim-check: internal error: ${e?.message ?? String(err)}\n${hint}` };
}
