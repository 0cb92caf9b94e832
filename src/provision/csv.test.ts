import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it("reads quoted fields with commas, doubled quotes, newlines, CRLF and a BOM, with each record's line", () => {
    const text =
      '\uFEFFlogin,title\r\nann@example.com,"Head, ""Design"""\r\nbob@example.com,"two\nlines"\n\ncy@example.com,\n';
    expect(parseCsv(text, 'u.csv')).toEqual([
      { line: 1, fields: ['login', 'title'] },
      { line: 2, fields: ['ann@example.com', 'Head, "Design"'] },
      { line: 3, fields: ['bob@example.com', 'two\nlines'] },
      { line: 6, fields: ['cy@example.com', ''] },
    ]);
  });

  it('names file:line:col of an unterminated quote and of text after a closing quote', () => {
    const err = (text: string) => {
      try {
        parseCsv(text, 'u.csv');
      } catch (e) {
        return (e as UsageError).oneLine();
      }
      return 'no error';
    };
    expect(err('login\n"ann@example.com\n')).toBe('u.csv:2:1: unterminated quoted field');
    expect(err('login,x\n"a"b,c\n')).toBe('u.csv:2:4: unexpected "b" after a closing quote');
  });
});
