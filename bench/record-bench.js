#!/usr/bin/env node
// Benchmark of `scim-check record`'s proxy: the same requests sent straight to the
// reference server and through the recorder (redacting, writing the capture), with the
// process's RSS at checkpoints, to show the capture streams (memory flat as it grows).
//   npm run build && node bench/record-bench.js [--requests 4000] [--mask-pii]
// Prints figures; no thresholds (machines are noisy: quote ratios from one run).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startServer } from '../dist/server/index.js';
import { startRecordingProxy } from '../dist/record/proxy.js';
import { createAgent } from '../dist/record/forward.js';
import { Sanitizer } from '../dist/record/sanitize.js';
import { CaptureWriter, CAPTURE_FORMAT } from '../dist/record/capture.js';

export async function recordBench({ requests = 4000, maskPii = false } = {}) {
  const server = await startServer({ port: 0, seed: { users: 20 } });
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-record-bench-'));
  const file = path.join(dir, 'capture.jsonl');
  const writer = new CaptureWriter(file);
  writer.writeHeader({
    type: 'capture',
    format: CAPTURE_FORMAT,
    source: 'proxy',
    startedAt: new Date().toISOString(),
    redacted: [],
    maskPii,
  });
  const target = new URL(server.baseUrl);
  const proxy = await startRecordingProxy({
    target: { url: target, agent: createAgent(target, {}), timeoutMs: 10000 },
    host: '127.0.0.1',
    port: 0,
    sanitizer: new Sanitizer({ maskPii }),
    onExchange: (e) => writer.writeExchange(e),
  });
  const agent = new Agent({ connections: 1 });
  const headers = {
    authorization: `Bearer ${server.token}`,
    accept: 'application/scim+json',
    'user-agent': 'Okta SCIM Client 1.0.0',
  };
  const loop = async (base, n, onCheckpoint) => {
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) {
      const res = await request(`${base}/Users?startIndex=1&count=10`, { headers, dispatcher: agent });
      await res.body.text();
      if (onCheckpoint && i % Math.ceil(n / 4) === 0) onCheckpoint(i);
    }
    return performance.now() - t0;
  };
  await loop(server.baseUrl, 200); // warm both paths
  await loop(`${proxy.url}/scim/v2`, 200);
  const directMs = await loop(server.baseUrl, requests);
  const rssMb = [];
  const recordedMs = await loop(`${proxy.url}/scim/v2`, requests, (i) =>
    rssMb.push([i, process.memoryUsage().rss / 1e6]),
  );
  await proxy.close();
  await writer.end();
  await agent.close();
  await server.close();
  return {
    requests,
    maskPii,
    directMs,
    recordedMs,
    lines: writer.exchanges,
    captureMb: statSync(file).size / 1e6,
    rssMb,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const r = await recordBench({
    requests: Number(args[args.indexOf('--requests') + 1]) || 4000,
    maskPii: args.includes('--mask-pii'),
  });
  console.log(
    `requests: ${r.requests} (GET /Users?startIndex=1&count=10, 10 users per answer)${r.maskPii ? ', --mask-pii' : ''}`,
  );
  console.log(`direct:   ${r.directMs.toFixed(0)} ms (${(r.directMs / r.requests).toFixed(2)} ms/request)`);
  console.log(
    `recorded: ${r.recordedMs.toFixed(0)} ms (${(r.recordedMs / r.requests).toFixed(2)} ms/request), ${(r.recordedMs / r.directMs).toFixed(2)}x direct`,
  );
  console.log(`capture:  ${r.lines} lines, ${r.captureMb.toFixed(1)} MB`);
  console.log(
    `RSS while recording (whole process, server included): ${r.rssMb.map(([i, mb]) => `${i}: ${mb.toFixed(0)} MB`).join(', ')}`,
  );
}
