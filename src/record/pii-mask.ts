// --mask-pii for captures: names, emails and phone numbers are replaced by stand-ins
// derived from an HMAC of the value, so the same person gets the same stand-in in every
// exchange (a filter, the create body and the answer stay linked) while the capture
// no longer says who it was. The key is random per recording: stand-ins cannot be
// reversed by hashing a list of known addresses.
import { createHmac, randomBytes } from 'node:crypto';

const SYLLABLES = ['ka', 've', 'ro', 'mi', 'lu', 'sa', 'to', 'ne', 'di', 'fa', 'go', 'hu', 'pe', 'ri', 'zo', 'ba'];
const EMAIL_CAPTURE = /([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
/** A filter comparing a personal attribute with a quoted value: `userName eq "ada@example.com"`. */
const PERSONAL_FILTER =
  /\b(userName|emails(?:\.value)?|name\.(?:givenName|familyName|middleName|formatted)|nickName|phoneNumbers(?:\.value)?)(\s+(?:eq|ne|co|sw|ew)\s+")((?:[^"\\]|\\.)*)"/gi;

/** An email stand-in this masker wrote: never masked twice. */
const STAND_IN_EMAIL = /^person-[0-9a-f]{10}@example\.test$/i;

export type PiiKind = 'email' | 'name' | 'phone';

export class PiiMasker {
  private readonly key: Buffer;
  /** Name words masked so far → their stand-ins, for the same words later seen inside free text. */
  private readonly seenWords = new Map<string, string>();

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  private digest(kind: PiiKind, value: string): Buffer {
    // case-insensitive: Okta sends the same userName in other cases and they must stay linked
    return createHmac('sha256', this.key).update(`${kind}\0${value.toLowerCase()}`).digest();
  }

  mask(kind: PiiKind, value: string): string {
    if (value === '' || value.startsWith('[')) return value; // empty, or already [REDACTED]
    let out: string;
    if (kind === 'phone') out = this.phone(value);
    else if (kind === 'email' || value.includes('@')) out = this.email(value);
    else
      out = value
        .split(/(\s+)/)
        .map((w) => (/^\s*$/.test(w) ? w : this.word(w)))
        .join('');
    return out;
  }

  private email(value: string): string {
    const h = this.digest('email', value).toString('hex').slice(0, 10);
    const out = `person-${h}@example.test`;
    return value === value.toUpperCase() && value !== value.toLowerCase() ? out.toUpperCase() : out;
  }

  private word(value: string): string {
    const d = this.digest('name', value);
    let w = [...d.subarray(0, 3)].map((b) => SYLLABLES[b % SYLLABLES.length]).join('');
    if (value === value.toUpperCase() && value !== value.toLowerCase()) w = w.toUpperCase();
    else if (/^[A-Z]/.test(value)) w = w.charAt(0).toUpperCase() + w.slice(1);
    if (value.length >= 3) this.seenWords.set(value, w);
    return w;
  }

  private phone(value: string): string {
    const d = this.digest('phone', value.replace(/\D/g, ''));
    let i = 0;
    return value.replace(/\d/g, () => String((d[i++ % d.length] ?? 0) % 10));
  }

  /** Masks emails, personal filter values and every value masked so far inside free text. */
  text(text: string): string {
    const out = text.replace(PERSONAL_FILTER, (_m, attr: string, op: string, value: string) => {
      const kind: PiiKind = /^phone/i.test(attr)
        ? 'phone'
        : /^email/i.test(attr) || value.includes('@')
          ? 'email'
          : 'name';
      return `${attr}${op}${this.mask(kind, value)}"`;
    });
    // emails first; between them, each word is looked up (constant time however many people were seen)
    const parts = out.split(EMAIL_CAPTURE);
    return parts
      .map((part, i) => {
        if (i % 2 === 1) return STAND_IN_EMAIL.test(part) ? part : this.mask('email', part);
        return this.seenWords.size === 0 ? part : part.replace(WORD, (w) => this.seenWords.get(w) ?? w);
      })
      .join('');
  }

  /** A deep copy of a SCIM JSON body with personal attributes masked; `user`: the body is about a User (e.g. a PATCH to /Users/x). */
  json(value: unknown, user = false): unknown {
    return this.walk(value, undefined, user);
  }

  private walk(value: unknown, key: string | undefined, inUser: boolean): unknown {
    if (typeof value === 'string') {
      const kind = key === undefined ? undefined : personalKind(key, inUser);
      return kind ? this.mask(kind, value) : this.text(value);
    }
    if (Array.isArray(value)) return value.map((v) => this.walk(v, key, inUser));
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const user = inUser || looksLikeUser(obj);
      const out: Record<string, unknown> = {};
      // personal attributes first, so the free-text pass over the others knows their stand-ins
      const keys = Object.keys(obj).sort((a, b) => Number(!personalKind(a, user)) - Number(!personalKind(b, user)));
      for (const k of keys) out[k] = this.walkChild(obj[k], k, key, user);
      return Object.fromEntries(Object.keys(obj).map((k) => [k, out[k]]));
    }
    return value;
  }

  private walkChild(child: unknown, k: string, parentKey: string | undefined, user: boolean): unknown {
    // the value inside emails[] / phoneNumbers[] / members[] is named by its parent
    const contextual = (k === 'value' || k === 'display') && parentKey ? `${parentKey}.${k}` : k;
    const childIsUserPart =
      user && (k === 'name' || k === 'emails' || k === 'phoneNumbers' || k === 'addresses' || k === 'manager');
    if (childIsUserPart && child && typeof child === 'object') return this.walkPart(child, k);
    return this.walk(child, contextual, user && k !== 'groups' && k !== 'members');
  }

  /** Inside name / emails / phoneNumbers / addresses / manager of a User. */
  private walkPart(value: unknown, part: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.walkPart(v, part));
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        const kind = typeof v === 'string' ? partKind(part, k) : undefined;
        return [k, kind ? this.mask(kind, v as string) : this.walk(v, k, false)];
      }),
    );
  }
}

function looksLikeUser(obj: Record<string, unknown>): boolean {
  if ('userName' in obj) return true;
  const schemas = obj.schemas;
  return Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && /:User$/.test(s));
}

function personalKind(key: string, inUser: boolean): PiiKind | undefined {
  switch (key) {
    case 'userName':
      return 'name'; // becomes an email stand-in when the value is an email
    case 'displayName':
    case 'nickName':
      return inUser ? 'name' : undefined; // a Group's displayName is not personal
    case 'members.display':
      return 'name';
    default:
      return undefined;
  }
}

function partKind(part: string, key: string): PiiKind | undefined {
  if (part === 'name') return ['givenName', 'familyName', 'middleName', 'formatted'].includes(key) ? 'name' : undefined;
  if (part === 'emails') return key === 'value' || key === 'display' ? 'email' : undefined;
  if (part === 'phoneNumbers') return key === 'value' || key === 'display' ? 'phone' : undefined;
  if (part === 'addresses') return ['streetAddress', 'formatted'].includes(key) ? 'name' : undefined;
  if (part === 'manager') return key === 'displayName' ? 'name' : undefined;
  return undefined;
}
