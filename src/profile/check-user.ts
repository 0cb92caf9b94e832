// Checks one User against an attribute profile: mandatory attributes present, and
// every profiled attribute in its format. Findings are data; prose is for reporters.
import { parseProfilePath, resolveValues, type ProfilePath } from './attribute-resolver.js';
import { checkFormat } from './formats.js';
import type { AttributeFinding, AttributeProfile, FormatRule, LanguageFormat, MandatoryRule } from './types.js';
import type { Severity } from '../model/severity.js';

export interface CheckUserOptions {
  /** Applies to `format: language` rules (the run's --language-format). */
  languageFormat: LanguageFormat;
}

/** A profile's rules with their paths parsed, once per profile: an audit checks every user with them. */
interface Plan {
  mandatory: { rule: MandatoryRule; path: ProfilePath }[];
  formats: { rule: FormatRule; path: ProfilePath }[];
}

const plans = new WeakMap<AttributeProfile, Plan>();

function planOf(profile: AttributeProfile): Plan {
  let plan = plans.get(profile);
  if (!plan) {
    plan = {
      mandatory: profile.mandatory.map((rule) => ({ rule, path: parseProfilePath(rule.attribute) })),
      formats: profile.formats.map((rule) => ({ rule, path: parseProfilePath(rule.attribute) })),
    };
    plans.set(profile, plan);
  }
  return plan;
}

export function checkUser(user: object, profile: AttributeProfile, opts: CheckUserOptions): AttributeFinding[] {
  const findings: AttributeFinding[] = [];
  const plan = planOf(profile);
  for (const { rule, path } of plan.mandatory) {
    const finding = checkMandatory(user, rule, path);
    if (finding) findings.push(finding);
  }
  for (const { rule, path } of plan.formats) checkFormatRule(user, rule, path, opts.languageFormat, findings);
  return findings;
}

function checkMandatory(user: object, rule: MandatoryRule, path: ProfilePath): AttributeFinding | undefined {
  // the common case, a filled first path, allocates nothing (an audit runs this for every user)
  if (resolveValues(user, path).some(isFilled)) return undefined;
  const paths = [rule.attribute, ...(rule.anyOf ?? [])];
  const values = paths.flatMap((p) => resolveValues(user, p));
  if (values.some(isFilled)) return undefined;
  const where = paths.length > 1 ? `${rule.attribute} (or ${paths.slice(1).join(', ')})` : rule.attribute;
  return {
    code: values.length === 0 ? 'ATTR_MANDATORY_MISSING' : 'ATTR_MANDATORY_EMPTY',
    severity: rule.severity,
    attribute: rule.attribute,
    ...(values.length > 0 ? { value: values[0] } : {}),
    message: values.length === 0 ? `${rule.label}: ${where} is missing` : `${rule.label}: ${where} is empty`,
    ...(rule.ref ? { ref: rule.ref } : {}),
  };
}

/** Pushes a finding per value out of format into `findings` (no array per rule: this runs for every user). */
function checkFormatRule(
  user: object,
  rule: FormatRule,
  path: ProfilePath,
  languageFormat: LanguageFormat,
  findings: AttributeFinding[],
): void {
  for (const value of resolveValues(user, path)) {
    const verdict = checkFormat(value, rule.format, languageFormat);
    if (verdict.ok) continue;
    findings.push({
      code: verdict.code,
      severity: weaker(rule.severity, verdict.severity),
      attribute: rule.attribute,
      value,
      message: `${rule.attribute} ${JSON.stringify(value)} ${verdict.message}`,
      ...(rule.ref ? { ref: rule.ref } : {}),
    });
  }
}

/** A finding is as strong as the weaker of the rule and the verdict (legacy forms are should-level). */
function weaker(a: Severity, b: Severity): Severity {
  return a === 'should' || b === 'should' ? 'should' : 'must';
}

function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined;
}
