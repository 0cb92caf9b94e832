import { describe, expect, test } from 'vitest';
import { canonicalPath, parseExternalName } from './external-name.js';
import { renderPayload } from './payload.js';
import { CORE_URN, ENTERPRISE_URN } from './namespaces.js';

describe('externalName syntax', () => {
  test.each([
    ['userName', 'username'],
    ['name.givenName', 'name.givenname'],
    ['emails.^[primary==true].value', 'emails.[primary==true].value'],
    ["emails.^[type=='work'].value", 'emails.[type==work].value'],
    ['photos.^[type==photo].value', 'photos.[type==photo].value'],
    ['emails.[2].value', 'emails.[2].value'],
    ['manager.value', 'manager.value'],
  ])('%s parses', (text, canonical) => {
    const r = parseExternalName(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(canonicalPath(r.segments)).toBe(canonical);
  });

  test.each([
    ['emails[type eq "work"].value', 6],
    ["emails.^[type == 'work'].value", 9],
    ['emails.^[type==\u2018work\u2019].value', 15],
    ['emails.^[primary==true.value', 7],
    ['name..givenName', 5],
    ['name.', 4],
    ['', 0],
  ])('%s is rejected at offset %i', (text, offset) => {
    const r = parseExternalName(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.offset).toBe(offset);
  });

  test('a URN in externalName is recognised', () => {
    const r = parseExternalName(`${ENTERPRISE_URN}:department`);
    expect(!r.ok && r.hasUrn).toBe(true);
  });
});

describe('payload placement', () => {
  const seg = (t: string) => {
    const r = parseExternalName(t);
    if (!r.ok) throw new Error(r.message);
    return r.segments;
  };
  test('core, filtered multi-valued, enterprise and custom namespaces', () => {
    const custom = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
    const body = renderPayload(
      [
        { namespace: CORE_URN, segments: seg('name.givenName'), value: 'Ann' },
        { namespace: CORE_URN, segments: seg('emails.^[primary==true].value'), value: 'a@x.io' },
        { namespace: CORE_URN, segments: seg('emails.^[primary==true].type'), value: 'work' },
        { namespace: CORE_URN, segments: seg("phoneNumbers.^[type=='mobile'].value"), value: '+1' },
        { namespace: CORE_URN, segments: seg('nickName'), value: null },
        { namespace: ENTERPRISE_URN, segments: seg('manager.value'), value: '00u9' },
        { namespace: custom, segments: seg('badge'), value: 'B1' },
      ],
      { userName: 'ann', externalId: '00u1' },
    );
    expect(body).toEqual({
      schemas: [CORE_URN, ENTERPRISE_URN, custom],
      userName: 'ann',
      name: { givenName: 'Ann' },
      emails: [{ primary: true, value: 'a@x.io', type: 'work' }],
      phoneNumbers: [{ type: 'mobile', value: '+1' }],
      [ENTERPRISE_URN]: { manager: { value: '00u9' } },
      [custom]: { badge: 'B1' },
      externalId: '00u1',
      active: true,
    });
  });
});
