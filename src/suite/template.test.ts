import { describe, expect, it } from 'vitest';
import { createRunInfo, renderValue, templateReferences, TemplateError, type TemplateScope } from './template.js';

const run = createRunInfo('ab12cd');
const scope: TemplateScope = {
  captures: { userId: 'u-1', count: 3, user: { emails: [{ value: 'a@x.test' }] }, shadowed: 'capture' },
  variables: { groupName: 'Engineers', shadowed: 'variable', flags: { on: true } },
  run,
};

describe('renderValue', () => {
  it('keeps the type of a whole-string template', () => {
    expect(renderValue('${{ count }}', scope)).toBe(3);
    expect(renderValue('${{flags.on}}', scope)).toBe(true);
    expect(renderValue('${{ flags }}', scope)).toEqual({ on: true });
    expect(renderValue('${{ 42 }}', scope)).toBe(42);
  });

  it('interpolates inside longer strings', () => {
    expect(renderValue('/Users/${{ userId }}', scope)).toBe('/Users/u-1');
    expect(renderValue('${{ count }} of ${{ groupName }}', scope)).toBe('3 of Engineers');
    expect(renderValue('x=${{ flags }}', scope)).toBe('x={"on":true}');
  });

  it('renders objects and arrays recursively, leaving non-strings alone', () => {
    const body = { userName: '${{ userId }}', n: 5, list: ['${{ count }}', null, { deep: 'g-${{ groupName }}' }] };
    expect(renderValue(body, scope)).toEqual({ userName: 'u-1', n: 5, list: [3, null, { deep: 'g-Engineers' }] });
  });

  it('looks up captures, then variables, then run', () => {
    expect(renderValue('${{ shadowed }}', scope)).toBe('capture');
    expect(renderValue('${{ groupName }}', scope)).toBe('Engineers');
    expect(renderValue('${{ run.id }}/${{ run.prefix }}', scope)).toBe('ab12cd/scimcheck-ab12cd');
    expect(renderValue('${{ user.emails[0].value }}', scope)).toBe('a@x.test');
  });

  it('calls builtins', () => {
    expect(renderValue('${{ upper(\'ab\') }}${{ lower("CD") }}', scope)).toBe('ABcd');
    expect(renderValue("${{ concat('a', count, '-', userId) }}", scope)).toBe('a3-u-1');
    expect(renderValue("${{ urlencode('a b\"c') }}", scope)).toBe('a%20b%22c');
    expect(renderValue('${{ json(flags) }}', scope)).toBe('{"on":true}');
    expect(renderValue('${{ add(count, 1) }}', scope)).toBe(4);
    expect(renderValue('${{ lt(count, 10) }}', scope)).toBe(true);
    expect(renderValue('${{ not(eq(count, 3)) }}', scope)).toBe(false);
    expect(renderValue('${{ len(user.emails) }}', scope)).toBe(1);
    expect(renderValue('${{ uuid() }}', scope)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(renderValue('${{ randomHex(12) }}', scope)).toMatch(/^[0-9a-f]{12}$/);
    expect(renderValue('${{ randomDigits() }}', scope)).toMatch(/^\d{6}$/);
    expect(Date.parse(renderValue('${{ now() }}', scope) as string)).not.toBeNaN();
  });

  it('stamps the run prefix into every generated identity', () => {
    expect(renderValue('${{ randomEmail() }}', scope)).toMatch(/^scimcheck-ab12cd-[0-9a-f]{6}@example\.test$/);
    expect(renderValue("${{ randomEmail('jane') }}", scope)).toMatch(
      /^scimcheck-ab12cd-jane-[0-9a-f]{6}@example\.test$/,
    );
    expect(renderValue("${{ uniqueName('group') }}", scope)).toMatch(/^scimcheck-ab12cd-group-[0-9a-f]{6}$/);
    expect(renderValue('${{ uniqueName() }}', scope)).not.toBe(renderValue('${{ uniqueName() }}', scope));
    expect(createRunInfo().prefix).toMatch(/^scimcheck-[0-9a-f]{6}$/);
  });

  it('reports unknown names and functions with the expression text', () => {
    expect(() => renderValue('/Users/${{ userid }}', scope)).toThrow(
      'template "${{ userid }}": unknown name "userid" (not a capture, suite variable or run.*)',
    );
    expect(() => renderValue('${{ user.phone }}', scope)).toThrow('"user" has no "phone"');
    expect(() => renderValue('${{ nope(1) }}', scope)).toThrow('template "${{ nope(1) }}": unknown function "nope"');
    expect(() => renderValue('${{ upper() }}', scope)).toThrow('upper() takes 1 argument, got 0');
    expect(() => renderValue('${{ randomHex(0) }}', scope)).toThrow('length must be an integer 1..256');
    expect(() => renderValue('${{ a + b }}', scope)).toThrow(TemplateError);
    expect(() => renderValue('x ${{ userId', scope)).toThrow('missing closing "}}"');
  });
});

describe('templateReferences', () => {
  it('lists root names, unique, in order, without builtins', () => {
    const value = {
      path: '/Users/${{ userId }}',
      body: ["${{ concat(user.name, run.prefix, 'x') }}", '${{ userId }}', 7],
    };
    expect(templateReferences(value)).toEqual(['userId', 'user', 'run']);
    expect(templateReferences('${{ uuid() }} plain')).toEqual([]);
  });
});
