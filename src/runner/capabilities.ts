// What the server says it supports, read once: features from /ServiceProviderConfig,
// and the enterprise User extension from /ResourceTypes. A test that `requires` an
// unsupported feature is skipped with that reason; a feature that is advertised but
// broken fails like any other check.
import type { HttpClient } from '../http/client.js';
import { joinUrl } from '../http/url.js';
import { parseJson } from '../util/json-depth.js';

const FEATURES = ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'] as const;
const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Where each capability is read from, for skip reasons. */
export const CAPABILITY_SOURCE: Record<string, string> = {
  enterpriseUser: '/ResourceTypes',
  groups: '/ResourceTypes',
};

export function capabilitySource(name: string): string {
  return CAPABILITY_SOURCE[name] ?? '/ServiceProviderConfig';
}

interface Reader {
  client: Pick<HttpClient, 'send'>;
  baseUrl: string;
  token: string;
  /** --header values go with every request, probes included (a gateway may need them). */
  extraHeaders: Record<string, string>;
  signal?: AbortSignal;
}

/** `overrides` are the user's own answers (--no-groups), which win over what the server says. */
export function capabilityReader(
  client: Pick<HttpClient, 'send'>,
  baseUrl: string,
  token: string,
  overrides: Record<string, boolean> = {},
  extraHeaders: Record<string, string> = {},
  signal?: AbortSignal,
) {
  let cached: Promise<Record<string, boolean>> | undefined;
  const r: Reader = { client, baseUrl, token, extraHeaders, signal };
  return () => {
    cached ??= Promise.all([readServiceProviderConfig(r), readResourceTypes(r)]).then(([spc, rt]) => ({
      ...spc,
      ...rt,
      ...overrides,
    }));
    return cached;
  };
}

async function getJson(r: Reader, path: string): Promise<unknown> {
  try {
    const headers = { accept: 'application/scim+json', ...r.extraHeaders, authorization: `Bearer ${r.token}` };
    const res = await r.client.send({ method: 'GET', url: joinUrl(r.baseUrl, path), headers, signal: r.signal });
    return res.status === 200 ? parseJson(res.bodyText) : undefined;
  } catch {
    return undefined; // unreachable or not JSON: capabilities stay unknown, and every test runs
  }
}

async function readServiceProviderConfig(r: Reader): Promise<Record<string, boolean>> {
  const caps: Record<string, boolean> = {};
  const body = (await getJson(r, '/ServiceProviderConfig')) as
    Record<string, { supported?: unknown } | undefined> | undefined;
  if (!body || typeof body !== 'object') return caps;
  for (const f of FEATURES) {
    const entry = body[f] ?? findInsensitive(body, f);
    if (entry && typeof entry.supported === 'boolean') caps[f] = entry.supported;
  }
  return caps;
}

async function readResourceTypes(r: Reader): Promise<Record<string, boolean>> {
  const body = (await getJson(r, '/ResourceTypes')) as { Resources?: unknown } | unknown[] | undefined;
  const list = Array.isArray(body)
    ? body
    : Array.isArray((body as { Resources?: unknown })?.Resources)
      ? (body as { Resources: unknown[] }).Resources
      : undefined;
  if (!list) return {};
  // a server that lists its resource types but no Group has no groups: group tests are skipped
  const groups = list.some((rt) => (rt as { name?: unknown })?.name === 'Group');
  const user = list.find((rt) => (rt as { name?: unknown })?.name === 'User') as
    { schemaExtensions?: { schema?: unknown }[] } | undefined;
  if (!user) return { groups };
  return { groups, enterpriseUser: (user.schemaExtensions ?? []).some((e) => e?.schema === ENTERPRISE_USER) };
}

function findInsensitive(body: Record<string, unknown>, key: string): { supported?: unknown } | undefined {
  const k = Object.keys(body).find((x) => x.toLowerCase() === key.toLowerCase());
  return k ? (body[k] as { supported?: unknown }) : undefined;
}
