// The flags of `scim-check run` as commander hands them over (read by commands/run.ts and run-and-report.ts).
import type { TargetFlags } from './target.js';

export interface RunFlags extends TargetFlags {
  reporter?: string[];
  header?: string[];
  bail?: boolean;
  grep?: string;
  tag?: string[];
  profile: string;
  languageFormat?: 'iso639-1' | 'bcp47';
  timeout: number;
  baseline?: string;
  updateBaseline?: string;
  schemas?: string;
  insecure?: boolean;
  /** test-credentials turns this off: an exact replay of Okta's probe sends nothing else. */
  discoverSchemas?: boolean;
  ca?: string;
  /** --for okta|rfc|okta,rfc and --okta test-app|oin: the verdict checks are judged by. */
  for?: string;
  okta?: string;
  /** --no-groups: group push and import are off; group tests are skipped. */
  groups?: boolean;
  /** --var NAME=VALUE, and the config file's vars (set by src/cli/project-config.ts). */
  var?: string[];
  configVars?: Record<string, string | number | boolean>;
  verbose?: boolean;
  /** console: only failures and errors, then the verdict line (and where the reports went). */
  quiet?: boolean;
  trace?: boolean;
  rerunFailed?: string;
}
