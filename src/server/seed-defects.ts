// Deliberately defective data for the audit's proof: each defect inserts `count`
// offenders with predictable ids (`defect-<name>-<k>`, k from 1), and names the audit
// rules it must trigger, so a test can ask for exactly those ids and no others.
// Every offender is otherwise clean: unique userName, email and externalId, all
// mandatory attributes, so it trips only the rules listed.
import { GROUP_SCHEMA, USER_SCHEMA } from '../scim/urns.js';
import type { ScimStore } from './store.js';
import { copyJson } from '../util/object.js';

type Data = Record<string, unknown>;

export interface SeedDefect {
  /** Audit rule codes every offender of this defect triggers. */
  rules: string[];
  kind: 'User' | 'Group';
  /** Offender data for the k-th offender (1-based); pairs give two records per k. */
  make: (k: number, id: (suffix?: string) => string) => { id: string; data: Data }[];
}

export function defectId(name: string, k: number, suffix = ''): string {
  return `defect-${name}-${k}${suffix}`;
}

/** A user with no defect at all, named after its id. */
export function cleanUser(id: string): Data {
  return {
    schemas: [USER_SCHEMA],
    userName: `${id}@example.com`,
    name: { givenName: 'Dee', familyName: `Fect ${id}` },
    emails: [{ value: `${id}@example.com`, type: 'work', primary: true }],
    active: true,
    externalId: `ext-${id}`,
  };
}

const single = (mutate: (u: Data, id: string) => void) => (k: number, id: (s?: string) => string) => {
  const user = cleanUser(id());
  mutate(user, id());
  return [{ id: id(), data: user }];
};

/** Two users per k; `mutate` makes the second collide with the first. */
const pair = (collide: (first: Data, second: Data) => void) => (k: number, id: (s?: string) => string) => {
  const first = cleanUser(id('a'));
  const second = cleanUser(id('b'));
  collide(first, second);
  return [
    { id: id('a'), data: first },
    { id: id('b'), data: second },
  ];
};

export const AUDIT_DEFECTS: Record<string, SeedDefect> = {
  'missing-email': { rules: ['ATTR_MANDATORY_MISSING'], kind: 'User', make: single((u) => delete u.emails) },
  'language-region': { rules: ['LANG_REGION_TAG'], kind: 'User', make: single((u) => (u.preferredLanguage = 'en-US')) },
  'bad-locale': { rules: ['LOCALE_INVALID'], kind: 'User', make: single((u) => (u.locale = 'english please')) },
  'bad-timezone': {
    rules: ['TIMEZONE_INVALID'],
    kind: 'User',
    make: single((u) => (u.timezone = 'Mars/Olympus Mons')),
  },
  'bad-email': {
    rules: ['EMAIL_INVALID'],
    kind: 'User',
    make: single((u, id) => (u.emails = [{ value: `${id}.at.example.com`, type: 'work', primary: true }])),
  },
  'username-case-duplicate': {
    rules: ['USERNAME_DUPLICATE'],
    kind: 'User',
    make: pair((a, b) => (b.userName = String(a.userName).toUpperCase())),
  },
  'email-duplicate': {
    rules: ['EMAIL_DUPLICATE'],
    kind: 'User',
    make: pair((a, b) => (b.emails = copyJson(a.emails))),
  },
  'external-id-duplicate': {
    rules: ['EXTERNAL_ID_DUPLICATE'],
    kind: 'User',
    make: pair((a, b) => (b.externalId = a.externalId)),
  },
  inactive: { rules: ['USER_INACTIVE'], kind: 'User', make: single((u) => (u.active = false)) },
  'wrong-type': {
    rules: ['SCHEMA_USER_INVALID', 'SERVER_SCHEMA_TYPE_MISMATCH'],
    kind: 'User',
    make: single((u) => {
      const [email] = u.emails as Data[];
      if (email) email.primary = 'yes';
    }),
  },
  'undeclared-attribute': {
    rules: ['SCHEMA_USER_INVALID', 'SERVER_SCHEMA_UNDECLARED'],
    kind: 'User',
    make: single((u) => (u.favouriteColour = 'teal')),
  },
  'group-unknown-member': {
    rules: ['GROUP_MEMBER_UNKNOWN'],
    kind: 'Group',
    make: (k, id) => [
      {
        id: id(),
        data: {
          schemas: [GROUP_SCHEMA],
          displayName: `Defect group ${id()}`,
          members: [{ value: `no-such-user-${k}`, type: 'User' }],
        },
      },
    ],
  },
  'group-no-display-name': {
    rules: ['SCHEMA_GROUP_INVALID', 'SERVER_SCHEMA_REQUIRED_MISSING'],
    kind: 'Group',
    make: (_k, id) => [{ id: id(), data: { schemas: [GROUP_SCHEMA], members: [] } }],
  },
};

/** Inserts `count` offenders of one defect; returns their ids. */
export function seedDefect(store: ScimStore, name: string, count: number): string[] {
  const defect = AUDIT_DEFECTS[name];
  if (!defect) throw new Error(`unknown audit defect ${name}`);
  const ids: string[] = [];
  for (let k = 1; k <= count; k++) {
    for (const { id, data } of defect.make(k, (suffix = '') => defectId(name, k, suffix))) {
      store.insert(defect.kind, data, { id });
      ids.push(id);
    }
  }
  return ids;
}

/** The injectors in the shape seed.ts's SEED_DEFECTS registry expects. */
export const AUDIT_SEED_DEFECTS: Record<string, (store: ScimStore, count: number) => void> = Object.fromEntries(
  Object.keys(AUDIT_DEFECTS).map((name) => [
    name,
    (store: ScimStore, count: number) => void seedDefect(store, name, count),
  ]),
);
