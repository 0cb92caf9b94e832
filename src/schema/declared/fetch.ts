// Reads the server's /Schemas and /ResourceTypes once per run. A server that does not
// publish them (404, not JSON, no schema) simply has no declared schemas; a server that
// publishes something unusable gets one run notice, never a crash.
import { parseDeclared } from './parse.js';
import type { DeclaredModel } from './types.js';

/** One GET of the server's self-description: its status and body (undefined when empty or not JSON). */
export interface DiscoveryResponse {
  status: number;
  body?: unknown;
}
/** Sends (or reuses) a GET of `path` under the base URL; throws when the server cannot be reached. */
export type DiscoveryGet = (path: string) => Promise<DiscoveryResponse>;

export interface FetchedDeclarations {
  model?: DeclaredModel;
  /** Why the server's declarations could not be used, when it seemed to publish some. */
  problem?: string;
}

export async function fetchDeclaredSchemas(get: DiscoveryGet): Promise<FetchedDeclarations> {
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
