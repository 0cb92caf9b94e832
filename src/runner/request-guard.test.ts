// Every request a step sends passes the write guard and the target guard, a paged step's
// pages included: a suite cannot page its way past "only what this run created is changed".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { loadSuiteText } from '../suite/load.js';
import { runLoadedAt } from '../../test/helpers/run-suite.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: { users: 2 } });
});
afterAll(async () => {
  await server.close();
});

const suite = (method: string) => `name: t/paged-${method.toLowerCase()}
tests:
  - name: a paged ${method} of a user the run did not create
    steps:
      - id: find
        request: { method: GET, path: /Users }
        capture: { someone: "Resources[0].id" }
      - id: paged
        request: { method: ${method}, path: "/Users/\${{ someone }}" }
        paginate: { count: 1 }
`;

describe('a paged step', () => {
  for (const method of ['DELETE', 'PUT', 'PATCH']) {
    it(`is refused for ${method} on a resource the run did not create, and nothing is sent`, async () => {
      const before = server.store.snapshot();
      const sentBefore = server.requestLog.length;
      const run = await runLoadedAt(server, [loadSuiteText(suite(method), `paged-${method}.yaml`)]);
      const paged = run.suites[0]?.tests[0]?.steps.find((s) => s.id === 'paged');
      expect(paged?.status).toBe('errored');
      expect(paged?.error?.code).toBe('SCIM_CHECK_REFUSED');
      expect(paged?.error?.message).toMatch(/not created by this run/);
      expect(server.requestLog.slice(sentBefore).filter((r) => r.method === method)).toEqual([]);
      expect(server.store.snapshot()).toBe(before);
    });
  }
});
