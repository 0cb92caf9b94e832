import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { startServer, RunningServer } from './index.js';
import { QUIRKS } from './quirks.js';
import { patchBody, scimClient, userBody } from '../../test/helpers/scim-client.js';

type Call = ReturnType<typeof scimClient>;
interface Probe {
  /** Runs against a server seeded with 3 users (user0001..3) and 1 group holding all of them. */
  run(call: Call, server: RunningServer): Promise<unknown>;
  normal: unknown;
  quirked: unknown;
  /** Quirk spec when it takes a parameter. */
  spec?: string;
}

const absent = `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`;
const userAttribute = (
  list: { Resources: { id: string; attributes: { name: string; type: string }[] }[] },
  name: string,
) =>
  list.Resources.find((s) => s.id === 'urn:ietf:params:scim:schemas:core:2.0:User')?.attributes.find(
    (a) => a.name === name,
  );
const firstUser = (s: RunningServer) => s.store.users()[0];
const group = (s: RunningServer) => s.store.groups()[0];
const deactivate = (call: Call, s: RunningServer) =>
  call('PATCH', `/Users/${firstUser(s).id}`, { body: patchBody({ op: 'replace', value: { active: false } }) });

// A delay the quirk adds is a lower bound (timers never fire early), so a slow probe asks for more
// time than a loaded CI machine ever takes to answer a plain GET: the verdict does not depend on load.
const SLOW_MS = 1500;
async function tookAtLeast(ms: number, call: () => Promise<unknown>): Promise<boolean> {
  const start = performance.now();
  await call();
  return performance.now() - start >= ms - 5;
}

