// Expectations derived from what the recorded server answered: the status (must), and,
// as should, the response schema, the attributes the client sent coming back unchanged,
// list counts and the Location header. Every candidate is first evaluated against the
// recorded answer itself with the runner's own evaluator and kept only if it passes
// there, so the suite describes the recorded server, never a guess.
import type { Expectation } from '../../suite/types.js';
import { evaluateExpectation, type ExpectationContext } from '../../runner/expectations.js';
import type { Exchange } from '../capture.js';
import { headerValue } from '../capture.js';
import { queryPairs } from './query.js';

const MAX_ECHO_CHECKS = 12;
const SKIP_KEYS = new Set(['schemas', 'id', 'meta', 'password', 'groups']);

export function deriveExpectations(e: Exchange, codePrefix: string): Expectation[] {
  const res = e.response;
  if (!res) return [];
  const label = `derived from recorded exchange #${e.seq}`;
  const ref = `recorded: ${e.request.method} ${e.request.path} answered ${res.status}`;
  const make = (what: string, severity: 'must' | 'should', exp: Expectation, description: string): Expectation => ({
    ...exp,
    code: `${codePrefix}_${what}`,
    severity,
    description: `${label}: ${description}`,
    ref,
  });
  const candidates: Expectation[] = [make('STATUS', 'must', { status: res.status }, `status ${res.status}`)];
  const body = res.body;
  if (res.status === 201 && headerValue(res.headers, 'location')) {
    candidates.push(make('LOCATION', 'should', { header: 'Location', exists: true }, 'a Location header'));
  }
  const schema = schemaOf(body);
  if (schema) candidates.push(make('SCHEMA', 'should', { schema }, `the body is a ${schema}`));
  if (schema === 'ListResponse') candidates.push(...listCounts(e, body as Record<string, unknown>, make));
  if (body && typeof body === 'object' && res.status < 300) {
    sentAttributes(e.request.method, e.request.body)
      .slice(0, MAX_ECHO_CHECKS)
      .forEach(([path, exp], k) =>
        candidates.push(make(`ECHO_${k + 1}`, 'should', { path, ...exp }, echoDescription(path, exp))),
      );
  }
  // numbered after filtering, so the codes of a step read ECHO_1, ECHO_2, ... without gaps
  let echo = 0;
  return candidates
    .filter((exp) => passesOnRecording(exp, e))
    .map((exp) => (exp.code?.includes('_ECHO_') ? { ...exp, code: `${codePrefix}_ECHO_${++echo}` } : exp));
}

type Make = (what: string, severity: 'must' | 'should', exp: Expectation, description: string) => Expectation;

function listCounts(e: Exchange, body: Record<string, unknown>, make: Make): Expectation[] {
  const filtered = queryPairs(e.request.query).some(([n]) => n === 'filter');
  // an unfiltered list depends on what else the tenant holds: only its shape is kept
  if (!filtered)
    return [make('TOTAL', 'should', { path: 'totalResults', type: 'integer' }, 'totalResults is an integer')];
  const total = body.totalResults;
  return [make('TOTAL', 'should', { path: 'totalResults', equals: total }, `the filter matched ${String(total)}`)];
}

function schemaOf(body: unknown): string | undefined {
  const schemas = (body as { schemas?: unknown })?.schemas;
  if (!Array.isArray(schemas)) return undefined;
  const has = (suffix: string) => schemas.some((s) => typeof s === 'string' && s.endsWith(suffix));
  if (has(':ListResponse')) return 'ListResponse';
  if (has(':Error')) return 'Error';
  if (has('core:2.0:User')) return 'User';
  if (has('core:2.0:Group')) return 'Group';
  return undefined;
}

type Matcher = Pick<Expectation, 'equals' | 'exists' | 'caseInsensitive'>;

/** [body path, matcher] for every attribute a create, replace or patch sent. */
export function sentAttributes(method: string, body: unknown): [string, Matcher][] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const obj = body as Record<string, unknown>;
  if (method === 'PATCH' && Array.isArray(obj.Operations))
    return patchAttributes(obj.Operations as Record<string, unknown>[]);
  if (method === 'POST' || method === 'PUT') return resourceAttributes(obj);
  return [];
}

function resourceAttributes(obj: Record<string, unknown>, prefix = ''): [string, Matcher][] {
  const out: [string, Matcher][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (SKIP_KEYS.has(k) || v === null || v === undefined) continue;
    const path = `${prefix}${k}`;
    if (isScalar(v)) out.push([path, eq(k, v)]);
    else if (Array.isArray(v)) out.push(...arrayAttributes(path, v));
    else if (!prefix) out.push(...resourceAttributes(v as Record<string, unknown>, `${path}.`));
  }
  return out;
}

/** Elements of emails[], members[], ... picked by their type, else their value. */
function arrayAttributes(path: string, items: unknown[]): [string, Matcher][] {
  const out: [string, Matcher][] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const el = item as Record<string, unknown>;
    const key = typeof el.type === 'string' ? 'type' : typeof el.value === 'string' ? 'value' : undefined;
    if (!key || String(el[key]).includes('"')) continue;
    const selector = `${path}[${key} eq "${String(el[key])}"]`;
    if (out.some(([p]) => p.startsWith(selector))) continue;
    for (const [ck, cv] of Object.entries(el))
      if (isScalar(cv) && ck !== key) out.push([`${selector}.${ck}`, eq(ck, cv)]);
    if (key === 'value') out.push([selector, { exists: true }]);
  }
  return out;
}

function patchAttributes(ops: Record<string, unknown>[]): [string, Matcher][] {
  const out: [string, Matcher][] = [];
  for (const op of ops) {
    const kind = String(op?.op ?? '').toLowerCase();
    const path = typeof op?.path === 'string' ? op.path : undefined;
    if ((kind === 'replace' || kind === 'add') && path === undefined && op.value && typeof op.value === 'object') {
      out.push(...resourceAttributes(op.value as Record<string, unknown>));
    } else if ((kind === 'replace' || kind === 'add') && path && /^[\w:.]+$/.test(path)) {
      if (isScalar(op.value)) out.push([path, eq(path, op.value)]);
      else if (Array.isArray(op.value)) out.push(...arrayAttributes(path, op.value));
    } else if (kind === 'remove' && path && /\[.+\]$/.test(path)) {
      out.push([path, { exists: false }]);
    }
  }
  return out.filter(([p]) => !/password/i.test(p));
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function eq(key: string, value: string | number | boolean): Matcher {
  // userName is case-insensitive (RFC 7643 §4.1.1): a server may store it folded
  return key === 'userName' ? { equals: value, caseInsensitive: true } : { equals: value };
}

function echoDescription(path: string, m: Matcher): string {
  if (m.exists === false) return `${path} is gone, as the client asked`;
  if (m.exists === true) return `${path} is there, as the client sent it`;
  return `${path} comes back as the client sent it`;
}

function passesOnRecording(exp: Expectation, e: Exchange): boolean {
  const res = e.response!;
  const headers = Object.fromEntries(res.headers.map(([n, v]) => [n.toLowerCase(), v]));
  const ctx = {
    response: {
      status: res.status,
      headers,
      body: res.body,
      bodyText: res.bodyText ?? JSON.stringify(res.body ?? ''),
      durationMs: e.durationMs,
    },
    requestBody: e.request.body,
    named: {} as ExpectationContext['named'],
    render: (v: unknown) => v,
    defaultCode: () => 'RECORDED',
  } satisfies ExpectationContext;
  return evaluateExpectation(exp, ctx).passed;
}
