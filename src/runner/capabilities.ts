// What the server says it supports, read once: features from /ServiceProviderConfig,
// and the enterprise User extension from /ResourceTypes. A test that `requires` an
// unsupported feature is skipped with that reason; a feature that is advertised but
// broken fails like any other check.
import type { HttpClient } from '../http/client.js';
import { joinUrl } from '../http/url.js';

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

/** `overrides` are the user's own answers (--no-groups), which win over what the server says. */
export function capabilityReader(client: HttpClient, baseUrl: string, token: string, overrides: Record<string, boolean> = {}) {
  let cached: Promise<Record<string, boolean>> | undefined;
  return () => {
    cached ??= Promise.all([readServiceProviderConfig(client, baseUrl, token), readResourceTypes(client, baseUrl, token)]).then(([spc, rt]) => ({ ...spc, ...rt, ...overrides }));
    return cached;
  };
}

async function getJson(client: HttpClient, baseUrl: string, token: string, path: string): Promise<unknown> {
  try {
    const res = await client.send({ method: 'GET', url: joinUrl(baseUrl, path), headers: { accept: 'application/scim+json', authorization: `Bearer ${token}` } });
    return res.status === 200 ? JSON.parse(res.bodyText) : undefined;
  } catch {
    return undefined; // unreachable or not JSON: capabilities stay unknown, and every test runs
  }
}

async function readServiceProviderConfig(client: HttpClient, baseUrl: string, token: string): Promise<Record<string, boolean>> {
  const caps: Record<string, boolean> = {};
  const body = (await getJson(client, baseUrl, token, '/ServiceProviderConfig')) as Record<string, { supported?: unknown } | undefined> | undefined;
  if (!body || typeof body !== 'object') return caps;
  for (const f of FEATURES) {
    const entry = body[f] ?? findInsensitive(body, f);
    if (entry && typeof entry.supported === 'boolean') caps[f] = entry.supported;
  }
  return caps;
}

async function readResourceTypes(client: HttpClient, baseUrl: string, token: string): Promise<Record<string, boolean>> {
  const body = (await getJson(client, baseUrl, token, '/ResourceTypes')) as { Resources?: unknown } | unknown[] | undefined;
  const list = Array.isArray(body) ? body : Array.isArray((body as { Resources?: unknown })?.Resources) ? ((body as { Resources: unknown[] }).Resources) : undefined;
  if (!list) return {};
  // a server that lists its resource types but no Group has no groups: group tests are skipped
  const groups = list.some((rt) => (rt as { name?: unknown })?.name === 'Group');
  const user = list.find((rt) => (rt as { name?: unknown })?.name === 'User') as { schemaExtensions?: { schema?: unknown }[] } | undefined;
  if (!user) return { groups };
  return { groups, enterpriseUser: (user.schemaExtensions ?? []).some((e) => e?.schema === ENTERPRISE_USER) };
}

function findInsensitive(body: Record<string, unknown>, key: string): { supported?: unknown } | undefined {
  const k = Object.keys(body).find((x) => x.toLowerCase() === key.toLowerCase());
  return k ? (body[k] as { supported?: unknown }) : undefined;
}
