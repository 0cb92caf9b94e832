// /Users specifics: userName uniqueness, computed `groups`, password handling,
// and the deactivation quirks.
import type { RequestContext } from './http-util.js';
import { ScimHttpError } from './http-util.js';
import type { ResourceAdapter } from './resources.js';
import { ENTERPRISE_USER_SCHEMA_DEF, USER_SCHEMA_DEF } from './schema-defs.js';
import type { ScimResource } from './store.js';
import { applyValueQuirks } from './value-quirks.js';

function assertUniqueUserName(ctx: RequestContext, userName: string, selfId?: string): void {
  if (ctx.quirks.has('no-409-on-duplicate') || typeof userName !== 'string') return; // absent only under username-optional
  // RFC 7643 §4.1.1: userName is case-insensitive, so uniqueness is too
  const same = ctx.quirks.has('usernames-case-sensitive')
    ? (other: string) => other === userName
    : (other: string) => other.toLowerCase() === userName.toLowerCase();
  const known = ctx.usersAtArrival; // quirk racy-create: only the users stored when the POST arrived
  const clash = ctx.store.find(
    'User',
    (u) => u.id !== selfId && (!known || known.has(u.id)) && typeof u.userName === 'string' && same(u.userName),
  );
  if (clash) throw new ScimHttpError(409, `userName "${userName}" is already taken`, 'uniqueness');
}

/** The other users a write is compared with (quirk racy-create: only those stored when the POST arrived). */
function others(ctx: RequestContext, selfId?: string): ScimResource[] {
  const known = ctx.usersAtArrival;
  return ctx.store.users().filter((u) => u.id !== selfId && (!known || known.has(u.id)));
}

/** Quirks unique-email and unique-external-id: uniqueness on attributes the userName filter cannot see. */
function assertQuirkUniqueness(ctx: RequestContext, data: Record<string, unknown>, selfId?: string): void {
  const emailsOf = (u: Record<string, unknown>) =>
    (Array.isArray(u.emails) ? u.emails : []).map((e) => String((e as { value?: unknown }).value ?? '').toLowerCase());
  if (ctx.quirks.has('unique-email')) {
    const mine = emailsOf(data).filter(Boolean);
    if (others(ctx, selfId).some((u) => emailsOf(u).some((e) => mine.includes(e))))
      throw new ScimHttpError(409, 'email is already taken', 'uniqueness');
  }
  if (ctx.quirks.has('unique-external-id') && typeof data.externalId === 'string') {
    if (others(ctx, selfId).some((u) => u.externalId === data.externalId))
      throw new ScimHttpError(409, 'externalId is already taken', 'uniqueness');
  }
}

/** Quirk custom-extension-rejected: a schema URN outside User and the enterprise extension is a 400. */
function rejectUnknownSchemas(ctx: RequestContext): void {
  const schemas = (ctx.body as { schemas?: unknown } | undefined)?.schemas;
  const known = [USER_SCHEMA_DEF.id, ENTERPRISE_USER_SCHEMA_DEF.id].map((u) => u.toLowerCase());
  const unknown = Array.isArray(schemas)
    ? schemas.filter((s) => typeof s === 'string' && !known.includes(s.toLowerCase()))
    : [];
  if (unknown.length) throw new ScimHttpError(400, `unknown schema ${unknown[0]}`, 'invalidValue');
}

/** Quirks put-ignores / patch-ignores: the stored value of one attribute (core, dotted, or enterprise) is kept. */
function keepStored(data: Record<string, unknown>, previous: ScimResource, attr: string): void {
  const ext = ENTERPRISE_USER_SCHEMA_DEF.id;
  const [head = attr, sub] = attr.split('.');
  const inExtension = !USER_SCHEMA_DEF.attributes.some((a) => a.name.toLowerCase() === head.toLowerCase());
  const target = inExtension ? ((data[ext] ??= {}) as Record<string, unknown>) : data;
  const source = (inExtension ? (previous[ext] ?? {}) : previous) as Record<string, unknown>;
  if (sub === undefined) {
    if (source[head] === undefined) delete target[head];
    else target[head] = source[head];
    return;
  }
  const from = (source[head] ?? {}) as Record<string, unknown>;
  const into = (target[head] ??= {}) as Record<string, unknown>;
  if (from[sub] === undefined) delete into[sub];
  else into[sub] = from[sub];
}

