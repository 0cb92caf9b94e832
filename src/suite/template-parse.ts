// Syntax of a `${{ expr }}` expression: names, literals and function calls. No evaluation here.

export class TemplateError extends Error {
  readonly code = 'SCIM_TEMPLATE';
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`template "\${{ ${expression.trim()} }}": ${reason}`);
    this.name = 'TemplateError';
  }
}

export type TemplateExpression =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'name'; path: (string | number)[] }
  | { kind: 'call'; name: string; args: TemplateExpression[] };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|([().,[\]-]))/y;

type Token = { type: 'number' | 'string' | 'ident' | 'punct'; text: string; at: number };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (expression.slice(pos).trim() !== '') {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(expression);
    if (!m) {
      const at = pos + (expression.slice(pos).length - expression.slice(pos).trimStart().length);
      throw new TemplateError(expression, `unexpected "${expression[at]}" at column ${at + 1}`);
    }
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) tokens.push({ type: 'number', text: m[1], at });
    else if (m[2] !== undefined) tokens.push({ type: 'string', text: m[2], at });
    else if (m[3] !== undefined) tokens.push({ type: 'ident', text: m[3], at });
    else tokens.push({ type: 'punct', text: m[4] ?? '', at });
    pos = TOKEN.lastIndex;
  }
  return tokens;
}

const unquote = (quoted: string): string => quoted.slice(1, -1).replace(/\\(.)/g, '$1');

/** Parse the text between `${{` and `}}`. Throws TemplateError naming the expression. */
export function parseTemplateExpression(expression: string): TemplateExpression {
  const tokens = tokenize(expression);
  let i = 0;
  const fail = (reason: string): never => {
    throw new TemplateError(expression, reason);
  };
  const peek = (): Token | undefined => tokens[i];
  const take = (text: string): boolean => (peek()?.type === 'punct' && peek()?.text === text ? (i++, true) : false);

  const primary = (): TemplateExpression => {
    const token = tokens[i++];
    if (!token) return fail('expected a value');
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'literal', value: unquote(token.text) };
    const negated = token.type === 'punct' && token.text === '-' ? peek() : undefined;
    if (negated?.type === 'number') {
      i++;
      return { kind: 'literal', value: -Number(negated.text) };
    }
    if (token.type !== 'ident') return fail(`unexpected "${token.text}" at column ${token.at + 1}`);
    if (['true', 'false', 'null'].includes(token.text)) {
      return { kind: 'literal', value: token.text === 'null' ? null : token.text === 'true' };
    }
    if (take('(')) return { kind: 'call', name: token.text, args: callArgs() };
    return { kind: 'name', path: [token.text, ...accessors()] };
  };

  const callArgs = (): TemplateExpression[] => {
    const args: TemplateExpression[] = [];
    if (take(')')) return args;
    do args.push(primary());
    while (take(','));
    if (!take(')')) fail('expected ")" to close the call');
    return args;
  };

  const accessors = (): (string | number)[] => {
    const path: (string | number)[] = [];
    for (;;) {
      if (take('.')) {
        const name = tokens[i++];
        if (name?.type !== 'ident') return fail('expected a name after "."');
        path.push(name.text);
      } else if (take('[')) {
        const index = tokens[i++];
        if (index?.type === 'number' && Number.isInteger(Number(index.text))) path.push(Number(index.text));
        else if (index?.type === 'string') path.push(unquote(index.text));
        else fail('expected an index or a quoted key inside "[]"');
        if (!take(']')) fail('expected "]"');
      } else return path;
    }
  };

  if (tokens.length === 0) fail('the expression is empty');
  const result = primary();
  const extra = tokens[i];
  if (extra) fail(`unexpected "${extra.text}" at column ${extra.at + 1}`);
  return result;
}
