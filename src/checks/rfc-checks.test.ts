import { describe, expect, it } from 'vitest';
import type { NamedCheckContext } from './named-check.js';
import { loadProfile } from '../profile/load.js';
import * as rfc from './rfc-checks.js';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const list = (...resources: Record<string, unknown>[]) => ({
  schemas: [LIST],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
const profile = loadProfile('okta-minimum');

function ctx(body: unknown, response: Partial<NamedCheckContext['response']> = {}): NamedCheckContext {
  const bodyText = response.bodyText ?? (body === undefined ? '' : JSON.stringify(body));
  return {
    body,
    request: {},
    response: { status: 200, headers: {}, ...response, bodyText },
    profile,
    languageFormat: 'iso639-1',
  };
}

const meta = {
  resourceType: 'User',
  created: '2026-01-02T03:04:05Z',
  lastModified: '2026-01-02T03:04:05.123Z',
  location: 'https://x.test/Users/1',
  version: 'W/"1"',
};

describe('resourceMeta', () => {
  it('passes a complete meta and names each problem otherwise', () => {
    expect(rfc.resourceMeta(ctx({ id: '1', meta }), { resourceType: 'User' }).passed).toBe(true);
    expect(rfc.resourceMeta(ctx({ id: '1', meta: { ...meta, created: '2026-01-02T03:04:05' } }), {}).passed).toBe(true);
    const bad = rfc.resourceMeta(
      ctx({ id: '1', meta: { ...meta, resourceType: 'Group', created: 'yesterday', location: '/Users/1' } }),
      { resourceType: 'User' },
    );
    expect(bad.passed).toBe(false);
    expect(bad.actual).toMatch(/resourceType.*created.*location/);
    expect(rfc.resourceMeta(ctx({ id: '1' }), {})).toMatchObject({ passed: false, actual: '(absent)' });
  });
});

describe('eachResourceSchema', () => {
  it('validates every Resource against the named bundled schema', () => {
    const type = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      name: 'User',
      endpoint: '/Users',
      schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
    };
    expect(rfc.eachResourceSchema(ctx(list(type)), { schema: 'ResourceType' }).passed).toBe(true);
    const { endpoint: _e, ...noEndpoint } = type;
    const outcome = rfc.eachResourceSchema(ctx(list(type, noEndpoint)), { schema: 'ResourceType' });
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain('Resources[1]');
    expect(rfc.eachResourceSchema(ctx(list()), { schema: 'ResourceType' }).passed).toBe(false);
  });
});

describe('schemasCoverResourceTypes', () => {
  const types = list({
    name: 'User',
    schema: 'urn:a:User',
    schemaExtensions: [{ schema: 'urn:a:Ext', required: false }],
  });
  it('passes when every schema and extension is served, case-insensitively', () => {
    expect(
      rfc.schemasCoverResourceTypes(ctx(list({ id: 'urn:a:user' }, { id: 'urn:a:Ext' })), { resourceTypes: types })
        .passed,
    ).toBe(true);
  });
  it('names the missing extension', () => {
    const outcome = rfc.schemasCoverResourceTypes(ctx(list({ id: 'urn:a:User' })), { resourceTypes: types });
    expect(outcome).toMatchObject({ passed: false, actual: 'missing User: urn:a:Ext' });
  });
});

describe('onlyAttributes', () => {
  it('allows id, schemas and what was requested; flags extras and absent requested ones', () => {
    expect(
      rfc.onlyAttributes(ctx({ id: '1', schemas: [], userName: 'a', meta }), { attributes: ['userName'] }).passed,
    ).toBe(true);
    const outcome = rfc.onlyAttributes(ctx(list({ id: '1', userName: 'a', emails: [] }, { id: '2' })), {
      attributes: ['userName'],
    });
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toBe('Resources[0]: unrequested emails; Resources[1]: requested but absent username');
  });
  it('treats name.givenName as a request for name', () => {
    expect(
      rfc.onlyAttributes(ctx({ id: '1', name: { givenName: 'A' } }), { attributes: ['name.givenName'] }).passed,
    ).toBe(true);
  });
});

describe('resultIds', () => {
  it('compares the returned ids as a set', () => {
    expect(rfc.resultIds(ctx(list({ id: 'b' }, { id: 'a' })), { ids: ['a', 'b'] }).passed).toBe(true);
    expect(rfc.resultIds(ctx(list({ id: 'a' }, { id: 'c' })), { ids: ['a', 'b'] })).toMatchObject({
      passed: false,
      actual: 'missing b; unexpected c',
    });
    expect(rfc.resultIds(ctx({ schemas: [LIST], totalResults: 0 }), { ids: [] }).passed).toBe(true);
  });
  it('is vacuous for a case variant of an id without letters', () => {
    expect(rfc.resultIds(ctx(list({ id: '123' })), { ids: [], caseVariantOf: '123' }).passed).toBe(true);
    expect(rfc.resultIds(ctx(list({ id: 'abc' })), { ids: [], caseVariantOf: 'abc' }).passed).toBe(false);
  });
});

describe('paging checks', () => {
  it('itemsPerPageMatches', () => {
    expect(rfc.itemsPerPageMatches(ctx(list({ id: 'a' })), {}).passed).toBe(true);
    expect(rfc.itemsPerPageMatches(ctx({ ...list({ id: 'a' }), itemsPerPage: 5 }), {})).toMatchObject({
      passed: false,
      expected: 1,
      actual: 5,
    });
  });
  it('noResources accepts an absent or empty Resources and checks totalResults', () => {
    expect(rfc.noResources(ctx({ schemas: [LIST], totalResults: 5 }), { totalResults: 5 }).passed).toBe(true);
    expect(rfc.noResources(ctx({ ...list(), totalResults: 5 }), { totalResults: 5 }).passed).toBe(true);
    expect(rfc.noResources(ctx({ ...list({ id: 'a' }), totalResults: 5 }), { totalResults: 5 }).passed).toBe(false);
    expect(rfc.noResources(ctx({ ...list(), totalResults: 0 }), { totalResults: 5 }).passed).toBe(false);
  });
  it('pagesConcatenate finds duplicates, gaps and reordering', () => {
    const full = list({ id: 'a' }, { id: 'b' }, { id: 'c' });
    expect(rfc.pagesConcatenate(ctx(full), { pages: [[{ id: 'a' }, { id: 'b' }], [{ id: 'c' }]] }).passed).toBe(true);
    expect(
      rfc.pagesConcatenate(ctx(full), {
        pages: [
          [{ id: 'a' }, { id: 'b' }],
          [{ id: 'b' }, { id: 'c' }],
        ],
      }).actual,
    ).toBe('on two pages: b');
    expect(rfc.pagesConcatenate(ctx(full), { pages: [[{ id: 'a' }], [{ id: 'c' }]] }).actual).toBe('on no page: b');
    expect(rfc.pagesConcatenate(ctx(full), { pages: [[{ id: 'b' }, { id: 'a' }], [{ id: 'c' }]] }).passed).toBe(false);
  });
  it('sameOrder', () => {
    expect(rfc.sameOrder(ctx(list({ id: 'a' }, { id: 'b' })), { previous: [{ id: 'a' }, { id: 'b' }] }).passed).toBe(
      true,
    );
    expect(rfc.sameOrder(ctx(list({ id: 'b' }, { id: 'a' })), { previous: [{ id: 'a' }, { id: 'b' }] }).passed).toBe(
      false,
    );
  });
});

describe('sortedBy', () => {
  it('checks ascending and descending order, case-insensitively', () => {
    const body = list({ id: '1', userName: 'a' }, { id: '2', userName: 'B' }, { id: '3', userName: 'c' });
    expect(rfc.sortedBy(ctx(body), { by: 'userName' }).passed).toBe(true);
    expect(rfc.sortedBy(ctx(body), { by: 'userName', order: 'descending' }).passed).toBe(false);
    expect(
      rfc.sortedBy(ctx(list({ id: '1', name: { familyName: 'z' } }, { id: '2', name: { familyName: 'y' } })), {
        by: 'name.familyName',
        order: 'descending',
      }).passed,
    ).toBe(true);
    expect(rfc.sortedBy(ctx(list({ id: '1', userName: 'a' })), { by: 'userName' }).passed).toBe(false);
  });
});

describe('versionMatchesEtag', () => {
  it('compares the ETag header with meta.version exactly', () => {
    expect(rfc.versionMatchesEtag(ctx({ meta }, { headers: { etag: 'W/"1"' } }), {}).passed).toBe(true);
    expect(rfc.versionMatchesEtag(ctx({ meta }, { headers: { etag: '"1"' } }), {}).passed).toBe(false);
    expect(rfc.versionMatchesEtag(ctx({ meta }), {})).toMatchObject({ passed: false, actual: '(no ETag header)' });
  });
});

describe('patchResponse', () => {
  it('accepts 204 without a body and 200 with the resource', () => {
    expect(rfc.patchResponse(ctx(undefined, { status: 204 }), {}).passed).toBe(true);
    expect(rfc.patchResponse(ctx({ id: 'u1' }), { id: 'u1' }).passed).toBe(true);
  });
  it('refuses 200 without a body, the wrong resource, and other statuses', () => {
    expect(rfc.patchResponse(ctx(undefined), {})).toMatchObject({ passed: false, actual: '(empty body)' });
    expect(rfc.patchResponse(ctx({ id: 'u2' }), { id: 'u1' }).passed).toBe(false);
    expect(rfc.patchResponse(ctx({ id: 'u1' }, { status: 202 }), {}).passed).toBe(false);
  });
});
