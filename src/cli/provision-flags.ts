// The flags of `scim-check provision` as commander hands them over (read by commands/provision.ts and provision-and-report.ts).
import type { TargetFlags } from './target.js';

export interface ProvisionFlags extends TargetFlags {
  users: string[];
  mapping: string;
  appSchema?: string;
  userSchema?: string;
  profile: string;
  usernameFormat?: string;
  languageFormat?: 'iso639-1' | 'bcp47';
  csvEmpty: 'null' | 'empty-string';
  limit?: number;
  sample?: number;
  seed: number;
  dryRun?: boolean;
  concurrency: number;
  rate?: string;
  maxExamples: number;
  maskPii?: boolean;
  progress: boolean;
  reporter?: string[];
  header?: string[];
  timeout: number;
  insecure?: boolean;
  ca?: string;
}
