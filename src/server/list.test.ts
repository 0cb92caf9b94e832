import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, RunningServer } from './index.js';
import { scimClient } from '../../test/helpers/scim-client.js';

let server: RunningServer;
let call: ReturnType<typeof scimClient>;

beforeAll(async () => {
  server = await startServer({ seed: { users: 25, groups: 3 } });
  call = scimClient(server);
});
afterAll(() => server.close());

const ids = (r: { json: { Resources: { id: string }[] } }) => r.json.Resources.map((u) => u.id);

describe('pagination', () => {
  it('returns a full ListResponse with integer counters', async () => {
    const r = await call('GET', '/Users?startIndex=1&count=2');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 25,
      itemsPerPage: 2,
      startIndex: 1,
    });
    expect(r.json.Resources).toHaveLength(2);
  });

  it('pages in stable creation order without gaps or duplicates', async () => {
    const all = server.store.users().map((u) => u.id);
    const pages: string[] = [];
    for (let start = 1; start <= 25; start += 10)
      pages.push(...ids(await call('GET', `/Users?startIndex=${start}&count=10`)));
    expect(pages).toEqual(all);
    expect(ids(await call('GET', '/Users?startIndex=11&count=10'))).toEqual(all.slice(10, 20));
  });

  it('treats startIndex < 1 as 1', async () => {
    const zero = await call('GET', '/Users?startIndex=0&count=3');
    expect(zero.json.startIndex).toBe(1);
    expect(ids(zero)).toEqual(
      server.store
        .users()
        .slice(0, 3)
        .map((u) => u.id),
    );
    expect((await call('GET', '/Users?startIndex=-5&count=3')).json.startIndex).toBe(1);
  });

  it('count=0 and negative count give only totalResults and empty Resources', async () => {
    for (const count of ['0', '-3']) {
      const r = await call('GET', `/Users?count=${count}`);
      expect(r.json).toMatchObject({ totalResults: 25, itemsPerPage: 0, Resources: [] });
    }
  });

  it('past the end gives an empty page, Resources still present', async () => {
    const r = await call('GET', '/Users?startIndex=100&count=10');
    expect(r.json).toMatchObject({ totalResults: 25, itemsPerPage: 0, startIndex: 100, Resources: [] });
  });

  it('defaults count to 100 and caps it at maxResults 200', async () => {
    expect((await call('GET', '/Users')).json.itemsPerPage).toBe(25);
    expect((await call('GET', '/Users?count=5000')).json.itemsPerPage).toBe(25);
  });

  it('rejects a non-integer count with 400', async () => {
    expect((await call('GET', '/Users?count=ten')).status).toBe(400);
  });
});

describe('filters over HTTP', () => {
  it('accepts %20 and + for spaces, case-insensitive userName', async () => {
    for (const q of ['userName%20eq%20%22USER0003%40example.com%22', 'userName+eq+%22user0003@EXAMPLE.com%22']) {
      const r = await call('GET', `/Users?filter=${q}&startIndex=1&count=100`);
      expect(r.json.totalResults).toBe(1);
      expect(r.json.Resources[0].userName).toBe('user0003@example.com');
    }
  });

  it('an absent userName gives 200 with totalResults 0 and Resources []', async () => {
    const r = await call('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
  });

  it('supports logic, value paths and extension URNs', async () => {
    const q = (f: string) => call('GET', `/Users?filter=${encodeURIComponent(f)}`);
    expect((await q('emails[type eq "work" and value ew "0005@example.com"]')).json.totalResults).toBe(1);
    expect(
      (await q('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "sales"')).json.totalResults,
    ).toBe(12);
    expect((await q('name.givenName sw "given001" or userName eq "user0020@example.com"')).json.totalResults).toBe(11);
    expect((await q('not (active eq true)')).json.totalResults).toBe(0);
  });

  it('filters groups by displayName and users by computed group membership', async () => {
    const group = (await call('GET', `/Groups?filter=${encodeURIComponent('displayName eq "group 2"')}`)).json
      .Resources[0];
    expect(group.displayName).toBe('Group 2');
    const members = await call('GET', `/Users?filter=${encodeURIComponent(`groups.value eq "${group.id}"`)}`);
    expect(members.json.totalResults).toBe(group.members.length);
  });

  it.each(['userName eq', 'userName xx "a"', '(userName eq "a"', 'emails[type eq "work"'])(
    'invalid filter %j -> 400 invalidFilter',
    async (f) => {
      const r = await call('GET', `/Users?filter=${encodeURIComponent(f)}`);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    },
  );
});

describe('attributes and sorting', () => {
  it('attributes keeps only the named ones plus id and schemas', async () => {
    const r = await call('GET', '/Users?count=1&attributes=userName,name.givenName');
    expect(Object.keys(r.json.Resources[0]).sort()).toEqual(['id', 'name', 'schemas', 'userName']);
    expect(r.json.Resources[0].name).toEqual({ givenName: 'Given0001' });
  });

  it('excludedAttributes drops the named ones but never id', async () => {
    const r = await call('GET', '/Users?count=1&excludedAttributes=emails,id,meta');
    const user = r.json.Resources[0];
    expect(user.emails).toBeUndefined();
    expect(user.meta).toBeUndefined();
    expect(user.id).toBeDefined();
  });

  it('applies attributes to single-resource GET too', async () => {
    const id = server.store.users()[0].id;
    const r = await call(
      'GET',
      `/Users/${id}?attributes=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`,
    );
    expect(r.json).toEqual({
      schemas: expect.any(Array),
      id,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '0001' },
    });
  });

  it('sortBy/sortOrder sort results', async () => {
    const r = await call('GET', '/Users?sortBy=userName&sortOrder=descending&count=2');
    expect(r.json.Resources.map((u: { userName: string }) => u.userName)).toEqual([
      'user0025@example.com',
      'user0024@example.com',
    ]);
  });
});
