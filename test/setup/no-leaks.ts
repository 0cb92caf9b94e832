// Workers keep their modules from one test file to the next (vitest.config.ts: isolate false),
// so a file that leaves global state behind would change the files after it. Each file must
// end with the environment, working directory, exit code and signal handlers it started with.
import { afterAll, beforeAll, expect } from 'vitest';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGPIPE', 'exit', 'uncaughtException', 'unhandledRejection'] as const;

function globalState() {
  return {
    env: Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b)),
    cwd: process.cwd(),
    exitCode: process.exitCode,
    listeners: SIGNALS.map((s) => `${s}: ${process.listenerCount(s)}`),
  };
}

let before: ReturnType<typeof globalState>;
beforeAll(() => {
  before = globalState();
});
afterAll(() => {
  expect(globalState(), 'this test file left global state changed').toEqual(before);
});
