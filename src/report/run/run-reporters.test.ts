// A run through every reporter of the shared registry: html and markdown (new for run),
// jsonl streaming, and one cause in many places folded into one entry.
import { describe, expect, it } from 'vitest';
import { INVALID_XML_SAMPLE, sampleRun } from '../../../test/helpers/sample-run.js';
import type { CheckResult, RunResult } from '../../model/run-result.js';
import { Redactor } from '../../util/redact.js';
import { openReporters, parseReporters, renderReport, REPORTERS, type ReporterName } from '../index.js';

const render = (name: ReporterName, run: RunResult = sampleRun()) =>
  renderReport(name, { command: 'run', result: run });

/** The sample run, plus the same should-level failure on every User of five tests. */
function runWithRepeatedWarning(times = 5): RunResult {
  const run = sampleRun();
  const warning: CheckResult = {
    code: 'DECLARED_SCHEMA_REQUIRED',
    severity: 'should',
    passed: false,
    title: 'attributes the server declares required are returned',
    expected: 'every required attribute present',
    actual: 'missing urn:…:enterprise:2.0:User',
  };
  run.suites[0].tests.push(
    ...Array.from({ length: times }, (_, i) => ({
      name: `Read user ${i}`,
      id: `read-${i}`,
      status: 'warned' as const,
      durationMs: 3,
      steps: [
        {
          id: `get-${i}`,
          name: 'GET',
          status: 'warned' as const,
          checks: [{ ...warning }],
          exchanges: [],
          durationMs: 3,
        },
      ],
    })),
  );
  return run;
}

describe('every reporter for run', () => {
  it('each one names the failed check', async () => {
    // jsonl writes tests as they end (below), github only annotations; har holds exchanges
    for (const name of Object.keys(REPORTERS) as ReporterName[])
      if (!['jsonl', 'har'].includes(name)) expect(await render(name), name).toContain('USER_DUPLICATE_STATUS');
  });

  it('html is one self-contained page that escapes server text', async () => {
    const html = await render('html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=|<scimType>/);
    expect(html).toContain('class="verdict fail"');
  });

  it('markdown has the verdict, a table per suite and the failures with expected/actual', async () => {
    const md = await render('markdown');
    expect(md).toMatch(/^\*\*FAIL: /m);
    expect(md).toMatch(/^## Users$/m);
    expect(md).toMatch(/^\| Reject a duplicate userName \| ❌ failed \|/m);
    expect(md).toMatch(/^ {2}- expected: `/m);
    expect(md).not.toContain(INVALID_XML_SAMPLE.slice(0, 4) + '\u0000');
  });

  it('jsonl streams a line per test as it ends, then a summary without the suites', async () => {
    let text = '';
    const run = sampleRun();
    const session = await openReporters(parseReporters(['jsonl']), {
      redactor: new Redactor(),
      color: false,
      stdout: (t) => void (text += t),
    });
    for (const suite of run.suites) for (const test of suite.tests) await session.testEnd(suite, test);
    await session.finish({ command: 'run', result: run });
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).every((l) => l.type === 'test')).toBe(true);
    expect(lines).toHaveLength(run.summary.tests + 1);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', format: 'scim-check-run/1', summary: run.summary });
    expect(lines.at(-1)).not.toHaveProperty('suites');
  });
});

describe('one cause in many places', () => {
  it('console prints it once, with a count and where', async () => {
    const text = await render('console', runWithRepeatedWarning(5));
    expect(text.split('DECLARED_SCHEMA_REQUIRED')).toHaveLength(2);
    expect(text).toContain('Same cause in many places:');
    expect(text).toMatch(/DECLARED_SCHEMA_REQUIRED \[SHOULD\] attributes the server declares required are returned ×5/);
    expect(text).toContain(
      'in: Users › Read user 0 (step get-0); Users › Read user 1 (step get-1); Users › Read user 2 (step get-2) and 2 more',
    );
  });

  it('markdown and html fold it too; below the threshold it stays under its test', async () => {
    expect((await render('markdown', runWithRepeatedWarning(5))).match(/DECLARED_SCHEMA_REQUIRED/g)).toHaveLength(1);
    const html = await render('html', runWithRepeatedWarning(5));
    expect(html.match(/<h3><code>DECLARED_SCHEMA_REQUIRED<\/code>/g)).toHaveLength(1); // one failure card, ×5
    expect(html).toContain('same cause in 5 places');
    const twice = await render('console', runWithRepeatedWarning(2));
    expect(twice).not.toContain('Same cause in many places');
    expect(twice.match(/DECLARED_SCHEMA_REQUIRED/g)).toHaveLength(2);
  });
});
