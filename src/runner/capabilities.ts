// What the server says it supports, read once from /ServiceProviderConfig. A test
// that `requires` an unsupported feature is skipped with that reason; a feature
// that is advertised but broken fails like any other check.
import type { HttpClient } from '../http/client.js';
import { joinUrl } from '../http/url.js';

const FEATURES = ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'] as const;

export function capabilityReader(client: HttpClient, baseUrl: string, token: string, overrides: Record<string, boolean> = {}) {
  let cached: Promise<Record<string, boolean>> | undefined;
  return () => {
    cached ??= read(client, baseUrl, token).then((caps) => ({ ...caps, ...overrides }));
    return cached;
  };
}

async function read(client: HttpClient, baseUrl: string, token: string): Promise<Record<string, boolean>> {
  const caps: Record<string, boolean> = {};
  try {
    const res = await client.send({
      method: 'GET',
      url: joinUrl(baseUrl, '/ServiceProviderConfig'),
      headers: { accept: 'application/scim+json', authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) return caps; // unknown: run everything, let the checks speak
    const body = JSON.parse(res.bodyText) as Record<string, { supported?: unknown } | undefined>;
    for (const f of FEATURES) {
      const entry = body[f] ?? findInsensitive(body, f);
      if (entry && typeof entry.supported === 'boolean') caps[f] = entry.supported;
    }
  } catch {
    // unreachable or not JSON: capabilities stay unknown
  }
  return caps;
}

function findInsensitive(body: Record<string, unknown>, key: string): { supported?: unknown } | undefined {
  const k = Object.keys(body).find((x) => x.toLowerCase() === key.toLowerCase());
  return k ? (body[k] as { supported?: unknown }) : undefined;
}
