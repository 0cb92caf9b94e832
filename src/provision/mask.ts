// --mask-pii for provision reports. Every personal value the run saw (the export's names,
// emails, phones, addresses; the payloads built from them; what the server stored) is
// replaced wherever it appears, as whole words, with audit's masks (first letter, or first
// letter and domain). Ids, attribute names, causes and expressions stay readable.
import { EMAIL_IN_TEXT, maskEmail, maskName } from '../audit/mask.js';
import type { ProvisionResult } from './types.js';
import { isObject } from '../util/object.js';

/** Okta profile attributes that identify a person. */
const PERSONAL_OKTA = new Set([
  'login',
  'email',
  'secondEmail',
  'firstName',
  'lastName',
  'middleName',
  'displayName',
  'nickName',
  'title',
  'mobilePhone',
  'primaryPhone',
  'streetAddress',
  'postalAddress',
  'manager',
  'profileUrl',
  'employeeNumber',
]);
/** SCIM paths whose values identify a person. */
const PERSONAL_SCIM =
  /^(userName|displayName|nickName|title|profileUrl|name|emails|phoneNumbers|addresses|ims|photos)\b|:(manager\.displayName|employeeNumber)$/i;
/** Keys of the result whose values are structure, never personal. */
const STRUCTURAL = new Set([
  'attribute',
  'cause',
  'code',
  'severity',
  'outcome',
  'expression',
  'mode',
  'verdict',
  'schemas',
  'oktaId',
  'scimId',
  'index',
  'prefix',
  'startedAt',
  'tool',
  'inputs',
  'leftOut',
  'scimType',
  'status',
]);
/** Audit's masks (a name in a non-Latin script keeps nothing). */
const maskOne = (value: string): string => (value.includes('@') ? maskEmail(value) : maskName(value));

export class PiiMasker {
  private readonly values = new Set<string>();

  addProfile(profile: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(profile)) if (PERSONAL_OKTA.has(k)) this.addAny(v);
  }

  /** Every string under a personal SCIM path of a User (sent or stored). */
  addScim(resource: unknown, path = ''): void {
    if (isObject(resource)) {
      for (const [k, v] of Object.entries(resource)) {
        // `urn:…:User:manager.displayName`, the way findings name extension attributes
        const next = k.startsWith('urn:')
          ? `${k}:`
          : path === '' || path.endsWith(':')
            ? `${path}${k}`
            : `${path}.${k}`;
        this.addScim(v, next);
      }
    } else if (Array.isArray(resource)) resource.forEach((v) => this.addScim(v, path));
    else if (typeof resource === 'string' && PERSONAL_SCIM.test(path)) this.add(resource);
  }

  add(value: string): void {
    const v = value.trim();
    // one Latin letter is an initial, not a person; one Han character can be a whole name
    if (Array.from(v).length >= 2 || /[^\x00-\x7F]/.test(v)) this.values.add(v);
  }

  private addAny(value: unknown): void {
    if (typeof value === 'string') this.add(value);
    else if (Array.isArray(value)) value.forEach((v) => this.addAny(v));
  }

  /** A masked deep copy of the result (its own payloads and stored values are collected first). */
  result(result: ProvisionResult): ProvisionResult {
    for (const u of result.users) {
      this.addScim(u.payload);
      if (u.user.login) this.add(u.user.login);
      for (const f of u.findings) {
        if (!PERSONAL_SCIM.test(f.attribute)) continue;
        for (const v of [f.sent, f.stored]) if (typeof v === 'string') this.add(v);
      }
    }
    const pattern = this.pattern();
    const text = (s: string) => (pattern ? s.replace(pattern, maskOne) : s).replace(EMAIL_IN_TEXT, maskEmail);
    const walk = (value: unknown, key?: string): unknown => {
      if (key !== undefined && STRUCTURAL.has(key)) return value;
      if (typeof value === 'string') return text(value);
      if (Array.isArray(value)) return value.map((v) => walk(v));
      if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      return value;
    };
    return walk(result) as ProvisionResult;
  }

  /** One alternation, longest first, bounded so "de" never matches inside "department". */
  private pattern(): RegExp | undefined {
    if (this.values.size === 0) return undefined;
    const alternatives = [...this.values]
      .sort((a, b) => b.length - a.length)
      .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
}
