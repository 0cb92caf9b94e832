// Renders a step's RequestSpec into a concrete HTTP request: templates filled,
// Okta's default headers, the bearer token per the step's auth mode.
import type { RequestSpec, SuiteSpec } from '../suite/types.js';
import type { HttpRequest } from '../http/client.js';
import { joinUrl, relativeToBase } from '../http/url.js';
import { UsageError } from '../errors.js';
import { findKey } from '../scim/attribute-path.js';

export const DEFAULT_HEADERS: Record<string, string> = {
  accept: 'application/scim+json',
};
export const JSON_CONTENT_TYPE = 'application/scim+json; charset=utf-8';
/** A token that no server should accept, for 401 checks. */
export const INVALID_TOKEN = 'scim-check-invalid-token';

export interface BuiltRequest {
  http: HttpRequest;
  path: string; // rendered path relative to the base URL
  body: unknown; // rendered JSON body, for checks and the report
}

export function buildRequest(
  spec: RequestSpec,
  suite: SuiteSpec,
  render: (v: unknown) => unknown,
  target: { baseUrl: string; token: string; extraHeaders: Record<string, string> },
): BuiltRequest {
  const rendered = String(render(spec.path));
  const path = relativeToBase(rendered, target.baseUrl);
  if (path === null)
    throw new UsageError(
      `refusing ${spec.method.toUpperCase()} to ${originOf(rendered, target.baseUrl)}: a step path renders to a URL outside the base URL; use a path relative to it`,
    );
  const query = spec.query ? stringifyQuery(render(spec.query) as Record<string, unknown>) : undefined;
  const headers: Record<string, string> = { ...DEFAULT_HEADERS };
  merge(headers, suite.defaults?.headers, render);
  merge(headers, target.extraHeaders, (v) => v);
  merge(headers, spec.headers, render);
  const body = spec.body !== undefined ? render(spec.body) : undefined;
  let bodyText: string | undefined;
  if (spec.rawBody !== undefined) bodyText = String(render(spec.rawBody));
  else if (body !== undefined) bodyText = JSON.stringify(body);
  if (bodyText !== undefined && !headers['content-type']) headers['content-type'] = JSON_CONTENT_TYPE;
  // An Authorization header written in the step itself is sent as written (Okta's SPEC
  // test sends `Authorization: non-token`); otherwise the auth mode decides.
  const explicitAuth = findKey(spec.headers ?? {}, 'authorization') !== undefined;
  const auth = spec.auth ?? 'default';
  if (!explicitAuth) {
    if (auth === 'default' && target.token) headers['authorization'] = `Bearer ${target.token}`;
    if (auth === 'invalid') headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    if (auth === 'none') delete headers['authorization'];
  }
  return {
    http: {
      method: spec.method.toUpperCase(),
      url: joinUrl(target.baseUrl, path, query, spec.queryEncoding),
      headers,
      body: bodyText,
    },
    path,
    body,
  };
}

function merge(
  into: Record<string, string>,
  from: Record<string, string> | undefined,
  render: (v: unknown) => unknown,
): void {
  if (!from) return;
  for (const [k, v] of Object.entries(from)) into[k.toLowerCase()] = String(render(v));
}

function stringifyQuery(q: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** Only the origin of a URL the guard refused: its path may carry resource ids. */
function originOf(url: string, baseUrl: string): string {
  try {
    return new URL(url, baseUrl).origin;
  } catch {
    return 'an invalid URL';
  }
}
