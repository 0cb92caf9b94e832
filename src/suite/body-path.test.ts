import { describe, expect, it } from 'vitest';
import { BodyPathError, getAll, getPath } from './body-path.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user = {
  id: 'u-1',
  userName: 'ada@example.test',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [
    { type: 'home', value: 'home@example.test', primary: false },
    { type: 'Work', value: 'work@example.test', primary: true },
  ],
  [ENTERPRISE]: { employeeNumber: '42', manager: { value: 'boss' } },
  nickName: null,
};
const list = { totalResults: 1, Resources: [user], members: [{ value: 'abc', display: 'A' }, { value: 'def' }] };

describe('getPath', () => {
  it.each([
    ['id', 'u-1'],
    ['$.id', 'u-1'],
    ['name.givenName', 'Ada'],
    ['emails[1].value', 'work@example.test'],
    ['emails[-1].type', 'Work'],
    ['emails.value', 'home@example.test'],
    ['emails.length', 2],
    [`${ENTERPRISE}.employeeNumber`, '42'],
    [`${ENTERPRISE}:employeeNumber`, '42'],
    [`${ENTERPRISE}.manager.value`, 'boss'],
    [ENTERPRISE, { employeeNumber: '42', manager: { value: 'boss' } }],
  ])('%s', (path, expected) => {
    expect(getPath(user, path)).toEqual({ found: true, value: expected });
  });

  it('returns the whole body for $', () => {
    expect(getPath(list, '$')).toEqual({ found: true, value: list });
  });

  it('walks list responses', () => {
    expect(getPath(list, 'Resources[0].name.givenName').value).toBe('Ada');
    expect(getPath(list, 'Resources.length').value).toBe(1);
    expect(getPath(list, '$.Resources[0].emails[type eq "work"].value').value).toBe('work@example.test');
  });

  it('prefers the exact key, then matches case-insensitively', () => {
    expect(getPath({ userName: 'exact', USERNAME: 'other' }, 'USERNAME').value).toBe('other');
    expect(getPath({ userName: 'exact' }, 'USERNAME').value).toBe('exact');
    expect(getPath(user, 'NAME.GIVENNAME').value).toBe('Ada');
  });

  it('filters multi-valued attributes and yields the first match', () => {
    expect(getPath(user, 'emails[type eq "WORK"].value').value).toBe('work@example.test');
    expect(getPath(user, 'emails[primary eq true].value').value).toBe('work@example.test');
    expect(getPath(user, 'emails[primary eq false and type eq "home"].type').value).toBe('home');
    expect(getPath(user, 'emails[type ne "work"].value').value).toBe('home@example.test');
    expect(getPath(list, 'members[value eq "abc"]').value).toEqual({ value: 'abc', display: 'A' });
    expect(getPath(list, 'members[value eq "zzz"]')).toEqual({ found: false });
  });

  it('reports missing paths as not found, and a present null as found', () => {
    expect(getPath(user, 'title')).toEqual({ found: false });
    expect(getPath(user, 'name.middleName')).toEqual({ found: false });
    expect(getPath(user, 'emails[5].value')).toEqual({ found: false });
    expect(getPath(user, 'nickName')).toEqual({ found: true, value: null });
    expect(getPath('not json', 'id')).toEqual({ found: false });
    expect(getPath(user, 'urn:example:missing:1.0:User.x')).toEqual({ found: false });
  });
});

describe('getAll', () => {
  it('returns every match in order', () => {
    expect(getAll(user, 'emails.value')).toEqual(['home@example.test', 'work@example.test']);
    expect(getAll(list, 'members[value pr].value')).toEqual(['abc', 'def']);
    expect(getAll(user, 'emails[type eq "fax"]')).toEqual([]);
  });
});

describe('parse errors', () => {
  it.each([
    ['', /invalid body path "": the path is empty/],
    ['emails[type eq "work"', /invalid body path "emails\[type eq "work"": expected "\]"/],
    ['emails[type eq "work].value', /unterminated string/],
    ['name..givenName', /expected an attribute name at column 6/],
    ['$id', /unexpected "i" at column 2/],
    ['emails[type zz "x"]', /invalid body path "emails\[type zz "x"\]"/],
  ])('%s', (path, message) => {
    expect(() => getPath(user, path)).toThrow(BodyPathError);
    expect(() => getPath(user, path)).toThrow(message);
  });
});
