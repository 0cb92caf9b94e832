import { describe, expect, it } from 'vitest';
import { carriesValues, oktaLinkConsistent } from './update-checks.js';
import { loadProfile } from '../profile/load.js';
import type { NamedCheckContext } from './named-check.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function ctx(body: unknown, status = 200): NamedCheckContext {
  return {
    body,
    request: {},
    response: { status, headers: {}, bodyText: JSON.stringify(body) },
    profile: loadProfile('okta-minimum'),
    languageFormat: 'iso639-1',
  };
}

const before = {
  title: 'Engineer',
  emails: [{ value: 'a@x.test', type: 'work' }],
  phoneNumbers: [
    { value: '1', type: 'work' },
    { value: '2', type: 'mobile' },
  ],
  [ENTERPRISE]: { department: 'Sales' },
};
const sent = {
  title: 'Lead',
  emails: [{ value: 'b@x.test', type: 'work' }],
  phoneNumbers: [
    { value: '3', type: 'work' },
    { value: '4', type: 'mobile' },
  ],
  [ENTERPRISE]: { department: 'R&D' },
};

describe('carriesValues', () => {
  it('passes when every value sent shows, multi-valued items matched by type', () => {
    const got = { ...sent, phoneNumbers: [sent.phoneNumbers[1], sent.phoneNumbers[0]] };
    expect(carriesValues(ctx(got), { values: sent, previous: before }).passed).toBe(true);
  });

  it('names an attribute the server silently kept, and one it changed otherwise', () => {
    const got = { ...sent, title: 'Engineer', [ENTERPRISE]: { department: 'r and d' } };
    const out = carriesValues(ctx(got), { values: sent, previous: before });
    expect(out.passed).toBe(false);
    expect(out.detail).toContain('title kept "Engineer" (sent "Lead")');
    expect(out.detail).toContain(`${ENTERPRISE}.department is "r and d"`);
  });

  it('fails for a value dropped by the update, but only notes one the server never held', () => {
    expect(carriesValues(ctx({ ...sent, title: undefined }), { values: sent, previous: before }).detail).toContain(
      'title is (absent)',
    );
    const never = carriesValues(ctx({ ...sent, timezone: undefined }), {
      values: { ...sent, timezone: 'Europe/Paris' },
      previous: before,
    });
    expect(never.passed).toBe(true);
    expect(never.detail).toContain('never stored): timezone');
  });

  it('reads the resource at a body path (a filter result)', () => {
    const list = { totalResults: 1, Resources: [sent] };
    expect(carriesValues(ctx(list), { at: 'Resources[0]', values: sent }).passed).toBe(true);
    expect(carriesValues(ctx({ totalResults: 0, Resources: [] }), { at: 'Resources[0]', values: sent }).passed).toBe(
      false,
    );
  });
});

describe('oktaLinkConsistent', () => {
  it('accepts a create, and a 409 only when the userName filter found the user', () => {
    expect(oktaLinkConsistent(ctx({}, 201), { found: 0 }).passed).toBe(true);
    expect(oktaLinkConsistent(ctx({}, 409), { found: 1 }).passed).toBe(true);
    const hidden = oktaLinkConsistent(ctx({}, 409), { found: 0 });
    expect(hidden.passed).toBe(false);
    expect(hidden.detail).toMatch(/retries the assignment forever/);
    expect(oktaLinkConsistent(ctx({}, 500), { found: 1 }).passed).toBe(false);
  });
});
