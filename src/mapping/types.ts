// Public data shapes of validate-mapping, and the internal model its readers produce.
import type { SourcePosition } from '../model/position.js';
import type { MappingFormat } from '../model/mapping-result.js';
import type { ElType } from './el/types.js';
import type { PathKey, PositionedDoc } from './input/positioned.js';

export type LanguageFormat = 'iso639-1' | 'bcp47';

export interface ValidateMappingOptions {
  mappingFile: string;
  /** Required unless the mapping is in the compact YAML form and carries externalName for every attribute. */
  appSchemaFile?: string;
  userSchemaFile?: string;
  /** Profile name (okta-minimum, eptura, ...) or a profile file. */
  profile: string;
  samplesFile?: string;
  /** Expression Okta uses for userName (Sign On "Application username format"). Default `user.login`. */
  usernameFormat?: string;
  /** Default: the profile's setting, else iso639-1. */
  languageFormat?: LanguageFormat;
}

// ---- internal model --------------------------------------------------------------

export interface MappingEntry {
  target: string;
  expression: string;
  pushStatus?: string;
  position: SourcePosition;
  /** Path of the expression string in the mapping document (for column positions). */
  expressionPath?: PathKey[];
}

export interface AppAttribute {
  name: string;
  type?: string;
  externalName?: string;
  externalNamespace?: string;
  required: boolean;
  enum?: unknown[];
  maxLength?: number;
  pattern?: string;
  position: SourcePosition;
}

export interface MappingModel {
  format: MappingFormat;
  doc: PositionedDoc;
  sourceType?: string;
  targetType?: string;
  entries: MappingEntry[];
  /** Compact form only: attributes declared with externalName inline. */
  inlineAttributes?: AppAttribute[];
  usernameFormat?: string;
}

export interface AppSchemaModel {
  file: string;
  attributes: Map<string, AppAttribute>;
}

export interface SourceAttribute {
  type: ElType;
  nullable: boolean;
}

export interface UserSchemaModel {
  source: 'file' | 'builtin';
  attributes: Map<string, SourceAttribute>;
}
