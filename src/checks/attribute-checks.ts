// Named checks about User attributes, called by suites (`check: user-profile`) through
// the registry. Each takes the parsed response body (a User or a ListResponse of Users)
// and returns passed/actual/expected/detail; none of them prints or throws on bad data.
import { resolveValues } from '../profile/attribute-resolver.js';
import { checkUser } from '../profile/check-user.js';
import { classifyLanguage } from '../profile/language.js';
import type { AttributeFinding, AttributeProfile, LanguageFormat } from '../profile/types.js';
import { isObject } from '../util/object.js';
import { findKey } from '../scim/attribute-path.js';

export interface AttributeCheckContext {
  body: unknown;
  request: { body?: unknown };
  profile: AttributeProfile;
  languageFormat: LanguageFormat;
}

export interface AttributeCheckOutcome {
  passed: boolean;
  actual?: unknown;
  expected?: unknown;
  detail?: string;
  /** At most a warning: the profile does not demand what was checked. */
  cap?: 'should';
}

interface LocatedUser {
  where: string; // '' for the body itself, `Resources[2]` in a list
  user: Record<string, unknown>;
}

/** The Users a body holds: each Resource of a ListResponse, or the body itself. */
function usersIn(body: unknown): LocatedUser[] {
  if (!isObject(body)) return [];
  const resources = body.Resources;
  if (Array.isArray(resources)) {
    return resources.flatMap((user, i) => (isObject(user) ? [{ where: `Resources[${i}]`, user }] : []));
  }
  return [{ where: '', user: body }];
}

const notAnObject = (body: unknown): AttributeCheckOutcome => ({
  passed: false,
  actual: body === null ? null : Array.isArray(body) ? 'array' : typeof body,
  expected: 'a JSON object',
  detail: 'the body is not a JSON object',
});

function describeFindings(located: { where: string; finding: AttributeFinding }[]): string {
  return located
    .map(
      ({ where, finding }) => `[${finding.severity}] ${where ? `${where}: ` : ''}${finding.message} (${finding.code})`,
    )
    .join('\n');
}

function runProfile(ctx: AttributeCheckContext, profile: AttributeProfile): AttributeCheckOutcome {
  if (!isObject(ctx.body)) return notAnObject(ctx.body);
  const located = usersIn(ctx.body).flatMap(({ where, user }) =>
    checkUser(user, profile, { languageFormat: ctx.languageFormat }).map((finding) => ({ where, finding })),
  );
  const mustFailures = located.filter((l) => l.finding.severity === 'must');
  return {
    passed: mustFailures.length === 0,
    ...(located.length > 0
      ? { actual: located.map((l) => (l.where ? `${l.where}: ${l.finding.code}` : l.finding.code)) }
      : {}),
    expected: `every User meets profile ${profile.name}`,
    ...(located.length > 0 ? { detail: describeFindings(located) } : {}),
  };
}

/** Every User carries the profile's mandatory attributes (non-empty). */
export function mandatoryAttributes(ctx: AttributeCheckContext, _args: Record<string, unknown>): AttributeCheckOutcome {
  const outcome = runProfile(ctx, { ...ctx.profile, formats: [] });
  return { ...outcome, expected: ctx.profile.mandatory.map((m) => m.attribute) };
}

/** Every rule of the profile: mandatory attributes and formats; fails on must-level findings. */
export function userProfile(ctx: AttributeCheckContext, _args: Record<string, unknown>): AttributeCheckOutcome {
  return runProfile(ctx, ctx.profile);
}

/** `with: {format}` wins, then a format the profile fixes for the attribute, then the run's. */
function languageFormatFor(
  ctx: AttributeCheckContext,
  attribute: string,
  args: Record<string, unknown>,
): LanguageFormat | string {
  if (args.format !== undefined) return String(args.format);
  const rule = ctx.profile.formats.find((f) => f.attribute.toLowerCase() === attribute.toLowerCase());
  if (rule?.format === 'iso639-1' || rule?.format === 'bcp47') return rule.format;
  return ctx.languageFormat;
}

