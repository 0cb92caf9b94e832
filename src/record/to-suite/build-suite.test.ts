import { describe, expect, it } from 'vitest';
import type { Capture, Exchange } from '../capture.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuiteText } from '../../suite/load.js';
import { buildSuite } from './build-suite.js';
import { suiteYamlFromCapture } from './write-suite.js';

const UA: [string, string] = ['User-Agent', 'Okta SCIM Client 1.0.0'];
let seq = 0;
function ex(
  method: string,
  path: string,
  query: string,
  body: unknown,
  status: number,
  answer: unknown,
  headers: [string, string][] = [UA, ['Authorization', '[REDACTED]']],
): Exchange {
  seq += 1;
  return {
    type: 'exchange',
    seq,
    startedAt: 't',
    durationMs: 1,
    request: { method, path, query, headers, body },
    response: { status, headers: [], body: answer },
  };
}
const header: Capture['header'] = {
  type: 'capture',
  format: 'scim-check-capture/1',
  source: 'proxy',
  startedAt: 't',
  redacted: [],
  maskPii: false,
};
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

describe('buildSuite', () => {
  seq = 0;
  const capture: Capture = {
    header,
    exchanges: [
      ex('POST', '/Users', '', { userName: 'ada@x.test', password: '[REDACTED]' }, 201, {
        id: '17',
        userName: 'ada@x.test',
      }),
      ex(
        'GET',
        '/Users',
        'filter=userName+eq+%22ADA%40X.TEST%22',
        undefined,
        200,
        { schemas: [LIST], totalResults: 1, Resources: [{ id: '17' }] },
        [UA, ['X-Tenant', '[REDACTED]']],
      ),
      ex('DELETE', '/Users/17', '', undefined, 204, undefined),
      ex('OPTIONS', '/Users', '', undefined, 204, undefined),
      ex('GET', '/Users', 'attributes=userName&attributes=emails', undefined, 200, {
        schemas: [LIST],
        totalResults: 0,
        Resources: [],
      }),
      ex('GET', '/Users', 'startIndex=1&count=2', undefined, 401, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '401',
      }),
    ],
  };
  const { suite, stepComments, skipped } = buildSuite(capture, 'recorded/t', 't.jsonl');
  const steps = (suite.tests as { steps: Record<string, any>[] }[])[0].steps;

  it('links an upper-cased copy of an identity to its variable, and short numeric ids by path segment', () => {
    expect(suite.variables).toMatchObject({ userName1: "${{ randomEmail('user-name1') }}" });
    expect(steps[1].request.query).toEqual({ filter: 'userName eq "${{ upper(userName1) }}"' });
    expect(steps[2].request.path).toBe('/Users/${{ user1Id }}');
    expect(steps[1].expect.find((x: { path?: string }) => x.path === 'totalResults')).toMatchObject({
      equals: 1,
      severity: 'should',
    });
  });

  it('replays with a fresh password, without the credential, and says what it could not replay', () => {
    expect(steps[0].request.body.password).toBe('Pw-${{ randomHex(16) }}');
    expect(steps[1].request.auth).toBe('none');
    expect(steps[4].request.auth).toBe('invalid'); // a refused credential is replayed as a wrong one
    expect(skipped).toEqual(['#4 OPTIONS /Users: a suite cannot send OPTIONS']);
    expect(stepComments[3]).toContain('repeated in the recording, sent once (the last value): attributes');
    expect(steps[1].request.headers).toBeUndefined();
    expect(stepComments[1]).toContain('spaces in the query as "+"');
    expect(stepComments[1]).toContain('redacted header(s) not replayed: X-Tenant');
    expect(suite.defaults).toEqual({ headers: { 'User-Agent': 'Okta SCIM Client 1.0.0' } });
  });
});

describe('suiteYamlFromCapture', () => {
  it('writes YAML that the suite loader accepts, with a comment per step', () => {
    seq = 0;
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-to-suite-'));
    const file = path.join(dir, 'c.jsonl');
    const rows = [
      header,
      ex('POST', '/Groups', '', { displayName: 'Ops', members: [] }, 201, { id: 'g-100', displayName: 'Ops' }),
      ex('DELETE', '/Groups/g-100', '', undefined, 204, undefined),
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { text, steps } = suiteYamlFromCapture(file, path.join(dir, 'c.yaml'));
    expect(steps).toBe(2);
    expect(text).toMatch(/# recorded exchange #1 .*POST \/Groups → 201\n\s+- id: e01-post-groups/);
    const suite = loadSuiteText(text, 'c.yaml');
    expect(suite.tests[0].steps[0].creates).toEqual({ type: 'Group', id: '${{ group1Id }}' });
    expect(suite.tests[0].steps[1].request.path).toBe('/Groups/${{ group1Id }}');
  });
});
