// The suite file format, as data. schemas/suite.schema.json is the JSON Schema of
// the same shape (shipped so editors can autocomplete suites); keep both in step.
import type { SourcePosition } from '../model/position.js';
import type { Severity } from '../model/severity.js';
import type { AudienceSeverities, AudienceSpec } from '../model/audience.js';

export interface RequestSpec {
  method: string; // GET POST PUT PATCH DELETE HEAD
  path: string; // relative to the base URL; may contain ${{ }} templates
  /** Ordered query parameters; values are templated and percent-encoded (%20 for space). */
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown; // JSON body, templated recursively
  /** Raw body string (sent as is), for malformed-input tests. */
  rawBody?: string;
  /** default: send the run's bearer token; none: no Authorization; invalid: a wrong token. */
  auth?: 'default' | 'none' | 'invalid';
  /** How query values are encoded: `percent` (default, space = %20) or `form` (space = +). */
  queryEncoding?: 'percent' | 'form';
}

/** One expectation. Exactly one of status/header/path/schema/check/maxDurationMs selects the kind. */
export interface Expectation {
  code?: string; // stable check code; defaulted from suite/test/step when absent
  severity?: Severity; // default must
  /** Whom the check protects (okta, test-app, oin, rfc); replaces the test's and suite's `for:`. */
  for?: AudienceSpec;
  ref?: string; // RFC section or Okta behaviour, printed on failure
  description?: string;

  status?: number | number[];
  header?: string; // header name (case-insensitive)
  path?: string; // body path: `Resources[0].id`, `$.emails[type eq "work"].value`, `meta.location`
  // matchers for header/path:
  equals?: unknown;
  notEquals?: unknown;
  matches?: string; // regular expression (JavaScript syntax)
  exists?: boolean;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
  length?: number | { min?: number; max?: number };
  contains?: unknown; // array contains (deep-equal) or string contains
  lte?: number | string; // numeric comparison (templated)
  gte?: number | string;
  caseInsensitive?: boolean; // for equals on strings

  schema?: string; // bundled JSON Schema name: User, Group, ListResponse, Error, ...
  check?: string; // named built-in check (registry in src/checks)
  with?: Record<string, unknown>; // arguments for a named check
  maxDurationMs?: number;
  /** Evaluated only when the response status is this one or in this range. */
  whenStatus?: number | { min?: number; max?: number };
  /** Where the expectation is in its suite file (set by the loader). */
  position?: SourcePosition;
  /** Its `for:` (or the test's or suite's) resolved to a severity per audience (set by the loader). */
  audience?: AudienceSeverities;
}

export interface StepSpec {
  id: string;
  name?: string;
  request: RequestSpec;
  expect?: Expectation[];
  /** name → body path (or `header:Name`) to capture after the step. */
  capture?: Record<string, string>;
  /** Records the resource this step created, for clean-up at the end of the run. */
  creates?: { type: 'User' | 'Group' | string; id: string; cleanup?: RequestSpec[] };
  /** Explicit step ids this one depends on (in addition to captures it uses). */
  needs?: string[];
  /** Capabilities this step needs (e.g. groups); skipped with the reason when the server lacks them. */
  requires?: string[];
  /**
   * Walk every page of a list endpoint the way Okta imports: startIndex=1, then
   * 1+count, ... until totalResults is reached. Expectations apply to every page;
   * the walk itself is checked for duplicates, gaps, changing totals and (with
   * walks: 2) a stable order.
   */
  paginate?: { count: number; maxPages?: number; walks?: number; advance?: 'returned' | 'count' };
  /** Send the request this many times at once (e.g. two POSTs for the same user). */
  concurrent?: number;
  /** A request of scim-check's own (a fixture, a verification read) that Okta itself would not send. */
  ours?: boolean;
  position?: SourcePosition;
  /** The test's or suite's `for:`, for the checks the runner adds itself (set by the loader). */
  defaultFor?: AudienceSpec;
  /** The first name of each template reference in the step (set by the loader, so the build does it for bundled suites). */
  uses?: string[];
}

export interface TestSpec {
  name: string;
  id?: string;
  description?: string;
  tags?: string[];
  requires?: string[]; // capabilities: patch, filter, sort, etag, bulk, groups, changePassword
  /** Default audience of the test's checks (names only); replaces the suite's. */
  for?: AudienceSpec;
  steps: StepSpec[];
  position?: SourcePosition;
}

export interface SuiteSpec {
  name: string;
  description?: string;
  tags?: string[];
  requires?: string[];
  /** Default audience of every check in the suite (names only): `okta`, `[okta, rfc]`, `rfc`, `oin`. */
  for?: AudienceSpec;
  /** Check every single User a response carries against the run's profile (code `<step>.profile`). */
  checkUsersAgainstProfile?: boolean | Severity; // true: should, like the packs' explicit profile checks
  /** Passive checks on every response of every step (pages and concurrent requests included). */
  everyResponse?: Expectation[];
  /** Lets steps POST to /Bulk; every operation inside is checked by the write guard like a request of its own. */
  allowBulk?: boolean;
  variables?: Record<string, unknown>;
  defaults?: { headers?: Record<string, string> };
  tests: TestSpec[];
  file: string; // absolute path of the YAML file it came from
}