/** preferredLanguage (or `with: {attribute}`), when present, has the required format. */
export function preferredLanguage(ctx: AttributeCheckContext, args: Record<string, unknown>): AttributeCheckOutcome {
  const attribute = typeof args.attribute === 'string' ? args.attribute : 'preferredLanguage';
  const format = languageFormatFor(ctx, attribute, args);
  if (format !== 'iso639-1' && format !== 'bcp47') {
    return { passed: false, detail: `check argument format must be iso639-1 or bcp47, got ${JSON.stringify(format)}` };
  }
  if (!isObject(ctx.body)) return notAnObject(ctx.body);
  const problems: string[] = [];
  const values: unknown[] = [];
  let mustFailure = false;
  for (const { where, user } of usersIn(ctx.body)) {
    for (const value of resolveValues(user, attribute)) {
      values.push(value);
      const verdict = classifyLanguage(value, format);
      if (verdict.ok) continue;
      mustFailure ||= verdict.severity === 'must';
      problems.push(
        `[${verdict.severity}] ${where ? `${where}.` : ''}${attribute} ${JSON.stringify(value)} ${verdict.message} (${verdict.code})`,
      );
    }
  }
  return {
    passed: !mustFailure,
    actual: values.length === 1 ? values[0] : values,
    expected: format === 'iso639-1' ? 'an ISO 639-1 code such as "en"' : 'a BCP 47 language tag such as "en-US"',
    detail: values.length === 0 ? `${attribute} is not present (nothing to check)` : problems.join('\n') || undefined,
  };
}

/** The preferredLanguage sent in the request comes back unchanged (Eptura-style servers rewrite it). */
export function preferredLanguageRoundTrip(
  ctx: AttributeCheckContext,
  args: Record<string, unknown>,
): AttributeCheckOutcome {
  const attribute = typeof args.attribute === 'string' ? args.attribute : 'preferredLanguage';
  const sent = resolveValues(ctx.request.body, attribute)[0];
  if (sent === undefined)
    return { passed: false, detail: `the request body sent no ${attribute}; nothing to compare (suite error)` };
  if (!isObject(ctx.body)) return notAnObject(ctx.body);
  const returned = resolveValues(ctx.body, attribute)[0];
  if (returned === sent) return { passed: true, actual: returned, expected: sent };
  const changed =
    returned === undefined
      ? `${attribute} was sent but not returned`
      : typeof returned === 'string' && typeof sent === 'string' && returned.toLowerCase() === sent.toLowerCase()
        ? `${attribute} came back with its case changed`
        : `${attribute} came back changed`;
  // Only a target that demands the round trip (its profile says so) fails on it; elsewhere it is a warning.
  if (ctx.profile.preferredLanguage?.roundTrip)
    return { passed: false, actual: returned, expected: sent, detail: changed };
  return {
    passed: false,
    actual: returned,
    expected: sent,
    cap: 'should',
    detail: `${changed}; profile ${ctx.profile.name} does not demand the round trip, so this is a warning`,
  };
}

/** `password` is never returned (RFC 7643 §4.1.1: returned "never"). The value is never echoed. */
export function noPassword(ctx: AttributeCheckContext, _args: Record<string, unknown>): AttributeCheckOutcome {
  if (!isObject(ctx.body)) return notAnObject(ctx.body);
  const found = usersIn(ctx.body)
    .filter(({ user }) => findKey(user, 'password') !== undefined)
    .map(({ where }) => (where ? `${where}.password` : 'password'));
  if (isObject(ctx.body) && Array.isArray(ctx.body.Resources) && findKey(ctx.body, 'password') !== undefined) {
    found.unshift('password');
  }
  return found.length === 0
    ? { passed: true, expected: 'no password attribute' }
    : {
        passed: false,
        actual: found,
        expected: 'no password attribute',
        detail: `password returned at ${found.join(', ')} (value not shown)`,
      };
}

const COUNTERS = ['totalResults', 'startIndex', 'itemsPerPage'] as const;

/** totalResults/startIndex/itemsPerPage are integers and Resources is an array (Okta's connector test). */
export function listCountersIntegers(ctx: AttributeCheckContext, args: Record<string, unknown>): AttributeCheckOutcome {
  if (!isObject(ctx.body)) return notAnObject(ctx.body);
  const body = ctx.body;
  const problems: string[] = [];
  for (const name of COUNTERS) {
    const value = body[name];
    if (value === undefined) problems.push(`${name} is missing`);
    else if (!Number.isInteger(value))
      problems.push(`${name} is ${JSON.stringify(value)} (${typeof value}), not an integer`);
  }
  if (args.requireResources !== false && !Array.isArray(body.Resources)) {
    problems.push(
      body.Resources === undefined ? 'Resources is missing' : `Resources is ${typeof body.Resources}, not an array`,
    );
  }
  const actual = Object.fromEntries([...COUNTERS, 'Resources'].map((name) => [name, kindOf(body[name])]));
  return {
    passed: problems.length === 0,
    actual,
    expected: { totalResults: 'integer', startIndex: 'integer', itemsPerPage: 'integer', Resources: 'array' },
    ...(problems.length > 0 ? { detail: problems.join('; ') } : {}),
  };
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