/** Quirk preferred-language-region: "fr" comes back as "fr-FR". */
function withRegion(tag: string): string {
  return /^[a-z]{2}$/i.test(tag) ? `${tag.toLowerCase()}-${tag.toUpperCase()}` : tag;
}

export const usersAdapter: ResourceAdapter = {
  kind: 'User',
  core: USER_SCHEMA_DEF,
  extensions: [ENTERPRISE_USER_SCHEMA_DEF],

  finish(ctx, shaped, previous) {
    const data = shaped.data;
    const method = ctx.req.method?.toUpperCase();
    if (method !== 'PATCH' && ctx.quirks.has('custom-extension-rejected')) rejectUnknownSchemas(ctx);
    if (previous && method === 'PUT' && ctx.quirks.has('put-username-ignored')) data.userName = previous.userName;
    for (const [quirk, when] of [
      ['put-ignores', 'PUT'],
      ['patch-ignores', 'PATCH'],
    ] as const) {
      if (previous && method === when && ctx.quirks.has(quirk))
        keepStored(data, previous, ctx.quirks.param(quirk) || 'title');
    }
    if (ctx.quirks.has('lowercase-usernames')) data.userName = String(data.userName).toLowerCase();
    assertUniqueUserName(ctx, data.userName as string, previous?.id);
    assertQuirkUniqueness(ctx, data, previous?.id);
    if (ctx.quirks.has('require-external-id') && !previous && !data.externalId)
      throw new ScimHttpError(400, 'externalId is required', 'invalidValue');
    if (ctx.quirks.has('locale-underscore-rejected') && String(data.locale ?? '').includes('_'))
      throw new ScimHttpError(400, `locale "${data.locale}" is not a language tag`, 'invalidValue');
    if (
      ctx.quirks.has('language-tag-rejected') &&
      data.preferredLanguage !== undefined &&
      !/^[a-z]{2}$/i.test(String(data.preferredLanguage))
    ) {
      const status = Number(ctx.quirks.param('language-tag-rejected') ?? 500) || 500;
      throw new ScimHttpError(
        status,
        `unsupported preferredLanguage "${String(data.preferredLanguage)}"`,
        status === 400 ? 'invalidValue' : undefined,
      );
    }
    if (ctx.quirks.has('drop-preferred-language')) delete data.preferredLanguage;
    if (ctx.quirks.has('drop-name')) delete data.name;
    if (ctx.quirks.has('drop-enterprise-extension')) {
      delete data[ENTERPRISE_USER_SCHEMA_DEF.id];
      data.schemas = (data.schemas as string[]).filter((s) => s !== ENTERPRISE_USER_SCHEMA_DEF.id);
    }
    applyValueQuirks(ctx, data, previous === undefined);
    return data;
  },

  render(ctx, stored) {
    const out: ScimResource = { ...stored };
    const groups = ctx.store.groupsOf(stored.id).map((g) => ({
      value: g.id,
      $ref: ctx.store.location('Group', g.id),
      display: g.displayName,
      type: 'direct',
    }));
    if (groups.length > 0) insertBeforeMeta(out, 'groups', groups);
    const password = ctx.store.password(stored.id);
    if (ctx.quirks.has('echo-password') && password !== undefined) insertBeforeMeta(out, 'password', password);
    if (ctx.quirks.has('preferred-language-region') && typeof out.preferredLanguage === 'string') {
      out.preferredLanguage = withRegion(out.preferredLanguage);
    }
    if (ctx.quirks.has('active-as-string') && typeof out.active === 'boolean') out.active = String(out.active);
    return out;
  },

  afterWrite(ctx, saved, previous) {
    if (ctx.quirks.has('hard-delete-on-deactivate') && saved.active === false) {
      ctx.store.remove('User', saved.id);
      return saved;
    }
    if (ctx.quirks.has('reactivate-new-id') && previous?.active === false && saved.active === true) {
      const { id: _oldId, meta: _meta, ...data } = saved;
      const password = ctx.store.password(saved.id);
      ctx.store.remove('User', saved.id);
      return ctx.store.insertUser(data, { password });
    }
    return saved;
  },
};

/** Keep `meta` last in the JSON, where readers expect it. */
function insertBeforeMeta(resource: ScimResource, key: string, value: unknown): void {
  const meta = resource.meta;
  delete resource.meta;
  resource[key] = value;
  if (meta !== undefined) resource.meta = meta;
}