const PROBES: Record<string, Probe> = {
  'schema-declares-wrong-type': {
    run: async (c) => userAttribute((await c('GET', '/Schemas')).json, 'active')?.type,
    normal: 'boolean',
    quirked: 'string',
  },
  'schema-omits-attribute': {
    run: async (c) => userAttribute((await c('GET', '/Schemas')).json, 'displayName') !== undefined,
    normal: true,
    quirked: false,
  },
  'list-counters-as-strings': {
    run: async (c) => typeof (await c('GET', '/Users')).json.totalResults,
    normal: 'number',
    quirked: 'string',
  },
  'list-omit-resources-when-empty': {
    run: async (c) => 'Resources' in (await c('GET', absent)).json,
    normal: true,
    quirked: false,
  },
  'list-bare-array': { run: async (c) => Array.isArray((await c('GET', '/Users')).json), normal: false, quirked: true },
  'no-location-header': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('loc@example.com') })).headers.has('location'),
    normal: true,
    quirked: false,
  },
  'error-status-as-number': {
    run: async (c) => typeof (await c('GET', '/Users/nope')).json.status,
    normal: 'string',
    quirked: 'number',
  },
  'no-www-authenticate': {
    run: async (c) => (await c('GET', '/Users', { token: false })).headers.has('www-authenticate'),
    normal: true,
    quirked: false,
  },
  'ignore-auth': { run: async (c) => (await c('GET', '/Users', { token: 'wrong' })).status, normal: 401, quirked: 200 },
  'usernames-case-sensitive': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('USER0001@EXAMPLE.COM') })).status,
    normal: 409,
    quirked: 201,
  },
  'no-409-on-duplicate': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('user0001@example.com') })).status,
    normal: 409,
    quirked: 201,
  },
  'patch-pathless-unsupported': { run: async (c, s) => (await deactivate(c, s)).status, normal: 200, quirked: 400 },
  'patch-returns-204': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'replace', path: 'active', value: false }),
        })
      ).status,
    normal: 200,
    quirked: 204,
  },
  'hard-delete-on-deactivate': {
    run: async (c, s) => {
      const id = firstUser(s).id;
      await deactivate(c, s);
      return (await c('GET', `/Users/${id}`)).status;
    },
    normal: 200,
    quirked: 404,
  },
  'deactivated-hidden-from-filter': {
    run: async (c, s) => {
      await deactivate(c, s);
      return (await c('GET', `/Users?filter=${encodeURIComponent('userName eq "user0001@example.com"')}`)).json
        .totalResults;
    },
    normal: 1,
    quirked: 0,
  },
  'reactivate-new-id': {
    run: async (c, s) => {
      const id = firstUser(s).id;
      await deactivate(c, s);
      const back = await c('PATCH', `/Users/${id}`, { body: patchBody({ op: 'replace', value: { active: true } }) });
      return back.json.id === id;
    },
    normal: true,
    quirked: false,
  },
  'unstable-order': {
    run: async (c) => {
      const orders = new Set<string>();
      for (let i = 0; i < 12; i++)
        orders.add(JSON.stringify((await c('GET', '/Users')).json.Resources.map((u: { id: string }) => u.id)));
      return orders.size === 1;
    },
    normal: true,
    quirked: false,
  },
  'slow-responses': {
    spec: `slow-responses=${SLOW_MS}`,
    run: async (c) => tookAtLeast(SLOW_MS, () => c('GET', '/Users?count=1')),
    normal: false,
    quirked: true,
  },
  'slow-endpoint': {
    spec: `slow-endpoint=Groups:${SLOW_MS}`,
    run: async (c) => ({
      users: await tookAtLeast(SLOW_MS, () => c('GET', '/Users?count=1')),
      groups: await tookAtLeast(SLOW_MS, () => c('GET', '/Groups?count=1')),
    }),
    normal: { users: false, groups: false },
    quirked: { users: false, groups: true },
  },
  'content-type-json': {
    run: async (c) => (await c('GET', '/Users')).headers.get('content-type'),
    normal: 'application/scim+json; charset=utf-8',
    quirked: 'application/json; charset=utf-8',
  },
  'echo-password': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('pw@example.com', { password: 'pw-123' }) })).json.password,
    normal: undefined,
    quirked: 'pw-123',
  },
  'html-404': {
    run: async (c) => (await c('GET', '/Users/nope')).headers.get('content-type')?.startsWith('text/html'),
    normal: false,
    quirked: true,
  },
  'drop-preferred-language': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('fr@example.com', { preferredLanguage: 'fr' }) })).json
        .preferredLanguage,
    normal: 'fr',
    quirked: undefined,
  },
  'preferred-language-region': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('fr@example.com', { preferredLanguage: 'fr' }) })).json
        .preferredLanguage,
    normal: 'fr',
    quirked: 'fr-FR',
  },
  'missing-meta': {
    run: async (c, s) => 'meta' in (await c('GET', `/Users/${firstUser(s).id}`)).json,
    normal: true,
    quirked: false,
  },
  'members-remove-ignored': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'remove', path: `members[value eq "${firstUser(s).id}"]` }),
        })
      ).json.members.length,
    normal: 2,
    quirked: 3,
  },
  'members-replace-appends': {
    run: async (c, s) => {
      const extra = (await c('POST', '/Users', { body: userBody('new-member@example.com') })).json.id;
      return (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'replace', path: 'members', value: [{ value: extra }] }),
        })
      ).json.members.length;
    },
    normal: 1,
    quirked: 4,
  },
  'group-rename-drops-members': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'replace', value: { id: group(s).id, displayName: 'New name' } }),
        })
      ).json.members.length,
    normal: 3,
    quirked: 0,
  },
  'put-creates-unknown': {
    run: async (c) => (await c('PUT', '/Users/unknown-id', { body: userBody('put@example.com') })).status,
    normal: 404,
    quirked: 201,
  },
  'count-ignored': {
    run: async (c) => (await c('GET', '/Users?count=1')).json.Resources.length,
    normal: 1,
    quirked: 3,
  },
  'startindex-zero-based': {
    run: async (c, s) => (await c('GET', '/Users?startIndex=1&count=1')).json.Resources[0].id === firstUser(s).id,
    normal: true,
    quirked: false,
  },
  'rejects-scim-accept-header': { run: async (c) => (await c('GET', '/Users')).status, normal: 200, quirked: 406 },
  'rejects-json-content-type': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('json@example.com'),
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    normal: 201,
    quirked: 415,
  },
  // Okta lifecycle packs
  'filter-ignored': { run: async (c) => (await c('GET', absent)).json.totalResults, normal: 0, quirked: 3 },
  'list-minimal-attributes': {
    run: async (c) => Object.keys((await c('GET', '/Users?count=1')).json.Resources[0]).sort(),
    normal: expect.arrayContaining(['name', 'emails', 'active']),
    quirked: ['id', 'schemas', 'userName'],
  },
  'create-empty-body': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('empty@example.com') })).text,
    normal: expect.stringContaining('"id"'),
    quirked: '',
  },
  'put-rejects-readonly': {
    run: async (c, s) =>
      (
        await c('PUT', `/Users/${firstUser(s).id}`, {
          body: { ...userBody('user0001@example.com'), id: firstUser(s).id, meta: { resourceType: 'User' } },
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
  'put-rejects-null-values': {
    run: async (c, s) =>
      (
        await c('PUT', `/Users/${firstUser(s).id}`, {
          body: userBody('user0001@example.com', { title: null, nickName: '' }),
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
  'put-ignores-active': {
    run: async (c, s) =>
      (await c('PUT', `/Users/${firstUser(s).id}`, { body: userBody('user0001@example.com', { active: false }) })).json
        .active,
    normal: false,
    quirked: true,
  },
  'no-scim-type': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('user0001@example.com') })).json.scimType,
    normal: 'uniqueness',
    quirked: undefined,
  },
  'lowercase-usernames': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('Mixed.Case@Example.com') })).json.userName,
    normal: 'Mixed.Case@Example.com',
    quirked: 'mixed.case@example.com',
  },
  'uppercase-id-on-read': {
    run: async (c, s) => (await c('GET', `/Users/${firstUser(s).id}`)).json.id === firstUser(s).id,
    normal: true,
    quirked: false,
  },
  'non-uuid-id-400': {
    run: async (c) => (await c('GET', '/Users/010101001010101011001010101011')).status,
    normal: 404,
    quirked: 400,
  },
  'delete-returns-200': {
    run: async (c, s) => (await c('DELETE', `/Groups/${group(s).id}`)).status,
    normal: 204,
    quirked: 200,
  },
  'soft-delete-groups': {
    run: async (c, s) => {
      const id = group(s).id;
      await c('DELETE', `/Groups/${id}`);
      return (await c('GET', `/Groups/${id}`)).status;
    },
    normal: 404,
    quirked: 200,
  },
  'drop-name': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('named@example.com', { name: { givenName: 'A', familyName: 'B' } }),
        })
      ).json.name,
    normal: { givenName: 'A', familyName: 'B' },
    quirked: undefined,
  },
  'active-as-string': {
    run: async (c, s) => (await c('GET', `/Users/${firstUser(s).id}`)).json.active,
    normal: true,
    quirked: 'true',
  },
  'no-get-by-id': {
    run: async (c, s) => (await c('GET', `/Users/${firstUser(s).id}`)).status,
    normal: 200,
    quirked: 405,
  },
  'no-groups-endpoint': { run: async (c) => (await c('GET', '/Groups')).status, normal: 200, quirked: 404 },
  'unauthorized-empty-body': {
    run: async (c) => (await c('GET', '/Users', { token: 'wrong' })).text === '',
    normal: false,
    quirked: true,
  },
  'groups-patch-unsupported': {
    run: async (c, s) =>
      (await c('PATCH', `/Groups/${group(s).id}`, { body: patchBody({ op: 'replace', value: { displayName: 'x' } }) }))
        .status,
    normal: 200,
    quirked: 405,
  },
  'users-delete-unsupported': {
    run: async (c, s) => (await c('DELETE', `/Users/${firstUser(s).id}`)).status,
    normal: 204,
    quirked: 405,
  },
  // variants Okta accepts (test/proofs/okta-acceptable.yaml)
  'username-optional': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], externalId: 'x' },
        })
      ).status,
    normal: 400,
    quirked: 201,
  },
  'groups-delete-unsupported': {
    run: async (c, s) => (await c('DELETE', `/Groups/${group(s).id}`)).status,
    normal: 204,
    quirked: 405,
  },
  'groups-not-offered': {
    run: async (c) =>
      ((await c('GET', '/ResourceTypes')).json.Resources as { name: string }[]).some((r) => r.name === 'Group'),
    normal: true,
    quirked: false,
  },
  'require-external-id': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('noext@example.com') })).status,
    normal: 201,
    quirked: 400,
  },
  'remove-non-member-400': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'remove', path: 'members[value eq "nobody"]' }),
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
  'list-extra-members': {
    run: async (c) => 'nextCursor' in (await c('GET', '/Users')).json,
    normal: false,
    quirked: true,
  },
  'list-omit-schemas': { run: async (c) => 'schemas' in (await c('GET', '/Users')).json, normal: true, quirked: false },
  // value handling on create (provision)
  'create-rejects-empty-strings': {
    run: async (c) => {
      const r = await c('POST', '/Users', {
        body: userBody('empty@example.com', {
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: '' },
        }),
      });
      return [r.status, r.json.detail ?? null];
    },
    normal: [201, null],
    quirked: [400, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department must not be an empty string'],
  },
  'rejects-non-latin-names': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('taro@example.jp', { name: { givenName: 'José', familyName: '山田' } }),
        })
      ).status,
    normal: 201,
    quirked: 400,
  },
  'lowercase-emails': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('ana@example.com', { emails: [{ value: 'Ana.P+x@Example.com', primary: true }] }),
        })
      ).json.emails[0].value,
    normal: 'Ana.P+x@Example.com',
    quirked: 'ana.p+x@example.com',
  },
  'truncate-long-strings': {
    spec: 'truncate-long-strings=5',
    run: async (c) => {
      const j = (
        await c('POST', '/Users', {
          body: userBody('LongUserName@example.com', { name: { familyName: 'Wolfeschlegel' }, title: 'Engineer' }),
        })
      ).json;
      return [j.userName, j.name.familyName, j.title];
    },
    normal: ['LongUserName@example.com', 'Wolfeschlegel', 'Engineer'],
    quirked: ['LongUserName@example.com', 'Wolfe', 'Engin'],
  },
  // RFC packs (suites/rfc/*)
  'create-returns-200': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('c200@example.com') })).status,
    normal: 201,
    quirked: 200,
  },
  'client-id-honoured': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('cid@example.com', { id: 'client-chosen' }) })).json.id,
    normal: expect.not.stringMatching(/^client-chosen$/),
    quirked: 'client-chosen',
  },
  'get-returns-list': {
    run: async (c, s) => 'Resources' in (await c('GET', `/Users/${firstUser(s).id}`)).json,
    normal: false,
    quirked: true,
  },
  'put-merges': {
    run: async (c, s) =>
      'name' in (await c('PUT', `/Users/${firstUser(s).id}`, { body: userBody('user0001@example.com') })).json,
    normal: false,
    quirked: true,
  },
  'unknown-id-empty-list': { run: async (c) => (await c('GET', '/Users/nope')).status, normal: 404, quirked: 200 },
  'soft-delete-users': {
    run: async (c, s) => {
      const id = firstUser(s).id;
      await c('DELETE', `/Users/${id}`);
      return (await c('GET', `/Users/${id}`)).status;
    },
    normal: 404,
    quirked: 200,
  },
  'attributes-ignored': {
    run: async (c, s) => 'emails' in (await c('GET', `/Users/${firstUser(s).id}?attributes=userName`)).json,
    normal: false,
    quirked: true,
  },
  'excluded-attributes-ignored': {
    run: async (c, s) => 'emails' in (await c('GET', `/Users/${firstUser(s).id}?excludedAttributes=emails`)).json,
    normal: false,
    quirked: true,
  },
  'filter-operator-broken': {
    spec: 'filter-operator-broken=co',
    run: async (c) => (await c('GET', filtered('userName co "0001"'))).json.totalResults,
    normal: 1,
    quirked: 0,
  },
  'filter-keywords-case-sensitive': {
    run: async (c) => (await c('GET', filtered('userName EQ "user0001@example.com"'))).status,
    normal: 200,
    quirked: 400,
  },
  'filter-ignores-case-exact': {
    run: async (c, s) => (await c('GET', filtered(`id eq "${firstUser(s).id.toUpperCase()}"`))).json.totalResults,
    normal: 0,
    quirked: 1,
  },
  'bad-request-as-500': {
    run: async (c) => (await c('GET', filtered('userName eq'))).status,
    normal: 400,
    quirked: 500,
  },
  'wrong-scim-type': {
    run: async (c) => (await c('GET', filtered('userName eq'))).json.scimType,
    normal: 'invalidFilter',
    quirked: 'invalidSyntax',
  },
  'no-match-404': { run: async (c) => (await c('GET', absent)).status, normal: 200, quirked: 404 },
  'startindex-not-clamped': {
    run: async (c) => (await c('GET', '/Users?startIndex=0&count=1')).json.Resources.length,
    normal: 1,
    quirked: 0,
  },
  'count-zero-as-default': {
    run: async (c) => (await c('GET', '/Users?count=0')).json.Resources.length,
    normal: 0,
    quirked: 3,
  },
  'negative-count-not-clamped': {
    run: async (c) => (await c('GET', '/Users?count=-1')).json.Resources.length,
    normal: 0,
    quirked: 3,
  },
  'page-overlap': {
    run: async (c, s) => (await c('GET', '/Users?startIndex=2&count=1')).json.Resources[0].id === s.store.users()[1].id,
    normal: true,
    quirked: false,
  },
  'page-past-end-error': {
    run: async (c) => (await c('GET', '/Users?startIndex=10')).status,
    normal: 200,
    quirked: 404,
  },
  'items-per-page-is-total': {
    run: async (c) => (await c('GET', '/Users?count=1')).json.itemsPerPage,
    normal: 1,
    quirked: 3,
  },
  'total-results-is-page-size': {
    run: async (c) => (await c('GET', '/Users?count=1')).json.totalResults,
    normal: 3,
    quirked: 1,
  },
  'patch-op-ignored': {
    spec: 'patch-op-ignored=add',
    run: async (c, s) =>
      (await c('PATCH', `/Users/${firstUser(s).id}`, { body: patchBody({ op: 'add', path: 'nickName', value: 'N' }) }))
        .json.nickName,
    normal: 'N',
    quirked: undefined,
  },
  'patch-filter-applies-to-all': {
    run: async (c, s) => {
      const ops = [
        { op: 'add', path: 'emails', value: [{ value: 'h@example.com', type: 'home' }] },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'w2@example.com' },
      ];
      const user = (await c('PATCH', `/Users/${firstUser(s).id}`, { body: patchBody(...ops) })).json;
      return user.emails.find((e: { type: string }) => e.type === 'home').value;
    },
    normal: 'h@example.com',
    quirked: 'w2@example.com',
  },
  'patch-add-replaces-multi': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'add', path: 'emails', value: [{ value: 'h@example.com', type: 'home' }] }),
        })
      ).json.emails.length,
    normal: 2,
    quirked: 1,
  },
  'patch-extension-path-unsupported': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'replace', path: `${ENTERPRISE}:department`, value: 'Ops' }),
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
  'patch-not-atomic': {
    run: async (c, s) => {
      await c('PATCH', `/Users/${firstUser(s).id}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'T' }, { op: 'remove' }),
      });
      return (await c('GET', `/Users/${firstUser(s).id}`)).json.title;
    },
    normal: undefined,
    quirked: 'T',
  },
  'patch-200-empty': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'replace', path: 'nickName', value: 'N' }),
        })
      ).text === '',
    normal: false,
    quirked: true,
  },
  'spc-unsupported': {
    spec: 'spc-unsupported=patch',
    run: async (c) => (await c('GET', '/ServiceProviderConfig')).json.patch.supported,
    normal: true,
    quirked: false,
  },
  'discovery-missing-members': {
    run: async (c) => 'bulk' in (await c('GET', '/ServiceProviderConfig')).json,
    normal: true,
    quirked: false,
  },
  'discovery-bare-array': {
    run: async (c) => Array.isArray((await c('GET', '/Schemas')).json),
    normal: false,
    quirked: true,
  },
  'filter-missing-attribute-error': {
    run: async (c) => {
      await c('POST', '/Users', { body: userBody('no-emails@example.com') });
      return (await c('GET', '/Users?filter=' + encodeURIComponent('emails.value eq "x@example.com"'))).status;
    },
    normal: 200,
    quirked: 400,
  },
  'no-enterprise-extension': {
    run: async (c) => (await c('GET', '/ResourceTypes/User')).json.schemaExtensions.length,
    normal: 1,
    quirked: 0,
  },
  'schemas-missing-extension': {
    run: async (c) => (await c('GET', '/Schemas')).json.Resources.some((r: { id: string }) => r.id === ENTERPRISE),
    normal: true,
    quirked: false,
  },
  'discovery-filter-ignored': {
    run: async (c) => (await c('GET', `/Schemas?filter=${encodeURIComponent('id pr')}`)).status,
    normal: 403,
    quirked: 200,
  },
  'rejects-scim-content-type': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('scimct@example.com') })).status,
    normal: 201,
    quirked: 415,
  },
  'etag-version-mismatch': {
    run: async (c, s) => {
      const r = await c('GET', `/Users/${firstUser(s).id}`);
      return r.headers.get('etag') === r.json.meta.version;
    },
    normal: true,
    quirked: false,
  },
  'sort-ignored': {
    run: async (c) => (await c('GET', '/Users?sortBy=userName&sortOrder=descending')).json.Resources[0].userName,
    normal: 'user0003@example.com',
    quirked: 'user0001@example.com',
  },
  'etag-preconditions-ignored': {
    run: async (c, s) =>
      (
        await c('GET', `/Users/${firstUser(s).id}`, {
          headers: { 'If-None-Match': String((firstUser(s).meta as { version: string }).version) },
        })
      ).status,
    normal: 304,
    quirked: 200,
  },
  // field failures of Okta integrations
  'unique-email': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('other@example.com', {
            emails: [{ value: 'user0001@example.com', type: 'work', primary: true }],
          }),
        })
      ).status,
    normal: 201,
    quirked: 409,
  },
  'unique-external-id': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('other@example.com', { externalId: 'ext-0001' }) })).status,
    normal: 201,
    quirked: 409,
  },
  'username-unique-case-folded': {
    run: async (c) => [
      (await c('GET', filtered('userName eq "USER0001@EXAMPLE.COM"'))).json.totalResults,
      (await c('POST', '/Users', { body: userBody('USER0001@EXAMPLE.COM') })).status,
    ],
    normal: [1, 409],
    quirked: [0, 409],
  },
  'short-pages': {
    run: async (c) => (await c('GET', '/Users?startIndex=1&count=100')).json.Resources.length,
    normal: 3,
    quirked: 2,
  },
  'plain-text-errors': {
    run: async (c) => (await c('GET', '/Users/nope')).headers.get('content-type')?.split(';')[0],
    normal: 'application/scim+json',
    quirked: 'text/plain',
  },
  'rate-limit-no-retry-after': {
    run: async (c) => {
      const first = await c('GET', '/Users');
      const second = await c('GET', '/Users');
      return [first.status, second.status, second.headers.get('retry-after')];
    },
    spec: 'rate-limit-no-retry-after=2',
    normal: [200, 200, null],
    quirked: [200, 429, null],
  },
  'rate-limit': {
    run: async (c) => {
      await c('GET', '/Users');
      const second = await c('GET', '/Users');
      return [second.status, second.headers.get('retry-after')];
    },
    spec: 'rate-limit=2',
    normal: [200, null],
    quirked: [429, '1'],
  },
  'racy-create': {
    run: async (c, s) => {
      await Promise.all([
        c('POST', '/Users', { body: userBody('twin@example.com') }),
        c('POST', '/Users', { body: userBody('twin@example.com') }),
      ]);
      return s.store.users().filter((u) => u.userName === 'twin@example.com').length;
    },
    normal: 1,
    quirked: 2,
  },
  'group-name-conflicts-self': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'replace', value: { displayName: group(s).displayName } }),
        })
      ).status,
    normal: 200,
    quirked: 409,
  },
  'group-create-ignores-members': {
    run: async (c, s) =>
      (
        await c('POST', '/Groups', {
          body: {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
            displayName: 'With members',
            members: [{ value: firstUser(s).id }],
          },
        })
      ).json.members.length,
    normal: 1,
    quirked: 0,
  },
  'members-pathless-replace-unsupported': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'replace', value: { members: [{ value: firstUser(s).id }] } }),
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
  'empty-members-replace-rejected': {
    run: async (c, s) =>
      (await c('PATCH', `/Groups/${group(s).id}`, { body: patchBody({ op: 'replace', path: 'members', value: [] }) }))
        .status,
    normal: 200,
    quirked: 400,
  },
  'member-readd-error': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'add', path: 'members', value: [{ value: firstUser(s).id }] }),
        })
      ).status,
    normal: 200,
    quirked: 409,
  },
  'member-readd-duplicates': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Groups/${group(s).id}`, {
          body: patchBody({ op: 'add', path: 'members', value: [{ value: firstUser(s).id }] }),
        })
      ).json.members.length,
    normal: 3,
    quirked: 4,
  },
  'group-filter-prefix-match': {
    run: async (c, s) => {
      await c('POST', '/Groups', {
        body: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: `${String(group(s).displayName)} Two`,
        },
      });
      return (
        await c('GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${String(group(s).displayName)}"`)}`)
      ).json.totalResults;
    },
    normal: 1,
    quirked: 2,
  },
  'locale-underscore-rejected': {
    run: async (c) => (await c('POST', '/Users', { body: userBody('locale@example.com', { locale: 'en_US' }) })).status,
    normal: 201,
    quirked: 400,
  },
  'drop-enterprise-extension': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('ent@example.com', { [ENTERPRISE]: { department: 'R&D' } }) })).json[
        ENTERPRISE
      ]?.department,
    normal: 'R&D',
    quirked: undefined,
  },
  'custom-extension-rejected': {
    run: async (c) =>
      (
        await c('POST', '/Users', {
          body: userBody('custom@example.com', {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:example:custom:2.0:User'],
          }),
        })
      ).status,
    normal: 201,
    quirked: 400,
  },
  'filter-plus-as-space': {
    run: async (c) => {
      await c('POST', '/Users', { body: userBody('a+b@example.com') });
      return (await c('GET', filtered('userName eq "a+b@example.com"'))).json.totalResults;
    },
    normal: 1,
    quirked: 0,
  },
  'filter-apostrophe-never-matches': {
    run: async (c) => {
      await c('POST', '/Users', { body: userBody("o'hara@example.com") });
      return (await c('GET', filtered(`userName eq "o'hara@example.com"`))).json.totalResults;
    },
    normal: 1,
    quirked: 0,
  },
  'put-username-ignored': {
    run: async (c, s) =>
      (await c('PUT', `/Users/${firstUser(s).id}`, { body: userBody('renamed@example.com') })).json.userName,
    normal: 'renamed@example.com',
    quirked: 'user0001@example.com',
  },
  'language-tag-rejected': {
    run: async (c) =>
      (await c('POST', '/Users', { body: userBody('lang@example.com', { preferredLanguage: 'en-US' }) })).status,
    normal: 201,
    quirked: 500,
  },
  'error-without-detail': {
    run: async (c) => 'detail' in (await c('GET', '/Users/nope')).json,
    normal: true,
    quirked: false,
  },
  'put-ignores': {
    run: async (c, s) =>
      (
        await c('PUT', `/Users/${firstUser(s).id}`, {
          body: userBody('user0001@example.com', { displayName: 'Changed' }),
        })
      ).json.displayName,
    spec: 'put-ignores=displayName',
    normal: 'Changed',
    quirked: 'Given0001 Family0001',
  },
  'patch-ignores': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'replace', value: { [ENTERPRISE]: { department: 'Changed' } } }),
        })
      ).json[ENTERPRISE].department,
    spec: 'patch-ignores=department',
    normal: 'Changed',
    quirked: 'Engineering',
  },
  'patch-password-rejected': {
    run: async (c, s) =>
      (
        await c('PATCH', `/Users/${firstUser(s).id}`, {
          body: patchBody({ op: 'replace', value: { password: 'n3w-Secret' } }),
        })
      ).status,
    normal: 200,
    quirked: 400,
  },
};

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
function filtered(filter: string): string {
  return `/Users?filter=${encodeURIComponent(filter)}`;
}

async function probe(p: Probe, quirks: string[]): Promise<unknown> {
  const server = await startServer({ quirks, seed: { users: 3, groups: 1 } });
  try {
    return await p.run(scimClient(server), server);
  } finally {
    await server.close();
  }
}

describe('quirks', () => {
  it('every registered quirk has a probe here', () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(QUIRKS).sort());
  });

  it.each(Object.keys(PROBES))('%s changes exactly the behaviour it claims', async (name) => {
    const p = PROBES[name];
    expect(await probe(p, [])).toEqual(p.normal);
    expect(await probe(p, [p.spec ?? name])).toEqual(p.quirked);
  });

  it('an unknown quirk is a UsageError naming the valid ones', async () => {
    const error = await startServer({ quirks: ['no-such-quirk'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('list-bare-array');
  });
});
