// What validate-mapping finds: findings about the mapping itself and about each sample
// user rendered through it, with the inputs they came from.
import type { Finding } from './finding.js';
import type { SourcePosition } from './position.js';
import type { Severity } from './severity.js';

export type MappingFormat = 'okta-api' | 'compact-yaml' | 'terraform';

export interface MappingFinding extends Finding {
  severity: Severity;
  /** The app user attribute (mapping key) or SCIM path the finding concerns. */
  attribute?: string;
  position?: SourcePosition;
  /** A concrete change that would remove the finding (often a replacement expression). */
  fix?: string;
}

export interface SamplePayload {
  sample: string;
  payload: Record<string, unknown>;
  findings: MappingFinding[];
}

export interface ValidateMappingResult {
  findings: MappingFinding[];
  /** How many app attributes the mapping writes. */
  attributes: number;
  /** The catalogue entry (title, reference) of every code among the findings. */
  rules: Record<string, { title: string; ref?: string }>;
  payloads: SamplePayload[];
  summary: { must: number; should: number };
  inputs: {
    mappingFile: string;
    mappingFormat: MappingFormat;
    appSchemaFile?: string;
    userSchemaFile?: string;
    profile: string;
    samplesFile?: string;
    usernameFormat: string;
    languageFormat: 'iso639-1' | 'bcp47';
  };
}
