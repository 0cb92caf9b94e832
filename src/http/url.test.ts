import { describe, expect, it } from 'vitest';
import { encodeQuery, joinUrl } from './url.js';

describe('query encoding', () => {
  const filter = { filter: `userName eq "o'hara+x@example.test"`, startIndex: '1', count: '100' };

  it('percent (Okta today): spaces as %20, parameters in order', () => {
    expect(encodeQuery(filter)).toBe("filter=userName%20eq%20%22o'hara%2Bx%40example.test%22&startIndex=1&count=100");
  });

  it("form (Okta's 2018 requests): spaces as +, a literal + as %2B", () => {
    expect(joinUrl('https://h/scim/v2/', '/Users', filter, 'form')).toBe(
      "https://h/scim/v2/Users?filter=userName+eq+%22o'hara%2Bx%40example.test%22&startIndex=1&count=100",
    );
  });
});
