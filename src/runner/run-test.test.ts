// A step's checks run while the next step's request is on its way (run-test.ts). These
// tests hold the promise that makes this safe: the run sends the same requests, in the same
// order, and reaches the same verdicts as a run that judged each step before the next.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { loadSuiteText } from '../suite/load.js';
import { runLoadedAt } from '../../test/helpers/run-suite.js';
import type { StepResult } from '../model/run-result.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function suite(steps: string): ReturnType<typeof loadSuiteText> {
  return loadSuiteText(
    `name: overlap\ntests:\n  - name: overlap\n    id: overlap\n    steps:\n${steps.replace(/^/gm, '      ')}\n`,
    'overlap.yaml',
  );
}

/** The steps of a one-test suite made of `steps`, run against the server this test started. */
async function stepsRun(steps: string, options: Parameters<typeof runLoadedAt>[2] = {}): Promise<StepResult[]> {
  const run = await runLoadedAt(server!, [suite(steps)], { discoverSchemas: false, ...options });
  return run.suites[0]!.tests[0]!.steps;
}

/** The requests the server answered after discovery, as "METHOD path". */
function stepRequests(s: RunningServer): string[] {
  return s.requestLog
    .map((r) => `${r.method} ${r.path}`)
    .filter((r) => !/^GET \/scim\/v2\/(Schemas|ResourceTypes|ServiceProviderConfig)$/.test(r));
}

const failing = `- id: failing
  request: { method: GET, path: /Users, query: { count: 1 } }
  expect:
    - status: 404
`;

describe('runner: a step is judged while the next request is on its way', () => {
  it('a step that names the previous one in `needs` waits for its verdict, and is not sent when it failed', async () => {
    server = await startServer({ port: 0 });
    const steps = await stepsRun(
      `${failing}- id: after
  needs: [failing]
  request: { method: GET, path: /Groups }
  expect: [ { status: 200 } ]
- id: independent
  request: { method: GET, path: /Users, query: { count: 2 } }
  expect: [ { status: 200 } ]`,
    );
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ['failing', 'failed'],
      ['after', 'skipped'],
      ['independent', 'passed'],
    ]);
    expect(steps[1]!.skipReason).toBe('depends on "failing", which did not pass');
    expect(stepRequests(server)).toEqual(['GET /scim/v2/Users?count=1', 'GET /scim/v2/Users?count=2']);
  });

  it('--bail sends nothing after the first failed step', async () => {
    server = await startServer({ port: 0 });
    const steps = await stepsRun(
      `${failing}- id: next
  request: { method: GET, path: /Groups }
  expect: [ { status: 200 } ]`,
      { bail: true },
    );
    expect(steps.map((s) => [s.id, s.status])).toEqual([['failing', 'failed']]);
    expect(stepRequests(server)).toEqual(['GET /scim/v2/Users?count=1']);
  });

  it("checks see their own step's captures, not those of the step sent after it", async () => {
    server = await startServer({ port: 0, seed: { users: 2 } });
    const steps = await stepsRun(
      `- id: first
  request: { method: GET, path: /Users, query: { startIndex: 1, count: 1 } }
  capture: { userName: "Resources[0].userName" }
  expect:
    - path: Resources[0].userName
      equals: "\${{ userName }}"
- id: second
  request: { method: GET, path: /Users, query: { startIndex: 2, count: 1 } }
  capture: { userName: "Resources[0].userName" }
  expect:
    - path: Resources[0].userName
      equals: "\${{ userName }}"`,
    );
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ['first', 'passed'],
      ['second', 'passed'],
    ]);
    const [a, b] = steps.map((s) => s.checks.find((c) => c.code.includes('body'))?.actual);
    expect(a).not.toEqual(b);
  });

  it('a step whose request cannot be rendered is errored on its own; the step judged before it and the one after it are not', async () => {
    server = await startServer({ port: 0 });
    const steps = await stepsRun(
      `- id: before
  request: { method: GET, path: /Users, query: { count: 1 } }
  capture: { urn: "schemas[0]" }
  expect: [ { status: 200 } ]
- id: broken
  request: { method: GET, path: "/Users/\${{ randomHex(urn) }}" }
- id: after
  request: { method: GET, path: /Users, query: { count: 2 } }
  expect: [ { status: 200 } ]`,
    );
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ['before', 'passed'],
      ['broken', 'errored'],
      ['after', 'passed'],
    ]);
    expect(steps[1]!.error?.code).toBe('SUITE_TEMPLATE');
    expect(stepRequests(server)).toEqual(['GET /scim/v2/Users?count=1', 'GET /scim/v2/Users?count=2']);
  });

  it('judges every step of a long test, in order, with the requests in the order of the steps', async () => {
    server = await startServer({ port: 0 });
    const yaml = Array.from(
      { length: 12 },
      (_, i) => `- id: s${i}
  request: { method: GET, path: /Users, query: { count: ${i} } }
  expect: [ { status: ${i % 3 === 0 ? 404 : 200} } ]`,
    ).join('\n');
    expect((await stepsRun(yaml)).map((s) => `${s.id}:${s.status}`)).toEqual(
      Array.from({ length: 12 }, (_, i) => `s${i}:${i % 3 === 0 ? 'failed' : 'passed'}`),
    );
    expect(stepRequests(server)).toEqual(Array.from({ length: 12 }, (_, i) => `GET /scim/v2/Users?count=${i}`));
  });
});
