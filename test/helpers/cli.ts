// Drives the real CLI: the commander program of src/cli/program.ts, called in this process
// with its own stdout, stderr and environment (runCli), or the built launcher
// (bin/scim-check.js -> dist/) as a child process (spawnCli, startCli).
//
// In-process is the default: a spawned Node costs 0.4-0.9 s of CPU per call on this 2-core
// machine, most of the test suite's time, where the same command once warm costs a tenth of it.
// The code under test is the same, down to the HTTP client and the sockets; what only a
// process has (the launcher's V8 flags, the prebuilt artefacts in dist/, exit on a signal,
// a closed pipe, NODE_OPTIONS) is tested through spawnCli.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCommandLine } from '../../src/cli/program.js';
import { withProcessIo } from '../../src/util/process-io.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'scim-check.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called once the child is running, e.g. to send it a signal later. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** A child process still running after this is killed (60 s by default); an in-process call has the test's own timeout. */
  timeoutMs?: number;
}

/** The environment a CLI call sees: this one without colour, token, target or CI settings, plus `extra`. */
function cliEnv(extra: CliOptions['env']): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    SCIM_TOKEN: undefined,
    SCIM_BASE_URL: undefined,
    GITHUB_ACTIONS: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** A stream that keeps what is written to it, as a pipe would (not a terminal). */
export class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

// The working directory is the process's own: a call with another one changes it for its
// duration, and waits until no call with a different one is running (calls side by side in
// one directory are fine). Vitest's forks pool allows chdir; test/setup/no-leaks.ts checks it
// is back after every file.
const HOME = process.cwd();
/** Calls running now; they all run in process.cwd(). */
let running = 0;
let idle: (() => void)[] = [];

async function enterDirectory(cwd: string): Promise<void> {
  while (running > 0 && process.cwd() !== cwd) await new Promise<void>((resolve) => idle.push(resolve));
  if (process.cwd() !== cwd) process.chdir(cwd);
  running++;
}

function leaveDirectory(): void {
  if (--running > 0) return;
  if (process.cwd() !== HOME) process.chdir(HOME);
  const waiting = idle;
  idle = [];
  for (const wake of waiting) wake();
}

/** Runs one CLI call in this process (the same commander program bin/scim-check.js runs). */
export async function runCli(args: string[], opts: Omit<CliOptions, 'onSpawn'> = {}): Promise<CliResult> {
  const stdout = new Captured();
  const stderr = new Captured();
  const io = {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env: cliEnv(opts.env),
  };
  await enterDirectory(path.resolve(HOME, opts.cwd ?? HOME));
  try {
    const code = await withProcessIo(io, () => runCommandLine([process.execPath, BIN, ...args]));
    return { code, signal: null, stdout: stdout.text, stderr: stderr.text };
  } finally {
    leaveDirectory();
  }
}

/** Runs the built launcher as a child process. */
export function spawnCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = cliEnv(opts.env);
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    opts.onSpawn?.(child);
  });
}

export interface LiveCli {
  child: import('node:child_process').ChildProcess;
  /** The process's end, with everything it printed. */
  done: Promise<CliResult>;
  /** Resolves once stdout + stderr so far match; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

/**
 * Starts the CLI and hands it back while it runs, for tests that act on what it printed
 * (a listen address, a "SIGINT received" line). Output is only collected here: assertions
 * belong after `done`, never in a data handler, where a failure would hang the test.
 */
export function startCli(args: string[], opts: Omit<CliOptions, 'onSpawn'> = {}): LiveCli {
  let child!: import('node:child_process').ChildProcess;
  let seen = '';
  const waiters = new Set<() => void>();
  const done = spawnCli(args, {
    ...opts,
    onSpawn: (c) => {
      child = c;
      const collect = (d: Buffer | string) => {
        seen += String(d);
        for (const w of [...waiters]) w();
      };
      c.stdout?.on('data', collect);
      c.stderr?.on('data', collect);
    },
  });
  let ended = false;
  void done.finally(() => {
    ended = true;
    for (const w of [...waiters]) w();
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(seen);
        if (m || ended) waiters.delete(check);
        if (m) resolve(m);
        else if (ended) reject(new Error(`the CLI ended before printing ${pattern}:\n${seen}`));
      };
      waiters.add(check);
      check();
    });
  return { child, done, waitFor };
}
