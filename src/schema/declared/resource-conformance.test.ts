import { describe, expect, it } from 'vitest';
import { parseDeclared } from './parse.js';
import { checkConformance, declaresUserOrGroup } from './resource-conformance.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../scim/urns.js';

const EXT = 'urn:example:params:scim:schemas:extension:acme:2.0:User';

// Spelled the way some servers do: capitalised types, which the parser lower-cases.
const model = parseDeclared(
  {
    Resources: [
      {
        id: USER_SCHEMA,
        attributes: [
          { name: 'userName', type: 'String', required: true },
          { name: 'active', type: 'Boolean' },
          { name: 'hiredAt', type: 'DateTime' },
          { name: 'secret', type: 'string', required: true, returned: 'Never' },
          {
            name: 'emails',
            type: 'Complex',
            multiValued: true,
            subAttributes: [
              { name: 'value', type: 'string' },
              { name: 'primary', type: 'boolean' },
            ],
          },
        ],
      },
      { id: EXT, attributes: [{ name: 'badge', type: 'integer' }] },
    ],
  },
  undefined,
);

const check = (resource: Record<string, unknown>) => checkConformance(resource, 'User', model);

describe('checkConformance (one resource against the declared schemas)', () => {
  it('a conforming user has no problem, whatever the case of its attribute names', () => {
    const user = {
      schemas: [USER_SCHEMA, EXT],
      id: '1',
      USERNAME: 'ann',
      active: true,
      hiredAt: '2024-05-01T09:00:00Z',
      emails: [{ value: 'a@example.com', Primary: true }],
      [EXT]: { badge: 7 },
      meta: { resourceType: 'User' },
    };
    expect(check(user)).toEqual([]);
  });

  it('types are compared case-insensitively: a declared "DateTime" still rejects a value that is no date', () => {
    expect(check({ userName: 'ann', hiredAt: 'last tuesday' })).toEqual([
      {
        code: 'SERVER_SCHEMA_TYPE_MISMATCH',
        attribute: 'hiredAt',
        value: 'last tuesday',
        message: 'hiredAt should be dateTime, got "last tuesday"',
      },
    ]);
    expect(check({ userName: 'ann', active: 'yes' }).map((p) => p.message)).toEqual([
      'active should be boolean, got "yes"',
    ]);
  });

  it('reports required attributes missing (empty counts as missing; returned:never ones are not expected)', () => {
    expect(check({ userName: '' })).toEqual([
      {
        code: 'SERVER_SCHEMA_REQUIRED_MISSING',
        attribute: 'userName',
        message: "userName is required by the server's User schema",
      },
    ]);
  });

  it('checks multiplicity, sub-attributes and extension attributes; null is unassigned', () => {
    const problems = check({
      userName: 'ann',
      active: null,
      emails: { value: 'a@example.com' },
      [EXT]: { badge: 'seven' },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'emails should be a multi-valued array, got {"value":"a@example.com"}',
      `${EXT}:badge should be integer, got "seven"`,
    ]);
    expect(check({ userName: 'ann', emails: [{ primary: 'yes' }] }).map((p) => p.attribute)).toEqual([
      'emails.primary',
    ]);
    expect(check({ userName: ['ann'] }).map((p) => p.message)).toEqual([
      'userName should be a single string, got ["ann"]',
    ]);
  });

  it('reports attributes and extensions the server never declared', () => {
    const problems = check({ userName: 'ann', favouriteColour: 'teal', 'urn:other:ext': { x: 1 } });
    expect(problems.map((p) => [p.code, p.attribute])).toEqual([
      ['SERVER_SCHEMA_UNDECLARED', 'favouriteColour'],
      ['SERVER_SCHEMA_UNDECLARED', 'urn:other:ext'],
    ]);
    expect(problems[0]?.message).toBe("favouriteColour is not declared in the server's User schema or its extensions");
  });

  it('a kind whose core schema is not declared is not checked', () => {
    expect(checkConformance({ anything: 1 }, 'Group', model)).toEqual([]);
    expect(declaresUserOrGroup(model)).toBe(true);
    expect(declaresUserOrGroup(parseDeclared({ Resources: [{ id: EXT, attributes: [] }] }, undefined))).toBe(false);
    expect(declaresUserOrGroup(parseDeclared([{ id: GROUP_SCHEMA.toUpperCase(), attributes: [] }], undefined))).toBe(
      true,
    );
  });
});
