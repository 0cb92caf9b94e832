// Create, read, replace, patch and delete, shared by /Users and /Groups.
// What differs per resource type lives in a ResourceAdapter (users.ts, groups.ts).
import type { ScimResource, ResourceKind } from './store.js';
import type { SchemaDef } from './schema-defs.js';
import { RequestContext, ScimHttpError, listOf, sendEmpty, sendJson } from './http-util.js';
import { shapeResource, ShapedResource } from './schema-shape.js';
import { applyPatch } from './patch.js';
import { project, projectionFrom } from './projection.js';
import { copyJson } from '../util/object.js';

export interface ResourceAdapter {
  kind: ResourceKind;
  core: SchemaDef;
  extensions: SchemaDef[];
  /** Type-specific checks and completion (uniqueness, members); throws ScimHttpError. */
  finish(ctx: RequestContext, shaped: ShapedResource, previous?: ScimResource): Record<string, unknown>;
  /** The representation sent to clients (computed attributes, quirks). */
  render(ctx: RequestContext, stored: ScimResource): ScimResource;
  /** Runs after every successful write; may return a different resource (e.g. deleted or re-created). */
  afterWrite?(ctx: RequestContext, saved: ScimResource, previous?: ScimResource): ScimResource;
}

export function renderFor(
  ctx: RequestContext,
  adapter: ResourceAdapter,
  stored: ScimResource,
): Record<string, unknown> {
  const out = adapter.render(ctx, stored);
  if (ctx.quirks.has('missing-meta')) delete out.meta;
  const projection = projectionFrom(ctx.url);
  if (ctx.quirks.has('attributes-ignored')) delete projection.attributes;
  if (ctx.quirks.has('excluded-attributes-ignored')) delete projection.excluded;
  return project(out, projection);
}

function versionOf(resource: ScimResource): string {
  return (resource.meta as { version: string }).version;
}

