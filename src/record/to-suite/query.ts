// A recorded query string as ordered, decoded pairs (`+` read as a space, the way
// form encoding and Okta's 2018 requests write it).
export function queryPairs(query: string): [string, string][] {
  if (!query) return [];
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [decode(name), decode(value)];
    });
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Does the query write spaces as `+` (a replay sends %20)? */
export function usesPlusForSpace(query: string): boolean {
  return /\+/.test(query);
}
