// Each attribute feature of a declaration, turned into checks: a response that keeps
// the declaration passes, one that breaks it yields exactly the finding for it.
import { describe, expect, it } from 'vitest';
import { DeclaredSchemas, parseDeclared, type ExchangeInfo } from './index.js';
import { attributeSchema } from './to-json-schema.js';
import { parseAttribute } from './parse.js';

const CORE = 'urn:example:params:scim:schemas:core:2.0:Widget';
const EXT = 'urn:example:params:scim:schemas:extension:acme:2.0:Widget';
const BASE = 'http://127.0.0.1:9/scim/v2';

const attr = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'string', ...extra });

const schemasBody = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 2,
  Resources: [
    {
      id: CORE,
      attributes: [
        attr('label', { required: true, uniqueness: 'server' }),
        attr('enabled', { type: 'boolean' }),
        attr('weight', { type: 'decimal' }),
        attr('count', { type: 'integer' }),
        attr('since', { type: 'dateTime' }),
        attr('blob', { type: 'binary' }),
        attr('home', { type: 'reference' }),
        attr('secret', { mutability: 'writeOnly', returned: 'never' }),
        attr('pin', { mutability: 'writeOnly' }),
        attr('serial', { returned: 'always' }),
        attr('owner', { mutability: 'readOnly' }),
        attr('color', { canonicalValues: ['red', 'green'] }),
        attr('tags', { multiValued: true }),
        {
          name: 'parts',
          type: 'complex',
          multiValued: true,
          subAttributes: [
            attr('sku', { required: true }),
            attr('kind', { canonicalValues: ['bolt', 'nut'], caseExact: true }),
          ],
        },
        {
          name: 'size',
          type: 'complex',
          subAttributes: [attr('w', { type: 'integer' }), attr('h', { type: 'integer' })],
        },
      ],
    },
    { id: EXT, attributes: [attr('costCenter', { required: true })] },
  ],
};
const resourceTypesBody = [
  { name: 'Widget', endpoint: '/Widgets', schema: CORE, schemaExtensions: [{ schema: EXT, required: false }] },
];
const declared = DeclaredSchemas.compile(parseDeclared(schemasBody, resourceTypesBody));

const good = {
  schemas: [CORE],
  id: 'w1',
  externalId: 'x',
  meta: { resourceType: 'Widget' },
  label: 'a',
  serial: 's1',
  enabled: true,
};

function check(body: unknown, more: Partial<ExchangeInfo> = {}) {
  return declared.check({ method: 'GET', url: `${BASE}/Widgets/w1`, baseUrl: BASE, status: 200, body, ...more });
}
const codes = (body: unknown, more: Partial<ExchangeInfo> = {}) => check(body, more).map((c) => c.code);

describe('declared schema: conversion of each attribute type', () => {
  it.each([
    ['string', 'x', 1],
    ['boolean', true, 'true'],
    ['decimal', 1.5, '1.5'],
    ['integer', 2, 2.5],
    ['dateTime', '2024-01-02T03:04:05Z', '2nd of January'],
    ['dateTime', '2024-01-02T03:04:05', 1],
    ['binary', 'aGVsbG8=', 'not base64!'],
    ['reference', 'https://example.com/x', 42],
  ])('%s accepts %j and refuses %j', async (type, ok, bad) => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(attributeSchema(parseAttribute({ name: 'a', type })));
    expect(validate(ok)).toBe(true);
    expect(validate(bad)).toBe(false);
  });

  it('types are case-insensitive in declarations ("DateTime", "Boolean")', () => {
    expect(parseAttribute({ name: 'a', type: 'DateTime' }).type).toBe('datetime');
  });

  it('a clean resource has no findings', () => {
    expect(check(good)).toEqual([]);
  });
});

