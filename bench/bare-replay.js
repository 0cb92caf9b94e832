#!/usr/bin/env node
// The floor a `scim-check run` is compared with: a bare undici script, as its own process,
// sending a recorded list of requests in the same order over one connection and reading
// every body, checking nothing.   node bench/bare-replay.js BASE_URL requests.json
// (SCIM_TOKEN in the environment; the list is what bench/run-bench.js recorded from a real run.)
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';

const [baseUrl, file] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(file, 'utf8'));
const agent = new Agent({ connections: 1 });
for (const r of requests) {
  const headers = { ...r.headers, authorization: `Bearer ${process.env.SCIM_TOKEN}` };
  const res = await request(baseUrl + r.path, { method: r.method, headers, body: r.body, dispatcher: agent });
  await res.body.text();
}
await agent.close();
