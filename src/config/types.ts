// The project config file as loaded (see schemas/config.schema.json and docs/config.md).
import type { SourcePosition } from '../errors.js';

export interface TargetConfig {
  baseUrl: string;
  token?: { env?: string; file?: string };
  headers?: Record<string, string>;
  tls?: { insecure?: boolean; ca?: string };
  allowInsecureHttp?: boolean;
  timeout?: number;
}

export interface ProjectConfig {
  targets?: Record<string, TargetConfig>;
  suites?: string[];
  profile?: string;
  languageFormat?: 'iso639-1' | 'bcp47';
  verdict?: { for?: string; okta?: string };
  baseline?: string;
  schemas?: string;
  reporters?: string[];
  vars?: Record<string, string | number | boolean>;
  /** Absolute path of the file, and its directory (relative paths inside resolve against it). */
  file: string;
  dir: string;
  /** Where a value sits in the file, for one-line errors about it. */
  positionOf: (path: (string | number)[]) => SourcePosition;
}
