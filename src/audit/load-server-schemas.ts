// The server's own /Schemas (RFC 7643 §7), when it publishes them, read into the declared
// model of src/schema/declared, which also checks each resource against it. A server
// without usable /Schemas simply skips the SERVER_SCHEMA_* rules.
import { joinUrl } from '../http/url.js';
import { getWithRetry, type FetchContext } from './fetch-with-retry.js';
import { parseJson } from '../util/json-depth.js';
import { TokenRejectedError } from '../errors.js';
import { parseDeclared } from '../schema/declared/parse.js';
import { declaresUserOrGroup } from '../schema/declared/resource-conformance.js';
import type { DeclaredModel, DeclaredSchema } from '../schema/declared/types.js';

/** GET /Schemas; undefined when the server does not publish usable definitions. */
export async function loadServerSchemas(fetch: FetchContext, baseUrl: string): Promise<DeclaredModel | undefined> {
  let body: unknown;
  try {
    const { response } = await getWithRetry(fetch, joinUrl(baseUrl, '/Schemas'));
    // a rejected token is not "no /Schemas": say it the way run and test-credentials do
    if (response.status === 401 || response.status === 403)
      throw new TokenRejectedError(response.status, 'GET /Schemas');
    if (response.status !== 200) return undefined;
    body = parseJson(response.bodyText);
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  return usable(parseDeclared(body, undefined));
}

/** Schema definitions of a --schemas file (already validated there). */
export function serverSchemasFrom(schemas: readonly DeclaredSchema[]): DeclaredModel | undefined {
  return usable({ schemas: [...schemas], resourceTypes: [], problems: [] });
}

/** Only a model that defines the core User or Group schema has anything to check resources against. */
function usable(model: DeclaredModel): DeclaredModel | undefined {
  return declaresUserOrGroup(model) ? model : undefined;
}
