// The process a command talks to: its stdout, stderr and environment. A command run from
// bin/scim-check.js gets the real ones. `withProcessIo` gives one call of the CLI its own
// streams and environment (an async context, so calls running side by side never mix), which
// lets the end-to-end tests drive the very same commander program inside the test process:
// a spawned Node costs 0.4-0.9 s of CPU per call, the call itself a tenth of that once warm.
// The working directory is not part of it: relative paths are read against the real one.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ProcessIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

const scope = new AsyncLocalStorage<ProcessIo>();

export function processIo(): ProcessIo {
  return scope.getStore() ?? { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

export function withProcessIo<T>(io: ProcessIo, fn: () => Promise<T>): Promise<T> {
  return scope.run(io, fn);
}
