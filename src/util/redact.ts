// Redaction happens before anything is stored in a result, so no reporter,
// log line or error message can leak a secret by accident.

export const REDACTED = '[REDACTED]';
/** Headers whose value is hidden whole, whatever it is (lower case). */
export const SECRET_HEADER_NAMES: readonly string[] = [
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
  'x-api-key',
];
const SECRET_HEADERS = new Set(SECRET_HEADER_NAMES);

/** Headers whose value is always a secret, whatever it looks like. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export class Redactor {
  private secrets: string[] = [];

  /** Register a secret value; it will be replaced wherever it appears. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return; // too short to redact meaningfully without mangling text
    if (!this.secrets.includes(secret)) {
      this.secrets.push(secret);
      // longest first, so a secret containing another is replaced whole
      this.secrets.sort((a, b) => b.length - a.length);
    }
  }

  text(value: string): string {
    let out = value;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  headers(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, raw] of Object.entries(headers)) {
      if (raw === undefined) continue;
      const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? this.secretHeader(value) : this.text(value);
    }
    return out;
  }

  /**
   * `Bearer <the token>` keeps its scheme (`Bearer [REDACTED]`), so a reproduction can put
   * `$SCIM_TOKEN` back; any other value of a secret header is hidden whole.
   */
  private secretHeader(value: string): string {
    const [, scheme, credential = ''] = /^(Bearer) (\S+)$/i.exec(value) ?? [];
    return scheme && this.secrets.includes(credential) ? `${scheme} ${REDACTED}` : REDACTED;
  }

  /**
   * `value` with every string (keys included) redacted. A run passes every response body and
   * every check through here, and almost none holds a secret: a walk that allocates nothing
   * finds out, and only then is the value copied with the secrets replaced. Otherwise the
   * value itself comes back (JSON data: plain objects, arrays, scalars).
   */
  value<T>(value: T): T {
    return this.holdsSecret(value) ? this.copy(value) : value;
  }

  /**
   * `value` as JSON.parse read it from `text` (a response body). With no escape sequence in the
   * text, every string of the value (keys included) is a verbatim slice of it; so when the text
   * holds no secret and no `__proto__` member (which a copy drops), nothing would change: the
   * value comes back without a walk. Otherwise as value().
   */
  parsedJson<T>(value: T, text: string): T {
    if (!text.includes('\\') && !text.includes('__proto__') && !this.secrets.some((s) => text.includes(s)))
      return value;
    return this.value(value);
  }

  /** True when a copy would differ: a secret somewhere, or anything but plain JSON-like data. */
  private holdsSecret(value: unknown): boolean {
    if (typeof value === 'string') {
      for (const s of this.secrets) if (value.includes(s)) return true;
      return false;
    }
    if (value === null || typeof value !== 'object') return false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!(i in value) || this.holdsSecret(value[i])) return true;
      return false;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return true; // copied as before: its own entries only
    for (const key of Object.keys(value)) {
      // an own "__proto__" member is not kept by a copy (assignment sets the prototype): copy as before
      if (key === '__proto__' || this.holdsSecret(key) || this.holdsSecret((value as Record<string, unknown>)[key]))
        return true;
    }
    // symbol keys and non-enumerable members are dropped by a copy
    return (
      Object.getOwnPropertySymbols(value).length > 0 ||
      Object.getOwnPropertyNames(value).length !== Object.keys(value).length
    );
  }

  /** Deep copy with every string redacted by value. */
  private copy<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.copy(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.copy(v);
      return out as T;
    }
    return value;
  }
}
