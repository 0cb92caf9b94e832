#!/usr/bin/env node
// Benchmark of `scim-check record`'s proxy: the same requests sent straight to the
// reference server and through the recorder (redacting, writing the capture), with the
// process's peak RSS at checkpoints, to show the capture streams (memory flat as it grows).
// Usage: npm run build && node bench/record-bench.js [--requests 5000] [--mask-pii]
// Prints figures; no thresholds (machines are noisy: quote ratios from one run).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { startServer } from '../dist/server/index.js';
import { startRecordingProxy } from '../dist/record/proxy.js';
import { createAgent } from '../dist/record/forward.js';
import { Sanitizer } from '../dist/record/sanitize.js';
import { CaptureWriter, CAPTURE_FORMAT } from '../dist/record/capture.js';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--requests') + 1] || 5000) || 5000;
const maskPii = args.includes('--mask-pii');

const server = await startServer({ port: 0, seed: { users: 20 } });
const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-record-bench-'));
const file = path.join(dir, 'capture.jsonl');
const writer = new CaptureWriter(file);
writer.writeHeader({ type: 'capture', format: CAPTURE_FORMAT, source: 'proxy', startedAt: new Date().toISOString(), redacted: [], maskPii });
const target = new URL(server.baseUrl);
const proxy = await startRecordingProxy({
  target: { url: target, agent: createAgent(target, {}), timeoutMs: 10000 },
  host: '127.0.0.1',
  port: 0,
  sanitizer: new Sanitizer({ maskPii }),
  onExchange: (e) => writer.writeExchange(e),
});

const agent = new Agent({ connections: 1 });
const headers = { authorization: `Bearer ${server.token}`, accept: 'application/scim+json', 'user-agent': 'Okta SCIM Client 1.0.0' };
async function loop(base, n, onCheckpoint) {
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) {
    const res = await request(`${base}/Users?startIndex=1&count=10`, { headers, dispatcher: agent });
    await res.body.text();
    if (onCheckpoint && i % Math.ceil(n / 4) === 0) onCheckpoint(i);
  }
  return performance.now() - t0;
}

await loop(server.baseUrl, 200); // warm both paths
await loop(`${proxy.url}/scim/v2`, 200);
const direct = await loop(server.baseUrl, N);
const rss = [];
const recorded = await loop(`${proxy.url}/scim/v2`, N, (i) => rss.push(`${i}: ${Math.round(process.memoryUsage().rss / 1e6)} MB`));
await proxy.close();
await writer.end();
await agent.close();
await server.close();

console.log(`requests: ${N} (GET /Users?startIndex=1&count=10, 10 users per answer)${maskPii ? ', --mask-pii' : ''}`);
console.log(`direct:   ${direct.toFixed(0)} ms (${(direct / N).toFixed(2)} ms/request)`);
console.log(`recorded: ${recorded.toFixed(0)} ms (${(recorded / N).toFixed(2)} ms/request), ${(recorded / direct).toFixed(2)}x direct`);
console.log(`capture:  ${writer.exchanges} lines, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
console.log(`RSS while recording (whole process, server included): ${rss.join(', ')}`);
