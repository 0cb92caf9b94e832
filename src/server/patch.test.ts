import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, RunningServer } from './index.js';
import { patchBody, scimClient, userBody } from '../../test/helpers/scim-client.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
let server: RunningServer;
let call: ReturnType<typeof scimClient>;
let counter = 0;

beforeAll(async () => {
  server = await startServer();
  call = scimClient(server);
});
afterAll(() => server.close());

async function newUser(extra: Record<string, unknown> = {}) {
  counter++;
  return (await call('POST', '/Users', { body: userBody(`patch${counter}@example.com`, extra) })).json;
}
async function newGroup(members: string[] = []) {
  counter++;
  const body = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `G${counter}`,
    members: members.map((value) => ({ value })),
  };
  return (await call('POST', '/Groups', { body })).json;
}
const patch = (type: string, id: string, ...ops: Record<string, unknown>[]) =>
  call('PATCH', `/${type}/${id}`, { body: patchBody(...ops) });
const memberIds = (group: { members?: { value: string }[] }) => (group.members ?? []).map((m) => m.value);

describe('Okta user PATCH', () => {
  it('path-less replace deactivates and reactivates, keeping the id', async () => {
    const user = await newUser();
    const off = await patch('Users', user.id, { op: 'replace', value: { active: false } });
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    const found = await call('GET', `/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`);
    expect(found.json.Resources[0]).toMatchObject({ id: user.id, active: false });
    const on = await patch('Users', user.id, { op: 'replace', value: { active: true } });
    expect(on.json).toMatchObject({ id: user.id, active: true });
  });

  it('path-less replace with dotted names and extension objects', async () => {
    const user = await newUser({ name: { givenName: 'A', familyName: 'B' } });
    const r = await patch('Users', user.id, {
      op: 'replace',
      value: { 'name.givenName': 'Z', [ENTERPRISE]: { department: 'Ops' }, password: 'newpass' },
    });
    expect(r.status).toBe(200);
    expect(r.json.name).toEqual({ givenName: 'Z', familyName: 'B' });
    expect(r.json[ENTERPRISE]).toEqual({ department: 'Ops' });
    expect(r.json.schemas).toContain(ENTERPRISE);
    expect(r.json.password).toBeUndefined();
    expect(server.store.password(user.id)).toBe('newpass');
  });

  it('RFC path forms: active, URN-prefixed, emails[type eq "work"].value, add/remove', async () => {
    const user = await newUser({ emails: [{ value: 'old@work.example', type: 'work', primary: true }] });
    const r = await patch(
      'Users',
      user.id,
      { op: 'replace', path: 'active', value: false },
      { op: 'add', path: `${ENTERPRISE}:employeeNumber`, value: '42' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@work.example' },
      { op: 'add', path: 'emails', value: [{ value: 'me@home.example', type: 'home' }] },
      { op: 'add', path: 'title', value: 'Boss' },
      { op: 'remove', path: 'title' },
    );
    expect(r.status).toBe(200);
    expect(r.json.active).toBe(false);
    expect(r.json[ENTERPRISE].employeeNumber).toBe('42');
    expect(r.json.emails).toEqual([
      { value: 'new@work.example', type: 'work', primary: true },
      { value: 'me@home.example', type: 'home' },
    ]);
    expect(r.json.title).toBeUndefined();
  });

  it('a path naming the whole extension replaces or removes its attributes', async () => {
    const user = await newUser({ [ENTERPRISE]: { department: 'A' } });
    const r = await patch('Users', user.id, { op: 'replace', path: ENTERPRISE, value: { costCenter: 'C1' } });
    expect(r.json[ENTERPRISE]).toEqual({ department: 'A', costCenter: 'C1' });
    const removed = await patch('Users', user.id, { op: 'remove', path: ENTERPRISE });
    expect(removed.json[ENTERPRISE]).toBeUndefined();
    expect(removed.json.schemas).not.toContain(ENTERPRISE);
  });

  it.each([
    [{ op: 'replace', path: 'id', value: 'x' }, 'mutability'],
    [{ op: 'replace', value: { id: 'someone-else' } }, 'mutability'],
    [{ op: 'replace', path: 'groups', value: [] }, 'mutability'],
    [{ op: 'replace', path: 'noSuchAttr', value: 1 }, 'invalidPath'],
    [{ op: 'replace', path: 'emails[type eq', value: 1 }, 'invalidPath'],
    [{ op: 'replace', path: 'emails[type eq "other"].value', value: 'x' }, 'noTarget'],
    [{ op: 'remove' }, 'noTarget'],
    [{ op: 'replace', path: 'active', value: 'maybe' }, 'invalidValue'],
    [{ op: 'replace', path: 'userName', value: null }, 'invalidValue'],
    [{ op: 'jump', path: 'title', value: 'x' }, 'invalidSyntax'],
  ])('%j fails with 400 %s and changes nothing', async (badOp, scimType) => {
    const user = await newUser({ emails: [{ value: 'w@x.example', type: 'work' }] });
    const before = server.store.snapshot();
    // a valid op first: atomicity means it must not survive the failure
    const r = await patch('Users', user.id, { op: 'replace', path: 'title', value: 'changed' }, badOp);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ status: '400', scimType });
    expect(server.store.snapshot()).toBe(before);
  });

  it('requires the PatchOp schema', async () => {
    const user = await newUser();
    const r = await call('PATCH', `/Users/${user.id}`, {
      body: { Operations: [{ op: 'replace', value: { active: false } }] },
    });
    expect(r.status).toBe(400);
  });
});

