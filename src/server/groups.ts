// /Groups specifics: member references are checked and completed.
import type { RequestContext } from './http-util.js';
import { ScimHttpError } from './http-util.js';
import type { ResourceAdapter } from './resources.js';
import { GROUP_SCHEMA_DEF } from './schema-defs.js';
import type { ResourceKind } from './store.js';

type Member = { value?: unknown; display?: unknown; type?: unknown; $ref?: unknown };

/**
 * RFC 7643 leaves unknown member ids open; we answer 400 invalidValue, because a
 * group pointing at nothing would make every later membership check meaningless.
 */
function completeMembers(ctx: RequestContext, members: Member[], selfId?: string): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const member of members) {
    const id = member.value;
    if (typeof id !== 'string' || id === '')
      throw new ScimHttpError(400, 'every member needs a value (the member id)', 'invalidValue');
    if (seen.has(id) && !ctx.quirks.has('member-readd-duplicates')) continue; // duplicates collapse into one membership
    seen.add(id);
    const kind: ResourceKind | undefined = ctx.store.get('User', id)
      ? 'User'
      : id !== selfId && ctx.store.get('Group', id)
        ? 'Group'
        : undefined;
    if (!kind) throw new ScimHttpError(400, `member "${id}" is not an existing User or Group id`, 'invalidValue');
    const target = ctx.store.get(kind, id)!;
    out.push({
      value: id,
      $ref: ctx.store.location(kind, id),
      display: member.display ?? target.displayName ?? target.userName,
      type: kind,
    });
  }
  return out;
}

export const groupsAdapter: ResourceAdapter = {
  kind: 'Group',
  core: GROUP_SCHEMA_DEF,
  extensions: [],

  finish(ctx, shaped, previous) {
    const data = shaped.data;
    if (!previous && ctx.quirks.has('group-create-ignores-members')) data.members = [];
    if (Array.isArray(data.members)) data.members = completeMembers(ctx, data.members as Member[], previous?.id);
    if (
      ctx.quirks.has('group-name-conflicts-self') &&
      ctx.store.groups().some((g) => g.displayName === data.displayName)
    ) {
      throw new ScimHttpError(409, `displayName "${String(data.displayName)}" is already taken`, 'uniqueness');
    }
    if (ctx.quirks.has('group-rename-drops-members') && previous && previous.displayName !== data.displayName) {
      delete data.members;
    }
    return data;
  },

  render(_ctx, stored) {
    // Okta expects `members` on every group, so an empty group shows `members: []`
    if (stored.members !== undefined) return { ...stored };
    const { meta, ...rest } = stored;
    return { ...rest, members: [], meta };
  },
};
