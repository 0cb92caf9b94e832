import { describe, expect, it } from 'vitest';
import { filterUrl, refusalOf } from './okta-http.js';
import { bodyToSend } from './replay-user.js';

describe("Okta's requests", () => {
  it('encodes the exists check as Okta does: %20 for spaces, %22 for quotes, %2B for +, then startIndex and count', () => {
    expect(filterUrl('https://x/scim/v2', 'scimcheck-ab12cd-Ana+x@Example.com')).toBe(
      'https://x/scim/v2/Users?filter=userName%20eq%20%22scimcheck-ab12cd-Ana%2Bx%40Example.com%22&startIndex=1&count=100',
    );
    expect(decodeURIComponent(filterUrl('https://x', 'a"b\\c').split('filter=')[1])).toBe(
      'userName eq "a\\"b\\\\c"&startIndex=1&count=100',
    );
  });

  it("sends the run prefix on userName, displayName and externalId, and Okta's groups and placeholder password", () => {
    const payload = {
      schemas: ['s'],
      userName: 'ana@x.com',
      displayName: 'Ana',
      externalId: '00u1',
      name: { givenName: 'Ana' },
    };
    expect(bodyToSend(payload, 'scimcheck-ab12cd', 'pw')).toEqual({
      schemas: ['s'],
      userName: 'scimcheck-ab12cd-ana@x.com',
      displayName: 'scimcheck-ab12cd-Ana',
      externalId: 'scimcheck-ab12cd-00u1',
      name: { givenName: 'Ana' },
      groups: [],
      password: 'pw',
    });
    expect(payload.userName).toBe('ana@x.com'); // the built body is left as Okta would send it
  });

  it('reads a refusal from a SCIM Error, or from the first line of anything else', () => {
    const res = (status: number, bodyText: string) => ({ status, headers: {}, bodyText, durationMs: 0 });
    expect(
      refusalOf(
        res(
          400,
          '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidValue","detail":"title is empty"}',
        ),
      ),
    ).toEqual({ status: 400, scimType: 'invalidValue', detail: 'title is empty' });
    expect(refusalOf(res(502, '<html>Bad gateway</html>\nmore'))).toEqual({
      status: 502,
      detail: '<html>Bad gateway</html>',
    });
    expect(refusalOf(res(500, ''))).toEqual({ status: 500 });
  });
});
