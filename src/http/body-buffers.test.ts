// Answer bodies are collected into reused buffers (body-buffers.ts). Reuse must never let one
// answer's bytes into another's: many answers of different sizes at once, each sent in several
// chunks, through the real client against a real loopback server, must all come back intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { HttpClient } from './client.js';
import { giveBodyBuffer, growBodyBuffer, takeBodyBuffer } from './body-buffers.js';

let server: http.Server;
let base = '';

/** n bytes of text that differ with the seed, so a stray byte from another answer shows. */
function bodyOf(seed: number, n: number): string {
  let out = '';
  while (out.length < n) out += `${seed}:${out.length};`;
  return out.slice(0, n);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const seed = Number(url.searchParams.get('seed'));
    const size = Number(url.searchParams.get('size'));
    const text = bodyOf(seed, size);
    if (url.pathname === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(text));
      return;
    }
    // in pieces, with pauses, so answers arrive interleaved chunk by chunk
    res.writeHead(200, { 'content-type': 'text/plain' });
    const pieces = 4;
    const step = Math.ceil(size / pieces);
    let i = 0;
    const next = () => {
      if (i >= size) return void res.end();
      res.write(text.slice(i, i + step));
      i += step;
      setTimeout(next, seed % 3);
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('reused body buffers', () => {
  it('keeps every answer whole and its own, many at once, small and large, plain and gzip', async () => {
    const client = new HttpClient({ timeoutMs: 10_000, connections: 8 });
    try {
      const sizes = [0, 1, 100, 70_000, 200_000, 1_500_000];
      for (let round = 0; round < 3; round++) {
        const asks = Array.from({ length: 24 }, (_, k) => ({
          seed: round * 100 + k,
          size: sizes[k % sizes.length]!,
          path: k % 5 === 4 ? '/gzip' : '/plain',
        }));
        const answers = await Promise.all(
          asks.map((a) =>
            client.send({ method: 'GET', url: `${base}${a.path}?seed=${a.seed}&size=${a.size}`, headers: {} }),
          ),
        );
        answers.forEach((res, k) => {
          const { seed, size } = asks[k]!;
          expect(res.bodyText.length).toBe(size);
          expect(res.bodyText === bodyOf(seed, size)).toBe(true);
        });
      }
    } finally {
      await client.close();
    }
  });

  it('a buffer given back is handed out again; one that outgrew it is a copy of what was written', () => {
    for (let i = 0; i < 8; i++) takeBodyBuffer(); // empty the pool: what follows starts from fresh buffers
    const a = takeBodyBuffer();
    a.write('hello', 0);
    const grown = growBodyBuffer(a, 5, a.length + 1);
    expect(grown).not.toBe(a);
    expect(grown.length).toBeGreaterThan(a.length);
    expect(grown.subarray(0, 5).toString()).toBe('hello');
    // the smaller one went back to the pool and comes out first
    expect(takeBodyBuffer()).toBe(a);
    giveBodyBuffer(grown);
    expect(takeBodyBuffer(grown.length)).toBe(grown);
    // too small for what is asked: a fresh one
    giveBodyBuffer(a);
    const big = takeBodyBuffer(a.length * 4);
    expect(big).not.toBe(a);
    expect(big.length).toBeGreaterThanOrEqual(a.length * 4);
  });
});
