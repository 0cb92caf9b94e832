// Everything that makes an exchange safe to write: secrets out (by header name, by
// value, password attributes), then, with --mask-pii, personal data masked. Nothing
// reaches the capture file or the terminal without passing through here.
import { isSecretHeader, Redactor, REDACTED, SECRET_HEADER_NAMES } from '../util/redact.js';
import type { Exchange, HeaderPairs, RecordedRequest, RecordedResponse } from './capture.js';
import { PiiMasker } from './pii-mask.js';

export interface SanitizeOptions {
  /** --redact entries: header names to redact, and literal values to scrub everywhere. */
  redact?: string[];
  maskPii?: boolean;
  masker?: PiiMasker;
}

const PASSWORD_KEY = /^password$/i;

export class Sanitizer {
  private readonly redactor = new Redactor();
  private readonly headerNames: Set<string>;
  private readonly masker: PiiMasker | undefined;
  private readonly redactEntries: readonly string[];

  constructor(opts: SanitizeOptions = {}) {
    this.redactEntries = opts.redact ?? [];
    this.headerNames = new Set((opts.redact ?? []).map((r) => r.toLowerCase()));
    for (const value of opts.redact ?? []) this.redactor.add(value);
    this.masker = opts.maskPii ? (opts.masker ?? new PiiMasker()) : undefined;
  }

  get maskingPii(): boolean {
    return this.masker !== undefined;
  }

  /** What a capture's header says is redacted: header names, `password`, and --redact entries (a value is not named). */
  redactedList(): string[] {
    const named = this.redactEntries.map((r) => (looksLikeHeaderName(r) ? r : '(a value)'));
    return [...SECRET_HEADER_NAMES, 'password', ...named];
  }

  /** The exchange as it may be stored. Secrets from its headers are learned first, so an echo in a body is caught too. */
  exchange(raw: Exchange): Exchange {
    this.learnSecrets(raw.request.headers);
    if (raw.response) this.learnSecrets(raw.response.headers);
    const userPath = /^\/?Users(\/|$)/.test(raw.request.path);
    const out: Exchange = { ...raw, request: this.request(raw.request, userPath) };
    if (raw.response) out.response = this.response(raw.response, userPath);
    if (raw.error) out.error = this.text(raw.error);
    return out;
  }

  /** Text for the terminal or an error message (same rules as the capture). */
  text(value: string): string {
    const redacted = this.redactor.text(value);
    return this.masker ? this.masker.text(redacted) : redacted;
  }

  private learnSecrets(headers: HeaderPairs): void {
    for (const [name, value] of headers) {
      if (!this.isSecretHeader(name)) continue;
      this.redactor.add(value);
      // `Bearer xyz`, `Basic xyz`, `SSWS xyz`: the credential alone may be echoed elsewhere
      const credential = value.replace(/^\s*[A-Za-z-]+\s+/, '').trim();
      if (credential !== value) this.redactor.add(credential);
    }
  }

  private isSecretHeader(name: string): boolean {
    return isSecretHeader(name) || this.headerNames.has(name.toLowerCase());
  }

  private headers(headers: HeaderPairs): HeaderPairs {
    return headers.map(([n, v]) => [n, this.isSecretHeader(n) ? REDACTED : this.text(v)]);
  }

  private request(req: RecordedRequest, userPath: boolean): RecordedRequest {
    const out: RecordedRequest = { ...req, query: this.query(req.query), headers: this.headers(req.headers) };
    if (req.body !== undefined) out.body = this.body(req.body, userPath);
    if (req.bodyText !== undefined) out.bodyText = this.text(req.bodyText);
    return out;
  }

  private response(res: RecordedResponse, userPath: boolean): RecordedResponse {
    const out: RecordedResponse = { ...res, headers: this.headers(res.headers) };
    if (res.body !== undefined) out.body = this.body(res.body, userPath);
    if (res.bodyText !== undefined) out.bodyText = this.text(res.bodyText);
    return out;
  }

  private body(body: unknown, userPath: boolean): unknown {
    const clean = redactPasswords(this.redactor.value(body));
    return this.masker ? this.masker.json(clean, userPath) : clean;
  }

  /** Each parameter value is decoded, cleaned and encoded again the way it came (+ or %20 for spaces). */
  private query(query: string): string {
    if (!query) return query;
    const plus = /\+/.test(query);
    return query
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return this.redactor.text(pair);
        const raw = pair.slice(eq + 1);
        let value: string;
        try {
          value = decodeURIComponent(plus ? raw.replace(/\+/g, ' ') : raw);
        } catch {
          return `${pair.slice(0, eq)}=${this.redactor.text(raw)}`;
        }
        const clean = this.text(value);
        if (clean === value) return pair; // untouched: keep the exact bytes Okta sent
        const encoded = encodeURIComponent(clean);
        return `${pair.slice(0, eq)}=${plus ? encoded.replace(/%20/g, '+') : encoded}`;
      })
      .join('&');
  }
}

/** `password` attributes and PATCH operations on the password path carry a secret, whatever its value. */
function redactPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPasswords);
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const passwordOp = typeof obj.path === 'string' && PASSWORD_KEY.test(obj.path) && 'value' in obj;
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => {
      if ((PASSWORD_KEY.test(k) && typeof v === 'string') || (passwordOp && k === 'value')) return [k, REDACTED];
      return [k, redactPasswords(v)];
    }),
  );
}

function looksLikeHeaderName(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(value) && value.length <= 64;
}
