import { describe, expect, it } from 'vitest';
import { guardWrite } from './write-guard.js';
import { createdByBulk } from './bulk-guard.js';

const owns = (id: string) => id === 'abc-123';
const PREFIX = 'scimcheck-ab12cd';
const bulk = (...ops: unknown[]) =>
  JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: ops });
const guard = (body: string | undefined, allowBulk = true, method = 'POST', path = '/Bulk') =>
  guardWrite(method, path, owns, PREFIX, { allowBulk, body });

describe('/Bulk and the write guard', () => {
  const fine = bulk(
    { method: 'POST', path: '/Users', bulkId: 'u1', data: { userName: `${PREFIX}-a` } },
    { method: 'PATCH', path: '/Users/abc-123', data: {} },
    { method: 'DELETE', path: '/Users/bulkId:u1' },
  );

  it('is refused unless the suite declares allowBulk', () => {
    expect(guard(fine, false)).toMatch(/refusing POST \/Bulk: .*allowBulk: true/);
    expect(guardWrite('POST', '/bulk', owns, PREFIX)).toMatch(/allowBulk/);
  });

  it('with allowBulk, a body whose every operation passes on its own is sent', () => {
    expect(guard(fine)).toBeNull();
  });

  it('refuses the whole request when one operation names a resource the run did not create', () => {
    const foreign = bulk(
      { method: 'POST', path: '/Users', data: {} },
      { method: 'DELETE', path: '/users/real-customer-id' },
    );
    expect(guard(foreign)).toMatch(/operation 2: refusing DELETE \/users\/real-customer-id: .*not created by this run/);
  });

  it('refuses operations that could not be sent on their own, and bodies it cannot check', () => {
    const refused: [unknown, RegExp][] = [
      [{ method: 'DELETE', path: '/Users' }, /whole collection/],
      [{ method: 'PUT', path: '/Users/abc-123/../x' }, /plain resource path/],
      [{ method: 'POST', path: '/Bulk', data: {} }, /allowBulk/], // no Bulk inside a Bulk
      [{ method: 'PATCH', path: 'https://elsewhere.example/Users/abc-123' }, /relative to the base URL/],
      [{ method: 'PATCH', path: '//elsewhere.example/Users/abc-123' }, /relative to the base URL/],
      [{ method: 'GET', path: '/Users' }, /GET is not a bulk operation/],
      [{ method: 'DELETE', path: '/Users/bulkId:never-declared' }, /bulkId never-declared is not declared/],
      [{ path: '/Users' }, /no method and path/],
    ];
    for (const [op, why] of refused) expect(guard(bulk(op)), JSON.stringify(op)).toMatch(why);
    for (const body of [undefined, 'not json', '{}', bulk(), '[]'])
      expect(guard(body), String(body)).toMatch(/not a BulkRequest with Operations/);
    expect(guard(fine, true, 'PUT')).toMatch(/a bulk request is a POST to \/Bulk/);
    expect(guard(fine, true, 'POST', '/Bulk/x')).toMatch(/a bulk request is a POST to \/Bulk/);
  });
});

describe('createdByBulk', () => {
  it('lists what POST operations created (201 with a location), users and groups', () => {
    const response = {
      Operations: [
        { method: 'POST', status: '201', location: 'https://h/scim/v2/Users/u-1' },
        { method: 'POST', status: 201, location: 'https://h/scim/v2/Groups/g%201' },
        { method: 'POST', status: '409' },
        { method: 'PATCH', status: '200', location: 'https://h/scim/v2/Users/abc-123' },
      ],
    };
    expect(createdByBulk(response)).toEqual([
      { type: 'User', id: 'u-1' },
      { type: 'Group', id: 'g 1' },
    ]);
    expect(createdByBulk({ detail: 'no' })).toEqual([]);
  });
});
