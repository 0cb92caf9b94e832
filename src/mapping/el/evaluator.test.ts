import { describe, expect, test } from 'vitest';
import { evaluate, type EvalContext, type EvalOutcome } from './evaluator.js';
import { parseExpression } from './parser.js';

const ALICE: EvalContext = {
  user: {
    firstName: 'Alice',
    lastName: 'Martin',
    email: 'alice@okta.com',
    locale: 'en_US',
    preferredLanguage: 'en-US',
    employeeNumber: '1234',
    tags: ['a', 'b'],
    empty: '',
  },
  internal: { id: '00u1', status: 'ACTIVE' },
};

function run(src: string, ctx: EvalContext = ALICE): EvalOutcome {
  const p = parseExpression(src);
  if (!p.ok) throw new Error(p.error.message);
  return evaluate(p.ast, ctx);
}
const value = (src: string, ctx?: EvalContext) => {
  const r = run(src, ctx);
  if (r.kind !== 'value') throw new Error(`${src}: ${r.kind}: ${r.reason}`);
  return r.value;
};

describe('documented function examples (Okta EL reference)', () => {
  test.each([
    ['String.append("This is", " a test")', 'This is a test'],
    ['String.join(",", "This", "is", "a", "test")', 'This,is,a,test'],
    ['String.len("This")', 4],
    ['String.removeSpaces("This is a test")', 'Thisisatest'],
    ['String.replace("This is a test", "is", "at")', 'That at a test'],
    ['String.replaceFirst("This is a test", "is", "at")', 'That is a test'],
    ['String.startsWith("Kiss", "K")', true],
    ['String.stringContains("This is a test", "test")', true],
    ['String.stringSwitch("First match wins","default","absent","value1","wins","value2","match","value3")', 'value2'],
    ['String.stringSwitch("Substrings count","default","ring","value1")', 'value1'],
    ['String.stringSwitch("nothing","default","x","y")', 'default'],
    ['String.substring("This is a test", 2, 9)', 'is is a'],
    ['String.substringAfter("abc@okta.com", "@")', 'okta.com'],
    ['String.substringBefore("abc@okta.com", "@")', 'abc'],
    ['String.toUpperCase("This")', 'THIS'],
    ['String.toLowerCase("This")', 'this'],
    ['substring("Alexander", 1, 4)', 'lex'],
    ['toUpperCase(user.firstName)', 'ALICE'],
    ['Arrays.contains({10,20,30},10)', true],
    ['Arrays.size(NULL)', 0],
    ['Arrays.isEmpty(NULL)', true],
    ['Arrays.toCsvString({"This","is"," a ","test"})', 'This,is, a ,test'],
    ['Arrays.add({1,2}, 3)', [1, 2, 3]],
    ['Arrays.remove({1,2,1}, 1)', [2]],
    ['Arrays.clear({1,2})', []],
    ['Arrays.get({"a","b"}, 1)', 'b'],
    ['Arrays.flatten({1,{2,3}}, 4)', [1, 2, 3, 4]],
    ['Arrays.size("a,b,c")', 3],
    ['Convert.toInt("1234")', 1234],
    ['Convert.toInt(123.4)', 123],
    ['Convert.toInt(123.6)', 124],
    ['Convert.toNum("3.141")', 3.141],
  ])('%s', (src, expected) => {
    expect(value(src)).toEqual(expected);
  });
});

describe('operators and references', () => {
  test.each([
    ['user.firstName + " " + user.lastName', 'Alice Martin'],
    ["(user.email != null && user.email != '') ? 'work' : ''", 'work'],
    [
      'user.employeeNumber != "" AND user.employeeNumber != null ? user.employeeNumber : user.nonEmployeeNumber',
      '1234',
    ],
    ['String.toLowerCase(String.substringBefore(user.email, "@"))', 'alice'],
    ['String.substringBefore(user.locale, "_")', 'en'],
    ['String.replace(user.locale, "_", "-")', 'en-US'],
    ['user.missing ?: "fallback"', 'fallback'],
    ['user.empty ?: "fallback"', 'fallback'],
    ['user.firstName ?: "fallback"', 'Alice'],
    ['user.tags[1]', 'b'],
    ['1 + 2', 3],
    ['5 - 2', 3],
    ['2 < 3', true],
    ['"b" >= "a"', true],
    ['!(1 == 2)', true],
    ['user.missing == null', true],
    ['"1" == 1', false],
    ['user.getInternalProperty("id")', '00u1'],
    ['source.firstName', 'Alice'],
    ['"n" + 1', 'n1'],
  ])('%s', (src, expected) => {
    expect(value(src)).toEqual(expected);
  });

  test('short-circuit: the right side of a false && is never evaluated', () => {
    expect(value('user.missing != null && String.len(user.missing) > 0')).toBe(false);
  });
});

describe('null rules and what is not guessed', () => {
  test.each([
    ['user.firstName + " " + user.middleName', 'null in a concatenation'],
    ['String.toUpperCase(user.middleName)', 'null argument'],
    ['String.substringBefore("abc", "@")', 'does not occur'],
    ['user.middleName ? "a" : "b"', 'not a boolean'],
    ['user.middleName < 3', "'<' between"],
    ['Iso3166Convert.toAlpha3("US")', 'not evaluated offline'],
    ['Time.now()', 'not evaluated offline'],
    ['isMemberOfGroupName("Admins")', 'not evaluated offline'],
    ['String.nope("x")', 'unknown function'],
    ['appuser.firstName', 'needs data outside the user profile'],
    ['user.getLinkedObject("manager")', 'needs data outside'],
    ['user.title matches "x"', "operator 'matches'"],
    ['user.tags[5]', 'outside the array'],
    ['Convert.toInt(user.middleName)', 'Convert.toInt(null)'],
  ])('%s is NOT_EVALUATED', (src, reason) => {
    const r = run(src);
    expect(r.kind).toBe('not-evaluated');
    if (r.kind === 'not-evaluated') expect(r.reason).toContain(reason);
  });

  test('the not-evaluated span points at the null operand', () => {
    const r = run('user.firstName + user.middleName');
    expect(r.kind === 'not-evaluated' && r.span).toEqual({ start: 17, end: 32 });
  });

  test.each([
    ['Convert.toInt("abc")', 'cannot convert'],
    ['String.substring("abc", 1, 9)', 'out of range'],
    ['Convert.toNum("x1")', 'cannot convert'],
  ])('%s fails as Okta would', (src, reason) => {
    const r = run(src);
    expect(r.kind).toBe('failed');
    if (r.kind === 'failed') expect(r.reason).toContain(reason);
  });
});
