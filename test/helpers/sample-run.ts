// A realistic RunResult for reporter tests (and for anyone adding a reporter):
// one of every outcome, plus hostile strings a server could send back.
import type { CheckResult, RecordedExchange, RunResult, StepResult } from '../../src/model/run-result.js';

/** Characters XML 1.0 forbids, as a server body might contain them. */
export const INVALID_XML_SAMPLE = 'NUL\u0000 BEL\u0007 ESC\u001b[31m FFFE\uFFFE lone\uD800surrogate';
/** Characters that must be escaped in XML. */
export const XML_SPECIAL_SAMPLE = `<scimType> & "uniqueness" 'quoted'`;

function passedCheck(code: string, title: string): CheckResult {
  return { code, severity: 'must', passed: true, title };
}

function exchange(method: string, url: string, status: number, responseBody?: unknown): RecordedExchange {
  return {
    method,
    url,
    requestHeaders: { authorization: '[REDACTED]', accept: 'application/scim+json' },
    status,
    responseHeaders: { 'content-type': 'application/scim+json' },
    responseBody,
    durationMs: 12,
  };
}

function step(partial: Partial<StepResult> & Pick<StepResult, 'id' | 'status'>): StepResult {
  return { name: partial.id, checks: [], exchanges: [], durationMs: 15, ...partial };
}

const BASE = 'http://127.0.0.1:40123/scim/v2';

function usersSuite(): RunResult['suites'][number] {
  return {
    name: 'Users',
    file: 'suites/users.yaml',
    description: 'User life cycle as Okta drives it',
    tags: ['okta', 'users'],
    durationMs: 640,
    tests: [
      {
        name: 'Create a user',
        id: 'create-user',
        status: 'passed',
        durationMs: 120,
        steps: [
          step({
            id: 'create',
            name: 'POST /Users',
            status: 'passed',
            checks: [passedCheck('USER_CREATE_STATUS', 'status is 201'), passedCheck('USER_CREATE_ID', 'id exists')],
            exchanges: [exchange('POST', `${BASE}/Users`, 201, { id: 'u1', userName: 'sc-run1-alice@example.com' })],
          }),
        ],
      },
      {
        name: 'Reject a duplicate userName',
        id: 'duplicate-user',
        status: 'failed',
        durationMs: 95,
        steps: [
          step({
            id: 'create-duplicate',
            name: 'POST /Users again',
            status: 'failed',
            checks: [
              {
                code: 'USER_DUPLICATE_STATUS',
                severity: 'must',
                passed: false,
                title: 'status is 409',
                expected: 409,
                actual: 201,
                detail: `server answered ${XML_SPECIAL_SAMPLE} with body ${INVALID_XML_SAMPLE}`,
                ref: 'RFC 7644 §3.3',
                where: { file: 'suites/users.yaml', line: 42, col: 9 },
              },
              {
                code: 'USER_DUPLICATE_SCIMTYPE',
                severity: 'must',
                passed: false,
                title: 'scimType equals "uniqueness"',
                expected: 'uniqueness',
                actual: { id: 'u2', note: 'x'.repeat(400) },
                ref: 'RFC 7644 §3.12',
                where: { file: 'suites/users.yaml', line: 45, col: 11 },
              },
            ],
            exchanges: [exchange('POST', `${BASE}/Users`, 201, { id: 'u2' })],
          }),
          step({
            id: 'cleanup-duplicate',
            status: 'skipped',
            durationMs: 0,
            skipReason: 'needs step "create-duplicate", which failed',
          }),
        ],
      },
      {
        name: 'List users with paging',
        id: 'list-users',
        status: 'warned',
        durationMs: 210,
        steps: [
          step({
            id: 'page-1',
            status: 'warned',
            checks: [
              passedCheck('LIST_STATUS', 'status is 200'),
              {
                code: 'LIST_ITEMS_PER_PAGE',
                severity: 'should',
                passed: false,
                title: 'itemsPerPage <= count',
                expected: { lte: 2 },
                actual: 100,
                ref: 'RFC 7644 §3.4.2.4',
                where: { file: 'suites/users.yaml', line: 71, col: 9 },
              },
            ],
          }),
        ],
      },
      {
        name: 'Get a user by id',
        id: 'get-user',
        status: 'passed',
        durationMs: 60,
        steps: [
          step({
            id: 'get',
            status: 'passed',
            checks: [
              passedCheck('USER_GET_STATUS', 'status is 200'),
              {
                code: 'USER_META_VERSION',
                severity: 'must',
                passed: false,
                title: 'meta.version exists',
                expected: { exists: true },
                actual: undefined,
                ref: 'RFC 7643 §3.1',
                where: { file: 'suites/users.yaml', line: 88, col: 9 },
                baselined: { reason: 'known gap, ticket SCIM-12', expires: '2099-01-01' },
              },
            ],
          }),
        ],
      },
    ],
  };
}

function groupsSuite(): RunResult['suites'][number] {
  return {
    name: 'Groups & <members>',
    file: 'suites/groups.yaml',
    tags: ['groups'],
    durationMs: 10_050,
    tests: [
      {
        name: 'Patch group members',
        id: 'patch-members',
        status: 'skipped',
        durationMs: 0,
        steps: [],
        skipReason: 'server does not support patch (requires: patch)',
      },
      {
        name: 'Delete a group',
        id: 'delete-group',
        status: 'errored',
        durationMs: 10_001,
        steps: [
          step({
            id: 'delete',
            status: 'errored',
            durationMs: 10_001,
            error: { code: 'SCIM_HTTP_TIMEOUT', message: 'no response within 10000ms' },
          }),
        ],
      },
    ],
  };
}

export function sampleRun(): RunResult {
  return {
    tool: { name: 'scim-check', version: '0.1.0' },
    target: { baseUrl: BASE, embedded: true },
    runId: 'sc-run1',
    startedAt: '2025-01-02T03:04:05.000Z',
    durationMs: 1234,
    suites: [usersSuite(), groupsSuite()],
    cleanup: [
      { type: 'User', id: 'u1', via: 'DELETE', status: 'removed' },
      { type: 'Group', id: 'g1', via: 'DELETE', status: 'removed' },
      {
        type: 'User',
        id: 'u2',
        via: 'PATCH active=false',
        status: 'failed',
        detail: `HTTP 500: <html>&\u0007</html>`,
      },
    ],
    summary: {
      tests: 6,
      passed: 2,
      failed: 1,
      warned: 1,
      skipped: 1,
      errored: 1,
      checks: 8,
      mustFailures: 2,
      shouldFailures: 1,
      baselined: 1,
    },
    notices: [
      { level: 'warning', code: 'BASELINE_UNUSED', message: 'baseline entry USER_EMAILS_PRIMARY matched nothing' },
      { level: 'info', code: 'SERVER_CAPABILITIES', message: 'patch=false filter=true sort=false etag=false' },
    ],
  };
}
