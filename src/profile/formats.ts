// One entry point for every attribute format a profile can name.
import { checkLocale, checkTimezone, classifyLanguage, type FormatVerdict } from './language.js';
import type { AttributeFormat, LanguageFormat } from './types.js';

export type { FormatVerdict };

const OK: FormatVerdict = { ok: true };

// Pragmatic address check (what directories accept), not the full RFC 5322 grammar:
// one "@", no spaces, a dotted domain whose labels don't start or end with "-".
const EMAIL_RE = /^[^\s@"(),:;<>[\]\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export function checkEmail(value: unknown): FormatVerdict {
  if (typeof value !== 'string')
    return { ok: false, code: 'EMAIL_INVALID', severity: 'must', message: 'must be a string' };
  const local = value.slice(0, value.lastIndexOf('@'));
  const badDots = local.startsWith('.') || local.endsWith('.') || local.includes('..');
  if (!EMAIL_RE.test(value) || badDots) {
    return { ok: false, code: 'EMAIL_INVALID', severity: 'must', message: `"${value}" is not an email address` };
  }
  return OK;
}

function checkUri(value: unknown): FormatVerdict {
  if (typeof value === 'string' && /^[a-z][a-z\d+.-]*:/i.test(value) && URL.canParse(value)) return OK;
  return { ok: false, code: 'URI_INVALID', severity: 'must', message: 'is not an absolute URI' };
}

// Language, locale and time zone values repeat across a tenant (a few hundred distinct values
// among a million users), and the time zone check builds an Intl.DateTimeFormat: their
// verdicts, pure functions of the text, are remembered. Bounded: cleared when full.
const REMEMBERED: ReadonlySet<AttributeFormat> = new Set<AttributeFormat>([
  'language',
  'iso639-1',
  'bcp47',
  'locale',
  'iana-timezone',
]);
const MAX_REMEMBERED = 4096;
const verdicts = new Map<string, FormatVerdict>();

/**
 * Checks one value. `language` follows the run's language format; `iso639-1` and
 * `bcp47` are fixed by the profile.
 */
export function checkFormat(value: unknown, format: AttributeFormat, languageFormat: LanguageFormat): FormatVerdict {
  if (typeof value !== 'string' || !REMEMBERED.has(format)) return checkFormatNow(value, format, languageFormat);
  const key = `${format}\0${languageFormat}\0${value}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdict = checkFormatNow(value, format, languageFormat);
    verdicts.set(key, verdict);
  }
  return verdict;
}

function checkFormatNow(value: unknown, format: AttributeFormat, languageFormat: LanguageFormat): FormatVerdict {
  switch (format) {
    case 'language':
      return classifyLanguage(value, languageFormat);
    case 'iso639-1':
    case 'bcp47':
      return classifyLanguage(value, format);
    case 'locale':
      return checkLocale(value);
    case 'iana-timezone':
      return checkTimezone(value);
    case 'email':
      return checkEmail(value);
    case 'uri':
      return checkUri(value);
    case 'boolean':
      return typeof value === 'boolean'
        ? OK
        : {
            ok: false,
            code: 'ATTR_NOT_BOOLEAN',
            severity: 'must',
            message: `must be true or false, got ${JSON.stringify(value)}`,
          };
    case 'non-empty-string':
      return typeof value === 'string' && value.trim() !== ''
        ? OK
        : { ok: false, code: 'ATTR_EMPTY_STRING', severity: 'must', message: 'must be a non-empty string' };
  }
}
