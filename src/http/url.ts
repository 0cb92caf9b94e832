// Builds request URLs the way Okta does: the base URL's path kept, the step path
// appended, query parameters in the given order with spaces as %20 (Okta today) or,
// in `form` encoding, as + (Okta's 2018 requests: filter=userName+eq+%22...%22).

export type QueryEncoding = 'percent' | 'form';

export function joinUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, string>,
  encoding: QueryEncoding = 'percent',
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  const qs = query ? encodeQuery(query, encoding) : '';
  return `${base}${rel}${qs ? (rel.includes('?') ? '&' : '?') + qs : ''}`;
}

export function encodeQuery(query: Record<string, string>, encoding: QueryEncoding = 'percent'): string {
  // form: application/x-www-form-urlencoded, where a literal + becomes %2B and a space +
  const encode = encoding === 'form' ? (v: string) => encodeURIComponent(v).replace(/%20/g, '+') : encodeURIComponent;
  return Object.entries(query)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}
