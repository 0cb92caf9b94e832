import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, parseJson, textDepth } from './json-depth.js';

describe('parseJson', () => {
  it('parses ordinary JSON', () => {
    expect(parseJson('{"a":[1,{"b":"[[[["}]}')).toEqual({ a: [1, { b: '[[[[' }] });
    expect(textDepth('{"a":"\\"[[["}')).toBe(1);
  });

  it('refuses 100,000 levels of nesting without a stack overflow, as a SyntaxError', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJson(deep)).toThrow(JsonTooDeepError);
    expect(() => parseJson(deep)).toThrow(SyntaxError);
    expect(() => parseJson('[[1]]', 1)).toThrow(/deeper than 1 levels/);
  });
});

describe('textDepth', () => {
  /** The plain character-by-character scan, for comparison. */
  function reference(text: string): number {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
      else if (ch === ']' || ch === '}') depth--;
    }
    return max;
  }

  it('skips strings (escaped quotes and backslashes included) as a character scan does', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const alphabet = ['"', '\\', '[', ']', '{', '}', 'a', ':', ','];
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]).join('');
      expect([text, textDepth(text)]).toEqual([text, reference(text)]);
    }
    expect(textDepth('[{"a":"x\\\\"},["\\\\\\"[[["]]')).toBe(2);
  });
});
