// The HTTP client against real loopback servers: gzip, body cap, deadlines,
// error codes, TLS (self-signed cert made with openssl), read-only mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { HttpClient } from './client.js';
import { TransportError, UsageError } from '../errors.js';
import { selfSignedCert } from '../../test/helpers/self-signed.js';

let plain: http.Server;
let base = '';
let tls: https.Server;
let tlsBase = '';
let caFile = '';

beforeAll(async () => {
  plain = http.createServer((req, res) => {
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/scim+json' });
      res.end(zlib.gzipSync(JSON.stringify({ ok: true })));
    } else if (req.url === '/big') {
      res.writeHead(200);
      res.end(Buffer.alloc(64 * 1024, 'x'));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 500);
    } else if (req.url === '/reset') {
      req.socket.destroy();
    } else {
      res.end(`${req.method} ${req.headers['x-test'] ?? ''}`);
    }
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;

  const cert = selfSignedCert('scim-check-tls-');
  caFile = cert.certFile;
  tls = https.createServer({ key: readFileSync(cert.keyFile), cert: readFileSync(caFile) }, (_req, res) =>
    res.end('secure'),
  );
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  tlsBase = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
});

afterAll(async () => {
  plain.closeAllConnections();
  tls.closeAllConnections();
  await new Promise((r) => plain.close(r));
  await new Promise((r) => tls.close(r));
});

async function failure(p: Promise<unknown>): Promise<TransportError> {
  try {
    await p;
  } catch (e) {
    return e as TransportError;
  }
  throw new Error('expected a failure');
}

describe('HttpClient', () => {
  it('sends headers and decodes gzip bodies', async () => {
    const c = new HttpClient({ timeoutMs: 2000 });
    expect((await c.send({ method: 'PATCH', url: `${base}/echo`, headers: { 'x-test': 'yes' } })).bodyText).toBe(
      'PATCH yes',
    );
    expect(JSON.parse((await c.send({ method: 'GET', url: `${base}/gzip`, headers: {} })).bodyText)).toEqual({
      ok: true,
    });
    await c.close();
  });

  it('caps the body size', async () => {
    const c = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1024 });
    const e = await failure(c.send({ method: 'GET', url: `${base}/big`, headers: {} }));
    expect(e).toBeInstanceOf(TransportError);
    expect(e.code).toBe('SCIM_HTTP_BODY_TOO_LARGE');
    await c.close();
  });

  it('enforces the deadline precisely (SCIM_HTTP_TIMEOUT)', async () => {
    const c = new HttpClient({ timeoutMs: 150 });
    const t0 = performance.now();
    const e = await failure(c.send({ method: 'GET', url: `${base}/slow`, headers: {} }));
    expect(e.code).toBe('SCIM_HTTP_TIMEOUT');
    expect(performance.now() - t0).toBeLessThan(450);
    await c.close();
  });

  it('maps refused connections and resets to their codes', async () => {
    const c = new HttpClient({ timeoutMs: 2000 });
    expect((await failure(c.send({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} }))).code).toBe(
      'SCIM_HTTP_CONNECT',
    );
    expect((await failure(c.send({ method: 'GET', url: `${base}/reset`, headers: {} }))).code).toBe('SCIM_HTTP_RESET');
    await c.close();
  });

  it('refuses an untrusted certificate, trusts it with --ca, accepts anything with --insecure', async () => {
    const strict = new HttpClient({ timeoutMs: 2000 });
    expect((await failure(strict.send({ method: 'GET', url: tlsBase, headers: {} }))).code).toBe('SCIM_HTTP_TLS');
    const withCa = new HttpClient({ timeoutMs: 2000, caFile });
    expect((await withCa.send({ method: 'GET', url: tlsBase, headers: {} })).bodyText).toBe('secure');
    const insecure = new HttpClient({ timeoutMs: 2000, insecure: true });
    expect((await insecure.send({ method: 'GET', url: tlsBase, headers: {} })).bodyText).toBe('secure');
    await Promise.all([strict.close(), withCa.close(), insecure.close()]);
  });

  it('an unreadable --ca file is a usage error', () => {
    expect(() => new HttpClient({ timeoutMs: 1000, caFile: '/nonexistent/ca.pem' })).toThrow(UsageError);
  });

  it('a read-only client refuses writes before touching a socket', async () => {
    let hits = 0;
    plain.on('request', () => hits++);
    const c = new HttpClient({ timeoutMs: 2000, allowedMethods: ['GET'] });
    await expect(c.send({ method: 'DELETE', url: `${base}/x`, headers: {} })).rejects.toThrow(/read-only/);
    expect(hits).toBe(0);
    await c.close();
  });
});
