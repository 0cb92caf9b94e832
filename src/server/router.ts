// Maps (method, path segments) to a handler. Unknown path: 404; known path, other method: 405.
import { RequestContext, ScimHttpError } from './http-util.js';
import {
  createResource,
  deleteResource,
  getResource,
  patchResource,
  replaceResource,
  ResourceAdapter,
} from './resources.js';
import { listResources } from './list.js';
import { getResourceTypes, getSchemas, getServiceProviderConfig } from './discovery.js';
import { usersAdapter } from './users.js';
import { groupsAdapter } from './groups.js';

export type Handler = (ctx: RequestContext) => void;
type MethodTable = Partial<Record<string, Handler>>;

const ADAPTERS = new Map<string, ResourceAdapter>([
  ['Users', usersAdapter],
  ['Groups', groupsAdapter],
]);

/** `/Users` and `/Groups`: the endpoints that hold resources (the rest describe the server). */
export function isResourceEndpoint(segment: string | undefined): boolean {
  return segment !== undefined && ADAPTERS.has(segment);
}

function resourceRoutes(adapter: ResourceAdapter, id: string | undefined): MethodTable {
  if (id === undefined) {
    return { GET: (ctx) => listResources(ctx, adapter), POST: (ctx) => createResource(ctx, adapter) };
  }
  return {
    GET: (ctx) => getResource(ctx, adapter, id),
    PUT: (ctx) => replaceResource(ctx, adapter, id),
    PATCH: (ctx) => patchResource(ctx, adapter, id),
    DELETE: (ctx) => deleteResource(ctx, adapter, id),
  };
}

function routesFor(segments: string[]): MethodTable | undefined {
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return undefined;
  const adapter = first === undefined ? undefined : ADAPTERS.get(first);
  if (adapter) return resourceRoutes(adapter, second);
  if (first === 'ServiceProviderConfig' && second === undefined) return { GET: getServiceProviderConfig };
  if (first === 'ResourceTypes') return { GET: (ctx) => getResourceTypes(ctx, second) };
  if (first === 'Schemas') return { GET: (ctx) => getSchemas(ctx, second) };
  return undefined;
}

/** The handler for this request; throws 404/405 SCIM errors. */
export function route(method: string, segments: string[]): Handler {
  const table = routesFor(segments);
  if (!table) throw new ScimHttpError(404, `no endpoint at /${segments.join('/')}`);
  const handler = table[method];
  if (!handler) {
    const allow = Object.keys(table).join(', ');
    throw new ScimHttpError(405, `method ${method} is not allowed here (allowed: ${allow})`, undefined, {
      Allow: allow,
    });
  }
  return handler;
}

export const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
