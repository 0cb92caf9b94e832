// Turns the `for:` of a check (or of its test or suite, which give the default) into one
// severity per audience. A check without any `for:` (a user's own suite) has no audience:
// its severity holds under every verdict.
import type { Severity } from '../model/severity.js';
import type { Audience, AudienceName, AudienceSeverities, AudienceSpec } from '../model/audience.js';

function expand(name: AudienceName): Audience[] {
  return name === 'okta' ? ['test-app', 'oin'] : [name];
}

/**
 * The most specific `for:` wins (check, then test, then suite), and replaces the others
 * entirely. Names take the check's own `severity`; a mapping gives each severity itself.
 */
export function resolveAudience(severity: Severity | undefined, ...specs: (AudienceSpec | undefined)[]): AudienceSeverities | undefined {
  const spec = specs.find((s) => s !== undefined);
  if (spec === undefined) return undefined;
  const out: AudienceSeverities = {};
  if (typeof spec === 'string' || Array.isArray(spec)) {
    for (const name of ([] as AudienceName[]).concat(spec)) for (const a of expand(name)) out[a] = severity ?? 'must';
    return out;
  }
  for (const [name, sev] of Object.entries(spec) as [AudienceName, Severity][]) for (const a of expand(name)) out[a] = sev;
  return out;
}
