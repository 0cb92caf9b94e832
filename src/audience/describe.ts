// Audiences and verdicts in words, for reports.
import type { AudienceSeverities, VerdictChoice } from '../model/audience.js';

/** `Okta (catalogue SCIM 2.0 Test App) + RFC 7643/7644`. */
export function describeVerdict(verdict: VerdictChoice): string {
  const parts: string[] = [];
  if (verdict.for.includes('okta'))
    parts.push(verdict.okta === 'oin' ? 'Okta (OIN submission tests)' : 'Okta (catalogue SCIM 2.0 Test App)');
  if (verdict.for.includes('rfc')) parts.push('RFC 7643/7644');
  return parts.join(' + ');
}

/** The flags that select this verdict: `--for okta --okta test-app`. */
export function verdictFlags(verdict: VerdictChoice): string {
  return `--for ${verdict.for.join(',')}${verdict.for.includes('okta') ? ` --okta ${verdict.okta}` : ''}`;
}

/** `okta must, rfc should` or `oin must, test-app should`: both Okta integrations alike read as `okta`. */
export function describeAudience(audience: AudienceSeverities): string {
  const parts: string[] = [];
  const { 'test-app': testApp, oin, rfc } = audience;
  if (testApp !== undefined && testApp === oin) parts.push(`okta ${testApp}`);
  else {
    if (testApp !== undefined) parts.push(`test-app ${testApp}`);
    if (oin !== undefined) parts.push(`oin ${oin}`);
  }
  if (rfc !== undefined) parts.push(`rfc ${rfc}`);
  return parts.join(', ');
}
