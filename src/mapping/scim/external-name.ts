// Okta's externalName mini-language (reference §2.3): `name.givenName`,
// `emails.^[primary==true].value`, `roles.^[type=='seatType'].value`, `emails.[2].value`.
export type FilterLiteral = string | boolean | number;

export type NameSegment =
  | { kind: 'name'; name: string }
  | { kind: 'filter'; key: string; value: FilterLiteral }
  | { kind: 'index'; index: number };

export type ExternalNameParse =
  { ok: true; segments: NameSegment[] } | { ok: false; message: string; offset: number; hasUrn?: boolean };

const CURLY = /[\u2018\u2019\u201C\u201D]/;

function parseFilter(body: string, offset: number): NameSegment | { message: string; offset: number } {
  if (/\s/.test(body)) return { message: 'whitespace inside the filter brackets', offset };
  if (/ eq /i.test(` ${body} `) || !body.includes('=='))
    return { message: `filter "${body}" must be key==value (Okta syntax), not a SCIM filter`, offset };
  const [key = '', raw = ''] = body.split('==', 2);
  if (!/^[A-Za-z$][A-Za-z0-9_$]*$/.test(key)) return { message: `invalid filter attribute "${key}"`, offset };
  if (/^'[^']*'$/.test(raw)) return { kind: 'filter', key, value: raw.slice(1, -1) };
  if (raw === 'true' || raw === 'false') return { kind: 'filter', key, value: raw === 'true' };
  if (/^\d+$/.test(raw)) return { kind: 'filter', key, value: Number(raw) };
  if (/^[A-Za-z0-9_-]+$/.test(raw)) return { kind: 'filter', key, value: raw }; // unquoted bareword, seen working
  return { message: `invalid filter value ${raw} (use 'text', true or false)`, offset: offset + key.length + 2 };
}

export function parseExternalName(text: string): ExternalNameParse {
  if (text.trim() === '') return { ok: false, message: 'externalName is empty', offset: 0 };
  if (/^urn:/i.test(text) || /:\d\.\d:User[.:]/.test(text)) {
    return {
      ok: false,
      message: 'the schema URN belongs in externalNamespace; externalName is the path inside it',
      offset: 0,
      hasUrn: true,
    };
  }
  const curly = CURLY.exec(text);
  if (curly) return { ok: false, message: `typographic quote ${curly[0]}: use a straight '`, offset: curly.index };
  const segments: NameSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('^[', i) || text[i] === '[') {
      const open = text[i] === '^' ? i + 2 : i + 1;
      const close = text.indexOf(']', open);
      if (close < 0) return { ok: false, message: 'unclosed [', offset: i };
      const body = text.slice(open, close);
      if (text[i] === '[' && !/^\d+$/.test(body))
        return { ok: false, message: `"[${body}]": use ^[key==value] for a filter or [n] for a position`, offset: i };
      const seg = text[i] === '[' ? { kind: 'index' as const, index: Number(body) } : parseFilter(body, open);
      if ('message' in seg) return { ok: false, ...seg };
      segments.push(seg);
      i = close + 1;
    } else {
      const m = /^[A-Za-z$][A-Za-z0-9_$]*/.exec(text.slice(i));
      if (!m) return { ok: false, message: `unexpected "${text[i]}"`, offset: i };
      segments.push({ kind: 'name', name: m[0] });
      i += m[0].length;
    }
    if (i < text.length) {
      if (text[i] === '[')
        return {
          ok: false,
          message: `"${text.slice(i)}": Okta selects elements with .^[key==value], e.g. emails.^[type=='work'].value`,
          offset: i,
        };
      if (text[i] !== '.') return { ok: false, message: `expected "." but found "${text[i]}"`, offset: i };
      i++;
      if (i === text.length) return { ok: false, message: 'externalName ends with "."', offset: i - 1 };
    }
  }
  if (segments[0]?.kind !== 'name')
    return { ok: false, message: 'externalName must start with an attribute name', offset: 0 };
  return { ok: true, segments };
}

/** Canonical text of a parsed name, used to find two attributes writing the same path. */
export function canonicalPath(segments: NameSegment[]): string {
  return segments
    .map((s) =>
      s.kind === 'name'
        ? s.name.toLowerCase()
        : s.kind === 'index'
          ? `[${s.index}]`
          : `[${s.key.toLowerCase()}==${String(s.value).toLowerCase()}]`,
    )
    .join('.');
}
