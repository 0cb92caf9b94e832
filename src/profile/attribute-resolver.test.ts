import { describe, expect, it } from 'vitest';
import { parseProfilePath, resolveValues } from './attribute-resolver.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  userName: 'bjensen',
  Name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { value: 'home@example.com', type: 'home' },
    { value: 'work@example.com', type: 'Work' },
    { value: 'primary@example.com', type: 'other', primary: true },
  ],
  phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'm-1' } },
};

describe('resolveValues', () => {
  it.each([
    ['userName', ['bjensen']],
    ['name.givenName', ['Barbara']],
    ['USERNAME', ['bjensen']],
    ['emails.value', ['home@example.com', 'work@example.com', 'primary@example.com']],
    ['emails[type eq "work"].value', ['work@example.com']],
    ['emails[primary eq true].value', ['primary@example.com']],
    ['emails[type eq "work" or primary eq true].value', ['work@example.com', 'primary@example.com']],
    ['emails[type eq "work" and primary eq true].value', []],
    ['phoneNumbers[type eq "work"].value', []],
    [`${ENTERPRISE}:employeeNumber`, ['701984']],
    [`${ENTERPRISE}.employeeNumber`, ['701984']],
    [`${ENTERPRISE}:manager.value`, ['m-1']],
    [`${ENTERPRISE}:department`, []],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', ['bjensen']],
    ['urn:example:custom:2.0:User:floor', []],
    ['nickName', []],
  ])('%s', (pathText, expected) => {
    expect(resolveValues(user, pathText)).toEqual(expected);
  });

  it('returns nothing for non-objects', () => {
    expect(resolveValues(null, 'userName')).toEqual([]);
    expect(resolveValues([user], 'userName')).toEqual([]);
  });
});

describe('parseProfilePath', () => {
  it.each([
    ['emails[type eq "work"', /missing "\]"/],
    ['emails[type eq].value', /bad filter/],
    ['emails[type eq "work"]value', /unexpected/],
    ['name.given name', /not an attribute name/],
    ['a.b.c', /too many levels/],
    ['name.x[type eq "a"]', /filter must follow a top-level attribute/],
  ])('rejects %s', (text, reason) => {
    expect(() => parseProfilePath(text)).toThrow(reason);
  });

  it('keeps a "]" inside a quoted filter value', () => {
    expect(resolveValues({ emails: [{ value: 'x', type: 'a]b' }] }, 'emails[type eq "a]b"].value')).toEqual(['x']);
  });
});
