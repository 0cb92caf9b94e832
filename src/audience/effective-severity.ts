// The one mapping from what a check declares (a severity per audience) to the severity it
// counts with under the verdict the user chose. Counting and exit codes use the result.
import type { Severity } from '../model/severity.js';
import type { CheckResult } from '../model/run-result.js';
import { DEFAULT_VERDICT, type AudienceSeverities, type VerdictChoice } from '../model/audience.js';

export interface EffectiveSeverity {
  severity: Severity;
  /** True when the check protects none of the chosen audiences: it ran, and counts as a warning. */
  outsideVerdict: boolean;
}

/**
 * The strongest severity among the audiences the verdict covers (Okta under the chosen
 * integration, the RFC); a check that protects none of them is a warning, never dropped.
 * `declared` is used only for checks without an audience, which hold under every verdict.
 */
export function effectiveSeverity(
  declared: Severity,
  audience: AudienceSeverities | undefined,
  verdict: VerdictChoice,
): EffectiveSeverity {
  if (audience === undefined) return { severity: declared, outsideVerdict: false };
  const covered: (Severity | undefined)[] = [];
  if (verdict.for.includes('okta')) covered.push(audience[verdict.okta]);
  if (verdict.for.includes('rfc')) covered.push(audience.rfc);
  const present = covered.filter((s): s is Severity => s !== undefined);
  if (present.length === 0) return { severity: 'should', outsideVerdict: true };
  return { severity: present.includes('must') ? 'must' : 'should', outsideVerdict: false };
}

/** A check as the verdict counts it: severity (and outsideVerdict) from its audience. Idempotent, so a report can be re-judged. */
export function judgeCheck(check: CheckResult, verdict: VerdictChoice = DEFAULT_VERDICT): CheckResult {
  if (check.audience === undefined) return check;
  const { severity, outsideVerdict } = effectiveSeverity(check.severity, check.audience, verdict);
  const judged: CheckResult = { ...check, severity };
  if (outsideVerdict) judged.outsideVerdict = true;
  else delete judged.outsideVerdict;
  return judged;
}
