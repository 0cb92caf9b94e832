import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../model/run-result.js';
import { renderJunit, RUN_SUITE_NAME } from './junit.js';
import { verdictOf } from '../../runner/verdict.js';
import { sampleRun } from '../../../test/helpers/sample-run.js';
import { findAll, parseStrictXml, type XmlElement } from '../../../test/helpers/strict-xml.js';

const render = (run: RunResult = sampleRun()) => renderJunit(run, { color: false });
const testSuitesOf = (root: XmlElement) => findAll(root, 'testsuite').filter((s) => s.attrs.name !== RUN_SUITE_NAME);
const casesWith = (suites: XmlElement[], child: string) =>
  suites.flatMap((s) => findAll(s, 'testcase')).filter((c) => c.children.some((e) => e.name === child));

describe('renderJunit', () => {
  it('is well-formed XML with one testsuite per suite and one testcase per test', () => {
    const root = parseStrictXml(render());
    expect(root.name).toBe('testsuites');
    expect(root.attrs.name).toBe('scim-check');
    const suites = testSuitesOf(root);
    expect(suites.map((s) => s.attrs.name)).toEqual(['Users', 'Groups & <members>']);
    const cases = suites.flatMap((s) => findAll(s, 'testcase'));
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'Create a user',
      'Reject a duplicate userName',
      'List users with paging',
      'Get a user by id',
      'Patch group members',
      'Delete a group',
    ]);
    expect(cases[5].attrs.classname).toBe('Groups & <members>');
    expect(cases[1].attrs.time).toBe('0.095');
  });

  it('failure, error and skipped elements match run.summary', () => {
    const run = sampleRun();
    const root = parseStrictXml(render(run));
    const suites = testSuitesOf(root);
    expect(casesWith(suites, 'failure')).toHaveLength(run.summary.failed);
    expect(casesWith(suites, 'error')).toHaveLength(run.summary.errored);
    expect(casesWith(suites, 'skipped')).toHaveLength(run.summary.skipped);
    const runSuite = findAll(root, 'testsuite').find((s) => s.attrs.name === RUN_SUITE_NAME)!;
    // top-level totals: the verdict's, the same number of tests as the console's summary line
    expect(Number(runSuite.attrs.tests)).toBe(0);
    expect(Number(root.attrs.tests)).toBe(verdictOf(run).tests);
    expect(Number(root.attrs.tests)).toBe(findAll(root, 'testcase').length);
    expect(Number(root.attrs.failures)).toBe(run.summary.failed);
    expect(Number(root.attrs.errors)).toBe(run.summary.errored);
    expect(Number(root.attrs.skipped)).toBe(run.summary.skipped);
    expect(root.attrs.time).toBe('1.234');
    // per-suite attributes agree with their testcases
    for (const suite of findAll(root, 'testsuite')) {
      expect(Number(suite.attrs.tests)).toBe(findAll(suite, 'testcase').length);
      expect(Number(suite.attrs.failures)).toBe(casesWith([suite], 'failure').length);
      expect(Number(suite.attrs.errors)).toBe(casesWith([suite], 'error').length);
    }
  });

  it('puts MUST failures in <failure> with code, severity, expected/actual and ref', () => {
    const root = parseStrictXml(render());
    const [failure] = findAll(root, 'failure');
    expect(failure.attrs.type).toBe('USER_DUPLICATE_STATUS');
    expect(failure.attrs.message).toContain('USER_DUPLICATE_SCIMTYPE');
    expect(failure.text).toContain('USER_DUPLICATE_STATUS [MUST] status is 409');
    expect(failure.text).toContain('expected: 409');
    expect(failure.text).toContain('actual:   201');
    expect(failure.text).toContain('ref:      RFC 7644 §3.3');
    expect(failure.text).toContain('at:       suites/users.yaml:42:9');
  });

  it('reports SHOULD failures and baselined ones as output, not failures', () => {
    const cases = findAll(parseStrictXml(render()), 'testcase');
    const warned = cases.find((c) => c.attrs.name === 'List users with paging')!;
    expect(warned.children.map((c) => c.name)).toEqual(['system-out']);
    expect(warned.children[0].text).toContain('WARNING LIST_ITEMS_PER_PAGE [SHOULD]');
    const baselined = cases.find((c) => c.attrs.name === 'Get a user by id')!;
    expect(baselined.children.map((c) => c.name)).toEqual(['system-out']);
    expect(baselined.children[0].text).toContain('baselined: known gap, ticket SCIM-12 (expires 2099-01-01)');
  });

  it('uses <error> for a transport error and <skipped message> for a skipped test', () => {
    const root = parseStrictXml(render());
    const [error] = findAll(root, 'error');
    expect(error.attrs).toEqual({
      message: 'SCIM_HTTP_TIMEOUT: no response within 10000ms',
      type: 'SCIM_HTTP_TIMEOUT',
    });
    const [skipped] = findAll(root, 'skipped');
    expect(skipped.attrs.message).toBe('server does not support patch (requires: patch)');
  });

  it('strips XML-invalid characters and escapes specials', () => {
    const xml = render();
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uD800]/);
    expect(xml).toContain('&lt;scimType&gt; &amp; &quot;uniqueness&quot; &apos;quoted&apos;');
    const [failure] = findAll(parseStrictXml(xml), 'failure');
    expect(failure.text).toContain(
      `server answered <scimType> & "uniqueness" 'quoted' with body NUL BEL ESC[31m FFFE lonesurrogate`,
    );
  });

  it('reports clean-up, notices, interruption and the verdict in the run-level suite, not as tests', () => {
    const run: RunResult = {
      ...sampleRun(),
      interrupted: 'SIGINT',
      notices: [...sampleRun().notices, { level: 'error', code: 'SCIM_HTTP_CONNECT', message: 'connection refused' }],
    };
    const root = parseStrictXml(render(run));
    const runSuite = findAll(root, 'testsuite').find((s) => s.attrs.name === RUN_SUITE_NAME)!;
    expect(findAll(runSuite, 'testcase')).toEqual([]);
    expect(runSuite.attrs).toMatchObject({ tests: '0', failures: '0', errors: '0', skipped: '0' });
    const out = findAll(runSuite, 'system-out')[0].text!;
    expect(out).toContain('CLEAN-UP: 2 of 3 created resources removed, 1 not removed');
    expect(out).toContain('failed User u2 via PATCH active=false: HTTP 500: <html>&</html>');
    expect(out).toContain('WARNING BASELINE_UNUSED');
    const err = findAll(runSuite, 'system-err')[0].text!;
    expect(err).toContain('INTERRUPTED by SIGINT');
    expect(err).toContain('ERROR SCIM_HTTP_CONNECT: connection refused');
    const props = Object.fromEntries(findAll(runSuite, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props['run.id']).toBe('sc-run1');
    expect(props.verdict).toBe(verdictOf(run).line);
    expect(props['verdict.exitCode']).toBe('130');
  });

  it('is stable: same run, same bytes', () => {
    expect(render()).toBe(render());
  });
});
