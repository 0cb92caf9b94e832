import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../model/run-result.js';
import { renderConsole } from './console.js';
import { sampleRun } from '../../../test/helpers/sample-run.js';

const ANSI = /\u001b\[/;
const plain = (run: RunResult = sampleRun()) => renderConsole(run, { color: false });

describe('renderConsole', () => {
  it('shows the target, with a note for the embedded server', () => {
    expect(plain().split('\n')[0]).toBe(
      'scim-check 0.1.0 → http://127.0.0.1:40123/scim/v2 (embedded reference server)',
    );
    const remote = plain({ ...sampleRun(), target: { baseUrl: 'https://scim.example.test/v2', embedded: false } });
    expect(remote.split('\n')[0]).toBe('scim-check 0.1.0 → https://scim.example.test/v2');
  });

  it('prints every failing check with code, severity, values, ref and position', () => {
    const out = plain();
    expect(out).toContain('  ✗ Reject a duplicate userName (95ms)');
    expect(out).toContain('    ✗ USER_DUPLICATE_STATUS [MUST] status is 409 (step create-duplicate)');
    expect(out).toContain('        expected: 409\n        actual:   201');
    expect(out).toContain('ref:      RFC 7644 §3.3');
    expect(out).toContain('at:       suites/users.yaml:42:9');
    expect(out).toContain('… (+221 chars)'); // long actual value truncated
    expect(out).toContain('    ! LIST_ITEMS_PER_PAGE [SHOULD] itemsPerPage <= count');
    expect(out).toContain('    ~ USER_META_VERSION [MUST] meta.version exists');
    expect(out).toContain('baselined: known gap, ticket SCIM-12, expires 2099-01-01');
  });

  it('marks passed, skipped (with reason) and errored (with code and message) tests', () => {
    const out = plain();
    expect(out).toContain('  ✓ Create a user (120ms)');
    expect(out).toContain('  - Patch group members (skipped: server does not support patch (requires: patch))');
    expect(out).toContain('    - step cleanup-duplicate skipped: needs step "create-duplicate", which failed');
    expect(out).toContain('  E Delete a group (10.00s)\n      SCIM_HTTP_TIMEOUT: no response within 10000ms');
  });

  it('lists clean-up, notices, the summary line and a verdict', () => {
    const out = plain();
    expect(out).toContain('Clean-up: removed 2 resources via DELETE (2), 1 failed');
    expect(out).toContain('  ✗ User u2 via PATCH active=false: HTTP 500: <html>&\\u0007</html>');
    expect(out).toContain('! warning BASELINE_UNUSED: baseline entry USER_EMAILS_PRIMARY matched nothing');
    const lines = out.trimEnd().split('\n');
    // 2 warnings: the SHOULD-level check and the baseline notice, each a `!` line
    expect(lines.at(-2)).toBe(
      '6 tests: 2 passed, 1 failed, 2 warnings, 1 skipped, 1 errored, 1 baselined (8 checks) in 1.23s',
    );
    expect(lines.at(-1)).toBe('FAIL: 2 MUST-level checks failed; 1 test errored');
  });

  it('takes its numbers from run.summary', () => {
    const run = sampleRun();
    run.summary = {
      ...run.summary,
      tests: 14,
      passed: 12,
      failed: 0,
      warned: 2,
      skipped: 0,
      errored: 0,
      baselined: 0,
      checks: 34,
      mustFailures: 0,
      shouldFailures: 2,
    };
    run.notices = run.notices.filter((n) => n.level !== 'warning');
    const lines = plain(run).trimEnd().split('\n');
    expect(lines.at(-2)).toBe('14 tests: 12 passed, 0 failed, 2 warnings, 0 skipped (34 checks) in 1.23s');
    expect(lines.at(-1)).toBe('PASS with 2 warnings');
  });

  it('colours only when asked, and never lets server text through as escape codes', () => {
    expect(renderConsole(sampleRun(), { color: true })).toMatch(ANSI);
    const out = plain();
    expect(out).not.toMatch(ANSI);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('ESC\\u001b[31m');
  });

  it('keeps multi-line details aligned', () => {
    const run = sampleRun();
    run.suites[0].tests[1].steps[0].checks[0].detail = '/name: required\r\n/emails/0: must be object';
    expect(plain(run)).toContain('        detail:   /name: required\n                  /emails/0: must be object\n');
  });

  it('says when a run was interrupted', () => {
    const out = plain({ ...sampleRun(), interrupted: 'SIGINT' });
    expect(out).toContain('Interrupted by SIGINT: results are partial.');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^FAIL: interrupted by SIGINT/);
  });
});
