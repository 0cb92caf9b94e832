// Reads Okta users as Okta exports them: the admin console's CSV (one column per profile
// attribute, headed by its variable name, `user.`/`profile.` prefixes or the console's
// labels also accepted) or the JSON of the Users API (`GET /api/v1/users`: an array of
// `{id, status, profile}`; one user object, or JSON Lines of them, work too).
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { parsePositioned } from '../mapping/input/positioned.js';
import { parseCsv } from './csv.js';
import type { OktaUser } from './types.js';
import { isObject } from '../util/object.js';

/** Console labels of Okta's base attributes -> their variable names. */
const LABELS: Record<string, string> = {
  username: 'login',
  'first name': 'firstName',
  'last name': 'lastName',
  'middle name': 'middleName',
  'primary email': 'email',
  email: 'email',
  'secondary email': 'secondEmail',
  title: 'title',
  'display name': 'displayName',
  nickname: 'nickName',
  'honorific prefix': 'honorificPrefix',
  'honorific suffix': 'honorificSuffix',
  'profile url': 'profileUrl',
  'mobile phone': 'mobilePhone',
  'primary phone': 'primaryPhone',
  'street address': 'streetAddress',
  city: 'city',
  state: 'state',
  'zip code': 'zipCode',
  'country code': 'countryCode',
  'postal address': 'postalAddress',
  'preferred language': 'preferredLanguage',
  locale: 'locale',
  'time zone': 'timezone',
  'user type': 'userType',
  'employee number': 'employeeNumber',
  'cost center': 'costCenter',
  organization: 'organization',
  division: 'division',
  department: 'department',
  'manager id': 'managerId',
  manager: 'manager',
};
/** Columns that are the user object's own fields, not profile attributes. */
const META: Record<string, 'id' | 'status'> = { id: 'id', 'user id': 'id', 'okta id': 'id', status: 'status' };

export type CsvEmpty = 'null' | 'empty-string';

export interface ReadUsersOptions {
  /** What an empty CSV cell means: never set (null, Okta leaves it out) or "" (set, then cleared). */
  csvEmpty?: CsvEmpty;
}

/** Several exports read as one directory: users are numbered across the files, in order. */
export function readOktaUserFiles(files: readonly string[], opts: ReadUsersOptions = {}): OktaUser[] {
  return files.flatMap((f) => readOktaUsers(f, opts)).map((u, i) => ({ ...u, index: i + 1 }));
}

export function readOktaUsers(file: string, opts: ReadUsersOptions = {}): OktaUser[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--users ${file}: cannot read (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`);
  }
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[' || first === '{')
    return /^\s*\{[^\n]*\}\s*\n\s*\{/.test(text) ? readJsonLines(text, file) : readJson(text, file);
  return readCsv(text, file, opts.csvEmpty ?? 'null');
}

function columnFor(
  header: string,
): { kind: 'meta'; name: 'id' | 'status' } | { kind: 'profile'; name: string } | { kind: 'skip' } {
  const h = header.trim();
  const lower = h.toLowerCase();
  if (META[lower]) return { kind: 'meta', name: META[lower] };
  if (lower === '') return { kind: 'skip' };
  const bare = h.replace(/^(user|profile)\./, '');
  return { kind: 'profile', name: LABELS[bare.toLowerCase()] ?? bare };
}

function readCsv(text: string, file: string, empty: CsvEmpty): OktaUser[] {
  const [head, ...rows] = parseCsv(text, file);
  if (!head) throw new UsageError(`--users ${file}: the file is empty`);
  const columns = head.fields.map(columnFor);
  if (!columns.some((c) => c.kind === 'profile' && c.name === 'login')) {
    throw new UsageError('no login column: an Okta user export has one (header "login" or "Username")', {
      file,
      line: head.line,
      col: 1,
    });
  }
  return rows.map((row, i) => {
    if (row.fields.length !== columns.length) {
      throw new UsageError(`this row has ${row.fields.length} fields, the header ${columns.length}`, {
        file,
        line: row.line,
        col: 1,
      });
    }
    const user: OktaUser = { profile: {}, position: { file, line: row.line, col: 1 }, index: i + 1 };
    columns.forEach((c, j) => {
      const cell = row.fields[j];
      if (c.kind === 'meta') {
        if (cell !== '') user[c.name] = cell;
      } else if (c.kind === 'profile') {
        user.profile[c.name] = cell === '' ? (empty === 'null' ? null : '') : cell;
      }
    });
    return user;
  });
}

function readJson(text: string, file: string): OktaUser[] {
  const doc = parsePositioned(text, file);
  const root = doc.value;
  const items = Array.isArray(root) ? root : [root];
  return items.map((item, i) => {
    const path = Array.isArray(root) ? [i] : [];
    return toUser(item, i, doc.posOf(path), file);
  });
}

function readJsonLines(text: string, file: string): OktaUser[] {
  const users: OktaUser[] = [];
  text.split('\n').forEach((raw, n) => {
    if (raw.trim() === '') return;
    const doc = parsePositioned(raw, file);
    users.push(toUser(doc.value, users.length, { file, line: n + 1, col: 1 }, file));
  });
  return users;
}

function toUser(item: unknown, i: number, position: OktaUser['position'], file: string): OktaUser {
  if (!isObject(item))
    throw new UsageError('each user must be an object as the Users API returns it ({id, status, profile})', position);
  const profile = isObject(item.profile) ? item.profile : item;
  if (typeof profile.login !== 'string')
    throw new UsageError(`user ${i + 1} has no profile.login`, { ...position, file });
  return {
    id: typeof item.id === 'string' ? item.id : undefined,
    status: typeof item.status === 'string' ? item.status : undefined,
    profile,
    position,
    index: i + 1,
  };
}
