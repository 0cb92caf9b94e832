// The audit's client is read-only by construction: a write is refused before any
// socket is touched, so the server never even sees the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { startServer, type RunningServer } from '../server/index.js';
import { createAuditClient } from './audit.js';

describe('audit client', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ seed: { users: 3 } });
  });
  afterAll(() => server.close());

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])(
    'refuses %s with a usage error and sends nothing',
    async (method) => {
      const client = createAuditClient({ timeoutMs: 2000, concurrency: 1 });
      const before = server.store.snapshot();
      const userId = server.store.users()[0].id;
      try {
        const attempt = client.send({
          method,
          url: `${server.baseUrl}/Users/${userId}`,
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' },
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'replace', value: { active: false } }],
          }),
        });
        await expect(attempt).rejects.toThrow(UsageError);
        await expect(attempt).rejects.toThrow(/read-only/);
      } finally {
        await client.close();
      }
      expect(server.requestLog).toEqual([]);
      expect(server.store.snapshot()).toBe(before);
    },
  );

  it('still sends GET (the refusal above is not a dead client)', async () => {
    const client = createAuditClient({ timeoutMs: 2000, concurrency: 1 });
    try {
      const res = await client.send({
        method: 'GET',
        url: `${server.baseUrl}/Users?startIndex=1&count=1`,
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await client.close();
    }
    expect(server.requestLog.map((r) => r.method)).toEqual(['GET']);
  });
});
