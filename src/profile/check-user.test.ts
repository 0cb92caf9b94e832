import { describe, expect, it } from 'vitest';
import { checkUser } from './check-user.js';
import { loadProfile } from './load.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A user every bundled profile accepts. */
const compliant = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  userName: 'bjensen@example.com',
  externalId: '00u1abcd',
  name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' },
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  active: true,
  preferredLanguage: 'en',
  locale: 'en-US',
  timezone: 'Europe/Amsterdam',
  title: 'Engineer',
  [ENTERPRISE]: { employeeNumber: '701984' },
};

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe.each(['okta-minimum', 'eptura', 'eptura-engage'])('checkUser with %s', (name) => {
  const profile = loadProfile(name);

  it('finds nothing wrong with a compliant user', () => {
    expect(checkUser(compliant, profile, { languageFormat: 'iso639-1' })).toEqual([]);
  });

  it('reports each missing mandatory attribute as must-level', () => {
    const { userName: _u, name: _n, emails: _e, ...faulty } = compliant;
    const findings = checkUser(faulty, profile, { languageFormat: 'iso639-1' });
    const missing = findings.filter((f) => f.code === 'ATTR_MANDATORY_MISSING');
    expect(missing.map((f) => f.attribute)).toEqual(
      expect.arrayContaining(['userName', 'name.givenName', 'name.familyName']),
    );
    expect(missing.some((f) => f.attribute.startsWith('emails['))).toBe(true);
    expect(missing.every((f) => f.severity === 'must' && f.ref)).toBe(true);
  });

  it('reports an empty userName as empty, not missing', () => {
    const findings = checkUser({ ...compliant, userName: '  ' }, profile, { languageFormat: 'iso639-1' });
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'ATTR_MANDATORY_EMPTY', attribute: 'userName', value: '  ' }),
    );
  });

  it('reports a badly formatted email', () => {
    const user = { ...compliant, emails: [{ value: 'not-an-email', type: 'work', primary: true }] };
    expect(codes(checkUser(user, profile, { languageFormat: 'iso639-1' }))).toEqual(['EMAIL_INVALID']);
  });

  it('reports a legacy locale at should level and a bad timezone', () => {
    const user = { ...compliant, locale: 'en_US', timezone: 'Mars/Olympus' };
    const findings = checkUser(user, profile, { languageFormat: 'iso639-1' });
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'LOCALE_UNDERSCORE_LEGACY',
        severity: 'should',
        attribute: 'locale',
        value: 'en_US',
      }),
    );
    expect(codes(findings)).toContain('TIMEZONE_INVALID');
  });
});

describe('profile-specific rules', () => {
  it('okta-minimum requires active and accepts a region-tagged language in bcp47 mode only', () => {
    const profile = loadProfile('okta-minimum');
    const { active: _a, ...inactive } = compliant;
    expect(codes(checkUser(inactive, profile, { languageFormat: 'bcp47' }))).toEqual(['ATTR_MANDATORY_MISSING']);
    const regional = { ...compliant, preferredLanguage: 'en-US' };
    expect(checkUser(regional, profile, { languageFormat: 'bcp47' })).toEqual([]);
    expect(codes(checkUser(regional, profile, { languageFormat: 'iso639-1' }))).toEqual(['LANG_REGION_TAG']);
  });

  it('okta-minimum reports active sent as a string', () => {
    const findings = checkUser({ ...compliant, active: 'true' }, loadProfile('okta-minimum'), {
      languageFormat: 'bcp47',
    });
    expect(codes(findings)).toEqual(['ATTR_NOT_BOOLEAN']);
  });

  it('eptura insists on ISO 639-1 whatever the run setting, one code per failure kind', () => {
    const profile = loadProfile('eptura');
    const cases: [string, string][] = [
      ['en-US', 'LANG_REGION_TAG'],
      ['en_US', 'LANG_UNDERSCORE_LOCALE'],
      ['fr, en;q=0.8', 'LANG_ACCEPT_LANGUAGE_LIST'],
      ['FR', 'LANG_UPPERCASE'],
      ['zz', 'LANG_UNKNOWN_CODE'],
    ];
    for (const [value, code] of cases) {
      const findings = checkUser({ ...compliant, preferredLanguage: value }, profile, { languageFormat: 'bcp47' });
      expect(findings).toEqual([
        expect.objectContaining({ code, severity: 'must', attribute: 'preferredLanguage', value }),
      ]);
      expect(findings[0].ref).toMatch(/ISO 639-1/);
    }
  });

  it('eptura accepts a primary email that is not typed work', () => {
    const user = { ...compliant, emails: [{ value: 'b@example.com', type: 'home', primary: true }] };
    expect(checkUser(user, loadProfile('eptura'), { languageFormat: 'iso639-1' })).toEqual([]);
  });

  it('eptura-engage also requires externalId; eptura does not', () => {
    const { externalId: _x, ...withoutExternalId } = compliant;
    expect(checkUser(withoutExternalId, loadProfile('eptura'), { languageFormat: 'iso639-1' })).toEqual([]);
    const findings = checkUser(withoutExternalId, loadProfile('eptura-engage'), { languageFormat: 'iso639-1' });
    expect(findings).toEqual([expect.objectContaining({ code: 'ATTR_MANDATORY_MISSING', attribute: 'externalId' })]);
  });

  it('eptura treats locale and timezone problems as should-level only', () => {
    const findings = checkUser({ ...compliant, timezone: 'Mars/Olympus' }, loadProfile('eptura'), {
      languageFormat: 'iso639-1',
    });
    expect(findings).toEqual([expect.objectContaining({ code: 'TIMEZONE_INVALID', severity: 'should' })]);
  });
});
