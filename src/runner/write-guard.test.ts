import { describe, expect, it } from 'vitest';
import { guardWrite } from './write-guard.js';

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
