// The recording proxy against real loopback servers (plain and TLS): what the target
// receives, what the client gets back, what the capture holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './capture.js';
import { createAgent } from './forward.js';
import { startRecordingProxy, splitRequestTarget } from './proxy.js';
import { Sanitizer } from './sanitize.js';
import { selfSignedCert } from '../../test/helpers/self-signed.js';

interface Seen {
  method: string;
  url: string;
  headers: string[];
  body: string;
}
let target: http.Server;
let targetUrl: URL;
const seen: Seen[] = [];
let tls: https.Server;
let tlsUrl: URL;
let caFile = '';

beforeAll(async () => {
  target = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.rawHeaders,
      body: Buffer.concat(chunks).toString(),
    });
    const body = zlib.gzipSync(
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 0,
        Resources: [],
      }),
    );
    res.writeHead(200, { 'Content-Type': 'application/scim+json', 'Content-Encoding': 'gzip', 'X-Server': 'target' });
    res.end(body);
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetUrl = new URL(`http://127.0.0.1:${(target.address() as AddressInfo).port}/scim/v2`);
  const cert = selfSignedCert('scim-check-record-tls-');
  caFile = cert.certFile;
  tls = https.createServer({ key: readFileSync(cert.keyFile), cert: readFileSync(caFile) }, (_req, res) =>
    res.end('{"secure":true}'),
  );
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  tlsUrl = new URL(`https://127.0.0.1:${(tls.address() as AddressInfo).port}/scim/v2`);
});

afterAll(async () => {
  await new Promise((r) => target.close(r));
  await new Promise((r) => tls.close(r));
});

async function withProxy(
  url: URL,
  tlsOpts: { insecure?: boolean; ca?: string },
  fn: (proxyUrl: string, exchanges: Exchange[]) => Promise<void>,
) {
  const exchanges: Exchange[] = [];
  const proxy = await startRecordingProxy({
    target: { url, agent: createAgent(url, tlsOpts), timeoutMs: 5000 },
    host: '127.0.0.1',
    port: 0,
    sanitizer: new Sanitizer(),
    onExchange: (e) => exchanges.push(e),
  });
  try {
    await fn(proxy.url, exchanges);
  } finally {
    await proxy.close();
  }
}

/** Sends raw bytes and returns the raw answer (so nothing is normalised on our side). */
function raw(proxyUrl: string, text: string): Promise<string> {
  const { port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text)); // Connection: close ends it
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('recording proxy', () => {
  it('forwards the request unchanged (method, path, query order and encoding, headers in order, body) and the answer unchanged', async () => {
    await withProxy(targetUrl, {}, async (proxyUrl, exchanges) => {
      seen.length = 0;
      const body = '{"userName":"a@b.test"}';
      const answer = await raw(
        proxyUrl,
        `PATCH /scim/v2/Users/42?b=2&a=x+y%20z HTTP/1.1\r\nHost: proxy.example\r\nUser-Agent: Okta SCIM Client 1.0.0\r\nX-Custom: one\r\nAuthorization: Bearer sekret-token-1\r\nContent-Type: application/scim+json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(seen).toHaveLength(1);
      expect(seen[0].method).toBe('PATCH');
      expect(seen[0].url).toBe('/scim/v2/Users/42?b=2&a=x+y%20z');
      expect(seen[0].body).toBe(body);
      const names = seen[0].headers.filter((_, i) => i % 2 === 0);
      expect(names.slice(0, 4)).toEqual(['User-Agent', 'X-Custom', 'Authorization', 'Content-Type']);
      expect(seen[0].headers[seen[0].headers.indexOf('Authorization') + 1]).toBe('Bearer sekret-token-1'); // the target needs it
      expect(seen[0].headers[seen[0].headers.indexOf('Host') + 1]).toBe(targetUrl.host);
      // the client gets the gzip bytes the target sent; the capture gets them decoded
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      expect(answer).toContain('Content-Encoding: gzip');
      expect(answer).toContain('X-Server: target');
      expect(exchanges).toHaveLength(1);
      const e = exchanges[0];
      expect(e.request).toMatchObject({
        method: 'PATCH',
        path: '/Users/42',
        query: 'b=2&a=x+y%20z',
        body: { userName: 'a@b.test' },
      });
      expect(e.response?.body).toMatchObject({ totalResults: 0 });
      expect(JSON.stringify(e)).not.toContain('sekret-token-1');
    });
  });

  it('sends an absolute-form request to the target, never to the host it names; refuses CONNECT', async () => {
    await withProxy(targetUrl, {}, async (proxyUrl) => {
      seen.length = 0;
      await raw(
        proxyUrl,
        'GET http://elsewhere.invalid/scim/v2/Users HTTP/1.1\r\nHost: elsewhere.invalid\r\nConnection: close\r\n\r\n',
      );
      expect(seen.map((s) => s.url)).toEqual(['/scim/v2/Users']);
      const connect = await raw(
        proxyUrl,
        'CONNECT elsewhere.invalid:443 HTTP/1.1\r\nHost: elsewhere.invalid:443\r\n\r\n',
      );
      expect(connect).toMatch(/^HTTP\/1\.1 405/);
      expect(seen).toHaveLength(1);
    });
  });

  it('answers 502 and records the failure when the target cannot be reached', async () => {
    await withProxy(new URL('http://127.0.0.1:1/scim/v2'), {}, async (proxyUrl, exchanges) => {
      const answer = await raw(proxyUrl, 'GET /Users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 502/);
      expect(exchanges[0].error).toMatch(/target unreachable \(ECONNREFUSED\)/);
      expect(exchanges[0].response).toBeUndefined();
    });
  });

  it('https target: refuses an untrusted certificate, trusts it with --ca, accepts it with --insecure', async () => {
    const get = (proxyUrl: string) => raw(proxyUrl, 'GET /Users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await withProxy(tlsUrl, {}, async (proxyUrl, exchanges) => {
      expect(await get(proxyUrl)).toMatch(/^HTTP\/1\.1 502/);
      expect(exchanges[0].error).toMatch(/SELF_SIGNED|CERT|UNABLE/);
    });
    await withProxy(tlsUrl, { ca: readFileSync(caFile, 'utf8') }, async (proxyUrl, exchanges) => {
      expect(await get(proxyUrl)).toMatch(/^HTTP\/1\.1 200/);
      expect(exchanges[0].response?.body).toEqual({ secure: true });
    });
    await withProxy(tlsUrl, { insecure: true }, async (proxyUrl) => {
      expect(await get(proxyUrl)).toMatch(/^HTTP\/1\.1 200/);
    });
  });

  it('takes request paths relative to the SCIM base, whether the client includes the base path or not', () => {
    expect(splitRequestTarget('/scim/v2/Users?x=1', '/scim/v2')).toEqual({ relPath: '/Users', query: 'x=1' });
    expect(splitRequestTarget('/Users/7', '/scim/v2/')).toEqual({ relPath: '/Users/7', query: '' });
    expect(splitRequestTarget('/Groups', '/')).toEqual({ relPath: '/Groups', query: '' });
  });
});
