import { describe, expect, it } from 'vitest';
import { SCHEMA_NAMES, validateAgainst, validateListOf, type SchemaName } from './validator.js';
import { UsageError } from '../errors.js';

const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  spc: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
};

const user = {
  schemas: [URN.user, URN.enterprise],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: '00u1abc',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' },
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  active: true,
  preferredLanguage: 'en',
  locale: 'en-US',
  timezone: 'America/Los_Angeles',
  meta: { resourceType: 'User', created: '2024-01-23T04:56:22Z', location: 'https://example.com/v2/Users/2819c223' },
  [URN.enterprise]: { employeeNumber: '701984', manager: { value: '26118915', displayName: 'John Smith' } },
  'urn:ietf:params:scim:schemas:extension:customextensionname:2.0:User': { workMode: 'hybrid' },
};

/** Every schema gets at least one document it accepts and one it rejects (with the pointer that matters). */
const cases: Record<SchemaName, { valid: unknown[]; invalid: [unknown, string][] }> = {
  User: {
    valid: [user, { schemas: [URN.user], userName: 'x', password: 'only-legal-in-requests' }],
    invalid: [
      [{ schemas: [URN.user] }, '/userName'],
      [{ schemas: [URN.user], userName: '' }, '/userName'],
      [{ schemas: [URN.group], userName: 'x' }, '/schemas'],
      [{ schemas: [URN.user], userName: 'x', active: 'true' }, '/active'],
      [{ schemas: [URN.user], userName: 'x', emails: [{ value: 'a@b.c', primary: 'yes' }] }, '/emails/0/primary'],
      [{ schemas: [URN.user], userName: 'x', favouriteColour: 'blue' }, '/favouriteColour'],
      [
        { schemas: [URN.user], userName: 'x', [URN.enterprise]: { employeeNumber: 7 } },
        `/${URN.enterprise}/employeeNumber`,
      ],
    ],
  },
  EnterpriseUser: {
    valid: [{ employeeNumber: '1', department: 'R&D', manager: { value: 'm1' } }],
    invalid: [[{ manager: 'm1' }, '/manager']],
  },
  Group: {
    valid: [{ schemas: [URN.group], id: 'g1', displayName: 'Admins', members: [{ value: 'u1', display: 'B' }] }],
    invalid: [
      [{ schemas: [URN.group] }, '/displayName'],
      [{ schemas: [URN.group], displayName: 'A', members: [{ value: '' }] }, '/members/0/value'],
    ],
  },
  ListResponse: {
    valid: [
      { schemas: [URN.list], totalResults: 0, startIndex: 1, itemsPerPage: 0 },
      { schemas: [URN.list], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [user] },
    ],
    invalid: [
      [{ schemas: [URN.list], totalResults: '1', startIndex: 1, itemsPerPage: 1, Resources: [] }, '/totalResults'],
      [{ schemas: [URN.list], totalResults: 1, startIndex: '1', itemsPerPage: 1, Resources: [] }, '/startIndex'],
      [{ schemas: [URN.list], totalResults: 2, itemsPerPage: 2 }, '/Resources'],
      [{ schemas: [URN.list], Resources: [] }, '/totalResults'],
    ],
  },
  Error: {
    valid: [{ schemas: [URN.error], status: '409', scimType: 'uniqueness', detail: 'userName taken' }],
    invalid: [
      [{ schemas: [URN.error], status: 404, detail: 'not found' }, '/status'],
      [{ schemas: [URN.error], status: 'Not Found' }, '/status'],
      [{ schemas: [URN.error], status: '400', scimType: 'badFilter' }, '/scimType'],
      [{ schemas: [URN.error] }, '/status'],
    ],
  },
  PatchOp: {
    valid: [
      { schemas: [URN.patch], Operations: [{ op: 'replace', value: { active: false } }] },
      { schemas: [URN.patch], Operations: [{ op: 'Remove', path: 'members[value eq "u1"]' }] },
    ],
    invalid: [
      [{ schemas: [URN.patch], Operations: [] }, '/Operations'],
      [{ schemas: [URN.patch], Operations: [{ op: 'remove' }] }, '/Operations/0/path'],
      [{ schemas: [URN.patch], Operations: [{ op: 'replace', path: 'active' }] }, '/Operations/0/value'],
      [{ schemas: [URN.patch], Operations: [{ op: 'move', path: 'a', value: 1 }] }, '/Operations/0/op'],
    ],
  },
  ServiceProviderConfig: {
    valid: [
      {
        schemas: [URN.spc],
        patch: { supported: true },
        bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
        filter: { supported: true, maxResults: 200 },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        authenticationSchemes: [
          { type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'bearer', primary: true },
        ],
      },
    ],
    invalid: [[{ schemas: [URN.spc], patch: { supported: 'yes' } }, '/patch/supported']],
  },
  ResourceType: {
    valid: [
      {
        schemas: [URN.resourceType],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: URN.user,
        schemaExtensions: [{ schema: URN.enterprise, required: false }],
      },
    ],
    invalid: [[{ schemas: [URN.resourceType], name: 'User', schema: URN.user }, '/endpoint']],
  },
  Schema: {
    valid: [
      {
        id: URN.user,
        name: 'User',
        attributes: [
          {
            name: 'userName',
            type: 'string',
            multiValued: false,
            required: true,
            caseExact: false,
            mutability: 'readWrite',
            returned: 'default',
            uniqueness: 'server',
          },
          { name: 'name', type: 'complex', subAttributes: [{ name: 'givenName', type: 'string' }] },
        ],
      },
    ],
    invalid: [
      [{ id: URN.user, attributes: [{ name: 'userName', type: 'text' }] }, '/attributes/0/type'],
      [
        { id: URN.user, attributes: [{ name: 'n', type: 'complex', subAttributes: [{ type: 'string' }] }] },
        '/attributes/0/subAttributes/0/name',
      ],
    ],
  },
};

