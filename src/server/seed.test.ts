import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { startServer } from './index.js';
import { QuirkSet } from './quirks.js';
import { SEED_DEFECTS } from './seed.js';
import { scimClient } from '../../test/helpers/scim-client.js';

describe('seeding and store', () => {
  it('generates users and groups with deterministic content', async () => {
    const server = await startServer({ seed: { users: 4, groups: 2 } });
    try {
      expect(server.store.users().map((u) => u.userName)).toEqual([
        'user0001@example.com',
        'user0002@example.com',
        'user0003@example.com',
        'user0004@example.com',
      ]);
      expect(server.store.groups().map((g) => (g.members as unknown[]).length)).toEqual([2, 2]);
      expect(server.store.snapshot()).toBe(server.store.snapshot());
    } finally {
      await server.close();
    }
  });

  it('snapshot changes with any write and not with reads', async () => {
    const server = await startServer({ seed: { users: 1 } });
    const call = scimClient(server);
    try {
      const before = server.store.snapshot();
      await call('GET', '/Users');
      expect(server.store.snapshot()).toBe(before);
      await call('PATCH', `/Users/${server.store.users()[0].id}`, {
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'title', value: 'T' }],
        },
      });
      expect(server.store.snapshot()).not.toBe(before);
    } finally {
      await server.close();
    }
  });

  it('loads a seed file as is, keeping ids, even data the API would refuse', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-seed-'));
    const file = path.join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({
        Users: [{ id: 'u-1', userName: 'a@example.com', active: 'yes', password: 'p' }],
        Groups: [{ id: 'g-1', displayName: 'G', members: [{ value: 'u-1' }] }],
      }),
    );
    const server = await startServer({ seed: { fromFile: file } });
    try {
      const user = (await scimClient(server)('GET', '/Users/u-1')).json;
      expect(user).toMatchObject({ id: 'u-1', active: 'yes', groups: [{ value: 'g-1' }] });
      expect(user.password).toBeUndefined();
      expect(server.store.password('u-1')).toBe('p');
    } finally {
      await server.close();
    }
  });

  it('a missing seed file or unknown defect is a UsageError', async () => {
    await expect(startServer({ seed: { fromFile: '/nonexistent/seed.json' } })).rejects.toBeInstanceOf(UsageError);
    await expect(startServer({ seed: { defects: { 'no-such-defect': 1 } } })).rejects.toThrow(/unknown seed defect/);
  });

  it('runs registered defect injectors', async () => {
    SEED_DEFECTS['test-only-defect'] = (store, count) => {
      for (let i = 0; i < count; i++) store.insertUser({ userName: `defect${i}` });
    };
    try {
      const server = await startServer({ seed: { defects: { 'test-only-defect': 2 } } });
      expect(server.store.users()).toHaveLength(2);
      await server.close();
    } finally {
      delete SEED_DEFECTS['test-only-defect'];
    }
  });

  it('slow-responses reads its delay from SCIM_CHECK_QUIRK_DELAY_MS', () => {
    process.env.SCIM_CHECK_QUIRK_DELAY_MS = '42';
    try {
      expect(new QuirkSet(['slow-responses']).delayMs()).toBe(42);
      expect(new QuirkSet(['slow-responses=7']).delayMs()).toBe(7);
      expect(new QuirkSet([]).delayMs()).toBe(0);
    } finally {
      delete process.env.SCIM_CHECK_QUIRK_DELAY_MS;
    }
  });
});
