// The named checks' argument schemas are JSON Schema, and the loader's hand-written checker
// means by them what ajv means, for every check and a spread of values (templates aside).
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { CheckArgumentError, NAMED_CHECKS, runNamedCheck } from './registry.js';
import { checkArgs, checkRenderedArgs, type ArgSchema } from './arg-schema.js';
import { bodyPathProblem } from '../suite/static-body-path.js';

const POOL: unknown[] = [
  0,
  7,
  -1,
  1.5,
  'a',
  'User',
  'descending',
  'Resources[0]',
  'Resources[0',
  true,
  null,
  [],
  ['a', 2],
  ['a', true],
  {},
  { Resources: [] },
];

/** `with:` mappings to try for one schema: empty, an unknown key, and each argument set to each pool value. */
function samples(schema: ArgSchema): unknown[] {
  const names = Object.keys(schema.properties ?? {});
  const required = Object.fromEntries((schema.required ?? []).map((n) => [n, 'a']));
  const out: unknown[] = [{}, { surprise: 1 }, required, 'not a mapping', []];
  for (const name of names) for (const v of POOL) out.push({ ...required, [name]: v });
  return out;
}

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addFormat('body-path', (s: string) => bodyPathProblem(s) === undefined);
  return ajv;
}

describe('named check arguments', () => {
  const ajv = strictAjv();
  for (const [name, entry] of Object.entries(NAMED_CHECKS)) {
    it(`${name}: its schema is strict JSON Schema, and the checker agrees with ajv`, () => {
      const validate = ajv.compile(entry.args as object);
      for (const value of samples(entry.args)) {
        const issues = checkArgs(entry.args, value);
        expect(issues.length === 0, `${JSON.stringify(value)}: ${issues.map((i) => i.message).join('; ')}`).toBe(
          validate(value),
        );
      }
    });
  }

  it('every check says what it checks in one line', () => {
    for (const [name, entry] of Object.entries(NAMED_CHECKS)) {
      expect(entry.description.length, name).toBeGreaterThan(10);
      expect(entry.description, name).not.toContain('\n');
    }
  });

  it('a string that is exactly one template stands for any value; text around a template is a string', () => {
    const schema: ArgSchema = {
      type: 'object',
      properties: {
        n: { type: 'integer' },
        kind: { type: 'string', enum: ['a', 'b'] },
        list: { type: 'array', items: { type: 'integer' } },
      },
      additionalProperties: false,
    };
    expect(checkArgs(schema, { n: '${{ count }}', kind: '${{ k }}', list: '${{ xs }}' })).toEqual([]);
    expect(checkArgs(schema, { list: ['${{ a }}', 2] })).toEqual([]);
    expect(checkArgs(schema, { kind: 'pre-${{ k }}' })).toEqual([]); // a string; its value is known once rendered
    expect(checkArgs(schema, { n: 'n-${{ count }}' }).map((i) => i.message)).toEqual([
      'with.n must be an integer, got "n-${{ count }}"',
    ]);
    expect(checkArgs(schema, { n: '${{ a }}${{ b }}' }).map((i) => i.message)).toEqual([
      'with.n must be an integer, got "${{ a }}${{ b }}"',
    ]);
  });

  it('points at the argument at fault: its path below with, and the key of an unknown one', () => {
    const schema = NAMED_CHECKS['result-ids']!.args;
    expect(checkArgs(schema, { ids: ['a', {}], idz: 1 })).toEqual([
      { path: ['ids', 1], message: 'with.ids[1] must be a string or a number, got {}' },
      {
        path: [],
        key: 'idz',
        message: 'unknown argument with.idz; did you mean "ids"? (arguments: ids, caseVariantOf)',
      },
    ]);
  });
});

describe('a with: after its templates are rendered', () => {
  const count = NAMED_CHECKS['list-within-count']!.args;

  it('takes a number given as its text, as --var gives it, and nothing else where a number goes', () => {
    expect(checkRenderedArgs(count, { count: 5 })).toEqual([]);
    expect(checkRenderedArgs(count, { count: '5' })).toEqual([]);
    expect(checkRenderedArgs(count, { count: '-1' }).map((i) => i.message)).toEqual([
      'with.count must be >= 0, got "-1"',
    ]);
    expect(checkRenderedArgs(count, { count: 'not a number' }).map((i) => i.message)).toEqual([
      'with.count must be an integer, got "not a number"',
    ]);
    // a template left in the value is not a pass: at this point it is just text
    expect(checkRenderedArgs(count, { count: '${{ n }}' })).toHaveLength(1);
    expect(checkArgs(count, { count: '${{ n }}' })).toEqual([]);
  });

  it('stops a check from judging the server on an argument it cannot use', () => {
    const ctx = {
      body: { members: [] },
      request: {},
      response: { status: 200, headers: {}, bodyText: '{"members":[]}' },
      profile: { name: 'p', file: 'p.yaml', mandatory: [], optional: [], formats: [] },
      languageFormat: 'bcp47' as const,
    } as unknown as Parameters<typeof runNamedCheck>[1];
    // member-ids read a non-list as "no ids", and so passed on a group with no members
    expect(() => runNamedCheck('member-ids', ctx, { ids: 'u1' })).toThrow(CheckArgumentError);
    expect(() => runNamedCheck('member-ids', ctx, { ids: 'u1' })).toThrow(/with\.ids must be a list, got "u1"/);
    expect(runNamedCheck('member-ids', ctx, { ids: [] }).passed).toBe(true);
  });
});
