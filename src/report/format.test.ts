import { describe, expect, it } from 'vitest';
import { compactJson, formatDuration, formatSeconds, plural, truncate, visibleControls } from './format.js';

describe('formatDuration', () => {
  it('uses ms below a second, seconds below a minute, then minutes', () => {
    expect(formatDuration(0)).toBe('0ms');
    expect(formatDuration(849.6)).toBe('850ms');
    expect(formatDuration(1234)).toBe('1.23s');
    expect(formatDuration(123_400)).toBe('2m 03.4s');
    expect(formatDuration(Number.NaN)).toBe('0ms');
  });
  it('gives JUnit seconds with three decimals', () => {
    expect(formatSeconds(1234)).toBe('1.234');
    expect(formatSeconds(-5)).toBe('0.000');
  });
});

describe('compactJson', () => {
  it('keeps strings quoted so "200" and 200 differ', () => {
    expect(compactJson('200')).toBe('"200"');
    expect(compactJson(200)).toBe('200');
    expect(compactJson(undefined)).toBe('undefined');
    expect(compactJson({ a: [1, 2] })).toBe('{"a":[1,2]}');
  });
  it('truncates long values and says how much was dropped', () => {
    const out = compactJson('y'.repeat(500));
    expect(out.startsWith(`"${'y'.repeat(199)}…`)).toBe(true);
    expect(out.endsWith('(+302 chars)')).toBe(true);
  });
  it('survives cyclic values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(compactJson(cyclic)).toBe('[object Object]');
  });
  it('never splits a surrogate pair', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀😀… (+1 chars)');
  });
});

describe('visibleControls', () => {
  it('makes terminal control characters visible', () => {
    expect(visibleControls('a\u001b[2Jb\u009bc\r')).toBe('a\\u001b[2Jb\\u009bc\\u000d');
    expect(visibleControls('x\ny\tz', true)).toBe('x\ny\tz');
    expect(visibleControls('x\ny')).toBe('x\\u000ay');
    expect(visibleControls('a\uD800b😀\uDC00')).toBe('a\\ud800b😀\\udc00');
  });
  it('pluralises', () => {
    expect(plural(1, 'check')).toBe('1 check');
    expect(plural(2, 'check')).toBe('2 checks');
  });
});
