// Drives the real built CLI (bin/scim-check.js -> dist/) as a child process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  timeoutMs?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      SCIM_TOKEN: undefined,
      SCIM_BASE_URL: undefined,
      GITHUB_ACTIONS: undefined,
      GITHUB_STEP_SUMMARY: undefined,
      ...opts.env,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: env as NodeJS.ProcessEnv,
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
  const done = runCli(args, {
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
