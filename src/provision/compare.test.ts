import { describe, expect, it } from 'vitest';
import { attributeNamedIn, compareSentStored, differenceCause } from './compare.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('differenceCause', () => {
  it.each([
    ['Ana@Example.com', 'ana@example.com', 'lower-cased'],
    ['abc', 'ABC', 'upper-cased'],
    [' Ann ', 'Ann', 'trimmed'],
    ['Wolfeschlegelsteinhausen', 'Wolfe', 'truncated to 5 characters'],
    ['Zoe\u0308', 'Zoë', 'Unicode normalization changed'],
    ['José', 'Jose', 'non-ASCII characters replaced'],
    ['en_US', 'en-US', 'rewritten'],
    ['', undefined, 'empty string dropped'],
    ['x', undefined, 'dropped'],
    ['10', 10, 'type changed (string to number)'],
    ['same', 'same', undefined],
  ])('%j stored as %j: %s', (sent, stored, cause) => {
    expect(differenceCause(sent, stored)).toBe(cause);
  });
});

describe('compareSentStored', () => {
  it('matches multi-valued elements by primary and type (case-insensitively), extension attributes by URN, and skips password and groups', () => {
    const sent = {
      schemas: ['x'],
      userName: 'a',
      password: 'p',
      groups: [],
      emails: [{ primary: true, value: 'A@x.com', type: 'work' }],
      phoneNumbers: [{ type: 'mobile', value: '1' }],
      [ENT]: { department: 'Sales', manager: { value: 'm', displayName: 'Boss' } },
    };
    const stored = {
      id: '1',
      userName: 'a',
      emails: [
        { value: 'other', type: 'home' },
        { primary: true, value: 'a@x.com', type: 'work' },
      ],
      phoneNumbers: [{ value: '1', type: 'Mobile' }],
      [ENT]: { department: 'Sales', manager: { value: 'm' } },
    };
    expect(compareSentStored(sent, stored)).toEqual([
      { attribute: 'emails[primary eq true].value', cause: 'lower-cased', sent: 'A@x.com', stored: 'a@x.com' },
      { attribute: 'phoneNumbers[type eq "mobile"].type', cause: 'case changed', sent: 'mobile', stored: 'Mobile' },
      { attribute: `${ENT}:manager.displayName`, cause: 'dropped', sent: 'Boss', stored: undefined },
    ]);
  });

  it('finds the one sent attribute a server error names', () => {
    const sent = { userName: 'a', title: '', [ENT]: { department: '' } };
    expect(attributeNamedIn(`${ENT}:department must not be empty`, sent)).toBe(`${ENT}:department`);
    expect(attributeNamedIn('title is required', sent)).toBe('title');
    expect(attributeNamedIn('something went wrong', sent)).toBeUndefined();
  });
});
