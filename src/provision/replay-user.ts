// Okta's create flow for one user against the target: exists check, POST, GET by id and
// through the filter, sent-vs-stored comparison, PATCH active=false, then clean-up.
// The user's ledger is emptied before this returns, also when a step fails.
import type { CleanupRecord } from '../model/run-result.js';
import { ResourceLedger, type CleanupRequest } from '../runner/cleanup.js';
import { attributeNamedIn, compareSentStored } from './compare.js';
import { filterUrl, get, parseJson, PATCH_OP, refusalOf, write, type OktaHttp } from './okta-http.js';
import type { ProvisionFinding, Severity, UserReport } from './types.js';
import { isObject } from '../util/object.js';

type Obj = Record<string, unknown>;

export const DEACTIVATE = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] };

/** The body actually sent: the run prefix on userName, displayName and externalId, and Okta's extras. */
export function bodyToSend(payload: Obj, prefix: string, password: string): Obj {
  const body: Obj = structuredClone(payload);
  for (const key of ['userName', 'displayName', 'externalId']) {
    if (typeof body[key] === 'string') body[key] = `${prefix}-${body[key] as string}`;
  }
  body.groups = []; // Okta sends both on every create (a placeholder password even without password sync)
  body.password = password;
  return body;
}

/** Replays one user; its clean-up records are appended to `cleanup` even when a step throws. */
export async function replayUser(
  http: OktaHttp,
  report: UserReport,
  body: Obj,
  cleanup: CleanupRecord[],
): Promise<void> {
  const ledger = new ResourceLedger();
  try {
    await createFlow(http, report, body, ledger);
  } finally {
    // clean-up never uses the run's abort signal: an interrupted run still removes its users
    const records = await cleanUp(http, ledger);
    cleanup.push(...records);
    for (const r of records)
      if (r.status === 'failed')
        add(report, 'must', '(user)', 'not cleaned up', `the user ${r.id} could not be removed: ${r.detail ?? ''}`);
  }
}

async function createFlow(http: OktaHttp, report: UserReport, body: Obj, ledger: ResourceLedger): Promise<void> {
  const userName = String(body.userName ?? '');
  const exists = await get(http, filterUrl(http.baseUrl, userName));
  const found = listResources(exists.bodyText);
  const existing = exists.status === 200 ? found?.[0] : undefined;
  if (existing) {
    report.outcome = 'exists';
    add(
      report,
      'must',
      'userName',
      'already on the server',
      `a user with this userName already exists (id ${String(existing.id)}); Okta would link to it, the replay leaves it alone`,
    );
    return;
  }
  if (exists.status !== 200 && exists.status !== 404) {
    report.outcome = 'refused';
    report.refusal = refusalOf(exists);
    add(
      report,
      'must',
      '(user)',
      `exists check answered ${exists.status}`,
      `GET /Users?filter=… answered ${exists.status}; Okta stops here and never sends the POST`,
    );
    return;
  }
  const created = await write(http, 'POST', '/Users', body);
  if (created.status < 200 || created.status > 299) {
    report.outcome = 'refused';
    report.refusal = refusalOf(created);
    const r = report.refusal;
    const attribute = attributeNamedIn(r.detail, body) ?? '(user)';
    add(
      report,
      'must',
      attribute,
      `refused ${r.status}${r.scimType ? ` ${r.scimType}` : ''}`,
      `POST /Users answered ${r.status}${r.detail ? `: ${r.detail}` : ''}`,
      attribute === '(user)' ? undefined : { sent: valueAt(body, attribute) },
    );
    return;
  }
  const returned = parseJson(created.bodyText);
  const id =
    isObject(returned) && typeof returned.id === 'string' ? returned.id : await idThroughFilter(http, userName);
  if (!id) {
    report.outcome = 'error';
    add(
      report,
      'must',
      'id',
      'no id returned',
      `POST answered ${created.status} without an id, and the filter does not find the user: it cannot be compared or removed`,
    );
    return;
  }
  report.user.scimId = id;
  ledger.record({ type: 'User', id, removals: removalsFor(id) });
  if (!isObject(returned) || typeof returned.id !== 'string')
    add(
      report,
      'must',
      '(user)',
      'create returned no user',
      `POST answered ${created.status} without the created user (Okta fails the job: "Create new user returned empty user")`,
    );
  const stored = await readBack(http, report, id, userName, isObject(returned) ? returned : undefined);
  const diffs = stored ? compareSentStored(body, stored) : [];
  for (const d of diffs)
    add(
      report,
      'should',
      d.attribute,
      d.cause,
      d.stored === undefined ? 'sent, not stored' : 'stored differently from what was sent',
      { sent: d.sent, stored: d.stored },
    );
  report.outcome = diffs.length > 0 ? 'changed' : 'accepted';
  await deactivate(http, report, id);
}

