// What every e2e file that drives the CLI against reference servers needs: the CLI built
// once (when dist/ is missing), and each server a test started closed after that test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';
import { ROOT } from './cli.js';

/** Registers the hooks and returns a starter for servers on 127.0.0.1:0 (closing one twice is harmless). */
export function useServers(): (opts?: ServerOptions) => Promise<RunningServer> {
  let servers: RunningServer[] = [];
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  return async (opts = {}) => {
    const s = await startServer({ port: 0, ...opts });
    servers.push(s);
    return s;
  };
}
