import { describe, expect, it } from 'vitest';
import type { Capture, Exchange } from '../capture.js';
import { buildSuite } from './build-suite.js';

const UA: [string, string] = ['User-Agent', 'Okta SCIM Client 1.0.0'];
let seq = 0;
function ex(method: string, path: string, query: string, body: unknown, status: number, answer: unknown, headers: [string, string][] = [UA, ['Authorization', '[REDACTED]']]): Exchange {
  seq += 1;
  return { type: 'exchange', seq, startedAt: 't', durationMs: 1, request: { method, path, query, headers, body }, response: { status, headers: [], body: answer } };
}
const header: Capture['header'] = { type: 'capture', format: 'scim-check-capture/1', source: 'proxy', startedAt: 't', redacted: [], maskPii: false };
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

describe('buildSuite', () => {
  seq = 0;
  const capture: Capture = {
    header,
    exchanges: [
      ex('POST', '/Users', '', { userName: 'ada@x.test', password: '[REDACTED]' }, 201, { id: '17', userName: 'ada@x.test' }),
      ex('GET', '/Users', 'filter=userName+eq+%22ADA%40X.TEST%22', undefined, 200, { schemas: [LIST], totalResults: 1, Resources: [{ id: '17' }] }, [UA, ['X-Tenant', '[REDACTED]']]),
      ex('DELETE', '/Users/17', '', undefined, 204, undefined),
    ],
  };
  const { suite, stepComments } = buildSuite(capture, 'recorded/t', 't.jsonl');
  const steps = (suite.tests as { steps: Record<string, any>[] }[])[0].steps; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('links an upper-cased copy of an identity to its variable, and short numeric ids by path segment', () => {
    expect(suite.variables).toMatchObject({ userName1: "${{ randomEmail('user-name1') }}" });
    expect(steps[1].request.query).toEqual({ filter: 'userName eq "${{ upper(userName1) }}"' });
    expect(steps[2].request.path).toBe('/Users/${{ user1Id }}');
    expect(steps[1].expect.find((x: { path?: string }) => x.path === 'totalResults')).toMatchObject({ equals: 1, severity: 'should' });
  });

  it('replays with a fresh password, without the credential, and says what it could not replay', () => {
    expect(steps[0].request.body.password).toBe('Pw-${{ randomHex(16) }}');
    expect(steps[1].request.auth).toBe('none');
    expect(steps[1].request.headers).toBeUndefined();
    expect(stepComments[1]).toContain('spaces in the query as "+"');
    expect(stepComments[1]).toContain('redacted header(s) not replayed: X-Tenant');
    expect(suite.defaults).toEqual({ headers: { 'User-Agent': 'Okta SCIM Client 1.0.0' } });
  });
});
