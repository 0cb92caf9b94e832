// Initial data for the reference server: generated users/groups, a JSON file, and a
// hook for deliberately defective data (the audit feature registers its defects here).
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../scim/urns.js';
import type { ScimStore } from './store.js';
import { AUDIT_SEED_DEFECTS } from './seed-defects.js';
import { isObject } from '../util/object.js';

export interface SeedOptions {
  users?: number;
  groups?: number;
  /** Defect name -> how many resources get it. Names come from SEED_DEFECTS. */
  defects?: Record<string, number>;
  /** JSON file `{"Users": [...], "Groups": [...]}`, inserted as is (ids kept when given). */
  fromFile?: string;
}

/** Defect injectors, keyed by name; reserved for the audit feature (see seed-defects.ts). */
export const SEED_DEFECTS: Record<string, (store: ScimStore, count: number) => void> = { ...AUDIT_SEED_DEFECTS };

export function seedStore(store: ScimStore, seed: SeedOptions = {}): void {
  if (seed.fromFile) seedFromFile(store, seed.fromFile);
  const userIds: string[] = [];
  for (let i = 1; i <= (seed.users ?? 0); i++)
    userIds.push(store.insertUser(generatedUser(i), { password: `Passw0rd-${i}` }).id);
  // round-robin membership so every group is different and deterministic (user k is in group k mod N)
  const groupCount = seed.groups ?? 0;
  const membersOf: { value: string; type: string }[][] = Array.from({ length: groupCount }, () => []);
  userIds.forEach((value, k) => membersOf[k % groupCount]?.push({ value, type: 'User' }));
  membersOf.forEach((members, i) =>
    store.insertGroup({ schemas: [GROUP_SCHEMA], displayName: `Group ${i + 1}`, members }),
  );
  for (const [name, count] of Object.entries(seed.defects ?? {})) {
    const inject = SEED_DEFECTS[name];
    if (!inject) {
      const valid = Object.keys(SEED_DEFECTS);
      throw new UsageError(
        `unknown seed defect "${name}"; valid defects: ${valid.length ? valid.join(', ') : '(none registered)'}`,
      );
    }
    inject(store, count);
  }
}

function generatedUser(i: number): Record<string, unknown> {
  const n = String(i).padStart(4, '0');
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    userName: `user${n}@example.com`,
    name: { givenName: `Given${n}`, familyName: `Family${n}`, formatted: `Given${n} Family${n}` },
    displayName: `Given${n} Family${n}`,
    emails: [{ value: `user${n}@example.com`, type: 'work', primary: true }],
    active: true,
    externalId: `ext-${n}`,
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: n, department: i % 2 ? 'Engineering' : 'Sales' },
  };
}

function seedFromFile(store: ScimStore, file: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: cannot read seed file: ${(e as Error).message}`);
  }
  if (!isObject(parsed))
    throw new UsageError(`${file}: the seed file must hold a JSON object with Users and/or Groups`);
  for (const [key, kind] of [
    ['Users', 'User'],
    ['Groups', 'Group'],
  ] as const) {
    const list = parsed[key] ?? parsed[key.toLowerCase()];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new UsageError(`${file}: ${key} must be an array`);
    for (const item of list) {
      if (!isObject(item)) throw new UsageError(`${file}: every entry of ${key} must be an object`);
      const { password, ...data } = item;
      store.insert(kind, data, {
        id: typeof item.id === 'string' ? item.id : undefined,
        password: typeof password === 'string' ? password : undefined,
      });
    }
  }
}
