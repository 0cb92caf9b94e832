// Turns the `for:` of a check (or of its test or suite, which give the default) into one
// severity per audience. A check without any `for:` (a user's own suite) has no audience:
// its severity holds under every verdict.
import type { Severity } from '../model/severity.js';
import type { Audience, AudienceName, AudienceSeverities, AudienceSpec } from '../model/audience.js';

function expand(name: AudienceName): Audience[] {
  return name === 'okta' ? ['test-app', 'oin'] : [name];
}

const weaker = (a: Severity, b: Severity): Severity => (a === 'should' || b === 'should' ? 'should' : 'must');

/**
 * The check's own `for:` wins and replaces the default entirely: names take the check's
 * `severity`, a mapping gives each audience its severity. Otherwise the test's (else the
 * suite's) `for:` is the default: names take the check's severity, and a mapping caps it
 * per audience (`{oin: must, test-app: should}`: must checks count as should for the Test App).
 */
export function resolveAudience(
  severity: Severity | undefined,
  checkFor: AudienceSpec | undefined,
  ...defaults: (AudienceSpec | undefined)[]
): AudienceSeverities | undefined {
  const own = severity ?? 'must';
  const spec = checkFor ?? defaults.find((s) => s !== undefined);
  if (spec === undefined) return undefined;
  const out: AudienceSeverities = {};
  if (typeof spec === 'string' || Array.isArray(spec)) {
    for (const name of ([] as AudienceName[]).concat(spec)) for (const a of expand(name)) out[a] = own;
    return out;
  }
  const isDefault = checkFor === undefined;
  for (const [name, sev] of Object.entries(spec) as [AudienceName, Severity][]) {
    for (const a of expand(name)) out[a] = isDefault ? weaker(own, sev) : sev;
  }
  return out;
}
