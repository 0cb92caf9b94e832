#!/usr/bin/env node
// Validation throughput: User resources per second through the compiled response schemas
// (the same validator a run and an audit use), on real resources read from the reference
// server seeded with users.   node bench/validation-bench.js [--users 2000]
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './lib/common.js';

async function fetchUsers(count) {
  const server = await startServerProcess({ users: count });
  try {
    const users = [];
    while (users.length < count) {
      const res = await fetch(`${server.baseUrl}/Users?startIndex=${users.length + 1}&count=100`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      users.push(...(await res.json()).Resources);
    }
    return users;
  } finally {
    await server.stop();
  }
}

/**
 * Validates every user, round after round, for about `ms`; resources per second of this
 * process's CPU time (what the code costs; on a shared machine the wall clock also counts the
 * time other processes held the core) and per second of wall time.
 */
function throughput(users, validate, ms = 1500) {
  let done = 0;
  let invalid = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const u of users) if (!validate(u)) invalid++;
    done += users.length;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: done / cpuSeconds, perWallSecond: done / (elapsed / 1000), invalid, validated: done };
}

export async function validationBench({ users: count = 2000 } = {}) {
  const { validateAgainst, validateListOf } = await import('../dist/schema/validator.js');
  const users = await fetchUsers(count);
  throughput(users, (u) => validateAgainst('User', u).valid, 300); // warm-up (JIT)
  const single = throughput(users, (u) => validateAgainst('User', u).valid);
  const pages = [];
  for (let i = 0; i < users.length; i += 100)
    pages.push({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: users.length,
      startIndex: i + 1,
      itemsPerPage: 100,
      Resources: users.slice(i, i + 100),
    });
  const paged = throughput(pages, (p) => validateListOf('User', p).valid);
  return {
    users: users.length,
    userPerSecond: single.perSecond,
    userPerWallSecond: single.perWallSecond,
    invalid: single.invalid,
    listUserPerSecond: paged.perSecond * 100,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await validationBench();
  console.log(
    `validation: ${r.userPerSecond.toFixed(0)} User resources per CPU second one by one (${r.userPerWallSecond.toFixed(0)}/s wall), ${r.listUserPerSecond.toFixed(0)}/s in ListResponse pages of 100 (goal >= 100000/s; ${r.users} distinct users${r.invalid ? `, ${r.invalid} invalid!` : ''})`,
  );
}
