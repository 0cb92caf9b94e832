// Tokens of the SCIM filter language (RFC 7644 §3.4.2.2).

export class FilterError extends Error {
  /** 0-based character offset in the filter text where the problem was found. */
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

export type Token =
  | { kind: '(' | ')' | '[' | ']' | 'eof'; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'word'; text: string; pos: number };

const NUMBER_RE = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const PUNCT = new Set(['(', ')', '[', ']']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (PUNCT.has(ch)) {
      tokens.push({ kind: ch as '(' | ')' | '[' | ']', pos: i });
      i++;
    } else if (ch === '"') {
      const end = scanString(text, i);
      tokens.push({ kind: 'string', value: decodeString(text.slice(i, end), i), pos: i });
      i = end;
    } else {
      const start = i;
      while (i < text.length && !/[\s"]/.test(text.charAt(i)) && !PUNCT.has(text.charAt(i))) i++;
      const word = text.slice(start, i);
      if (NUMBER_RE.test(word)) tokens.push({ kind: 'number', value: Number(word), pos: start });
      else tokens.push({ kind: 'word', text: word, pos: start });
    }
  }
  tokens.push({ kind: 'eof', pos: text.length });
  return tokens;
}

/** Index just past the closing quote of the string starting at `start`. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  throw new FilterError('unterminated string', start);
}

function decodeString(literal: string, pos: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new FilterError(`invalid string literal ${literal}`, pos);
  }
}
