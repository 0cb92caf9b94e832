// End-to-end: `scim-check record` between a scripted client sending Okta's documented
// sequence and the reference server; then --to-suite, the generated suite replayed with
// `run`, and --compare against the bundled Okta packs. Real CLI, real sockets, loopback only.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runCli, startCli, type CliResult, type LiveCli } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { useServers } from '../helpers/servers.js';
import { runOktaScript } from '../helpers/okta-scripted-client.js';
import type { RunningServer } from '../../src/server/index.js';
import { loadSuiteFile } from '../../src/suite/load.js';

const startTestServer = useServers();

async function server(quirks: string[] = []): Promise<RunningServer> {
  const s = await startTestServer({ port: 0, quirks });
  return s;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-record-'));

interface Recorder {
  url: string;
  child: ChildProcess;
  done: Promise<CliResult>;
  waitFor: LiveCli['waitFor'];
}

/** Starts `scim-check record` and resolves once it prints the address it listens on. */
async function startRecorder(args: string[]): Promise<Recorder> {
  const cli = startCli(['record', ...args]);
  const [, url] = await cli.waitFor(/recording: (http:\/\/127\.0\.0\.1:\d+) →/);
  return { url, ...cli };
}

/** Records one scripted Okta session against `target`; returns the capture file and the run's output. */
async function record(target: RunningServer, dir: string, name: string, plant = false, extra: string[] = []) {
  const capture = path.join(dir, `${name}.jsonl`);
  const rec = await startRecorder(['--target', target.baseUrl, '--listen', '127.0.0.1:0', '--out', capture, ...extra]);
  const exchanges = await runOktaScript({
    baseUrl: `${rec.url}/scim/v2`,
    token: target.token,
    userName: 'test.user@okta.local',
    groupName: 'Test SCIMv2',
    plantQueryOrder: plant,
  });
  rec.child.kill('SIGINT');
  const result = await rec.done;
  return { capture, exchanges, result };
}

function lines(file: string): any[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

// Each test drives several CLI processes one after the other; on a loaded 2-core machine that
// takes longer than vitest's default.
const SLOW = 120_000;

describe('scim-check record', { timeout: SLOW }, () => {
  it("records Okta's sequence through the proxy, holds no token, replays as a suite that passes, fails on a quirk, and leaves nothing behind", async () => {
    const dir = tmp();
    const recorded = await server();
    const { capture, exchanges, result } = await record(recorded, dir, 'okta');

    // the client got real answers through the proxy
    expect(exchanges.map((e) => e.status)).toEqual([200, 200, 200, 201, 200, 200, 200, 200, 201, 200, 200, 204]);
    // Ctrl-C ended it cleanly, with every exchange on disk and a live line each
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const file = readFileSync(capture, 'utf8');
    expect(file).not.toContain(recorded.token);
    expect(result.stdout).not.toContain(recorded.token);
    const [header, ...rows] = lines(capture);
    expect(header).toMatchObject({ type: 'capture', format: 'scim-check-capture/1', source: 'proxy' });
    expect(rows).toHaveLength(exchanges.length);
    expect(rows.map((r) => r.request.headers.find(([n]: string[]) => n === 'Authorization')[1])).toEqual(
      rows.map(() => '[REDACTED]'),
    );
    expect(file).not.toContain('1mz050nq'); // Okta's password placeholder is a secret too
    expect(result.stdout).toMatch(/#4 POST \/Users → 201 \(\d+ ms\)/);
    expect(result.stdout).toContain(`recorded ${exchanges.length} exchanges`);
    // the request Okta sent is what the target received, unchanged (path, query order, encoding)
    expect(recorded.requestLog[2].path).toBe(
      '/scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100',
    );
    expect(rows[2].request.query).toBe('filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100');

    // --to-suite writes a normal, valid suite
    const suiteFile = path.join(dir, 'okta.yaml');
    const gen = await runCli(['record', '--to-suite', capture, '--out', suiteFile]);
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);
    const suite = loadSuiteFile(suiteFile);
    const steps = suite.tests[0].steps;
    const again = await runCli(['record', '--to-suite', capture, '--out', suiteFile]);
    expect(again.code).toBe(2); // never overwrites a suite that may hold hand edits
    expect(again.stderr).toContain('already exists');
    expect(steps).toHaveLength(exchanges.length);
    const text = readFileSync(suiteFile, 'utf8');
    expect(text).toContain('# recorded exchange #4');
    expect(text).not.toContain('test.user@okta.local'); // identities carry the run prefix instead
    expect(text).not.toContain('00ujl29u0le5T6Aj10h7');
    expect(steps[3].capture).toEqual({ user1Id: 'id' });
    expect(steps[3].creates?.id).toBe('${{ user1Id }}');
    expect(steps[5].request.path).toBe('/Users/${{ user1Id }}');
    expect(steps[3].expect?.[0]).toMatchObject({ status: 201, severity: 'must' });
    expect(
      steps[3].expect
        ?.slice(1)
        .every((x) => x.severity === 'should' && /^derived from recorded exchange #4/.test(x.description ?? '')),
    ).toBe(true);

    // it passes against a fresh server and removes what it created
    const fresh = await server();
    const pass = await runCli(['run', suiteFile, '--base-url', fresh.baseUrl], { env: { SCIM_TOKEN: fresh.token } });
    expect(pass.stdout).toMatch(/1 passed, 0 failed, 0 warnings/);
    expect(pass.code).toBe(0);
    expect(fresh.store.count('User')).toBe(0);
    expect(fresh.store.count('Group')).toBe(0);
    expect(pass.stdout).not.toContain(fresh.token);

    // it fails against a server that breaks one recorded operation (Okta's read-modify-write PUT
    // echoes id and meta; this server rejects that), on exactly that step, and still cleans up
    const broken = await server(['put-rejects-readonly']);
    const fail = await runCli(['run', suiteFile, '--base-url', broken.baseUrl], { env: { SCIM_TOKEN: broken.token } });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain(
      '✗ REC_E06_STATUS [MUST] derived from recorded exchange #6: status 200 (step e06-put-users)',
    );
    expect(fail.stdout).toContain('FAIL: 1 MUST-level check failed');
    expect(broken.store.count('User')).toBe(0);
    expect(broken.store.count('Group')).toBe(0);
  });

  it('--compare finds the difference planted in the client, and only there', async () => {
    const dir = tmp();
    const target = await server();
    const clean = await record(target, dir, 'clean');
    const planted = await record(await server(), dir, 'planted', true);
    const a = await runCli(['record', '--compare', clean.capture]);
    const b = await runCli(['record', '--compare', planted.capture]);
    expect(a.stderr).toBe('');
    expect(b.stderr).toBe('');
    const plantedLine = 'query order: recorded filter, count, startIndex; the pack sends filter, startIndex, count';
    expect(b.stdout).toContain(plantedLine);
    expect(a.stdout).not.toContain(plantedLine);
    expect(b.stdout).toMatch(/≠ #3 GET \/Users\?filter=.* \[find user by filter\] vs okta\/provisioning/);
  });
});

describe('scim-check record: Ctrl-C', { timeout: SLOW }, () => {
  it('lets an exchange in flight finish, records it, then closes the capture and exits 0', async () => {
    const dir = tmp();
    const target = await server();
    // the target holds the probe until the recorder has taken the Ctrl-C: the exchange is in flight then
    let release = () => {};
    let arrived = () => {};
    const probeArrived = new Promise<void>((r) => (arrived = r));
    const held = new Promise<void>((r) => (release = r));
    const proxy = await startFaultProxy(new URL(target.baseUrl).origin, () => {
      arrived();
      return { until: held };
    });
    const capture = path.join(dir, 'inflight.jsonl');
    const rec = await startRecorder([
      '--target',
      proxy.url + new URL(target.baseUrl).pathname,
      '--listen',
      '127.0.0.1:0',
      '--out',
      capture,
    ]);
    let answers: Awaited<ReturnType<typeof runOktaScript>>;
    let result: CliResult;
    try {
      const pending = runOktaScript({
        baseUrl: `${rec.url}/scim/v2`,
        token: target.token,
        userName: 'x@okta.local',
        groupName: 'G',
        probeOnly: true,
      });
      await probeArrived;
      rec.child.kill('SIGINT');
      await rec.waitFor(/SIGINT: finishing/);
      release();
      [answers, result] = await Promise.all([pending, rec.done]);
    } finally {
      release();
      await proxy.close();
    }
    expect(answers.map((a) => a.status)).toEqual([200]);
    expect(result.code).toBe(0);
    expect(result.stdout.indexOf('SIGINT: finishing')).toBeLessThan(
      result.stdout.indexOf('#1 GET /Users?startIndex=1&count=2 → 200'),
    );
    const rows = lines(capture);
    expect(rows).toHaveLength(2);
    expect(rows[1].response.status).toBe(200);
  });
});

describe('scim-check record: HAR import and bad input', { timeout: SLOW }, () => {
  it('imports a HAR (SCIM entries only, base path found, secrets and PII out) into a capture that becomes a suite', async () => {
    const dir = tmp();
    const har = path.join(dir, 'okta.har');
    const entry = (method: string, url: string, status: number, body?: unknown, answer?: unknown) => ({
      startedDateTime: '2026-01-02T03:04:05.000Z',
      time: 12.4,
      request: {
        method,
        url,
        headers: [
          { name: ':authority', value: 'api.example.com' },
          { name: 'User-Agent', value: 'Okta SCIM Client 1.0.0' },
          { name: 'Authorization', value: 'Bearer har-token-123456' },
          { name: 'Cookie', value: 'sid=abc123456' },
        ],
        ...(body ? { postData: { mimeType: 'application/scim+json', text: JSON.stringify(body) } } : {}),
      },
      response: {
        status,
        headers: [{ name: 'Content-Type', value: 'application/scim+json' }],
        content: answer
          ? { encoding: 'base64', text: Buffer.from(JSON.stringify(answer)).toString('base64') }
          : { text: '' },
      },
    });
    writeFileSync(
      har,
      JSON.stringify({
        log: {
          entries: [
            entry('GET', 'https://api.example.com/app.js', 200),
            entry(
              'POST',
              'https://api.example.com/tenant/scim/v2/Users',
              201,
              {
                schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                userName: 'grace@example.org',
                name: { givenName: 'Grace', familyName: 'Hopper' },
                password: 'pw-secret-1',
              },
              {
                schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                id: 'abc-123',
                userName: 'grace@example.org',
                name: { givenName: 'Grace', familyName: 'Hopper' },
              },
            ),
            entry('DELETE', 'https://api.example.com/tenant/scim/v2/Users/abc-123', 204),
          ],
        },
      }),
    );
    const capture = path.join(dir, 'har.jsonl');
    const res = await runCli(['record', '--from-har', har, '--out', capture, '--mask-pii']);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('imported 2 exchanges');
    const text = readFileSync(capture, 'utf8');
    for (const secret of ['har-token-123456', 'abc123456', 'pw-secret-1', 'grace', 'Hopper'])
      expect(text).not.toContain(secret);
    const [header, create, del] = lines(capture);
    expect(header).toMatchObject({ source: 'har', target: 'https://api.example.com/tenant/scim/v2', maskPii: true });
    expect(create.request).toMatchObject({ method: 'POST', path: '/Users' });
    expect(create.request.headers.map(([n]: string[]) => n)).toEqual(['User-Agent', 'Authorization', 'Cookie']);
    expect(del.request.path).toBe('/Users/abc-123');
    const suiteFile = path.join(dir, 'har.yaml');
    expect((await runCli(['record', '--to-suite', capture, '--out', suiteFile])).code).toBe(0);
    const suite = loadSuiteFile(suiteFile);
    expect(suite.tests[0].steps.map((s) => s.request.path)).toEqual(['/Users', '/Users/${{ user1Id }}']);
  });

  it('refuses a public listen address without --listen-public, and other bad input, with one line and exit 2', async () => {
    const dir = tmp();
    const cases: [string[], RegExp][] = [
      [
        ['--target', 'http://127.0.0.1:9/scim/v2', '--listen', '0.0.0.0:8080', '--out', path.join(dir, 'a.jsonl')],
        /--listen 0\.0\.0\.0:8080: not a loopback address.*--listen-public/,
      ],
      [
        ['--target', 'http://scim.example.com/scim/v2', '--out', path.join(dir, 'b.jsonl')],
        /refusing to forward credentials over plain http/,
      ],
      [['--to-suite', 'x.jsonl', '--compare', 'x.jsonl'], /--to-suite and --compare cannot be combined/],
      [[], /record needs one of --target/],
      [['--to-suite', path.join(dir, 'missing.jsonl'), '--out', path.join(dir, 's.yaml')], /cannot read \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const res = await runCli(['record', ...args]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    }
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"type":"capture","format":"scim-check-capture/1","source":"proxy","startedAt":"x","redacted":[],"maskPii":false}\nnot json\n',
    );
    const res = await runCli(['record', '--compare', bad]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(`scim-check: ${bad}:2:1: not a JSON line (is this a scim-check capture?)`);
    writeFileSync(
      bad,
      '{"type":"capture","format":"scim-check-capture/1","source":"proxy","startedAt":"x","redacted":[],"maskPii":false}\n{"type":"exchange","seq":1,"request":{"method":"GET","path":"/Users","headers":"Authorization: x"}}\n',
    );
    const malformed = await runCli(['record', '--to-suite', bad, '--out', path.join(dir, 'm.yaml')]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim()).toBe(
      `scim-check: ${bad}:2:1: malformed exchange: query must be a string, headers [name, value] pairs, response.status a number`,
    );
    const existing = path.join(dir, 'exists.jsonl');
    writeFileSync(existing, 'keep me');
    const again = await runCli([
      'record',
      '--target',
      'http://127.0.0.1:9/scim/v2',
      '--listen',
      '127.0.0.1:0',
      '--out',
      existing,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });
});
