// The server's self-description (/ServiceProviderConfig, /ResourceTypes, /Schemas) is read
// at most once per run: capabilities and declared schemas both need /ResourceTypes, and
// they share the one answer instead of asking twice.
import type { HttpClient } from '../http/client.js';
import { joinUrl } from '../http/url.js';
import { parseJson } from '../util/json-depth.js';
import type { DiscoveryGet, DiscoveryResponse } from '../schema/declared/index.js';

export function discoveryReader(
  client: Pick<HttpClient, 'send'>,
  baseUrl: string,
  token: string,
  extraHeaders: Record<string, string> = {},
  signal?: AbortSignal,
): DiscoveryGet {
  const answers = new Map<string, Promise<DiscoveryResponse>>();
  const headers = { accept: 'application/scim+json', ...lower(extraHeaders), authorization: `Bearer ${token}` };
  const send = async (path: string): Promise<DiscoveryResponse> => {
    const res = await client.send({ method: 'GET', url: joinUrl(baseUrl, path), headers, signal });
    try {
      return { status: res.status, body: res.bodyText.trim() ? parseJson(res.bodyText) : undefined };
    } catch {
      return { status: res.status }; // not JSON
    }
  };
  return (path) => {
    let answer = answers.get(path);
    if (!answer) answers.set(path, (answer = send(path)));
    return answer;
  };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
