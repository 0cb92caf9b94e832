import { describe, expect, it } from 'vitest';
import { findKey, getCi } from './attribute-path.js';

describe('findKey / getCi', () => {
  it('prefers the exact key, then any key equal ignoring case', () => {
    expect(findKey({ userName: 1, username: 2 }, 'username')).toBe('username');
    expect(findKey({ UserName: 1 }, 'userName')).toBe('UserName');
    expect(getCi({ Name: { GivenName: 'Ada' } }, 'name')).toEqual({ GivenName: 'Ada' });
    expect(findKey({ émail: 1 }, 'ÉMAIL')).toBe('émail');
  });

  it('sees own keys only: "constructor" or "toString" is not an attribute of a JSON object', () => {
    expect(findKey({}, 'constructor')).toBeUndefined();
    expect(getCi({ a: 1 }, 'toString')).toBeUndefined();
    expect(findKey(JSON.parse('{"__proto__": 1}') as Record<string, unknown>, '__proto__')).toBe('__proto__');
  });

  it('a non-object has no key', () => {
    expect(getCi('userName', 'length')).toBeUndefined();
    expect(getCi(['a'], '0')).toBeUndefined();
  });
});
