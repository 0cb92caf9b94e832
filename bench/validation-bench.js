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
 * Validates every user, round after round, for about `ms`. Rates are resources per second of
 * this process's CPU time, the median over rounds (one round = every user once): on a shared
 * machine the wall clock also counts the time other processes held the core, and a long CPU
 * total takes in their disturbance too. The wall-clock rate is given beside it.
 */
function throughput(users, validate, ms = 1500) {
  let done = 0;
  let invalid = 0;
  const started = performance.now();
  const perRound = [];
  let elapsed = 0;
  while (elapsed < ms) {
    const cpu = process.cpuUsage();
    for (const u of users) if (!validate(u)) invalid++;
    const used = process.cpuUsage(cpu);
    perRound.push(users.length / Math.max(1e-6, (used.user + used.system) / 1e6));
    done += users.length;
    elapsed = performance.now() - started;
  }
  perRound.sort((x, y) => x - y);
  const perSecond = perRound[Math.floor(perRound.length / 2)] ?? 0;
  return { perSecond, perWallSecond: done / (elapsed / 1000), invalid, validated: done, rounds: perRound.length };
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
    `validation: ${r.userPerSecond.toFixed(0)} User resources per CPU second one by one (median of rounds) (${r.userPerWallSecond.toFixed(0)}/s wall), ${r.listUserPerSecond.toFixed(0)}/s in ListResponse pages of 100 (goal >= 100000/s; ${r.users} distinct users${r.invalid ? `, ${r.invalid} invalid!` : ''})`,
  );
}
