#!/usr/bin/env node
// The reference server must not be what the client benchmarks measure:
//  - a list page costs the same at any offset (first page vs last page of N users);
//  - rendering a user does not walk every group (GET /Users/{id} with 10 groups vs with G groups).
//   node bench/server-bench.js [--users 100000] [--groups 20000]
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { median, startServerProcess } from './lib/common.js';

async function timeGets(server, paths, rounds = 30) {
  const agent = new Agent({ connections: 1 });
  const headers = { authorization: `Bearer ${server.token}`, accept: 'application/scim+json' };
  const get = async (p) => {
    const res = await request(`${server.baseUrl}${p}`, { headers, dispatcher: agent });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET ${p}: ${res.statusCode} ${body.slice(0, 200)}`);
    return body;
  };
  const times = paths.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < paths.length; i++) {
      const t = performance.now();
      await get(paths[i]);
      times[i].push(performance.now() - t);
    }
  }
  await agent.close();
  return { times: times.map(median), get };
}

export async function serverBench({ users = 100_000, groups = 20_000 } = {}) {
  const paged = await startServerProcess({ users });
  let pages;
  try {
    pages = (await timeGets(paged, [`/Users?startIndex=1&count=100`, `/Users?startIndex=${users - 99}&count=100`]))
      .times;
  } finally {
    await paged.stop();
  }
  // the same users spread over few groups, then over many: one user's GET should not care
  const userGet = async (g) => {
    const server = await startServerProcess({ users: 2 * g, groups: g });
    try {
      const agent = new Agent({ connections: 1 });
      const res = await request(`${server.baseUrl}/Users?startIndex=1&count=1`, {
        headers: { authorization: `Bearer ${server.token}` },
        dispatcher: agent,
      });
      const id = JSON.parse(await res.body.text()).Resources[0].id;
      await agent.close();
      return (await timeGets(server, [`/Users/${id}`])).times[0];
    } finally {
      await server.stop();
    }
  };
  const few = await userGet(10);
  const many = await userGet(groups);
  return { users, firstPageMs: pages[0], lastPageMs: pages[1], groups, userFewGroupsMs: few, userManyGroupsMs: many };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await serverBench();
  console.log(
    `server: page 1 of ${r.users} users ${r.firstPageMs.toFixed(2)} ms, last page ${r.lastPageMs.toFixed(2)} ms (last/first ${(r.lastPageMs / r.firstPageMs).toFixed(2)}x, goal about 1x)`,
  );
  console.log(
    `server: GET /Users/{id} with 10 groups ${r.userFewGroupsMs.toFixed(2)} ms, with ${r.groups} groups ${r.userManyGroupsMs.toFixed(2)} ms (${(r.userManyGroupsMs / r.userFewGroupsMs).toFixed(2)}x, goal about 1x)`,
  );
}
