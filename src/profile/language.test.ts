import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocale, checkTimezone, classifyLanguage, isIso639_1, isWellFormedBcp47 } from './language.js';
import { checkEmail, checkFormat } from './formats.js';
import { DATA_DIR } from '../util/paths.js';

const codeOf = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'OK' : verdict.code);

describe('data/iso639-1.json', () => {
  const data = JSON.parse(readFileSync(path.join(DATA_DIR, 'iso639-1.json'), 'utf8')) as {
    count: number;
    codes: string[];
    deprecated: Record<string, string>;
  };

  it('holds the 183 current ISO 639-1 codes, each two lower-case letters, unique and sorted', () => {
    expect(data.codes).toHaveLength(183);
    expect(data.count).toBe(183);
    for (const code of data.codes) expect(code).toMatch(/^[a-z]{2}$/);
    expect(new Set(data.codes).size).toBe(183);
    expect([...data.codes].sort()).toEqual(data.codes);
  });

  it('keeps deprecated codes out of the current set', () => {
    for (const code of Object.keys(data.deprecated)) expect(data.codes).not.toContain(code);
    expect(Object.keys(data.deprecated)).toEqual(expect.arrayContaining(['bh', 'iw', 'in', 'sh']));
  });

  it('contains the codes a tester will meet and no made-up ones', () => {
    for (const code of [
      'en',
      'fr',
      'de',
      'es',
      'nl',
      'sv',
      'ja',
      'zh',
      'ar',
      'he',
      'id',
      'yi',
      'nb',
      'nn',
      'no',
      'ht',
      'zu',
    ])
      expect(isIso639_1(code)).toBe(true);
    for (const code of ['zz', 'xx', 'qq', 'en-US', 'EN', 'eng', 'bh']) expect(isIso639_1(code)).toBe(false);
  });
});

describe('classifyLanguage in iso639-1 mode', () => {
  it.each([
    ['en', 'OK'],
    ['fr', 'OK'],
    ['en-US', 'LANG_REGION_TAG'],
    ['zh-Hant', 'LANG_REGION_TAG'],
    ['en_US', 'LANG_UNDERSCORE_LOCALE'],
    ['fr, en;q=0.8', 'LANG_ACCEPT_LANGUAGE_LIST'],
    ['da, en-gb;q=0.8, en;q=0.7', 'LANG_ACCEPT_LANGUAGE_LIST'],
    ['FR', 'LANG_UPPERCASE'],
    ['En', 'LANG_UPPERCASE'],
    ['zz', 'LANG_UNKNOWN_CODE'],
    ['ZZ', 'LANG_UNKNOWN_CODE'],
    ['iw', 'LANG_DEPRECATED_CODE'],
    ['eng', 'LANG_THREE_LETTER_CODE'],
    ['english', 'LANG_NOT_ISO639_1'],
    ['e', 'LANG_NOT_ISO639_1'],
    ['en--US', 'LANG_NOT_BCP47'],
    ['', 'LANG_EMPTY'],
    [' en', 'LANG_WHITESPACE'],
    [42, 'LANG_NOT_STRING'],
    [null, 'LANG_NOT_STRING'],
  ])('%j -> %s', (value, code) => {
    expect(codeOf(classifyLanguage(value, 'iso639-1'))).toBe(code);
  });

  it('tells how to fix a region tag', () => {
    const verdict = classifyLanguage('en-US', 'iso639-1');
    expect(verdict.ok === false && verdict.message).toContain('"en"');
    expect(verdict.ok === false && verdict.severity).toBe('must');
  });
});

describe('classifyLanguage in bcp47 mode', () => {
  it.each([
    ['en', 'OK'],
    ['en-US', 'OK'],
    ['EN-us', 'OK'],
    ['zh-Hant-TW', 'OK'],
    ['es-419', 'OK'],
    ['zh-yue-HK', 'OK'],
    ['de-DE-1996', 'OK'],
    ['en-US-x-twain', 'OK'],
    ['haw', 'OK'],
    ['en_US', 'LANG_UNDERSCORE_LOCALE'],
    ['zz', 'LANG_UNKNOWN_CODE'],
    ['zz-ZZ', 'LANG_UNKNOWN_CODE'],
    ['english', 'LANG_UNKNOWN_CODE'],
    ['en--US', 'LANG_NOT_BCP47'],
    ['en-', 'LANG_NOT_BCP47'],
    ['de-DE-1996-1996', 'LANG_NOT_BCP47'],
    ['e', 'LANG_NOT_BCP47'],
    ['fr, en;q=0.8', 'LANG_ACCEPT_LANGUAGE_LIST'],
    ['fr, !!;q=0.8', 'LANG_NOT_BCP47'],
    ['iw', 'LANG_DEPRECATED_CODE'],
  ])('%j -> %s', (value, code) => {
    expect(codeOf(classifyLanguage(value, 'bcp47'))).toBe(code);
  });

  it('treats an Accept-Language list (allowed by RFC 7643) as should-level', () => {
    const verdict = classifyLanguage('fr, en;q=0.8', 'bcp47');
    expect(verdict.ok === false && verdict.severity).toBe('should');
  });
});

