import { describe, expect, it } from 'vitest';
import { findAll, parseStrictXml } from '../../test/helpers/strict-xml.js';
import { escapeXml, escapeXmlAttr, renderXml, stripInvalidXmlChars } from './xml.js';

describe('escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });
  it('strips characters XML 1.0 forbids but keeps tab, newlines and astral characters', () => {
    const input = 'a\u0000b\u0008c\u001bd\uFFFEe\uFFFFf\uD800g\tnl\n\r😀';
    expect(stripInvalidXmlChars(input)).toBe('abcdefg\tnl\n\r😀');
  });
  it('keeps whitespace in attributes as character references', () => {
    expect(escapeXmlAttr('a\nb\tc')).toBe('a&#10;b&#9;c');
  });
});

describe('renderXml + strict reader', () => {
  it('round-trips hostile text through a well-formed document', () => {
    const hostile = `<x a="1"> & ' ]]> \u0000 \u001b[31m`;
    const xml = renderXml({ name: 'root', attrs: { v: hostile }, children: [{ name: 'child', text: hostile }] });
    const root = parseStrictXml(xml);
    const expected = `<x a="1"> & ' ]]>  [31m`;
    expect(root.attrs.v).toBe(expected);
    expect(findAll(root, 'child')[0].text).toBe(expected);
  });
  it('the reader rejects malformed documents (so the JUnit test can fail)', () => {
    expect(() => parseStrictXml('<a><b></a></b>')).toThrow(/does not close/);
    expect(() => parseStrictXml('<a>x & y</a>')).toThrow(/bare "&"/);
    expect(() => parseStrictXml('<a>\u0001</a>')).toThrow(/forbids/);
    expect(() => parseStrictXml('<a b=1/>')).toThrow(/malformed/);
    expect(() => parseStrictXml('<a>')).toThrow(/unclosed/);
    expect(() => parseStrictXml('<a/><b/>')).toThrow(/after the root/);
  });
});
