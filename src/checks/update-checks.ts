// Named checks for Okta's field failures around writes: an update whose values did
// not all reach the app, and a 409 for a user that Okta's userName filter cannot find.
import type { NamedCheck } from './named-check.js';
import { getPath } from '../suite/body-path.js';
import { asObject } from '../util/object.js';
import { findKey } from '../scim/attribute-path.js';

interface Leaf {
  path: string;
  sent: unknown;
  got: unknown;
  before: unknown;
}

/** Every leaf of `sent`, with what `got` and `before` hold there (multi-valued items matched by `type`, else by position). */
function leaves(sent: unknown, got: unknown, before: unknown, path: string, out: Leaf[]): void {
  if (Array.isArray(sent)) {
    const gotList = Array.isArray(got) ? got : [];
    const beforeList = Array.isArray(before) ? before : [];
    sent.forEach((item, i) => {
      const type = asObject(item)?.type;
      const pick = (list: unknown[]) => (type !== undefined ? list.find((x) => asObject(x)?.type === type) : list[i]);
      // several values of one type where one was sent: the update was appended, not applied
      const ofType = type === undefined ? 0 : gotList.filter((x) => asObject(x)?.type === type).length;
      const label = `${path}[${type !== undefined ? `type eq "${String(type)}"` : i}]${ofType > 1 ? ` (${ofType} values of this type)` : ''}`;
      leaves(item, pick(gotList), pick(beforeList), label, out);
    });
    return;
  }
  const sentObj = asObject(sent);
  if (sentObj) {
    for (const [k, v] of Object.entries(sentObj)) {
      const g = asObject(got);
      const b = asObject(before);
      const gk = g && findKey(g, k);
      const bk = b && findKey(b, k);
      leaves(v, gk ? g[gk] : undefined, bk ? b[bk] : undefined, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  out.push({ path, sent, got, before });
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

/**
 * `with.values` (what the update sent) all show in the resource (`with.at`: a body path,
 * e.g. Resources[0]). A value still as it was before (`with.previous`), changed to
 * something else, or dropped is a failure that names the attribute; an attribute the
 * server never held (absent before and after) is noted as not supported.
 */
const primaryLanguage = (v: unknown) => (typeof v === 'string' ? v.split(/[-_]/, 1)[0]?.toLowerCase() : undefined);

function sameLanguage(path: string, got: unknown, sent: unknown): boolean {
  return (
    /preferredLanguage$/i.test(path) &&
    primaryLanguage(got) !== undefined &&
    primaryLanguage(got) === primaryLanguage(sent)
  );
}

export const carriesValues: NamedCheck = (ctx, args) => {
  const at =
    typeof args.at === 'string' ? getPath(ctx.body, args.at) : { found: ctx.body !== undefined, value: ctx.body };
  const resource = asObject(at.found ? at.value : undefined);
  if (!resource)
    return {
      passed: false,
      expected: 'a resource',
      actual: ctx.body === undefined ? '(no JSON body)' : `nothing at ${String(args.at)}`,
    };
  const all: Leaf[] = [];
  leaves(args.values, resource, args.previous, '', all);
  const kept: string[] = [];
  const other: string[] = [];
  const unsupported: string[] = [];
  const rewritten: string[] = [];
  for (const leaf of all) {
    if (same(leaf.got, leaf.sent)) continue;
    // a preferredLanguage kept in another form of the same language reached the app: only a
    // profile that demands the round trip (eptura) fails it; Okta never reads it back
    if (!ctx.profile.preferredLanguage?.roundTrip && sameLanguage(leaf.path, leaf.got, leaf.sent)) {
      rewritten.push(`${leaf.path} came back as ${JSON.stringify(leaf.got)} (sent ${JSON.stringify(leaf.sent)})`);
      continue;
    }
    if (leaf.got === undefined && leaf.before === undefined && args.previous !== undefined) unsupported.push(leaf.path);
    else if (leaf.got !== undefined && same(leaf.got, leaf.before))
      kept.push(`${leaf.path} kept ${JSON.stringify(leaf.got)} (sent ${JSON.stringify(leaf.sent)})`);
    else
      other.push(
        `${leaf.path} is ${leaf.got === undefined ? '(absent)' : JSON.stringify(leaf.got)} (sent ${JSON.stringify(leaf.sent)})`,
      );
  }
  const failures = [...kept, ...other];
  const notes = [
    unsupported.length ? `not held by the server at all (never stored): ${unsupported.join(', ')}` : '',
    rewritten.length ? `stored in another form of the same language: ${rewritten.join(', ')}` : '',
  ];
  const note = notes.filter(Boolean).join('; ') || undefined;
  return {
    passed: failures.length === 0,
    expected: `the ${all.length} values sent`,
    actual:
      failures.length === 0
        ? `${all.length - unsupported.length} of ${all.length} values as sent`
        : `${failures.length} value(s) did not reach the app`,
    ...(failures.length || note ? { detail: [failures.join('; '), note].filter(Boolean).join('; ') } : {}),
  };
};

/**
 * Okta looks a user up with `userName eq` (with.found: how many it found) and POSTs when
 * nothing was found. A 409 then means Okta retries the assignment forever: the POST must
 * succeed, or be a 409 only for a user the filter does find.
 */
export const oktaLinkConsistent: NamedCheck = (ctx, args) => {
  const found = Number(args.found);
  const status = ctx.response.status;
  const passed = (status >= 200 && status < 300) || (status === 409 && found > 0);
  return {
    passed,
    expected: found > 0 ? '2xx, or 409 (the filter finds the user)' : '2xx: the userName filter found no such user',
    actual: `${status}; the userName filter found ${Number.isFinite(found) ? found : '?'}`,
    ...(passed
      ? {}
      : {
          detail:
            status === 409
              ? 'a 409 for a user the userName filter cannot find: Okta retries the assignment forever'
              : 'the create failed',
        }),
  };
};
