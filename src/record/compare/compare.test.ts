import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareCaptureWithPacks } from './compare.js';
import { normalisePath, operationOf } from './operation.js';
import { packRequests, type PackRequest } from './pack-requests.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('operationOf', () => {
  it('names what a request is for, whichever verb carries it', () => {
    const op = (method: string, p: string, body?: unknown, queryNames: string[] = []) =>
      operationOf({ method, path: p, queryNames, body });
    expect(op('GET', '/Users', undefined, ['startIndex', 'count'])).toBe('list users');
    expect(op('GET', '/Users', undefined, ['filter', 'startIndex', 'count'])).toBe('find user by filter');
    expect(
      op('PATCH', '/Users/2819c223-7f76-453a-919d-413861904646', {
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
    ).toBe('deactivate user');
    expect(op('PUT', '/Users/${{ userId }}', { userName: 'x', active: false })).toBe('deactivate user');
    expect(op('PATCH', '/Users/42', { Operations: [{ op: 'replace', path: 'active', value: true }] })).toBe(
      'reactivate user',
    );
    expect(op('PUT', '/Users/42', { userName: 'x', active: true })).toBe('update user');
    expect(op('PATCH', '/Groups/42', { Operations: [{ op: 'add', path: 'members', value: [] }] })).toBe(
      'update group members',
    );
    expect(op('PATCH', '/Groups/42', { Operations: [{ op: 'replace', value: { displayName: 'x' } }] })).toBe(
      'rename group',
    );
    expect(normalisePath('/Users/${{ user1Id }}/')).toBe('/Users/{id}');
  });

  it('classifies every step of the bundled Okta packs (none falls through as unknown)', () => {
    const packs = packRequests();
    expect(packs.length).toBeGreaterThan(20);
    for (const p of packs)
      expect(p.operation, p.where).toMatch(
        /^(list|find|read|create|update|deactivate|reactivate|delete|rename|replace) |^(get|post|put|patch|delete) /,
      );
  });
});

describe('compareCaptureWithPacks', () => {
  const pack: PackRequest = {
    where: 'okta/x › t › create',
    operation: 'create user',
    method: 'POST',
    path: '/Users',
    queryNames: [],
    queryValues: [],
    plusForSpace: false,
    paginates: false,
    headers: [
      ['accept', 'application/scim+json'],
      ['user-agent', 'Okta SCIM Client 1.0.0'],
      ['content-type', 'application/scim+json; charset=utf-8'],
      ['authorization', 'Bearer pack-token'],
    ],
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: '${{ userName }}',
      name: { givenName: 'A', familyName: 'B' },
      active: true,
    },
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-compare-'));
  const file = path.join(dir, 'c.jsonl');
  const header = {
    type: 'capture',
    format: 'scim-check-capture/1',
    source: 'proxy',
    startedAt: 't',
    redacted: [],
    maskPii: false,
  };
  const exchange = {
    type: 'exchange',
    seq: 1,
    startedAt: 't',
    durationMs: 1,
    request: {
      method: 'POST',
      path: '/Users',
      query: '',
      headers: [
        ['Host', 'h'],
        ['Accept', 'application/scim+json'],
        ['User-Agent', 'Okta SCIM Client 2.0.0'],
        ['Content-Type', 'application/scim+json; charset=utf-8'],
        ['Authorization', '[REDACTED]'],
        ['X-Okta-Request-Id', 'r1'],
      ],
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'a@b.test',
        name: { givenName: 'A' },
        active: 'true',
        locale: 'en_US',
      },
    },
    response: { status: 201, headers: [] },
  };
  writeFileSync(file, `${JSON.stringify(header)}\n${JSON.stringify(exchange)}\n`);

  it('reports header and body-shape differences, never Host or the credential', () => {
    const details = compareCaptureWithPacks(file, [pack]).differences.map((d) => `${d.aspect}: ${d.detail}`);
    expect(details).toEqual([
      'header: User-Agent: recorded "Okta SCIM Client 2.0.0", the pack sends "Okta SCIM Client 1.0.0"',
      'header: recorded sends X-Okta-Request-Id: r1; the pack does not',
      'body shape: active: recorded string, the pack boolean',
      'body shape: recorded sends locale (string); the pack does not',
      'body shape: the pack sends name.familyName (string); the recording does not',
    ]);
  });

  it('says so when no pack sends the operation', () => {
    const r = compareCaptureWithPacks(file, [{ ...pack, operation: 'delete user' }]);
    expect(r.compared[0].pack).toBeUndefined();
    expect(r.differences[0].detail).toBe('no bundled Okta pack sends "create user"');
  });
});
