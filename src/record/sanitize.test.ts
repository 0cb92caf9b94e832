import { describe, expect, it } from 'vitest';
import type { Exchange } from './capture.js';
import { PiiMasker } from './pii-mask.js';
import { Sanitizer } from './sanitize.js';

const TOKEN = 'tok-9f8e7d6c5b4a';

function exchange(overrides: Partial<Exchange['request']> = {}, response?: Exchange['response']): Exchange {
  return {
    type: 'exchange',
    seq: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 3,
    request: {
      method: 'POST',
      path: '/Users',
      query: '',
      headers: [['Authorization', `Bearer ${TOKEN}`]],
      ...overrides,
    },
    response,
  };
}

describe('Sanitizer: secrets', () => {
  it('redacts Authorization by name and the token by value wherever it is echoed', () => {
    const s = new Sanitizer();
    const out = s.exchange(
      exchange(
        {},
        { status: 400, headers: [['X-Debug', `saw ${TOKEN}`]], body: { detail: `bad token Bearer ${TOKEN}` } },
      ),
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain(TOKEN);
    expect(out.request.headers).toEqual([['Authorization', '[REDACTED]']]);
    expect(out.response?.headers[0][1]).toBe('saw [REDACTED]');
  });

  it('--redact takes header names and values; passwords are always redacted', () => {
    const s = new Sanitizer({ redact: ['X-Tenant-Key', 'hunter2-value'] });
    const out = s.exchange(
      exchange({
        headers: [
          ['X-Tenant-Key', 'tenant-secret-1'],
          ['Accept', 'application/scim+json'],
        ],
        query: 'note=hunter2-value',
        body: {
          password: 'p4ss',
          note: 'tenant-secret-1 and hunter2-value',
          Operations: [{ op: 'replace', path: 'password', value: 'n3w' }],
        },
      }),
    );
    const text = JSON.stringify(out);
    for (const secret of ['tenant-secret-1', 'hunter2-value', 'p4ss', 'n3w']) expect(text).not.toContain(secret);
    expect(out.request.headers).toEqual([
      ['X-Tenant-Key', '[REDACTED]'],
      ['Accept', 'application/scim+json'],
    ]);
  });

  it('leaves an untouched query byte for byte (order and encoding are evidence)', () => {
    const q = 'filter=userName+eq+%22a%40b.test%22&startIndex=1&count=100';
    expect(new Sanitizer().exchange(exchange({ method: 'GET', query: q })).request.query).toBe(q);
  });
});

describe('Sanitizer --mask-pii', () => {
  const masker = new PiiMasker(Buffer.alloc(32, 7));
  const s = new Sanitizer({ maskPii: true, masker });
  const filterQuery = `filter=${encodeURIComponent('userName eq "Ada.Lovelace@example.com"')}&startIndex=1&count=100`;
  const find = s.exchange(exchange({ method: 'GET', query: filterQuery }));
  const create = s.exchange(
    exchange(
      {
        body: {
          userName: 'Ada.Lovelace@example.com',
          displayName: 'Ada Lovelace',
          name: { givenName: 'Ada', familyName: 'Lovelace' },
          emails: [{ value: 'Ada.Lovelace@example.com', type: 'work' }],
          phoneNumbers: [{ value: '+44 20 7946 0958' }],
          locale: 'en-GB',
        },
      },
      {
        status: 201,
        headers: [],
        body: {
          id: 'u-1',
          userName: 'ada.lovelace@example.com',
          displayName: 'Ada Lovelace',
          meta: { resourceType: 'User' },
        },
      },
    ),
  );
  const group = s.exchange(
    exchange({
      path: '/Groups',
      body: { displayName: 'Engineering', members: [{ value: 'u-1', display: 'Ada.Lovelace@example.com' }] },
    }),
  );
  const conflict = s.exchange(
    exchange(
      {},
      { status: 409, headers: [], body: { detail: 'User Ada Lovelace (Ada.Lovelace@example.com) already exists' } },
    ),
  );
  const all = JSON.stringify([find, create, group, conflict]);

  it('removes every name, email and phone number', () => {
    for (const pii of ['Ada', 'Lovelace', '7946', 'example.com']) expect(all).not.toContain(pii);
  });

  it('masks consistently: the filter, the body, the answer and group members name the same stand-in', () => {
    const userName = (create.request.body as { userName: string }).userName;
    expect(userName).toMatch(/^person-[0-9a-f]{10}@example\.test$/);
    expect(decodeURIComponent(find.request.query)).toContain(`userName eq "${userName}"`);
    expect((create.request.body as { emails: { value: string }[] }).emails[0].value).toBe(userName);
    expect((create.response?.body as { userName: string }).userName).toBe(userName); // case-insensitive link
    expect((group.request.body as { members: { display: string }[] }).members[0].display).toBe(userName);
    const displayName = (create.request.body as { displayName: string }).displayName;
    expect(displayName).toBe((create.response?.body as { displayName: string }).displayName);
    expect((conflict.response?.body as { detail: string }).detail).toBe(
      `User ${displayName} (${userName}) already exists`,
    );
  });

  it('keeps what is not personal: ids, locale, a group name, the shape of a phone number', () => {
    expect((create.response?.body as { id: string }).id).toBe('u-1');
    expect((create.request.body as { locale: string }).locale).toBe('en-GB');
    expect((group.request.body as { displayName: string }).displayName).toBe('Engineering');
    expect((create.request.body as { phoneNumbers: { value: string }[] }).phoneNumbers[0].value).toMatch(
      /^\+\d\d \d\d \d{4} \d{4}$/,
    );
  });

  it('differs between recordings (random key), so a stand-in cannot be looked up', () => {
    expect(new PiiMasker().mask('email', 'a@b.test')).not.toBe(new PiiMasker().mask('email', 'a@b.test'));
  });
});

describe('Sanitizer: what a capture says it redacted', () => {
  it('names the secret headers, password and --redact header names, never a --redact value', () => {
    const list = new Sanitizer({ redact: ['X-Tenant-Key', 's3cret value 123'] }).redactedList();
    expect(list).toEqual(expect.arrayContaining(['authorization', 'cookie', 'password', 'X-Tenant-Key', '(a value)']));
    expect(list.join(' ')).not.toContain('s3cret');
  });
});
