// Parses `--for okta|rfc|okta,rfc` and `--okta test-app|oin` into a VerdictChoice.
import { UsageError } from '../errors.js';
import { DEFAULT_VERDICT, OKTA_INTEGRATIONS, type OktaIntegration, type VerdictChoice } from '../model/audience.js';

export function parseVerdictFlags(forFlag: string | undefined, oktaFlag: string | undefined): VerdictChoice {
  const chosen = forFlag === undefined ? DEFAULT_VERDICT.for : forFlag.split(',').map((s) => s.trim().toLowerCase());
  for (const a of chosen) {
    if (a !== 'okta' && a !== 'rfc')
      throw new UsageError(`--for must be okta, rfc or okta,rfc, got ${JSON.stringify(forFlag)}`);
  }
  if (chosen.length === 0) throw new UsageError('--for must name okta, rfc or both');
  const okta = (oktaFlag ?? DEFAULT_VERDICT.okta).toLowerCase();
  if (!(OKTA_INTEGRATIONS as readonly string[]).includes(okta))
    throw new UsageError(`--okta must be test-app or oin, got ${JSON.stringify(oktaFlag)}`);
  const unique = [...new Set(chosen)] as VerdictChoice['for'];
  return { for: unique.sort(), okta: okta as OktaIntegration };
}