function sendResource(
  ctx: RequestContext,
  adapter: ResourceAdapter,
  status: number,
  saved: ScimResource,
  headers: Record<string, string> = {},
): void {
  sendJson(ctx, status, renderFor(ctx, adapter, saved), { ETag: etagOf(ctx, saved), ...headers });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findOr404(ctx: RequestContext, adapter: ResourceAdapter, id: string): ScimResource {
  if (ctx.quirks.has('non-uuid-id-400') && !UUID.test(id))
    throw new ScimHttpError(400, `${id} is not a valid id`, 'invalidValue');
  const found = ctx.store.get(adapter.kind, id);
  if (!found) throw new ScimHttpError(404, `${adapter.kind} ${id} not found`);
  return found;
}

/** RFC 7644 §3.14: If-Match must name the current version (or be *). */
function checkIfMatch(ctx: RequestContext, current: ScimResource): void {
  if (ctx.quirks.has('etag-preconditions-ignored')) return;
  const header = ctx.req.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const tags = header.split(',').map((t) => t.trim());
  if (!tags.includes(versionOf(current))) {
    throw new ScimHttpError(412, `version mismatch: the resource is at ${versionOf(current)}`);
  }
}

function save(
  ctx: RequestContext,
  adapter: ResourceAdapter,
  input: unknown,
  previous?: ScimResource,
  id?: string,
): ScimResource {
  const shaped = shapeResource(
    input,
    adapter.core,
    adapter.extensions,
    ctx.quirks.has('username-optional') ? ['userName'] : [],
  );
  const data = adapter.finish(ctx, shaped, previous);
  const saved = previous
    ? ctx.store.replace(adapter.kind, previous.id, data, shaped.password)
    : ctx.store.insert(adapter.kind, data, { id, password: shaped.password });
  return adapter.afterWrite ? adapter.afterWrite(ctx, saved, previous) : saved;
}

export function createResource(ctx: RequestContext, adapter: ResourceAdapter): void {
  const clientId = (ctx.body as { id?: unknown } | undefined)?.id;
  const saved = save(
    ctx,
    adapter,
    ctx.body,
    undefined,
    ctx.quirks.has('client-id-honoured') && typeof clientId === 'string' ? clientId : undefined,
  );
  const location = (saved.meta as { location: string }).location;
  if (ctx.quirks.has('create-empty-body')) return sendEmpty(ctx, 201, { Location: location });
  sendResource(
    ctx,
    adapter,
    ctx.quirks.has('create-returns-200') ? 200 : 201,
    saved,
    ctx.quirks.has('no-location-header') ? {} : { Location: location },
  );
}

export function getResource(ctx: RequestContext, adapter: ResourceAdapter, id: string): void {
  if (ctx.quirks.has('unknown-id-empty-list') && !ctx.store.get(adapter.kind, id))
    return sendJson(ctx, 200, listOf([]));
  const found = findOr404(ctx, adapter, id);
  const ifNoneMatch = ctx.quirks.has('etag-preconditions-ignored') ? undefined : ctx.req.headers['if-none-match'];
  if (
    ifNoneMatch &&
    ifNoneMatch
      .split(',')
      .map((t) => t.trim())
      .includes(versionOf(found))
  ) {
    sendEmpty(ctx, 304, { ETag: versionOf(found) });
    return;
  }
  if (ctx.quirks.has('uppercase-id-on-read'))
    return sendJson(ctx, 200, { ...renderFor(ctx, adapter, found), id: found.id.toUpperCase() });
  if (ctx.quirks.has('get-returns-list')) return sendJson(ctx, 200, listOf([renderFor(ctx, adapter, found)]));
  sendResource(ctx, adapter, 200, found);
}

export function replaceResource(ctx: RequestContext, adapter: ResourceAdapter, id: string): void {
  const previous = ctx.store.get(adapter.kind, id);
  if (!previous) {
    // RFC 7644 §3.5.1: PUT must not create resources
    if (!ctx.quirks.has('put-creates-unknown')) throw new ScimHttpError(404, `${adapter.kind} ${id} not found`);
    sendResource(ctx, adapter, 201, save(ctx, adapter, ctx.body, undefined, id));
    return;
  }
  checkIfMatch(ctx, previous);
  checkPutQuirks(ctx, previous);
  if (ctx.quirks.has('put-merges')) ctx.body = { ...previous, ...(ctx.body as object) };
  sendResource(ctx, adapter, 200, save(ctx, adapter, ctx.body, previous));
}

export function patchResource(ctx: RequestContext, adapter: ResourceAdapter, id: string): void {
  const previous = findOr404(ctx, adapter, id);
  checkIfMatch(ctx, previous);
  const { id: _id, meta: _meta, ...doc } = copyJson(previous);
  try {
    applyPatch(doc, ctx.body, {
      resourceId: id,
      core: adapter.core,
      extensions: adapter.extensions,
      quirks: ctx.quirks,
    });
  } catch (e) {
    if (ctx.quirks.has('patch-not-atomic')) save(ctx, adapter, doc, previous); // keeps what was applied before the failure
    throw e;
  }
  const saved = save(ctx, adapter, doc, previous);
  if (ctx.quirks.has('patch-200-empty')) return sendEmpty(ctx, 200, { ETag: etagOf(ctx, saved) });
  if (ctx.quirks.has('patch-returns-204')) sendEmpty(ctx, 204, { ETag: versionOf(saved) });
  else sendResource(ctx, adapter, 200, saved);
}

export function deleteResource(ctx: RequestContext, adapter: ResourceAdapter, id: string): void {
  const found = findOr404(ctx, adapter, id);
  checkIfMatch(ctx, found);
  if (adapter.kind === 'Group' && ctx.quirks.has('soft-delete-groups')) return sendEmpty(ctx, 204);
  if (adapter.kind === 'User' && ctx.quirks.has('soft-delete-users')) return sendEmpty(ctx, 204);
  ctx.store.remove(adapter.kind, id);
  if (ctx.quirks.has('delete-returns-200')) return sendJson(ctx, 200, renderFor(ctx, adapter, found));
  sendEmpty(ctx, 204);
}

/** PUT-only deviations of the quirks put-rejects-readonly, put-rejects-null-values, put-ignores-active. */
function checkPutQuirks(ctx: RequestContext, previous: ScimResource): void {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (ctx.quirks.has('put-rejects-readonly') && ('id' in body || 'meta' in body))
    throw new ScimHttpError(400, 'id and meta are readOnly', 'mutability');
  if (ctx.quirks.has('put-rejects-null-values') && hasEmptyValue(body))
    throw new ScimHttpError(400, 'attribute values must not be null or empty', 'invalidValue');
  if (ctx.quirks.has('put-ignores-active') && 'active' in previous) ctx.body = { ...body, active: previous.active };
}

function hasEmptyValue(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.some(hasEmptyValue);
  return typeof value === 'object' && Object.values(value as object).some(hasEmptyValue);
}

/** The ETag header: meta.version, unless a quirk makes it a strong tag that no longer equals it. */
function etagOf(ctx: RequestContext, resource: ScimResource): string {
  const version = versionOf(resource);
  return ctx.quirks.has('etag-version-mismatch') ? version.replace(/^W\//, '') : version;
}
