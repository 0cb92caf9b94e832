import { describe, expect, it } from 'vitest';
import {
  listCountersIntegers,
  mandatoryAttributes,
  noPassword,
  preferredLanguage,
  preferredLanguageRoundTrip,
  userProfile,
  type AttributeCheckContext,
} from './attribute-checks.js';
import { loadProfile } from '../profile/load.js';
import type { LanguageFormat } from '../profile/types.js';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

const user = (overrides: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'u1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  active: true,
  ...overrides,
});

const list = (...resources: unknown[]) => ({
  schemas: [LIST],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

function ctx(
  body: unknown,
  opts: { profile?: string; languageFormat?: LanguageFormat; requestBody?: unknown } = {},
): AttributeCheckContext {
  return {
    body,
    request: { body: opts.requestBody },
    profile: loadProfile(opts.profile ?? 'okta-minimum'),
    languageFormat: opts.languageFormat ?? 'iso639-1',
  };
}

describe('mandatoryAttributes', () => {
  it('passes for a compliant User and for a list of them', () => {
    expect(mandatoryAttributes(ctx(user()), {}).passed).toBe(true);
    expect(mandatoryAttributes(ctx(list(user(), user({ id: 'u2' }))), {}).passed).toBe(true);
  });

  it('checks every Resource and says which one lacks what', () => {
    const outcome = mandatoryAttributes(ctx(list(user(), user({ name: { givenName: 'B' } }))), {});
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toEqual(['Resources[1]: ATTR_MANDATORY_MISSING']);
    expect(outcome.detail).toContain('Resources[1]: Last name: name.familyName is missing');
    expect(outcome.expected).toContain('name.familyName');
  });

  it('ignores format problems (that is userProfile)', () => {
    expect(mandatoryAttributes(ctx(user({ preferredLanguage: 'en-US' })), {}).passed).toBe(true);
  });

  it('fails on a body that is not an object', () => {
    expect(mandatoryAttributes(ctx([user()]), {})).toMatchObject({ passed: false, actual: 'array' });
    expect(mandatoryAttributes(ctx(null), {})).toMatchObject({ passed: false, actual: null });
  });
});

describe('preferredLanguage', () => {
  it('uses the run format for a `language` rule', () => {
    expect(preferredLanguage(ctx(user({ preferredLanguage: 'en-US' }), { languageFormat: 'bcp47' }), {}).passed).toBe(
      true,
    );
    const strict = preferredLanguage(ctx(user({ preferredLanguage: 'en-US' })), {});
    expect(strict).toMatchObject({ passed: false, actual: 'en-US' });
    expect(strict.detail).toContain('LANG_REGION_TAG');
  });

  it('keeps the ISO 639-1 rule of the eptura profile even in a bcp47 run', () => {
    const outcome = preferredLanguage(
      ctx(user({ preferredLanguage: 'en_US' }), { profile: 'eptura', languageFormat: 'bcp47' }),
      {},
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toContain('LANG_UNDERSCORE_LOCALE');
  });

  it('lets `with: {format}` override', () => {
    expect(
      preferredLanguage(ctx(user({ preferredLanguage: 'en-US' }), { profile: 'eptura' }), { format: 'bcp47' }).passed,
    ).toBe(true);
    expect(preferredLanguage(ctx(user()), { format: 'iso-639' })).toMatchObject({ passed: false });
  });

  it('passes when absent and checks each Resource of a list', () => {
    expect(preferredLanguage(ctx(user()), {})).toMatchObject({
      passed: true,
      detail: expect.stringContaining('not present'),
    });
    const outcome = preferredLanguage(
      ctx(list(user({ preferredLanguage: 'fr' }), user({ preferredLanguage: 'zz' }))),
      {},
    );
    expect(outcome).toMatchObject({ passed: false, actual: ['fr', 'zz'] });
    expect(outcome.detail).toContain('Resources[1].preferredLanguage "zz"');
  });

  it('passes a should-level finding but mentions it', () => {
    const outcome = preferredLanguage(
      ctx(user({ preferredLanguage: 'fr, en;q=0.8' }), { languageFormat: 'bcp47' }),
      {},
    );
    expect(outcome.passed).toBe(true);
    expect(outcome.detail).toContain('[should]');
  });
});

describe('preferredLanguageRoundTrip', () => {
  it('passes when the value comes back unchanged', () => {
    const outcome = preferredLanguageRoundTrip(
      ctx(user({ preferredLanguage: 'en' }), { requestBody: user({ preferredLanguage: 'en' }) }),
      {},
    );
    expect(outcome).toEqual({ passed: true, actual: 'en', expected: 'en' });
  });

  it.each([
    ['en-US', 'en', 'changed'],
    ['en-US', 'en-us', 'case changed'],
    ['en-US', undefined, 'not returned'],
  ])('sent %j, got %j -> fails (%s)', (sent, returned, reason) => {
    const outcome = preferredLanguageRoundTrip(
      ctx(user({ preferredLanguage: returned }), { requestBody: user({ preferredLanguage: sent }) }),
      {},
    );
    expect(outcome).toMatchObject({ passed: false, expected: sent, actual: returned });
    expect(outcome.detail).toContain(reason);
  });

  it('fails loudly when the suite sent nothing to compare', () => {
    expect(preferredLanguageRoundTrip(ctx(user(), { requestBody: user() }), {}).detail).toMatch(
      /sent no preferredLanguage/,
    );
  });
});

describe('noPassword', () => {
  it('passes without a password and never echoes one', () => {
    expect(noPassword(ctx(user()), {}).passed).toBe(true);
    const outcome = noPassword(ctx(list(user(), user({ Password: 's3cret!' }))), {});
    expect(outcome).toMatchObject({ passed: false, actual: ['Resources[1].password'] });
    expect(JSON.stringify(outcome)).not.toContain('s3cret!');
  });

  it('finds a password on a single User body', () => {
    expect(noPassword(ctx(user({ password: 'x' })), {})).toMatchObject({ passed: false, actual: ['password'] });
  });
});

describe('listCountersIntegers', () => {
  it('passes for integer counters and an empty Resources array', () => {
    expect(listCountersIntegers(ctx(list()), {}).passed).toBe(true);
  });

  it('fails on string counters and says which', () => {
    const outcome = listCountersIntegers(ctx({ ...list(user()), totalResults: '1', startIndex: 1.5 }), {});
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toMatchObject({
      totalResults: 'string',
      startIndex: 'number',
      itemsPerPage: 'integer',
      Resources: 'array',
    });
    expect(outcome.detail).toContain('totalResults is "1" (string), not an integer');
    expect(outcome.detail).toContain('startIndex is 1.5');
  });

  it('fails when Resources is missing unless the suite allows it', () => {
    const body = { schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0 };
    expect(listCountersIntegers(ctx(body), {})).toMatchObject({ passed: false, detail: 'Resources is missing' });
    expect(listCountersIntegers(ctx(body), { requireResources: false }).passed).toBe(true);
  });
});

describe('userProfile', () => {
  it('fails on any must-level finding and lists should-level ones too', () => {
    const outcome = userProfile(ctx(list(user({ locale: 'en_US' }), user({ active: 'yes' }))), {});
    expect(outcome.passed).toBe(false);
    expect(outcome.actual).toEqual(['Resources[0]: LOCALE_UNDERSCORE_LEGACY', 'Resources[1]: ATTR_NOT_BOOLEAN']);
    expect(outcome.detail).toMatch(/\[should\] Resources\[0\]/);
  });

  it('passes with only should-level findings', () => {
    expect(userProfile(ctx(user({ locale: 'en_US' })), {}).passed).toBe(true);
  });

  it('applies the eptura-engage profile (externalId)', () => {
    const outcome = userProfile(ctx(user({ preferredLanguage: 'en' }), { profile: 'eptura-engage' }), {});
    expect(outcome).toMatchObject({ passed: false, actual: ['ATTR_MANDATORY_MISSING'] });
    expect(outcome.detail).toContain('externalId');
  });
});
