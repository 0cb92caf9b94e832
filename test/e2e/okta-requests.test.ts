// Okta's requests, exactly: `run tag:okta` (the CLI) goes through a recording proxy,
// and each of the 16 request shapes Okta's documentation shows
// (fixtures/okta/documented-requests.jsonl, with their sources) must be among what the
// packs sent: same method, path, query (parameter order and encoding, `+` or `%20`),
// the documented headers, and the same body structure (keys, nesting, array lengths, and
// every literal such as op, path, schemas, active, locale; `{placeholders}` match any value).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startRecordingProxy, type RecordingProxy, type RecordedRequest } from '../helpers/recording-proxy.js';

interface DocumentedRequest {
  id: string;
  method: string;
  path: string;
  query: string | null;
  headers: Record<string, string>;
  body: unknown;
}

const SHAPES: DocumentedRequest[] = readFileSync(
  path.join(ROOT, 'fixtures', 'okta', 'documented-requests.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as DocumentedRequest);

/** Transport headers whose value is the connection's, not Okta's choice. */
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'content-length']);
const PLACEHOLDER = /\{[A-Za-z]+\}/g;

/** A template with `{placeholders}` as a regex; in a URL a placeholder stops at & and /, in a body value it is anything. */
function templateRegex(template: string, placeholder = '[^&/]+'): RegExp {
  const parts = template.split(PLACEHOLDER).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join(placeholder)}$`, 's');
}

/** Why `got` differs from the documented body structure, or undefined when it has the same shape. */
export function shapeDifference(doc: unknown, got: unknown, at = '$'): string | undefined {
  if (typeof doc === 'string') {
    if (typeof got !== 'string') return `${at}: expected a string, got ${JSON.stringify(got)}`;
    return templateRegex(doc, '.+').test(got)
      ? undefined
      : `${at}: expected ${JSON.stringify(doc)}, got ${JSON.stringify(got)}`;
  }
  if (Array.isArray(doc)) {
    if (!Array.isArray(got) || got.length !== doc.length)
      return `${at}: expected ${doc.length} item(s), got ${JSON.stringify(got)}`;
    for (let i = 0; i < doc.length; i++) {
      const d = shapeDifference(doc[i], got[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (doc && typeof doc === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return `${at}: expected an object`;
    const want = Object.keys(doc).sort();
    const have = Object.keys(got).sort();
    if (want.join() !== have.join()) return `${at}: keys ${have.join(',')} instead of ${want.join(',')}`;
    for (const k of want) {
      const d = shapeDifference((doc as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return doc === got ? undefined : `${at}: expected ${JSON.stringify(doc)}, got ${JSON.stringify(got)}`;
}

/** Why a recorded request is not this documented shape (undefined: it is). */
function mismatch(shape: DocumentedRequest, req: RecordedRequest, basePath: string): string | undefined {
  if (req.method !== shape.method) return 'method';
  const [rawPath, rawQuery] = req.url.split(/\?(.*)$/s);
  if (!templateRegex(basePath + shape.path).test(rawPath)) return 'path';
  if (
    (rawQuery ?? null) === null
      ? shape.query !== null
      : shape.query === null || !templateRegex(shape.query).test(rawQuery)
  )
    return `query ${rawQuery ?? '(none)'}`;
  for (const [name, value] of Object.entries(shape.headers)) {
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (req.headers[name.toLowerCase()] !== value) return `header ${name}: ${String(req.headers[name.toLowerCase()])}`;
  }
  if (shape.body === null) return req.body === '' ? undefined : 'a body';
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return 'body is not JSON';
  }
  return shapeDifference(shape.body, body);
}

let server: RunningServer;
let proxy: RecordingProxy;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  server = await startServer({ port: 0, seed: { users: 3, groups: 1 } });
  proxy = await startRecordingProxy(new URL(server.baseUrl).origin);
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

describe("Okta's documented requests are what the Okta packs send", () => {
  it('the shape matcher tells a different body, key, literal or encoding apart', () => {
    const doc = { schemas: ['urn:x'], Operations: [{ op: 'replace', value: { active: false } }] };
    expect(
      shapeDifference(doc, { schemas: ['urn:x'], Operations: [{ op: 'replace', value: { active: false } }] }),
    ).toBeUndefined();
    expect(
      shapeDifference(doc, { schemas: ['urn:x'], Operations: [{ op: 'Replace', value: { active: false } }] }),
    ).toMatch(/op/);
    expect(
      shapeDifference(doc, {
        schemas: ['urn:x'],
        Operations: [{ op: 'replace', path: 'active', value: { active: false } }],
      }),
    ).toMatch(/keys/);
    expect(
      shapeDifference({ members: [{ value: '{userId}' }, { value: '{userId}' }] }, { members: [{ value: 'a' }] }),
    ).toMatch(/2 item/);
    expect(
      templateRegex('filter=userName+eq+%22{userName}%22&startIndex=1&count=100').test(
        'filter=userName%20eq%20%22a%40b%22&startIndex=1&count=100',
      ),
    ).toBe(false);
  });

  it('every one of the 16 documented shapes is sent by some step of `run tag:okta`', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-okta-requests-'));
    const basePath = new URL(server.baseUrl).pathname;
    const res = await runCli(
      ['run', 'tag:okta', '--base-url', proxy.url + basePath, '--reporter', `json:${dir}/okta.json`],
      { env: { SCIM_TOKEN: server.token }, timeoutMs: 120_000 },
    );
    expect(res.code, res.stdout).toBe(0);
    expect(SHAPES).toHaveLength(16);
    const missing = SHAPES.filter(
      (shape) => !proxy.requests.some((req) => mismatch(shape, req, basePath) === undefined),
    ).map((shape) => {
      const near = proxy.requests.filter(
        (r) => r.method === shape.method && templateRegex(basePath + shape.path).test(r.url.split('?')[0]),
      );
      return `${shape.id}: ${near.length} ${shape.method} ${shape.path} request(s), e.g. ${near.map((r) => mismatch(shape, r, basePath)).join(' | ')}`;
    });
    expect(missing).toEqual([]);

    // the report marks scim-check's own requests (fixtures, verification reads), so a reader knows which traffic is Okta's
    const report = JSON.parse(readFileSync(path.join(dir, 'okta.json'), 'utf8'));
    const steps = report.suites.flatMap((s: { tests: { steps: { ours?: boolean }[] }[] }) =>
      s.tests.flatMap((t) => t.steps),
    );
    expect(steps.filter((s: { ours?: boolean }) => s.ours === true).length).toBeGreaterThan(5);
  }, 150_000);
});
