import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, RunningServer } from './index.js';
import { scimClient } from '../../test/helpers/scim-client.js';

let server: RunningServer;
let call: ReturnType<typeof scimClient>;

beforeAll(async () => {
  server = await startServer({ basePath: '/custom/base/' });
  call = scimClient(server);
});
afterAll(() => server.close());

describe('discovery', () => {
  it('honours a custom base path', () => {
    expect(server.baseUrl).toBe(`http://127.0.0.1:${server.port}/custom/base`);
  });

  it('ServiceProviderConfig advertises what the server does', async () => {
    const r = await call('GET', '/ServiceProviderConfig');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
    });
    expect(r.json.authenticationSchemes[0].type).toBe('oauthbearertoken');
  });

  it('ResourceTypes lists User (with enterprise extension) and Group', async () => {
    const r = await call('GET', '/ResourceTypes');
    expect(r.json.totalResults).toBe(2);
    const user = r.json.Resources.find((x: { id: string }) => x.id === 'User');
    expect(user).toMatchObject({ endpoint: '/Users', schema: 'urn:ietf:params:scim:schemas:core:2.0:User' });
    expect(user.schemaExtensions).toEqual([
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
    ]);
    expect((await call('GET', '/ResourceTypes/Group')).json.endpoint).toBe('/Groups');
    expect((await call('GET', '/ResourceTypes/Nope')).status).toBe(404);
  });

  it('Schemas carry full attribute definitions', async () => {
    const r = await call('GET', '/Schemas');
    expect(r.json.Resources.map((s: { id: string }) => s.id)).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ]);
    const user = (await call('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User')).json;
    const byName = (n: string) => user.attributes.find((a: { name: string }) => a.name === n);
    expect(byName('userName')).toMatchObject({
      type: 'string',
      required: true,
      uniqueness: 'server',
      caseExact: false,
      multiValued: false,
      mutability: 'readWrite',
      returned: 'default',
    });
    expect(byName('password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(byName('groups')).toMatchObject({ mutability: 'readOnly', multiValued: true });
    expect(byName('emails').subAttributes.find((s: { name: string }) => s.name === 'type').canonicalValues).toEqual([
      'work',
      'home',
      'other',
    ]);
    for (const a of user.attributes) {
      for (const key of [
        'name',
        'type',
        'multiValued',
        'description',
        'required',
        'caseExact',
        'mutability',
        'returned',
        'uniqueness',
      ])
        expect(a).toHaveProperty(key);
    }
    expect((await call('GET', '/Schemas/urn:nope')).status).toBe(404);
  });

  it('refuses filters on discovery collections with 403', async () => {
    expect((await call('GET', '/Schemas?filter=id+pr')).status).toBe(403);
  });
});
