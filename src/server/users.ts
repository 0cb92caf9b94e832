// /Users specifics: userName uniqueness, computed `groups`, password handling,
// and the deactivation quirks.
import type { RequestContext } from './http-util.js';
import { ScimHttpError } from './http-util.js';
import type { ResourceAdapter } from './resources.js';
import { ENTERPRISE_USER_SCHEMA_DEF, USER_SCHEMA_DEF } from './schema-defs.js';
import type { ScimResource } from './store.js';
import { applyValueQuirks } from './value-quirks.js';

function assertUniqueUserName(ctx: RequestContext, userName: string, selfId?: string): void {
  if (ctx.quirks.has('no-409-on-duplicate')) return;
  // RFC 7643 §4.1.1: userName is case-insensitive, so uniqueness is too
  const same = ctx.quirks.has('usernames-case-sensitive')
    ? (other: string) => other === userName
    : (other: string) => other.toLowerCase() === userName.toLowerCase();
  const clash = ctx.store.find('User', (u) => u.id !== selfId && typeof u.userName === 'string' && same(u.userName));
  if (clash) throw new ScimHttpError(409, `userName "${userName}" is already taken`, 'uniqueness');
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
    if (ctx.quirks.has('lowercase-usernames')) shaped.data.userName = String(shaped.data.userName).toLowerCase();
    assertUniqueUserName(ctx, shaped.data.userName as string, previous?.id);
    if (ctx.quirks.has('drop-preferred-language')) delete shaped.data.preferredLanguage;
    if (ctx.quirks.has('drop-name')) delete shaped.data.name;
    applyValueQuirks(ctx, shaped.data, previous === undefined);
    return shaped.data;
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
