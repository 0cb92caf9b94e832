// Requests as Okta's provisioning engine sends them (its headers, its filter encoding),
// through the rate limiter shared by all workers. GETs retry like audit's reader; writes
// are retried only on 429, which the server answered without acting on the request.
import { setTimeout as sleep } from 'node:timers/promises';
import { getWithRetry, type FetchContext } from '../audit/fetch-with-retry.js';
import { parseRetryAfter } from '../audit/retry-after.js';
import type { HttpResponse } from '../http/client.js';

export const OKTA_HEADERS = {
  'user-agent': 'Okta SCIM Client 1.0.0',
  accept: 'application/scim+json',
  'accept-charset': 'utf-8',
  'accept-encoding': 'gzip,deflate',
};

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface OktaHttp {
  fetch: FetchContext;
  baseUrl: string;
}

/** `GET /Users?filter=userName%20eq%20%22…%22&startIndex=1&count=100`, Okta's exists check. */
export function filterUrl(baseUrl: string, userName: string): string {
  const filter = `userName eq "${userName.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `${baseUrl}/Users?filter=${encodeURIComponent(filter)}&startIndex=1&count=100`;
}

export async function get(http: OktaHttp, url: string): Promise<HttpResponse> {
  return (await getWithRetry(http.fetch, url)).response;
}

/** `abortable` null: not abortable (clean-up must still run after SIGINT). */
export async function write(
  http: OktaHttp,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  abortable: AbortSignal | null | undefined = http.fetch.signal,
): Promise<HttpResponse> {
  const signal = abortable ?? undefined;
  const headers = {
    ...http.fetch.headers,
    ...(body === undefined ? {} : { 'content-type': 'application/scim+json; charset=utf-8' }),
  };
  for (let attempt = 0; ; attempt++) {
    await http.fetch.limiter.acquire(signal);
    const response = await http.fetch.client.send({
      method,
      url: `${http.baseUrl}${path}`,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (response.status !== 429 || attempt >= http.fetch.policy.maxRetries) return response;
    const wait = parseRetryAfter(response.headers['retry-after']) ?? http.fetch.policy.backoffBaseMs * 2 ** attempt;
    if (wait > http.fetch.policy.maxRetryAfterMs) return response;
    http.fetch.limiter.pauseUntil(Date.now() + wait);
    await sleep(wait, undefined, { signal });
  }
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** status, scimType and detail of a SCIM Error body (or the first line of whatever came back). */
export function refusalOf(response: HttpResponse): { status: number; scimType?: string; detail?: string } {
  const body = parseJson(response.bodyText) as Record<string, unknown> | undefined;
  const detail =
    typeof body?.detail === 'string'
      ? body.detail
      : response.bodyText.trim().split('\n')[0]?.slice(0, 200) || undefined;
  return {
    status: response.status,
    ...(typeof body?.scimType === 'string' ? { scimType: body.scimType } : {}),
    ...(detail ? { detail } : {}),
  };
}
