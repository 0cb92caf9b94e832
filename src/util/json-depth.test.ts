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
