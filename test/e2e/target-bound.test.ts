// How fast a dead target ends a run (README, "A dead or hostile target ends the run quickly"):
// the discovery reads before the first test count towards the 3 failures in a row, so a
// target that dies right after the probe costs at most 3 x --timeout more, not 3 + discovery.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';

const startServer = useServers();

describe('a target that dies right after the probe', () => {
  it('stops the run after 3 failed requests, discovery reads included (exit 3)', async () => {
    const s = await startServer({ seed: { users: 2 } });
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (_req, n) => (n > 1 ? { hang: true } : undefined));
    try {
      // rfc/patch needs /ServiceProviderConfig (requires: patch): probe, /Schemas, then the capability reads
      const res = await runCli(['run', 'rfc/patch', '--base-url', `${proxy.url}/scim/v2`, '--timeout', '1000'], {
        env: { SCIM_TOKEN: s.token },
      });
      expect(res.code).toBe(3);
      expect(res.stdout).toMatch(/not run: target unresponsive: 3 requests in a row failed/);
      expect(proxy.log.length, proxy.log.map((l) => `${l.method} ${l.url}`).join('\n')).toBeLessThanOrEqual(1 + 3);
    } finally {
      await proxy.close();
    }
  });
});
