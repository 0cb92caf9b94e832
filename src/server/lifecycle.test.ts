import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, RunningServer } from './index.js';
import { patchBody, scimClient, userBody } from '../../test/helpers/scim-client.js';

let server: RunningServer;
let call: ReturnType<typeof scimClient>;

beforeAll(async () => {
  server = await startServer({ seed: { users: 2, groups: 1 } });
  call = scimClient(server);
});
afterAll(() => server.close());

describe('auth', () => {
  it.each([
    ['missing token', false as const],
    ['wrong token', 'nope'],
  ])('%s gets 401 with a SCIM Error and WWW-Authenticate', async (_label, token) => {
    const r = await call('GET', '/Users', { token });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="scim"');
    expect(r.headers.get('content-type')).toBe('application/scim+json; charset=utf-8');
    expect(r.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(r.json.status).toBe('401');
    expect(r.json.detail).toMatch(/\w/);
  });

  it('protects discovery endpoints too', async () => {
    expect((await call('GET', '/ServiceProviderConfig', { token: false })).status).toBe(401);
  });
});

describe('user lifecycle', () => {
  it('creates, reads, replaces, patches and deletes a user', async () => {
    const created = await call('POST', '/Users', {
      body: userBody('Life.Cycle@example.com', {
        id: 'client-id',
        meta: { version: 'x' },
        groups: [{ value: 'g' }],
        password: 's3cret!',
        name: { givenName: 'Life' },
      }),
    });
    expect(created.status).toBe(201);
    const user = created.json;
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.userName).toBe('Life.Cycle@example.com');
    expect(user.password).toBeUndefined();
    expect(user.groups).toBeUndefined();
    expect(created.headers.get('location')).toBe(user.meta.location);
    expect(user.meta.location).toBe(`${server.baseUrl}/Users/${user.id}`);
    expect(user.meta).toMatchObject({ resourceType: 'User', version: 'W/"1"' });
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(server.store.password(user.id)).toBe('s3cret!');

    const read = await call('GET', `/Users/${user.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(user);

    const put = await call('PUT', `/Users/${user.id}`, {
      body: { ...user, id: 'ignored', displayName: 'Life C', name: { familyName: 'Cycle' } },
    });
    expect(put.status).toBe(200);
    expect(put.json.id).toBe(user.id);
    expect(put.json.displayName).toBe('Life C');
    expect(put.json.name).toEqual({ familyName: 'Cycle' });
    expect(put.json.meta.created).toBe(user.meta.created);
    expect(put.json.meta.version).toBe('W/"2"');

    const patched = await call('PATCH', `/Users/${user.id}`, {
      body: patchBody({ op: 'Replace', path: 'name.givenName', value: 'Liv' }),
    });
    expect(patched.status).toBe(200);
    expect(patched.json.name).toEqual({ familyName: 'Cycle', givenName: 'Liv' });

    expect((await call('DELETE', `/Users/${user.id}`)).status).toBe(204);
    const gone = await call('GET', `/Users/${user.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ status: '404' });
    expect(gone.json.detail).toMatch(/\w/);
  });

  it('rejects a duplicate userName case-insensitively with 409 uniqueness', async () => {
    expect((await call('POST', '/Users', { body: userBody('dup@example.com') })).status).toBe(201);
    const dup = await call('POST', '/Users', { body: userBody('DUP@Example.com') });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('rejects a PUT that renames a user onto another userName', async () => {
    const a = (await call('POST', '/Users', { body: userBody('put-a@example.com') })).json;
    const r = await call('PUT', `/Users/${a.id}`, { body: userBody('USER0001@example.com') });
    expect(r.status).toBe(409);
  });

  it('400 invalidValue without userName, 404 on PUT of an unknown id', async () => {
    const r = await call('POST', '/Users', { body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] } });
    expect(r.status).toBe(400);
    expect(r.json.scimType).toBe('invalidValue');
    const put = await call('PUT', '/Users/does-not-exist', { body: userBody('ghost@example.com') });
    expect(put.status).toBe(404);
    expect(server.store.users().some((u) => u.userName === 'ghost@example.com')).toBe(false);
  });
});

describe('request handling', () => {
  it('accepts application/json bodies and rejects other media types with 415', async () => {
    const ok = await call('POST', '/Users', {
      body: userBody('json@example.com'),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(ok.status).toBe(201);
    const bad = await call('POST', '/Users', {
      body: userBody('xml@example.com'),
      headers: { 'Content-Type': 'text/xml' },
    });
    expect(bad.status).toBe(415);
    expect(bad.json.status).toBe('415');
  });

  it('answers invalid JSON with 400 invalidSyntax and oversized bodies with 413', async () => {
    const bad = await call('POST', '/Users', { rawBody: '{"userName": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.scimType).toBe('invalidSyntax');
    const big = await call('POST', '/Users', { body: userBody('big@example.com', { title: 'x'.repeat(1_100_000) }) });
    expect(big.status).toBe(413);
  });

  it('404 for unknown endpoints, 405 for unsupported methods, both as SCIM Errors', async () => {
    const unknown = await call('GET', '/Nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    const method = await call('DELETE', '/Users');
    expect(method.status).toBe(405);
    expect(method.json.status).toBe('405');
  });

  it('logs every request', async () => {
    await call('GET', '/Users?count=1');
    expect(server.requestLog.at(-1)).toEqual({ method: 'GET', path: '/scim/v2/Users?count=1', status: 200 });
  });
});

describe('etag', () => {
  it('304 on a matching If-None-Match, 412 on a stale If-Match', async () => {
    const user = (await call('POST', '/Users', { body: userBody('etag@example.com') })).json;
    const notModified = await call('GET', `/Users/${user.id}`, { headers: { 'If-None-Match': 'W/"1"' } });
    expect(notModified.status).toBe(304);
    const stale = await call('PUT', `/Users/${user.id}`, {
      body: userBody('etag@example.com'),
      headers: { 'If-Match': 'W/"7"' },
    });
    expect(stale.status).toBe(412);
    const stalePatch = await call('PATCH', `/Users/${user.id}`, {
      body: patchBody({ op: 'replace', path: 'title', value: 'x' }),
      headers: { 'If-Match': 'W/"7"' },
    });
    expect(stalePatch.status).toBe(412);
    expect((await call('DELETE', `/Users/${user.id}`, { headers: { 'If-Match': 'W/"2"' } })).status).toBe(412);
    const fresh = await call('PUT', `/Users/${user.id}`, {
      body: userBody('etag@example.com'),
      headers: { 'If-Match': 'W/"1"' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('W/"2"');
  });
});