async function readBack(
  http: OktaHttp,
  report: UserReport,
  id: string,
  sentUserName: string,
  fallback: Obj | undefined,
): Promise<Obj | undefined> {
  const byId = await get(http, `${http.baseUrl}/Users/${encodeURIComponent(id)}`);
  const stored = parseJson(byId.bodyText);
  if (byId.status !== 200 || !isObject(stored))
    add(
      report,
      'must',
      '(user)',
      `GET by id answered ${byId.status}`,
      `GET /Users/${id} answered ${byId.status}; compared with the POST response instead`,
    );
  // Okta's next exists check filters on the userName it sent, whatever the server stored
  const viaFilter = await get(http, filterUrl(http.baseUrl, sentUserName));
  const hits = listResources(viaFilter.bodyText) ?? [];
  if (viaFilter.status !== 200 || !hits.some((r) => r.id === id)) {
    add(
      report,
      'must',
      'userName',
      'not found through the filter',
      `userName eq "…" does not find the user just created (${viaFilter.status}, ${hits.length} hit(s)): Okta would create a duplicate on the next assignment`,
    );
  }
  return byId.status === 200 && isObject(stored) ? stored : fallback;
}

async function deactivate(http: OktaHttp, report: UserReport, id: string): Promise<void> {
  const res = await write(http, 'PATCH', `/Users/${encodeURIComponent(id)}`, DEACTIVATE);
  if (res.status !== 200 && res.status !== 204) {
    const r = refusalOf(res);
    add(
      report,
      'must',
      'active',
      `deactivation refused ${r.status}`,
      `PATCH active=false answered ${r.status}${r.detail ? `: ${r.detail}` : ''}; Okta's unassignment would fail`,
    );
    return;
  }
  const after = await get(http, `${http.baseUrl}/Users/${encodeURIComponent(id)}`);
  const body = parseJson(after.bodyText);
  if (after.status === 200 && isObject(body) && body.active !== false) {
    add(
      report,
      'must',
      'active',
      'deactivation not stored',
      `after PATCH active=false the user reads active ${JSON.stringify(body.active)}`,
    );
  }
}

function removalsFor(id: string): CleanupRequest[] {
  const path = `/Users/${encodeURIComponent(id)}`;
  return [{ method: 'DELETE', path, label: 'DELETE' }];
}

async function cleanUp(http: OktaHttp, ledger: ResourceLedger): Promise<CleanupRecord[]> {
  return ledger.cleanUp(async (req) => {
    try {
      const res = await write(http, req.method as 'DELETE', req.path, req.body, null);
      return { status: res.status };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });
}

async function idThroughFilter(http: OktaHttp, userName: string): Promise<string | undefined> {
  const res = await get(http, filterUrl(http.baseUrl, userName));
  const hit = (listResources(res.bodyText) ?? []).find((r) => typeof r.id === 'string');
  return hit?.id as string | undefined;
}

function listResources(text: string): Obj[] | undefined {
  const body = parseJson(text);
  if (isObject(body) && Array.isArray(body.Resources)) return body.Resources.filter(isObject);
  if (isObject(body) && body.totalResults === 0) return [];
  return undefined;
}

function valueAt(body: Obj, attribute: string): unknown {
  const ext = /^(urn:.*:[^:.]+):(.+)$/.exec(attribute);
  const [, urn, inside] = ext ?? [];
  let cur: unknown = urn ? body[urn] : body;
  for (const part of (inside ?? attribute).replace(/\[[^\]]*\]/g, '').split('.')) {
    if (Array.isArray(cur)) cur = cur.find((el) => isObject(el) && el.primary === true) ?? cur[0];
    cur = isObject(cur) ? cur[part] : undefined;
  }
  return cur;
}

function add(
  report: UserReport,
  severity: Severity,
  attribute: string,
  cause: string,
  message: string,
  extra: Pick<ProvisionFinding, 'sent' | 'stored'> = {},
): void {
  report.findings.push({ user: report.user, attribute, cause, severity, message, ...extra });
}