describe('Okta group PATCH', () => {
  it('path-less rename ignores the id in value and keeps members', async () => {
    const u = await newUser();
    const group = await newGroup([u.id]);
    const r = await patch('Groups', group.id, { op: 'replace', value: { id: group.id, displayName: 'Renamed' } });
    expect(r.status).toBe(200);
    expect(r.json.displayName).toBe('Renamed');
    expect(memberIds(r.json)).toEqual([u.id]);
  });

  it('add merges without duplicates, remove by value filter, several ops in order', async () => {
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    const group = await newGroup([a.id]);
    const added = await patch('Groups', group.id, {
      op: 'add',
      path: 'members',
      value: [{ value: a.id }, { value: b.id, display: 'bee' }],
    });
    expect(memberIds(added.json)).toEqual([a.id, b.id]);
    expect(added.json.members[1]).toEqual({
      value: b.id,
      $ref: `${server.baseUrl}/Users/${b.id}`,
      display: 'bee',
      type: 'User',
    });
    const r = await patch(
      'Groups',
      group.id,
      { op: 'remove', path: `members[value eq "${a.id}"]` },
      { op: 'remove', path: 'members[value eq "not-a-member"]' },
      { op: 'add', path: 'members', value: [{ value: c.id }] },
    );
    expect(r.status).toBe(200);
    expect(memberIds(r.json)).toEqual([b.id, c.id]);
  });

  it('replace members sets membership exactly; remove without filter empties it', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const group = await newGroup([a.id]);
    const r = await patch('Groups', group.id, { op: 'replace', path: 'members', value: [{ value: b.id }] });
    expect(memberIds(r.json)).toEqual([b.id]);
    const emptied = await patch('Groups', group.id, { op: 'remove', path: 'members' });
    expect(emptied.json.members).toEqual([]);
  });

  it('remove with a value list removes those members (Azure style)', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const group = await newGroup([a.id, b.id]);
    const r = await patch('Groups', group.id, { op: 'remove', path: 'members', value: [{ value: a.id }] });
    expect(memberIds(r.json)).toEqual([b.id]);
  });

  it('adding an unknown member id is 400 invalidValue and changes nothing', async () => {
    const group = await newGroup();
    const before = server.store.snapshot();
    const r = await patch('Groups', group.id, { op: 'add', path: 'members', value: [{ value: 'ghost' }] });
    expect(r.status).toBe(400);
    expect(r.json.scimType).toBe('invalidValue');
    expect(server.store.snapshot()).toBe(before);
  });

  it('deleting a user removes it from groups; user shows its groups', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const group = await newGroup([a.id, b.id]);
    const userView = await call('GET', `/Users/${a.id}`);
    expect(userView.json.groups).toEqual([
      { value: group.id, $ref: `${server.baseUrl}/Groups/${group.id}`, display: group.displayName, type: 'direct' },
    ]);
    expect((await call('DELETE', `/Users/${a.id}`)).status).toBe(204);
    expect(memberIds((await call('GET', `/Groups/${group.id}`)).json)).toEqual([b.id]);
  });

  it('PUT replaces group membership; DELETE group gives 204 then 404', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const group = await newGroup([a.id]);
    const put = await call('PUT', `/Groups/${group.id}`, {
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'P', members: [{ value: b.id }] },
    });
    expect(put.status).toBe(200);
    expect(memberIds(put.json)).toEqual([b.id]);
    const del = await call('DELETE', `/Groups/${group.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await call('GET', `/Groups/${group.id}`)).status).toBe(404);
  });

  it('POST group with members: [] returns members and meta.resourceType Group', async () => {
    const r = await call('POST', '/Groups', {
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Empty', members: [] },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ displayName: 'Empty', members: [], meta: { resourceType: 'Group' } });
  });
});
