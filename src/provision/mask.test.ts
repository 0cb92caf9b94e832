import { describe, expect, it } from 'vitest';
import { PiiMasker } from './mask.js';
import type { ProvisionResult } from './types.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function resultWith(): ProvisionResult {
  const user = { index: 1, oktaId: '00u1', login: 'ana.perez+x@example.com', scimId: 's1' };
  return {
    tool: { name: 'scim-check', version: '0' },
    mode: 'replay',
    inputs: {
      users: 'u.csv',
      mapping: 'm.json',
      profile: 'okta-minimum',
      usernameFormat: 'user.login',
      selection: 'all 1',
    },
    prefix: 'scimcheck-abc123',
    startedAt: 't',
    durationMs: 0,
    read: 1,
    selected: 1,
    counts: { accepted: 0, changed: 1, refused: 0, error: 0, exists: 0, 'dry-run': 0 },
    mappingFindings: [],
    groups: [],
    notEvaluated: [],
    users: [
      {
        user,
        outcome: 'changed',
        payload: {
          userName: 'ana.perez+x@example.com',
          name: { givenName: 'Ana', familyName: 'de la Peña', middleName: 'de' },
          title: 'department head',
          [ENT]: { department: 'Sales', manager: { displayName: '山田 太郎' } },
        },
        leftOut: ['nickName'],
        findings: [
          {
            user,
            attribute: 'name.familyName',
            cause: 'truncated to 5 characters',
            severity: 'should',
            message: 'stored differently',
            sent: 'de la Peña',
            stored: 'de la',
          },
          {
            user,
            attribute: '(user)',
            cause: 'x',
            severity: 'must',
            message: 'server said: name "Ana" / "de la" rejected for 山田 太郎 (contact sec@corp.example.org)',
          },
        ],
      },
    ],
    verdict: 'fail',
  };
}

describe('PiiMasker', () => {
  it('masks personal values everywhere they appear, whole words only, and keeps structure readable', () => {
    const masked = new PiiMasker().result(resultWith());
    const text = JSON.stringify(masked);
    for (const pii of ['ana.perez', 'Ana"', 'Peña', '山田', '太郎', 'sec@corp']) expect(text, pii).not.toContain(pii);
    const u = masked.users[0];
    expect(u.payload).toMatchObject({
      userName: 'a***@example.com',
      name: { givenName: 'A***', familyName: 'd***', middleName: 'd***' },
      title: 'd***',
      [ENT]: { department: 'Sales', manager: { displayName: '***' } },
    });
    // "de" is a personal value, but never inside another word or a structural field
    expect(u.findings[0]).toMatchObject({
      attribute: 'name.familyName',
      cause: 'truncated to 5 characters',
      sent: 'd***',
      stored: 'd***',
    });
    expect(u.findings[1].message).toBe(
      'server said: name "A***" / "d***" rejected for *** (contact s***@corp.example.org)',
    );
    expect(u.user).toEqual({ index: 1, oktaId: '00u1', login: 'a***@example.com', scimId: 's1' });
    expect(masked.prefix).toBe('scimcheck-abc123');
  });
});