describe('validateAgainst', () => {
  it('covers every bundled schema', () => {
    expect(Object.keys(cases).sort()).toEqual([...SCHEMA_NAMES].sort());
  });

  for (const name of SCHEMA_NAMES) {
    const { valid, invalid } = cases[name];
    it.each(valid.map((doc, i) => [i, doc]))(`${name}: accepts valid document %i`, (_i, doc) => {
      expect(validateAgainst(name, doc)).toEqual({ valid: true, errors: [] });
    });
    it.each(invalid)(`${name}: rejects %j at the right pointer`, (doc, pointer) => {
      const verdict = validateAgainst(name, doc);
      expect(verdict.valid).toBe(false);
      expect(verdict.errors.map((e) => e.path)).toContain(pointer);
    });
  }

  it('says which URN is missing from schemas', () => {
    const verdict = validateAgainst('User', { schemas: [URN.group], userName: 'x' });
    expect(verdict.errors).toContainEqual({ path: '/schemas', message: `must contain "${URN.user}"` });
  });

  it('lists the allowed values of an enum', () => {
    const verdict = validateAgainst('Error', { schemas: [URN.error], status: '400', scimType: 'badFilter' });
    expect(verdict.errors.find((e) => e.path === '/scimType')?.message).toContain('"invalidFilter"');
  });

  it('returns issues that survive the next validation call (copied out of ajv)', () => {
    const first = validateAgainst('Error', { schemas: [URN.error], status: 404 });
    validateAgainst('Error', { schemas: [URN.error], status: '404' });
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0].path).toBe('/status');
  });

  it('rejects an unknown schema name with a UsageError', () => {
    expect(() => validateAgainst('Usr', {})).toThrow(UsageError);
    expect(() => validateAgainst('Usr', {})).toThrow(/unknown schema "Usr".*User/);
  });
});

describe('validateListOf', () => {
  it('validates the envelope and each resource, with full pointers', () => {
    const body = {
      schemas: [URN.list],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 2,
      Resources: [user, { schemas: [URN.user], active: 1 }],
    };
    const verdict = validateListOf('User', body);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/Resources/1/userName', '/Resources/1/active']),
    );
    expect(verdict.errors.some((e) => e.path.startsWith('/Resources/0'))).toBe(false);
  });

  it('accepts a compliant list of users', () => {
    const body = { schemas: [URN.list], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [user] };
    expect(validateListOf('User', body)).toEqual({ valid: true, errors: [] });
  });

  it('reports envelope problems even without Resources', () => {
    const verdict = validateListOf('User', { schemas: [URN.list], totalResults: '0' });
    expect(verdict.errors.map((e) => e.path)).toContain('/totalResults');
  });
});
