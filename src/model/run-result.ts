// The result of a run, as plain data. Reporters are pure functions of a RunResult.
import type { Severity } from './severity.js';
import type { SourcePosition } from './position.js';
import type { AudienceSeverities, VerdictChoice } from './audience.js';

export interface CheckResult {
  code: string;
  /** The severity this check counts with under the run's verdict (see src/audience/effective-severity.ts). */
  severity: Severity;
  /** Whom the check protects, with its severity for each; absent: the same severity under every verdict. */
  audience?: AudienceSeverities;
  /** The check protects none of the audiences the verdict covers: shown, counted as a warning. */
  outsideVerdict?: boolean;
  passed: boolean;
  /** What was checked, in words: `status is 201`, `Resources exists`. */
  title: string;
  expected?: unknown;
  actual?: unknown;
  /** Why it failed, when that needs more than expected/actual (e.g. ajv errors). */
  detail?: string;
  ref?: string;
  where?: SourcePosition;
  /** Set when the expectation itself could not be evaluated (a template, body path or validator error): the check errored. */
  error?: { code: string; message: string };
  /** The body path a `path:` expectation looked at, so a trace can point at it. */
  path?: string;
  /** Set when a baseline accepted this failure. */
  baselined?: { reason: string; expires?: string };
}

export interface RecordedExchange {
  method: string;
  url: string; // redacted
  requestHeaders: Record<string, string>; // redacted
  requestBody?: unknown; // redacted
  status?: number;
  responseHeaders?: Record<string, string>; // redacted
  responseBody?: unknown; // redacted, parsed JSON or a truncated string
  durationMs: number;
  /** Answers (429/503) after which the same request was sent again, and how long the run waited. */
  retries?: { status: number; waitedMs: number }[];
  /** ISO time the request was sent (HAR needs it). */
  startedAt?: string;
}

export type StepStatus = 'passed' | 'failed' | 'warned' | 'skipped' | 'errored';

export interface StepResult {
  id: string;
  name: string;
  status: StepStatus;
  checks: CheckResult[];
  exchanges: RecordedExchange[];
  durationMs: number;
  skipReason?: string;
  error?: { code: string; message: string };
  /** scim-check's own request (fixture, verification read), not traffic Okta would send. */
  ours?: true;
}

export interface TestResult {
  name: string;
  id: string;
  status: StepStatus;
  steps: StepResult[];
  durationMs: number;
  skipReason?: string;
  /** Where the test is written in its suite (CI annotations and JUnit point there). */
  where?: SourcePosition;
}

export interface SuiteResult {
  name: string;
  file: string;
  description?: string;
  tags: string[];
  tests: TestResult[];
  durationMs: number;
}

export interface CleanupRecord {
  type: string;
  id: string;
  /** `DELETE /Users/abc` or `PATCH /Users/abc (active=false)`. */
  via?: string;
  status: 'removed' | 'failed';
  detail?: string;
}

export interface RunSummary {
  tests: number;
  passed: number;
  failed: number;
  warned: number;
  skipped: number;
  errored: number;
  checks: number;
  mustFailures: number;
  shouldFailures: number;
  baselined: number;
}

export interface RunResult {
  tool: { name: 'scim-check'; version: string };
  target: { baseUrl: string; embedded: boolean };
  runId: string; // the run-unique prefix used in created data
  /** Whom the run was judged for (--for, --okta). */
  judgedFor?: VerdictChoice;
  startedAt: string;
  durationMs: number;
  suites: SuiteResult[];
  cleanup: CleanupRecord[];
  summary: RunSummary;
  /** Run-level problems: interrupted, transport failure, baseline staleness... */
  notices: { level: 'error' | 'warning' | 'info'; code: string; message: string }[];
  interrupted?: 'SIGINT' | 'SIGTERM';
  /** Set when the run stopped before its last test: the rest is listed as skipped with this reason. */
  halted?: { code: HaltCode; message: string };
}

/** Why a run stopped before its last test: the probe, the target's health, or --bail. */
export type HaltCode = 'TARGET_UNREACHABLE' | 'TARGET_UNRESPONSIVE' | 'TOKEN_REJECTED' | 'BAIL';