describe('declared schema: contradictions of the declaration', () => {
  it('a value of the wrong type is DECLARED_SCHEMA_TYPE (should), naming the path and both types', () => {
    const [finding] = check({ ...good, enabled: 'true' });
    expect(finding).toMatchObject({ code: 'DECLARED_SCHEMA_TYPE', severity: 'should', passed: false });
    expect(finding.actual).toContain('/enabled: declared boolean, got string "true"');
  });

  it('multiValued: a single value where a list is declared, and a list where one value is', () => {
    expect(codes({ ...good, tags: 'one' })).toEqual(['DECLARED_SCHEMA_TYPE']);
    expect(codes({ ...good, label: ['a'] })).toEqual(['DECLARED_SCHEMA_TYPE']);
  });

  it('sub-attributes: types, required sub-attributes and undeclared ones', () => {
    expect(codes({ ...good, size: { w: '3' } })).toEqual(['DECLARED_SCHEMA_TYPE']);
    expect(codes({ ...good, parts: [{ kind: 'bolt' }] })).toEqual(['DECLARED_SCHEMA_REQUIRED']);
    expect(codes({ ...good, size: { w: 1, depth: 2 } })).toEqual(['DECLARED_UNKNOWN_ATTRIBUTE']);
  });

  it('multi-valued complex attributes may carry the RFC default sub-attributes undeclared', () => {
    expect(
      codes({ ...good, parts: [{ sku: '1', primary: true, display: 'One', value: 'x', $ref: 'y', type: 'z' }] }),
    ).toEqual([]);
  });

  it('a required attribute missing is DECLARED_SCHEMA_REQUIRED, but not when attributes/excludedAttributes projected it away', () => {
    const { label: _label, ...noLabel } = good;
    expect(codes(noLabel)).toEqual(['DECLARED_SCHEMA_REQUIRED']);
    expect(codes(noLabel, { url: `${BASE}/Widgets/w1?attributes=serial` })).toEqual([]);
  });

  it('an attribute not declared (or an undeclared URN) is DECLARED_UNKNOWN_ATTRIBUTE; common attributes are not', () => {
    expect(codes({ ...good, nickname: 'n' })).toEqual(['DECLARED_UNKNOWN_ATTRIBUTE']);
    expect(codes({ ...good, 'urn:acme:custom': { a: 1 } })).toEqual(['DECLARED_UNKNOWN_ATTRIBUTE']);
    expect(codes({ ...good, id: 'w1', externalId: 'e', meta: {}, schemas: [CORE] })).toEqual([]);
  });

  it('attribute names and URNs match case-insensitively; null means unassigned', () => {
    expect(codes({ ...good, ENABLED: false, [EXT.toUpperCase()]: { COSTCENTER: 'c' }, weight: null })).toEqual([]);
  });

  it('extensions: declared attributes are checked, and required ones inside a present extension', () => {
    expect(codes({ ...good, [EXT]: { costCenter: 7 } })).toEqual(['DECLARED_SCHEMA_TYPE']);
    expect(codes({ ...good, [EXT]: {} })).toEqual(['DECLARED_SCHEMA_REQUIRED']);
  });

  it('returned:never present is DECLARED_RETURNED_NEVER (must)', () => {
    const [finding] = check({ ...good, secret: 's' });
    expect(finding).toMatchObject({ code: 'DECLARED_RETURNED_NEVER', severity: 'must' });
    expect(finding.actual).toContain('secret');
  });

  it('writeOnly returned is DECLARED_WRITE_ONLY_RETURNED (must)', () => {
    expect(check({ ...good, pin: '1234' })).toMatchObject([{ code: 'DECLARED_WRITE_ONLY_RETURNED', severity: 'must' }]);
  });

  it('returned:always missing is DECLARED_RETURNED_ALWAYS, even when the client asked for other attributes', () => {
    const { serial: _serial, ...noSerial } = good;
    expect(codes(noSerial)).toEqual(['DECLARED_RETURNED_ALWAYS']);
    expect(codes(noSerial, { url: `${BASE}/Widgets/w1?attributes=label` })).toEqual(['DECLARED_RETURNED_ALWAYS']);
  });

  it('canonicalValues: outside the list is DECLARED_CANONICAL_VALUE (should); caseExact decides case', () => {
    expect(check({ ...good, color: 'blue' })).toMatchObject([{ code: 'DECLARED_CANONICAL_VALUE', severity: 'should' }]);
    expect(codes({ ...good, color: 'RED' })).toEqual([]);
    expect(codes({ ...good, parts: [{ sku: '1', kind: 'Bolt' }] })).toEqual(['DECLARED_CANONICAL_VALUE']);
  });

  it('readOnly: a value the client sent, echoed back on POST/PUT, is DECLARED_READ_ONLY_ACCEPTED', () => {
    const sent = { schemas: [CORE], label: 'a', owner: 'mallory' };
    const post = { method: 'POST', url: `${BASE}/Widgets`, requestBody: sent, status: 201 };
    expect(codes({ ...good, owner: 'mallory' }, post)).toEqual(['DECLARED_READ_ONLY_ACCEPTED']);
    expect(codes({ ...good, owner: 'system' }, post)).toEqual([]);
    expect(codes({ ...good, owner: 'mallory' })).toEqual([]); // a GET sent nothing
  });

  it('uniqueness: two resources of one list sharing a server-unique value is DECLARED_UNIQUENESS', () => {
    const list = (a: string, b: string) => ({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      Resources: [
        { ...good, label: a },
        { ...good, id: 'w2', label: b },
      ],
    });
    expect(codes(list('a', 'A'), { url: `${BASE}/Widgets` })).toEqual(['DECLARED_UNIQUENESS']);
    expect(codes(list('a', 'b'), { url: `${BASE}/Widgets` })).toEqual([]);
  });

  it('every element of a ListResponse (or a bare array) is checked, with its pointer', () => {
    const bad = { ...good, enabled: 'yes' };
    expect(check({ Resources: [good, bad] }, { url: `${BASE}/Widgets?count=2` })[0].actual).toContain(
      '/Resources/1/enabled',
    );
    expect(check([good, bad], { url: `${BASE}/Widgets` })[0].actual).toContain('/1/enabled');
  });

  it('errors, other endpoints and non-JSON bodies are not checked', () => {
    expect(codes({ ...good, enabled: 'x' }, { status: 400 })).toEqual([]);
    expect(codes({ ...good, enabled: 'x' }, { url: `${BASE}/Gadgets/1` })).toEqual([]);
    expect(codes(undefined)).toEqual([]);
  });
});

describe('declared schema: reading what servers publish', () => {
  it('tolerates bare arrays and a missing /ResourceTypes (RFC User/Group types are implied)', () => {
    const model = parseDeclared(
      [{ id: 'urn:ietf:params:scim:schemas:core:2.0:User', attributes: [attr('userName')] }],
      undefined,
    );
    expect(model.resourceTypes.map((r) => r.endpoint)).toEqual(['/Users']);
  });

  it('a schema without an attribute list is skipped and noted, never read as "no attributes"', () => {
    const model = parseDeclared({ Resources: [{ id: CORE }] }, resourceTypesBody);
    expect(model.schemas).toEqual([]);
    expect(model.problems.join('\n')).toContain(`schema ${CORE} has no "attributes" list`);
  });

  it('a resource type naming a schema that is not defined is noted, and its resources are not called unknown', () => {
    const model = parseDeclared({ Resources: [] }, resourceTypesBody);
    expect(model.problems.join('\n')).toContain('which /Schemas does not define');
    const partial = DeclaredSchemas.compile(model);
    expect(
      partial.check({ method: 'GET', url: `${BASE}/Widgets/w1`, baseUrl: BASE, status: 200, body: { anything: 1 } }),
    ).toEqual([]);
  });
});
