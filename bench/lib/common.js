// Helpers shared by the benchmarks: medians, timed child processes, and the reference
// server in its own process (so that what is measured is the client, not the server).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'scim-check.js');
const SERVER_CHILD = path.join(ROOT, 'bench', 'lib', 'server-child.js');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `node ...args` to completion; wall time from spawn to exit. */
export function timeNode(args, { env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: performance.now() - started, status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The reference server in a child process; resolves once it listens. */
export function startServerProcess({ users = 0, groups = 0, defects = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=8192', SERVER_CHILD, JSON.stringify({ users, groups, defects })],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let buf = '';
    const onData = (d) => {
      buf += d;
      if (!buf.includes('\n')) return;
      child.stdout.off('data', onData);
      const info = JSON.parse(buf.split('\n')[0]);
      resolve({
        ...info,
        child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.stdin.end();
          }),
      });
    };
    child.stdout.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server process exited ${code}`)));
  });
}
