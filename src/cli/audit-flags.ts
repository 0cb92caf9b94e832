// The flags of `scim-check audit` as commander hands them over (read by commands/audit.ts and audit-and-report.ts).
import type { TargetFlags } from './target.js';

export interface AuditFlags extends TargetFlags {
  reporter?: string[];
  header?: string[];
  profile: string;
  languageFormat: 'iso639-1' | 'bcp47';
  resources: string;
  pageSize: number;
  concurrency: number;
  rate?: string;
  maxResources?: number;
  maxExamples: number;
  maskPii?: boolean;
  progress: boolean;
  timeout: number;
  insecure?: boolean;
  ca?: string;
  /** --schemas and --baseline, as for run. */
  schemas?: string;
  baseline?: string;
}
