// Reads the server's /Schemas and /ResourceTypes once per run. A server that does not
// publish them (404, not JSON, no schema) simply has no declared schemas; a server that
// publishes something unusable gets one run notice, never a crash.
import type { HttpClient } from '../../http/client.js';
import { joinUrl } from '../../http/url.js';
import { parseDeclared } from './parse.js';
import type { DeclaredModel } from './types.js';
import { parseJson } from '../../util/json-depth.js';

export interface FetchedDeclarations {
  model?: DeclaredModel;
  /** Why the server's declarations could not be used, when it seemed to publish some. */
  problem?: string;
}

export async function fetchDeclaredSchemas(
  client: Pick<HttpClient, 'send'>,
  baseUrl: string,
  token: string,
  extraHeaders: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<FetchedDeclarations> {
  const get = async (path: string): Promise<{ status: number; body?: unknown }> => {
    const headers: Record<string, string> = { accept: 'application/scim+json', ...lower(extraHeaders) };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await client.send({ method: 'GET', url: joinUrl(baseUrl, path), headers, signal });
    try {
      return { status: res.status, body: res.bodyText.trim() ? parseJson(res.bodyText) : undefined };
    } catch {
      return { status: res.status };
    }
  };
  try {
    const schemas = await get('/Schemas');
    if (schemas.status !== 200 || schemas.body === undefined) return {}; // not published
    const types = await get('/ResourceTypes');
    const model = parseDeclared(schemas.body, types.status === 200 ? types.body : undefined);
    if (model.schemas.length === 0) return { problem: 'GET /Schemas answered 200 but listed no schema definition' };
    if (model.resourceTypes.length === 0)
      return { problem: 'no resource type could be matched to the schemas of GET /Schemas' };
    return { model };
  } catch (err) {
    return { problem: `could not read /Schemas: ${(err as Error).message}` };
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
