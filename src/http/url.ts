// Builds request URLs the way Okta does: the base URL's path kept, the step path
// appended, query parameters in the given order with spaces as %20 (Okta today) or,
// in `form` encoding, as + (Okta's 2018 requests: filter=userName+eq+%22...%22).
import { UsageError } from '../errors.js';

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

/**
 * A rendered step path as a path relative to the base URL. Suites name paths (the loader refuses
 * an absolute URL written in a suite); a template may still render to one, e.g. a captured
 * meta.location: it is accepted when it is under the base URL (same origin, under its path) and
 * refused otherwise, before anything is sent. null: refused.
 */
export function relativeToBase(path: string, baseUrl: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('//')) return path;
  let url: URL;
  let base: URL;
  try {
    url = new URL(path, baseUrl);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin) return null;
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return null;
  return `${url.pathname.slice(basePath.length) || '/'}${url.search}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/** A target's base URL as given with `flag` (--base-url, --target): http(s), no credentials, query or fragment. */
export function parseBaseUrl(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${flag}: not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flag}: must be http:// or https://, got ${url.protocol}`);
  if (url.username || url.password)
    throw new UsageError(`${flag}: credentials in the URL are not supported; use a token`);
  if (url.search || url.hash) throw new UsageError(`${flag}: must not contain a query or fragment`);
  return url;
}
