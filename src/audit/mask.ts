// --mask-pii: reports name the offending resource without showing who it is. Emails keep
// their first character and domain (enough to tell tenants apart), names their initial.
// Ids, attribute paths and non-personal values (timezones, languages) stay readable.
// These are the masks of every report (audit and provision); captures (record) keep people
// apart with stand-ins instead (src/record/pii-mask.ts).
import type { AuditFinding, AuditResult } from '../model/audit-result.js';

/** An email address inside free text. */
export const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
const PERSONAL_ATTRIBUTE = /^(userName|displayName|nickName|name(\.|$)|emails(\.|$)|title)/i;

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskName(email);
  return `${initialOf(email)}***${email.slice(at)}`;
}

export function maskName(name: string): string {
  return name.length === 0 ? name : `${initialOf(name)}***`;
}

/** The first letter, for a Latin script only: elsewhere one character is often a whole name (山田). */
function initialOf(text: string): string {
  const first = Array.from(text)[0] ?? '';
  return /^\p{Script=Latin}/u.test(first) ? first : '';
}

function maskText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, maskEmail);
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('@') ? maskEmail(value) : maskName(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  return value;
}

/** A copy of the finding with personal data masked, including inside its message. */
export function maskFinding(finding: AuditFinding): AuditFinding {
  const out: AuditFinding = { ...finding };
  let message = finding.message;
  const personalValue = finding.attribute !== undefined && PERSONAL_ATTRIBUTE.test(finding.attribute);
  if (finding.label !== undefined) {
    out.label = finding.label.includes('@') ? maskEmail(finding.label) : maskName(finding.label);
    if (finding.label) message = message.split(finding.label).join(out.label);
  }
  if (personalValue && finding.value !== undefined) {
    out.value = maskValue(finding.value);
    if (typeof finding.value === 'string' && finding.value)
      message = message.split(finding.value).join(String(out.value));
  }
  out.message = maskText(message);
  // whatever the attribute, an email address inside a value is personal
  if (typeof out.value === 'string') out.value = maskText(out.value);
  return out;
}

/** The examples every report shows, masked like the streamed findings. */
export function maskResult(result: AuditResult): AuditResult {
  return { ...result, rules: result.rules.map((r) => ({ ...r, examples: r.examples.map(maskFinding) })) };
}
