// Tokeniser for the Okta Expression Language mapping subset. Typographic quotes and
// SpEL constructs Okta forbids are reported with their offset instead of being guessed at.
import type { ElSyntaxError } from './types.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string; // identifier name, operator, or the decoded string value
  start: number;
  end: number;
  quote?: '"' | "'";
}

export class LexError extends Error {
  constructor(readonly detail: ElSyntaxError) {
    super(detail.message);
  }
}

const CURLY_QUOTES: Record<string, string> = {
  '\u2018': "' (U+2018 left single quotation mark)",
  '\u2019': "' (U+2019 right single quotation mark)",
  '\u201C': '" (U+201C left double quotation mark)',
  '\u201D': '" (U+201D right double quotation mark)',
  '\u00B4': "' (U+00B4 acute accent)",
};

// Longest first, so `?:` wins over `?` and `==` over `=`.
const OPERATORS = [
  '?:',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '--',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '=',
];

function fail(code: ElSyntaxError['code'], message: string, offset: number): never {
  throw new LexError({ code, message, offset });
}

function readString(src: string, start: number): Token {
  const quote = src[start] as '"' | "'";
  let i = start + 1;
  let value = '';
  while (i < src.length) {
    const ch = src[i];
    if (ch === quote) {
      // SpEL escapes a quote by doubling it: 'it''s'
      if (src[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { kind: 'string', text: value, start, end: i + 1, quote };
    }
    if (ch === '\\' && i + 1 < src.length) {
      const next = src[i + 1];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  fail('MAP_EL_SYNTAX', `unterminated string literal (opened with ${quote})`, start);
}

function readNumber(src: string, start: number): Token {
  const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(start));
  const text = m ? m[0] : src.charAt(start);
  return { kind: 'number', text, start, end: start + text.length };
}

function readForbidden(src: string, i: number): void {
  const ch = src[i];
  if (ch === '#') fail('MAP_EL_FORBIDDEN_CONSTRUCT', 'variable references (#x) are not allowed in Okta expressions', i);
  if (ch === '@') fail('MAP_EL_FORBIDDEN_CONSTRUCT', 'bean references (@x) are not allowed in Okta expressions', i);
  if (ch === '$')
    fail('MAP_EL_SYNTAX', 'template syntax ${...} belongs to username templates, not to mapping expressions', i);
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const curly = CURLY_QUOTES[ch];
    if (curly) fail('MAP_EL_CURLY_QUOTES', `typographic quote ${curly}: use a straight ' or "`, i);
    if (ch === '"' || ch === "'") {
      const t = readString(src, i);
      tokens.push(t);
      i = t.end;
      continue;
    }
    if (/\d/.test(ch)) {
      const t = readNumber(src, i);
      tokens.push(t);
      i = t.end;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      const text = m ? m[0] : ch;
      tokens.push({ kind: 'ident', text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    readForbidden(src, i);
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) fail('MAP_EL_SYNTAX', `unexpected character '${ch}'`, i);
    if (op === '++' || op === '--')
      fail('MAP_EL_FORBIDDEN_CONSTRUCT', `the ${op} operator is not allowed in Okta expressions`, i);
    if (op === '=') fail('MAP_EL_FORBIDDEN_CONSTRUCT', 'assignment (=) is not allowed; compare with ==', i);
    tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return tokens;
}
