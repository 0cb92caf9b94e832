// A scripted client that sends Okta's documented provisioning sequence with Okta's own
// headers (okta-scim-behavior §1.1; request lines and bodies from Okta's SCIM reference:
// okta-documented-requests.jsonl), over node:http so no header is added behind our back.
// `plant` makes it differ from Okta in one known way, for `record --compare` to find.
import http from 'node:http';

export interface ScriptedExchange {
  method: string;
  path: string;
  status: number;
  body: any;
}

export interface OktaScriptOptions {
  /** Base URL the client is pointed at (the recorder), e.g. http://127.0.0.1:PORT/scim/v2 */
  baseUrl: string;
  token: string;
  userName: string;
  groupName: string;
  /** Send the exists check's query as count, then startIndex (Okta sends startIndex first). */
  plantQueryOrder?: boolean;
  /** Send only the first probe (to have one request in flight when the recorder is interrupted). */
  probeOnly?: boolean;
}

const OKTA_HEADERS: [string, string][] = [
  ['Accept', 'application/scim+json'],
  ['Accept-Charset', 'utf-8'],
  ['User-Agent', 'Okta SCIM Client 1.0.0'],
  ['Accept-Encoding', 'gzip,deflate'],
];
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Okta's %20 form of a filter: spaces %20, quotes %22, @ %40. */
const filterQuery = (attr: string, value: string) => `filter=${encodeURIComponent(`${attr} eq "${value}"`)}`;

export async function runOktaScript(opts: OktaScriptOptions): Promise<ScriptedExchange[]> {
  const log: ScriptedExchange[] = [];
  const send = async (method: string, path: string, body?: unknown): Promise<ScriptedExchange> => {
    const r = await request(opts, method, path, body);
    log.push(r);
    return r;
  };
  // A: Test API Credentials (GET /Users?startIndex=1&count=2, then the Groups probe)
  await send('GET', '/Users?startIndex=1&count=2');
  if (opts.probeOnly) return log;
  await send('GET', '/Groups?startIndex=1&count=100');
  // B1: exists check (okta-exists-check)
  const paging = opts.plantQueryOrder ? 'count=100&startIndex=1' : 'startIndex=1&count=100';
  await send('GET', `/Users?${filterQuery('userName', opts.userName)}&${paging}`);
  // B2: create (Okta's documented body: password placeholder, externalId = Okta user id)
  const created = await send('POST', '/Users', {
    schemas: [USER],
    userName: opts.userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: opts.userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: '00ujl29u0le5T6Aj10h7',
    groups: [],
    password: '1mz050nq',
    active: true,
  });
  const userId = String(created.body.id);
  // C: profile update, read-modify-write (okta-update-user-put)
  const current = await send('GET', `/Users/${userId}`);
  await send('PUT', `/Users/${userId}`, {
    schemas: [USER],
    id: userId,
    userName: opts.userName,
    name: { givenName: 'Test', middleName: 'Q', familyName: 'User' },
    emails: [{ primary: true, value: opts.userName, type: 'work', display: opts.userName }],
    active: true,
    groups: [],
    meta: { resourceType: current.body?.meta?.resourceType ?? 'User' },
  });
  // D: deactivate (okta-deactivate-patch: path-less, lower-case op)
  await send('PATCH', `/Users/${userId}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', value: { active: false } }],
  });
  // G: group push: exists check, create with members, rename, member update, delete
  await send('GET', `/Groups?${filterQuery('displayName', opts.groupName)}&startIndex=1&count=100`);
  const group = await send('POST', '/Groups', {
    schemas: [GROUP],
    displayName: opts.groupName,
    members: [{ value: userId, display: opts.userName }],
  });
  const groupId = String(group.body.id);
  await send('PATCH', `/Groups/${groupId}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', value: { id: groupId, displayName: `${opts.groupName} renamed` } }],
  });
  await send('PATCH', `/Groups/${groupId}`, {
    schemas: [PATCH],
    Operations: [
      { op: 'remove', path: `members[value eq "${userId}"]` },
      { op: 'add', path: 'members', value: [{ value: userId, display: opts.userName }] },
    ],
  });
  await send('DELETE', `/Groups/${groupId}`);
  return log;
}

function request(opts: OktaScriptOptions, method: string, path: string, body?: unknown): Promise<ScriptedExchange> {
  const url = new URL(opts.baseUrl.replace(/\/+$/, '') + path);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  // an array of headers makes node add none itself, not even Host
  const headers: [string, string][] = [['Host', url.host], ...OKTA_HEADERS];
  if (payload)
    headers.push(['Content-Type', 'application/scim+json; charset=utf-8'], ['Content-Length', String(payload.length)]);
  headers.push(['Authorization', `Bearer ${opts.token}`]);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        headers: headers.flat(),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ method, path, status: res.statusCode ?? 0, body: json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
