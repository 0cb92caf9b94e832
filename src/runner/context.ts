// Everything a run needs, gathered once by the CLI and passed down the layers.
import type { HttpClient } from '../http/client.js';
import type { Redactor } from '../util/redact.js';
import type { ResourceLedger } from './cleanup.js';
import type { AttributeProfile } from '../profile/types.js';
import type { DeclaredModel, DeclaredSchemas, DiscoveryGet } from '../schema/declared/index.js';
import type { VerdictChoice } from '../model/audience.js';

export interface RunOptions {
  baseUrl: string;
  token: string;
  embedded: boolean;
  timeoutMs: number;
  bail: boolean;
  extraHeaders: Record<string, string>;
  profile: AttributeProfile;
  languageFormat: 'iso639-1' | 'bcp47';
  /**
   * --schemas: the server's /Schemas and /ResourceTypes from a file instead of the server,
   * read once by the CLI before any request (a bad file is exit 2).
   */
  declaredSchemas?: { file: string; model: DeclaredModel };
  /** Read /Schemas and /ResourceTypes first (default true); off for exact Okta replays. */
  discoverSchemas?: boolean;
  /** Tests inject a clock and sleep here; the CLI uses the defaults. */
  retry?: Partial<import('./retry.js').RetryPolicy>;
  /** --for / --okta: whom checks are judged for (default Okta, catalogue Test App). */
  verdict?: VerdictChoice;
  /**
   * Whether groups are in scope: false (--no-groups: Group Push and Import Groups off) skips the
   * tests that need groups; true takes them as in scope without asking the server (an exact
   * replay such as test-credentials); absent, /ResourceTypes decides.
   */
  groups?: boolean;
}

export interface RunContext {
  options: RunOptions;
  client: HttpClient;
  redactor: Redactor;
  ledger: ResourceLedger;
  runId: string;
  /** Run-unique prefix carried by every userName/displayName/externalId the run creates. */
  prefix: string;
  signal: AbortSignal;
  /** GET of /ServiceProviderConfig, /ResourceTypes or /Schemas: sent once per run, the answer shared. */
  discovery: DiscoveryGet;
  capabilities(): Promise<Record<string, boolean>>;
  /** Removals done so far (each test cleans up when it ends), in order. */
  cleanupRecords: import('../model/run-result.js').CleanupRecord[];
  /** When and how 429/503 answers are retried (idempotent requests only). */
  retry: import('./retry.js').RetryPolicy;
  /** Writes that got no usable answer: they may have taken effect, so the run sweeps its prefix at the end. */
  uncertainWrites: number;
  /** Stops the run early when the target rejects the token or stops answering. */
  health: import('./target-health.js').TargetHealth;
  /** Set when the run must stop before its last test (--bail, or the target's health). */
  halt?: import('./target-health.js').Halt;
  /** The server's own schemas, loaded once at the start of the run (absent when it publishes none). */
  declaredSchemas?: DeclaredSchemas;
}
