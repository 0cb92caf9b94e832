import { describe, expect, it } from 'vitest';
import { FilterError, matchesFilter, parseFilter } from './filter.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  id: 'AbC-123',
  externalId: 'Ext-1',
  userName: 'Jane.Doe@example.com',
  name: { givenName: 'Jane', familyName: 'Doe' },
  active: true,
  title: '',
  loginCount: 7,
  emails: [
    { value: 'jane@work.example', type: 'work', primary: true },
    { value: 'jane@home.example', type: 'home', primary: false },
  ],
  meta: { created: '2024-01-02T03:04:05.000Z', lastModified: '2024-02-01T00:00:00Z' },
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'boss-1' } },
};

const match = (f: string) => matchesFilter(user, parseFilter(f));

describe('matchesFilter operators', () => {
  it.each([
    ['userName eq "jane.doe@example.com"', true], // userName is case-insensitive
    ['USERNAME EQ "Jane.Doe@example.com"', true], // names and operators too
    ['userName eq "john@example.com"', false],
    ['userName ne "john@example.com"', true],
    ['userName ne "JANE.DOE@example.com"', false],
    ['userName co "doe@"', true],
    ['userName co "smith"', false],
    ['userName sw "jane"', true],
    ['userName sw "doe"', false],
    ['userName ew ".COM"', true],
    ['userName ew ".org"', false],
    ['title pr', false], // empty string is not present
    ['name.givenName pr', true],
    ['nickName pr', false],
    ['loginCount gt 6', true],
    ['loginCount gt 7', false],
    ['loginCount ge 7', true],
    ['loginCount lt 7', false],
    ['loginCount le 7', true],
    ['meta.created gt "2024-01-01T00:00:00Z"', true],
    ['meta.lastModified lt "2024-01-15T00:00:00Z"', false],
    ['active eq true', true],
    ['active eq false', false],
    ['active ne false', true],
    ['nickName eq null', true],
    ['name.givenName eq "JANE"', true],
    ['id eq "abc-123"', false], // id is caseExact
    ['id eq "AbC-123"', true],
    ['externalId eq "ext-1"', false],
    ['emails eq "jane@home.example"', true], // multi-valued: any value
    ['emails.type eq "home"', true],
    ['emails[type eq "work" and primary eq true]', true],
    ['emails[type eq "home" and primary eq true]', false],
    ['emails[type eq "work"] and userName sw "j"', true],
    [`${ENTERPRISE}:employeeNumber eq "701984"`, true],
    [`${ENTERPRISE}:manager.value eq "boss-1"`, true],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "jane.doe@example.com"', true],
  ])('%s -> %s', (filter, expected) => {
    expect(match(filter)).toBe(expected);
  });
});

describe('matchesFilter logic', () => {
  it.each([
    ['userName sw "j" and active eq false', false],
    ['userName sw "x" or active eq true', true],
    ['not (active eq true)', false],
    ['not(userName eq "nobody")', true],
    ['userName eq "x" or userName eq "y" and active eq true', false],
    ['(userName eq "x" or userName sw "jane") and active eq true', true],
    ['userName eq "x" or (userName sw "jane" and not (active eq false))', true],
  ])('%s -> %s', (filter, expected) => {
    expect(match(filter)).toBe(expected);
  });

  it('and binds tighter than or', () => {
    const node = parseFilter('a eq 1 or b eq 2 and c eq 3');
    expect(node.kind).toBe('or');
  });

  it('honours a caller-supplied caseExact set', () => {
    const node = parseFilter('userName eq "JANE.DOE@EXAMPLE.COM"');
    expect(matchesFilter(user, node, { caseExactAttributes: new Set(['username']) })).toBe(false);
  });
});

describe('parseFilter errors', () => {
  it.each([
    ['', 0],
    ['userName', 8],
    ['userName eq', 11],
    ['userName equals "x"', 9],
    ['userName eq "x" and', 19],
    ['userName eq "unterminated', 12],
    ['(userName eq "x"', 16],
    ['userName eq "x")', 15],
    ['emails[type eq "work"', 21],
    ['active gt true', 7],
    ['1abc eq "x"', 0],
    ['emails[value[type eq "x"]]', 12],
    ['userName eq bare', 12],
  ])('%j fails at %i', (filter, position) => {
    let error: unknown;
    try {
      parseFilter(filter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilterError);
    expect((error as FilterError).position).toBe(position);
    expect((error as FilterError).message.length).toBeGreaterThan(5);
  });
});
