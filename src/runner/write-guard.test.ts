import { describe, expect, it } from 'vitest';
import { guardTarget, guardWrite } from './write-guard.js';

const owned = new Set(['abc-123']);
const owns = (id: string) => owned.has(id);
const PREFIX = 'scimcheck-ab12cd';

describe('guardWrite', () => {
  it('lets reads and collection POSTs through', () => {
    expect(guardWrite('GET', '/Users/someone-else', owns, PREFIX)).toBeNull();
    expect(guardWrite('POST', '/Users', owns, PREFIX)).toBeNull();
    expect(guardWrite('POST', '/Groups', owns, PREFIX)).toBeNull();
  });

  it('lets writes to resources the run created through', () => {
    for (const m of ['PUT', 'PATCH', 'DELETE']) expect(guardWrite(m, '/Users/abc-123', owns, PREFIX)).toBeNull();
    expect(guardWrite('patch', '/Groups/abc-123', owns, PREFIX)).toBeNull();
  });

  it('lets writes to ids made of the run prefix through (they cannot exist on the server)', () => {
    expect(guardWrite('PUT', `/Users/${PREFIX}-missing`, owns, PREFIX)).toBeNull();
  });

  it('refuses any write to a resource the run did not create', () => {
    for (const m of ['PUT', 'PATCH', 'DELETE']) {
      expect(guardWrite(m, '/Users/real-customer-id', owns, PREFIX)).toMatch(/was not created by this run/);
      expect(guardWrite(m, 'Groups/real-group', owns, PREFIX)).toMatch(/was not created by this run/);
    }
    expect(guardWrite('DELETE', '/Users/real%20id', owns, PREFIX)).toMatch(/real id/);
  });
});

describe('guardWrite denies by default', () => {
  it('compares paths case-insensitively', () => {
    for (const m of ['PUT', 'PATCH', 'DELETE'])
      expect(guardWrite(m, '/users/real-customer-id', owns, PREFIX)).toMatch(/was not created by this run/);
    expect(guardWrite('DELETE', '/USERS/abc-123', owns, PREFIX)).toBeNull();
  });

  it('refuses /Bulk, collection writes, dot segments and deeper paths', () => {
    expect(guardWrite('POST', '/Bulk', owns, PREFIX)).toMatch(/bulk/); // see bulk-guard.test.ts for allowBulk
    expect(guardWrite('POST', '/bulk', owns, PREFIX)).toMatch(/bulk/);
    expect(guardWrite('DELETE', '/Users', owns, PREFIX)).toMatch(/whole collection/);
    expect(guardWrite('DELETE', '/Users/abc-123/../real', owns, PREFIX)).toMatch(/plain resource path/);
    expect(guardWrite('DELETE', '/Users/%2e%2e', owns, PREFIX)).toMatch(/plain resource path/);
    expect(guardWrite('DELETE', '/Users/%E0%A4%A', owns, PREFIX)).toMatch(/plain resource path/);
    expect(guardWrite('PUT', '/Users/abc-123/extra', owns, PREFIX)).toMatch(/not a resource path/);
  });

  it('lets searches through', () => {
    expect(guardWrite('POST', '/Users/.search', owns, PREFIX)).toBeNull();
  });
});

describe('guardTarget', () => {
  const base = 'https://scim.example.test/scim/v2';
  it('keeps every request under the base URL', () => {
    expect(guardTarget(`${base}/Users`, base)).toBeNull();
    expect(guardTarget('https://scim.example.test/scim/v2/../admin', base)).toMatch(/outside the base URL/);
    expect(guardTarget('https://evil.example/scim/v2/Users', base)).toMatch(
      /outside the base URL \(https:\/\/evil\.example\)/,
    );
    expect(guardTarget('https://scim.example.test/scim/v2x/Users', base)).toMatch(/path outside/);
  });
});