describe('isWellFormedBcp47', () => {
  it('accepts what RFC 5646 accepts and rejects the rest', () => {
    for (const tag of ['en', 'sr-Latn-RS', 'x-private', 'en-a-bbb-x-a-ccc']) expect(isWellFormedBcp47(tag)).toBe(true);
    for (const tag of ['', 'en_US', '123', 'en-US-', 'a-DE', 'en-a-bbb-a-ccc'])
      expect(isWellFormedBcp47(tag)).toBe(false);
  });
});

describe('checkLocale', () => {
  it.each([
    ['en-US', 'OK'],
    ['fr', 'OK'],
    ['en_US', 'LOCALE_UNDERSCORE_LEGACY'],
    ['zz_ZZ', 'LOCALE_INVALID'],
    ['zz-ZZ', 'LOCALE_INVALID'],
    ['english (US)', 'LOCALE_INVALID'],
    ['', 'LOCALE_INVALID'],
    [7, 'LOCALE_INVALID'],
  ])('%j -> %s', (value, code) => {
    expect(codeOf(checkLocale(value))).toBe(code);
  });

  it('reports the underscore form at should level with the hyphenated fix', () => {
    const verdict = checkLocale('en_US');
    expect(verdict).toMatchObject({ ok: false, severity: 'should' });
    expect(verdict.ok === false && verdict.message).toContain('"en-US"');
  });
});

describe('checkTimezone', () => {
  it.each([
    ['America/Los_Angeles', 'OK'],
    ['Europe/Amsterdam', 'OK'],
    ['UTC', 'OK'],
    ['Etc/UTC', 'OK'],
    ['Etc/GMT+5', 'OK'],
    ['US/Pacific', 'OK'],
    ['america/new_york', 'TIMEZONE_CASE'],
    ['Foo/Bar', 'TIMEZONE_INVALID'],
    ['+01:00', 'TIMEZONE_INVALID'],
    ['PST8PDT ', 'TIMEZONE_INVALID'],
    ['', 'TIMEZONE_INVALID'],
    [null, 'TIMEZONE_INVALID'],
  ])('%j -> %s', (value, code) => {
    expect(codeOf(checkTimezone(value))).toBe(code);
  });
});

describe('checkEmail and checkFormat', () => {
  it.each([
    ['bjensen@example.com', 'OK'],
    ['first.last+tag@sub.example.co.uk', 'OK'],
    ['jöns@exämple.se', 'OK'],
    ['bjensen', 'EMAIL_INVALID'],
    ['b jensen@example.com', 'EMAIL_INVALID'],
    ['bjensen@example', 'EMAIL_INVALID'],
    ['a..b@example.com', 'EMAIL_INVALID'],
    ['a@-example.com', 'EMAIL_INVALID'],
    ['a@b@example.com', 'EMAIL_INVALID'],
    [5, 'EMAIL_INVALID'],
  ])('%j -> %s', (value, code) => {
    expect(codeOf(checkEmail(value))).toBe(code);
  });

  it('dispatches by format, with `language` following the run setting', () => {
    expect(codeOf(checkFormat('en-US', 'language', 'bcp47'))).toBe('OK');
    expect(codeOf(checkFormat('en-US', 'language', 'iso639-1'))).toBe('LANG_REGION_TAG');
    expect(codeOf(checkFormat('en-US', 'iso639-1', 'bcp47'))).toBe('LANG_REGION_TAG');
    expect(codeOf(checkFormat('true', 'boolean', 'bcp47'))).toBe('ATTR_NOT_BOOLEAN');
    expect(codeOf(checkFormat(' ', 'non-empty-string', 'bcp47'))).toBe('ATTR_EMPTY_STRING');
    expect(codeOf(checkFormat('/relative', 'uri', 'bcp47'))).toBe('URI_INVALID');
    expect(codeOf(checkFormat('https://example.com/u/1', 'uri', 'bcp47'))).toBe('OK');
  });
});
