// What the server says it supports, read once: features from /ServiceProviderConfig,
// and the enterprise User extension from /ResourceTypes. A test that `requires` an
// unsupported feature is skipped with that reason; a feature that is advertised but
// broken fails like any other check.
import type { DiscoveryGet } from '../schema/declared/index.js';
import { getCi } from '../scim/attribute-path.js';

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

/**
 * `get` is the run's discovery reader (one GET per path per run, shared with the declared
 * schemas); `overrides` are the user's own answers (--no-groups), which win over what the server says.
 */
export function capabilityReader(get: DiscoveryGet, overrides: Record<string, boolean> = {}) {
  let cached: Promise<Record<string, boolean>> | undefined;
  return () => {
    cached ??= Promise.all([readServiceProviderConfig(get), readResourceTypes(get)]).then(([spc, rt]) => ({
      ...spc,
      ...rt,
      ...overrides,
    }));
    return cached;
  };
}

async function getJson(get: DiscoveryGet, path: string): Promise<unknown> {
  try {
    const res = await get(path);
    return res.status === 200 ? res.body : undefined;
  } catch {
    return undefined; // unreachable or not JSON: capabilities stay unknown, and every test runs
  }
}

async function readServiceProviderConfig(get: DiscoveryGet): Promise<Record<string, boolean>> {
  const caps: Record<string, boolean> = {};
  const body = (await getJson(get, '/ServiceProviderConfig')) as
    Record<string, { supported?: unknown } | undefined> | undefined;
  if (!body || typeof body !== 'object') return caps;
  for (const f of FEATURES) {
    const entry = getCi(body, f) as { supported?: unknown } | undefined;
    if (entry && typeof entry.supported === 'boolean') caps[f] = entry.supported;
  }
  return caps;
}

async function readResourceTypes(get: DiscoveryGet): Promise<Record<string, boolean>> {
  const body = (await getJson(get, '/ResourceTypes')) as { Resources?: unknown } | unknown[] | undefined;
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
