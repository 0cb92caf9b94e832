// Redaction happens before anything is stored in a result, so no reporter,
// log line or error message can leak a secret by accident.

export const REDACTED = '[REDACTED]';
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-api-key']);

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

  /** Deep copy with every string redacted by value. */
  value<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.value(v);
      return out as T;
    }
    return value;
  }
}
