import { describe, expect, test } from 'vitest';
import { parseExpression } from './parser.js';
import type { ExprNode } from './types.js';

function ast(src: string): ExprNode {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`parse failed: ${r.error.message} @${r.error.offset}`);
  return r.ast;
}
function error(src: string) {
  const r = parseExpression(src);
  if (r.ok) throw new Error(`expected a syntax error for ${src}`);
  return r.error;
}

/** Compact S-expression of the tree, to assert structure and precedence. */
function show(n: ExprNode): string {
  switch (n.kind) {
    case 'literal':
      return JSON.stringify(n.value);
    case 'identifier':
      return n.name;
    case 'member':
      return `${show(n.object)}.${n.property}`;
    case 'call':
      return `${show(n.callee)}(${n.args.map(show).join(', ')})`;
    case 'index':
      return `${show(n.object)}[${show(n.index)}]`;
    case 'array':
      return `{${n.items.map(show).join(', ')}}`;
    case 'unary':
      return `(${n.op}${show(n.operand)})`;
    case 'binary':
    case 'logical':
      return `(${show(n.left)} ${n.op} ${show(n.right)})`;
    case 'conditional':
      return `(${show(n.test)} ? ${show(n.consequent)} : ${show(n.alternate)})`;
    case 'elvis':
      return `(${show(n.left)} ?: ${show(n.right)})`;
  }
}

describe('parser: structure and precedence', () => {
  test.each([
    ['user.firstName + " " + user.lastName', '((user.firstName + " ") + user.lastName)'],
    [
      "(user.email != null && user.email != '') ? 'work' : ''",
      '(((user.email != null) && (user.email != "")) ? "work" : "")',
    ],
    ['a.b == 1 || c.d == 2 && e.f == 3', '((a.b == 1) || ((c.d == 2) && (e.f == 3)))'],
    ['user.x != "" AND user.x != null ? user.x : user.y', '(((user.x != "") && (user.x != null)) ? user.x : user.y)'],
    ['NOT user.active OR user.a', '((!user.active) || user.a)'],
    ['user.nick ?: user.firstName', '(user.nick ?: user.firstName)'],
    [
      'String.toLowerCase(String.substringBefore(user.email, "@"))',
      'String.toLowerCase(String.substringBefore(user.email, "@"))',
    ],
    ['{1, 2, 3}[0]', '{1, 2, 3}[0]'],
    ['user.getInternalProperty("id")', 'user.getInternalProperty("id")'],
    ["'it''s'", '"it\'s"'],
    ['Arrays.size(NULL) == 0', '(Arrays.size(null) == 0)'],
    ['a.b ? c.d ? 1 : 2 : 3', '(a.b ? (c.d ? 1 : 2) : 3)'],
    ['user.title matches "(?i)eng"', '(user.title matches "(?i)eng")'],
  ])('%s', (src, expected) => {
    expect(show(ast(src))).toBe(expected);
  });

  test('every node carries its offsets in the expression', () => {
    const n = ast('user.firstName + user.lastName');
    expect(n.kind).toBe('binary');
    if (n.kind !== 'binary') return;
    expect([n.left.start, n.left.end]).toEqual([0, 14]);
    expect([n.right.start, n.right.end]).toEqual([17, 30]);
    expect(n.opSpan).toEqual({ start: 15, end: 16 });
  });

  test('decimal and integer literals are told apart', () => {
    const i = ast('12');
    const d = ast('1.5');
    expect(i.kind === 'literal' && i.numberKind).toBe('integer');
    expect(d.kind === 'literal' && d.numberKind).toBe('decimal');
  });
});

describe('parser: errors with their column', () => {
  test('curly quotes are reported at the quote', () => {
    const e = error('user.email != \u2018\u2019 ? \u2018work\u2019 : \u2018\u2019');
    expect(e.code).toBe('MAP_EL_CURLY_QUOTES');
    expect(e.offset).toBe(14);
  });
  test('curly double quotes too', () => {
    expect(error('user.a + \u201C \u201D').code).toBe('MAP_EL_CURLY_QUOTES');
  });
  test.each([
    ['user.firstName +', 'MAP_EL_SYNTAX', 16],
    ['(user.firstName', 'MAP_EL_SYNTAX', 15],
    ['user.firstName user.lastName', 'MAP_EL_SYNTAX', 15],
    ["'open", 'MAP_EL_SYNTAX', 0],
    ['user.a = "x"', 'MAP_EL_FORBIDDEN_CONSTRUCT', 7],
    ['T(java.lang.Runtime)', 'MAP_EL_FORBIDDEN_CONSTRUCT', 0],
    ['new java.io.File("x")', 'MAP_EL_FORBIDDEN_CONSTRUCT', 0],
    ['#root', 'MAP_EL_FORBIDDEN_CONSTRUCT', 0],
    ['@bean', 'MAP_EL_FORBIDDEN_CONSTRUCT', 0],
    ['user.count++', 'MAP_EL_FORBIDDEN_CONSTRUCT', 10],
    ['${source.login}', 'MAP_EL_SYNTAX', 0],
    ['user.a ? 1', 'MAP_EL_SYNTAX', 10],
    ['', 'MAP_EL_SYNTAX', 0],
    ['user.', 'MAP_EL_SYNTAX', 5],
  ])('%s', (src, code, offset) => {
    const e = error(src);
    expect(e.code).toBe(code);
    expect(e.offset).toBe(offset);
  });
});
