// --schemas FILE: accepted shapes, and a malformed file is one UsageError line with file:line:col.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { readDeclaredSchemasFile } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const userSchema = { id: USER, attributes: [{ name: 'userName', type: 'string', required: true }] };
const userType = { name: 'User', endpoint: '/Users', schema: USER, schemaExtensions: [] };

function usageError(file: string): UsageError {
  try {
    readDeclaredSchemasFile(file);
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('--schemas file', () => {
  it('reads {Schemas, ResourceTypes} as lists (JSON)', () => {
    const model = readDeclaredSchemasFile(
      write('a.json', JSON.stringify({ Schemas: [userSchema], ResourceTypes: [userType] })),
    );
    expect(model.schemas.map((s) => s.id)).toEqual([USER]);
    expect(model.resourceTypes.map((r) => r.endpoint)).toEqual(['/Users']);
  });

  it('reads a saved GET /Schemas answer as it comes (one ListResponse, its `schemas` member the URN)', () => {
    const saved = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      Resources: [userSchema],
    };
    const model = readDeclaredSchemasFile(write('saved.json', JSON.stringify(saved)));
    expect(model.schemas.map((s) => s.id)).toEqual([USER]);
    expect(model.resourceTypes.map((r) => r.endpoint)).toEqual(['/Users']);
  });

  it('reads a pair of ListResponses (YAML), sorting schemas from resource types', () => {
    const text = `- schemas: [urn:ietf:params:scim:api:messages:2.0:ListResponse]\n  Resources:\n    - ${JSON.stringify(userType)}\n- Resources:\n    - ${JSON.stringify(userSchema)}\n`;
    const model = readDeclaredSchemasFile(write('b.yaml', text));
    expect(model.schemas.map((s) => s.id)).toEqual([USER]);
    expect(model.resourceTypes.map((r) => r.name)).toEqual(['User']);
  });

  it('reads {Schemas: ListResponse} without resource types (the RFC User type is implied)', () => {
    const model = readDeclaredSchemasFile(
      write('c.yaml', `Schemas:\n  Resources:\n    - ${JSON.stringify(userSchema)}\n`),
    );
    expect(model.resourceTypes.map((r) => r.endpoint)).toEqual(['/Users']);
  });

  it('a YAML syntax error points at its line and column', () => {
    const err = usageError(write('d.yaml', 'Schemas:\n  - id: "x\n'));
    expect(err.oneLine()).toMatch(/d\.yaml:\d+:\d+: /);
  });

  it('an unknown attribute type points at the type member', () => {
    const file = write(
      'e.yaml',
      ['Schemas:', `  - id: ${USER}`, '    attributes:', '      - name: userName', '        type: text', ''].join('\n'),
    );
    expect(usageError(file).oneLine()).toBe(
      `${file}:5:15: attribute userName: unknown type "text" (valid: string, boolean, decimal, integer, dateTime, binary, reference, complex)`,
    );
  });

  it('a schema without id, a resource type without endpoint, a file without schemas', () => {
    expect(usageError(write('f.yaml', 'Schemas:\n  - attributes: []\n')).oneLine()).toMatch(
      /f\.yaml:2:5: schema definition needs an "id"/,
    );
    expect(
      usageError(
        write('g.yaml', `Schemas: [${JSON.stringify(userSchema)}]\nResourceTypes:\n  - schema: ${USER}\n`),
      ).oneLine(),
    ).toMatch(/g\.yaml:3:5: resource type needs "endpoint"/);
    expect(usageError(write('h.yaml', 'ResourceTypes: []\n')).oneLine()).toMatch(
      /h\.yaml:1:1: no schema definitions found/,
    );
  });

  it('a missing file is a UsageError naming the flag', () => {
    expect(usageError(path.join(dir, 'nope.json')).oneLine()).toBe(
      `--schemas ${path.join(dir, 'nope.json')}: cannot read (ENOENT)`,
    );
  });
});
