import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOktaUsers } from './read-users.js';
import { selectUsers } from './select-users.js';

const dir = mkdtempSync(path.join(tmpdir(), 'prov-users-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('readOktaUsers', () => {
  it('reads a CSV headed by console labels or user./profile. variable names; empty cells are null by default', () => {
    const p = file(
      'labels.csv',
      'User Id,Status,Username,First name,profile.lastName,user.department,costCenter\n00u1,ACTIVE,ann@example.com,Ann,Lee,,CC-1\n',
    );
    const [u] = readOktaUsers(p);
    expect(u).toMatchObject({ id: '00u1', status: 'ACTIVE', index: 1, position: { file: p, line: 2, col: 1 } });
    expect(u.profile).toEqual({
      login: 'ann@example.com',
      firstName: 'Ann',
      lastName: 'Lee',
      department: null,
      costCenter: 'CC-1',
    });
    expect(readOktaUsers(p, { csvEmpty: 'empty-string' })[0].profile.department).toBe('');
  });

  it('reads Users API JSON (array, one object, JSON Lines) and says where a user has no login', () => {
    const api = file(
      'api.json',
      JSON.stringify([{ id: '00u1', status: 'ACTIVE', profile: { login: 'a@x.com', department: '' } }]),
    );
    expect(readOktaUsers(api)[0]).toMatchObject({ id: '00u1', profile: { login: 'a@x.com', department: '' } });
    const lines = file(
      'api.jsonl',
      '{"id":"00u1","profile":{"login":"a@x.com"}}\n{"id":"00u2","profile":{"login":"b@x.com"}}\n',
    );
    expect(readOktaUsers(lines).map((u) => [u.id, u.index, u.position.line])).toEqual([
      ['00u1', 1, 1],
      ['00u2', 2, 2],
    ]);
    const bad = file('bad.json', '[\n  {"id": "00u1", "profile": {"email": "a@x.com"}}\n]');
    expect(() => readOktaUsers(bad)).toThrow(/user 1 has no profile.login/);
  });

  it('refuses a CSV without a login column and a row with the wrong number of fields', () => {
    expect(() => readOktaUsers(file('nologin.csv', 'email\na@x.com\n'))).toThrow(/no login column/);
    expect(() => readOktaUsers(file('short.csv', 'login,email\na@x.com\n'))).toThrow(/1 fields, the header 2/);
  });
});

describe('selectUsers', () => {
  const users = Array.from({ length: 10 }, (_, i) => ({
    profile: { login: `u${i}` },
    index: i + 1,
    position: { file: 'f', line: i + 2, col: 1 },
  }));
  it('--limit takes the first N; --sample picks N distinct users in export order, the same for the same seed', () => {
    expect(selectUsers(users, { limit: 3 }).users.map((u) => u.index)).toEqual([1, 2, 3]);
    const a = selectUsers(users, { sample: 4, seed: 7 }).users.map((u) => u.index);
    expect(new Set(a).size).toBe(4);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(selectUsers(users, { sample: 4, seed: 7 }).users.map((u) => u.index)).toEqual(a);
    expect(selectUsers(users, { sample: 4, seed: 8 }).users.map((u) => u.index)).not.toEqual(a);
  });
});
