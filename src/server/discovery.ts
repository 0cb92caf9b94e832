// Discovery endpoints (RFC 7644 §4, RFC 7643 §5-7): what the server advertises is
// exactly what it implements, because scim-check validates resources against it.
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  USER_SCHEMA,
} from '../scim/urns.js';
import { RequestContext, ScimHttpError, listOf, sendJson } from './http-util.js';
import { MAX_RESULTS } from './list.js';
import { ALL_SCHEMA_DEFS, type SchemaDef } from './schema-defs.js';
import type { QuirkSet } from './quirks.js';

function serviceProviderConfig(base: string): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a bearer token in the Authorization header',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

function resourceTypes(base: string, enterprise = true): Record<string, unknown>[] {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER_SCHEMA,
      schemaExtensions: enterprise ? [{ schema: ENTERPRISE_USER_SCHEMA, required: false }] : [],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: GROUP_SCHEMA,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

function schemas(base: string, quirks: QuirkSet): Record<string, unknown>[] {
  return ALL_SCHEMA_DEFS.map((def) => ({
    schemas: [SCHEMA_SCHEMA],
    ...asDeclared(def, quirks),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${def.id}` },
  }));
}

/** The quirks that make /Schemas contradict what the server does. */
function asDeclared(def: SchemaDef, quirks: QuirkSet): SchemaDef {
  if (def.id !== USER_SCHEMA) return def;
  let attributes = def.attributes;
  if (quirks.has('schema-declares-wrong-type'))
    attributes = attributes.map((a) => (a.name === 'active' ? { ...a, type: 'string' } : a));
  if (quirks.has('schema-omits-attribute')) attributes = attributes.filter((a) => a.name !== 'displayName');
  return { ...def, attributes };
}

/** RFC 7644 §4: filtering discovery endpoints SHOULD be refused with 403. */
function refuseFilter(ctx: RequestContext): void {
  if (ctx.url.searchParams.has('filter') && !ctx.quirks.has('discovery-filter-ignored'))
    throw new ScimHttpError(403, 'filtering is not supported on discovery endpoints');
}

export function getServiceProviderConfig(ctx: RequestContext): void {
  const config = serviceProviderConfig(ctx.store.baseUrl);
  for (const feature of (ctx.quirks.param('spc-unsupported') ?? '').split(',')) {
    if (ctx.quirks.has('spc-unsupported') && config[feature.trim()])
      config[feature.trim()] = { ...(config[feature.trim()] as object), supported: false };
  }
  if (ctx.quirks.has('discovery-missing-members')) {
    delete config.bulk;
    delete config.changePassword;
  }
  sendJson(ctx, 200, config);
}

/** Quirk discovery-bare-array: a bare array instead of a ListResponse. */
function sendCollection(ctx: RequestContext, resources: Record<string, unknown>[]): void {
  sendJson(ctx, 200, ctx.quirks.has('discovery-bare-array') ? resources : listOf(resources));
}

/** Quirk discovery-missing-members: the member `name` of every definition is left out. */
function withoutMember(
  ctx: RequestContext,
  resources: Record<string, unknown>[],
  name: string,
): Record<string, unknown>[] {
  if (!ctx.quirks.has('discovery-missing-members')) return resources;
  return resources.map(({ [name]: _dropped, ...rest }) => rest);
}

export function getResourceTypes(ctx: RequestContext, name?: string): void {
  refuseFilter(ctx);
  const offered = resourceTypes(ctx.store.baseUrl, !ctx.quirks.has('no-enterprise-extension')).filter(
    (r) => r.id !== 'Group' || !ctx.quirks.has('groups-not-offered'),
  );
  const all = withoutMember(ctx, offered, 'endpoint');
  if (name === undefined) return sendCollection(ctx, all);
  const found = all.find((r) => r.id === name);
  if (!found) throw new ScimHttpError(404, `resource type ${name} not found`);
  sendJson(ctx, 200, found);
}

export function getSchemas(ctx: RequestContext, id?: string): void {
  refuseFilter(ctx);
  const dropEnterprise = ctx.quirks.has('schemas-missing-extension') || ctx.quirks.has('no-enterprise-extension');
  const served = schemas(ctx.store.baseUrl, ctx.quirks).filter(
    (s) => !(dropEnterprise && s.id === ENTERPRISE_USER_SCHEMA),
  );
  const all = withoutMember(ctx, served, 'attributes');
  if (id === undefined) return sendCollection(ctx, all);
  const found = all.find((s) => String(s.id).toLowerCase() === id.toLowerCase());
  if (!found) throw new ScimHttpError(404, `schema ${id} not found`);
  sendJson(ctx, 200, found);
}
