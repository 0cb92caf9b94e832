import { describe, expect, test } from 'vitest';
import { analyze } from './infer.js';
import { parseExpression } from './parser.js';
import { valueShapes } from './shapes.js';
import type { ExprNode } from './types.js';

const NULLABLE = new Set(['middleName', 'nickName', 'preferredLanguage']);
const lookup = (name: string) =>
  ['firstName', 'lastName', 'middleName', 'nickName', 'email', 'locale', 'preferredLanguage'].includes(name)
    ? { type: 'string' as const, nullable: NULLABLE.has(name) }
    : undefined;
const ast = (src: string): ExprNode => {
  const p = parseExpression(src);
  if (!p.ok) throw new Error(p.error.message);
  return p.ast;
};
const hazards = (src: string) => analyze(ast(src), lookup).hazards.map((h) => `${h.kind}:${h.ref}`);

describe('null hazards', () => {
  test.each([
    ['user.firstName + " " + user.middleName + " " + user.lastName', ['null-concat:user.middleName']],
    ['user.firstName + " " + user.lastName', []],
    ['user.middleName != null ? user.firstName + " " + user.middleName : user.firstName', []],
    ['user.middleName == null ? user.firstName : user.firstName + user.middleName', []],
    ['user.middleName == null ? user.firstName + user.middleName : ""', ['null-concat:user.middleName']],
    ['user.middleName != null && user.middleName != "" ? "x" + user.middleName : ""', []],
    ['user.firstName + (user.middleName ?: "")', []],
    ['String.toUpperCase(user.middleName)', ['null-function-arg:user.middleName']],
    ['user.middleName != null && String.len(user.middleName) > 0', []],
    ['!(user.middleName == null) ? "x" + user.middleName : ""', []],
    ['user.firstName + user.unknownThing', []],
  ])('%s', (src, expected) => {
    expect(hazards(src)).toEqual(expected);
  });
});

describe('result types', () => {
  test.each([
    ['Convert.toInt(user.firstName)', 'integer', false],
    ['Convert.toNum("1")', 'number', false],
    ['user.firstName', 'string', false],
    ['user.middleName', 'string', true],
    ['user.email != null', 'boolean', false],
    ["user.email != null ? 'work' : null", 'string', true],
    ['Arrays.add({1}, 2)', 'array', false],
    ['String.len("x") + 1', 'integer', false],
    ['user.nickName ?: user.firstName', 'string', false],
    ['1 == 1 ? 1 : "x"', 'unknown', false],
  ])('%s -> %s (nullable %s)', (src, type, nullable) => {
    expect(analyze(ast(src), lookup).result).toEqual({ type, nullable });
  });

  test('a non-boolean condition and a Convert call in a condition are reported', () => {
    const issues = analyze(ast('Convert.toInt(user.firstName) ? "a" : "b"'), lookup).conditionIssues.map((i) => i.kind);
    expect(issues).toEqual(['not-boolean', 'function-not-allowed']);
  });
});

describe('value shapes for language rules', () => {
  const kinds = (src: string) => valueShapes(ast(src)).map((s) => s.kind);
  test.each([
    ['user.locale', ['okta-locale']],
    ['user.preferredLanguage', ['okta-language-range']],
    ['String.substringBefore(user.locale, "_")', ['iso639-1']],
    ['String.substring(user.locale, 0, 2)', ['iso639-1']],
    ['String.toLowerCase(String.substring(user.preferredLanguage, 0, 2))', ['iso639-1']],
    ['String.substring(user.preferredLanguage, 0, 2)', ['two-letter']],
    ['String.replace(user.locale, "_", "-")', ['bcp47-tag']],
    ['user.x != null ? user.preferredLanguage : "en"', ['okta-language-range', 'literal']],
    ['user.department', ['attribute']],
  ])('%s', (src, expected) => {
    expect(kinds(src)).toEqual(expected);
  });
});
