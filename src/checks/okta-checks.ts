// Named checks for the Okta lifecycle packs: rules where Okta accepts more than one
// answer (404 or an empty list; 200 with the user or 204), and exact group membership.
import type { NamedCheck } from './named-check.js';
import { asObject } from '../util/object.js';
import { compareIds } from './list-rules.js';

/** B-1: "not found" is a 200 ListResponse with totalResults 0 and no Resources, or (Okta-tolerated) a 404. */
export const oktaNotFound: NamedCheck = (ctx) => {
  if (ctx.response.status === 404)
    return { passed: true, actual: '404 (tolerated by Okta)', expected: 'totalResults 0, or 404' };
  const body = asObject(ctx.body);
  const total = body?.totalResults;
  const listed = body?.Resources;
  const resources: unknown[] = Array.isArray(listed) ? listed : [];
  const passed = ctx.response.status === 200 && Number(total) === 0 && resources.length === 0;
  return {
    passed,
    expected: '200 with totalResults 0 and no Resources, or 404',
    actual: `${ctx.response.status}, totalResults ${JSON.stringify(total)}, ${resources.length} resource(s)`,
    ...(passed ? {} : { detail: 'Okta would link the new user to whatever this answer holds instead of creating it' }),
  };
};

/** D-1/D-4: a PATCH answers 204, or 200 with the resource showing `with` (e.g. {active: false}). */
export const oktaPatchResult: NamedCheck = (ctx, args) => {
  const status = ctx.response.status;
  if (status === 204) return { passed: true, actual: 204, expected: '204, or 200 with the resource' };
  const body = asObject(ctx.body);
  if (status !== 200 || !body)
    return {
      passed: false,
      actual: `${status}${body ? '' : ' without a JSON body'}`,
      expected: '204, or 200 with the resource',
    };
  const wrong = Object.entries(args).filter(([k, v]) => body[k] !== v);
  return {
    passed: wrong.length === 0,
    expected: args,
    actual: Object.fromEntries(Object.keys(args).map((k) => [k, body[k] ?? '(absent)'])),
    ...(wrong.length ? { detail: `200 but ${wrong.map(([k]) => k).join(', ')} not as sent` } : {}),
  };
};

/** G-5..G-9: the group's members are exactly `with.ids` (any order); an absent members list is empty. */
export const memberIds: NamedCheck = (ctx, args) => {
  const want = Array.isArray(args.ids) ? args.ids.map(String) : [];
  const body = asObject(ctx.body);
  if (!body)
    return { passed: false, expected: want, actual: ctx.body === undefined ? '(no JSON body)' : typeof ctx.body };
  const members = Array.isArray(body.members) ? (body.members as unknown[]) : [];
  const got = members.map((m) => String(asObject(m)?.value));
  const { passed, problems } = compareIds(want, got);
  return { passed, expected: want.length ? want : '(no members)', actual: problems || got };
};

/**
 * G-6: removing a member who is not in the group. Okta accepts 200 or 204; RFC 7644 §3.5.2.2
 * also lets a server answer 400 noTarget when the filter matches nothing. Anything else fails.
 */
export const removeNonMember: NamedCheck = (ctx) => {
  const status = ctx.response.status;
  const expected = '200 or 204, or 400 with scimType noTarget';
  if (status === 200 || status === 204) return { passed: true, actual: status, expected };
  const scimType = asObject(ctx.body)?.scimType;
  if (status === 400 && scimType === 'noTarget') return { passed: true, actual: '400 noTarget', expected };
  return {
    passed: false,
    actual: `${status}${scimType ? ` ${String(scimType)}` : ''}`,
    expected,
    detail: status === 400 ? 'a 400 here must say scimType "noTarget" (RFC 7644 §3.12)' : undefined,
  };
};
