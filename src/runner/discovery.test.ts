// A run reads the server's self-description once: capabilities (/ServiceProviderConfig,
// /ResourceTypes) and the declared schemas (/Schemas, /ResourceTypes) share one answer per path.
// Real server and runner; a recording proxy counts what reached the wire.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { startRecordingProxy, type RecordingProxy } from '../../test/helpers/recording-proxy.js';
import { runSuitesAt } from '../../test/helpers/run-suite.js';

const SUITE = path.join(import.meta.dirname, 'testdata', 'needs-groups.yaml');
let server: RunningServer | undefined;
let proxy: RecordingProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
});

async function gets(): Promise<{ path: string; count: number }[]> {
  server = await startServer({ port: 0 });
  const origin = new URL(server.baseUrl).origin;
  proxy = await startRecordingProxy(origin);
  const basePath = new URL(server.baseUrl).pathname;
  const result = await runSuitesAt({ baseUrl: `${proxy.url}${basePath}`, token: server.token }, [SUITE]);
  expect(result.summary.failed).toBe(0);
  expect(result.suites[0]?.tests[0]?.status).toBe('passed'); // the capabilities were read: not skipped
  const paths = proxy.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.url, origin).pathname);
  return ['/ResourceTypes', '/Schemas', '/ServiceProviderConfig'].map((p) => ({
    path: p,
    count: paths.filter((x) => x === `${basePath}${p}`).length,
  }));
}

describe('discovery during a run', () => {
  it('sends one GET each of /ResourceTypes, /Schemas and /ServiceProviderConfig', async () => {
    expect(await gets()).toEqual([
      { path: '/ResourceTypes', count: 1 },
      { path: '/Schemas', count: 1 },
      { path: '/ServiceProviderConfig', count: 1 },
    ]);
  });
});
