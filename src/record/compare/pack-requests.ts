// What the bundled Okta packs send, step by step, built by the runner's own request
// builder (so defaults, Okta's headers and Content-Type are exactly what a run sends).
// Templates are left as written, except a whole-value variable (`body: ${{ deactivate }}`)
// which is resolved, because its shape is what matters.
import { buildRequest } from '../../runner/request-builder.js';
import { resolveSuites } from '../../suite/discover.js';
import { createRunInfo, renderValue } from '../../suite/template.js';
import type { SuiteSpec } from '../../suite/types.js';
import { operationOf } from './operation.js';

export interface PackRequest {
  where: string; // okta/provisioning › user-lifecycle › create
  position?: string; // suites/okta/provisioning.yaml:52:9
  operation: string;
  method: string;
  path: string;
  queryNames: string[];
  queryValues: [string, string][];
  /** The query writes spaces as `+` (a step that spells its query out in the path). */
  plusForSpace: boolean;
  /** A paging walk: startIndex moves from page to page. */
  paginates: boolean;
  /** Lower-cased names, in the order the runner sets them; Authorization is the run's token. */
  headers: [string, string][];
  body: unknown;
}

export function packRequests(selectors: string[] = ['tag:okta']): PackRequest[] {
  const out: PackRequest[] = [];
  for (const suite of resolveSuites(selectors)) {
    const render = wholeVariables(suite);
    for (const test of suite.tests) {
      for (const step of test.steps) {
        // a paging step sends startIndex and count after its own parameters (src/runner/paginate.ts)
        const request = step.paginate
          ? { ...step.request, query: { ...(step.request.query ?? {}), startIndex: 1, count: step.paginate.count } }
          : step.request;
        const built = buildRequest(request, suite, render, {
          baseUrl: 'http://pack.invalid',
          token: 'pack-token',
          extraHeaders: {},
        });
        const url = new URL(built.http.url);
        const queryNames = [...url.searchParams.keys()];
        const req = { method: built.http.method, path: built.path, queryNames, body: built.body };
        const p = step.position;
        out.push({
          where: `${suite.name} › ${test.id ?? test.name} › ${step.id}`,
          position: p ? `${p.file}:${p.line}:${p.col}` : undefined,
          operation: operationOf(req),
          ...req,
          queryValues: [...url.searchParams.entries()],
          plusForSpace: url.search.includes('+'),
          paginates: Boolean(step.paginate),
          headers: Object.entries(built.http.headers),
        });
      }
    }
  }
  return out;
}

function wholeVariables(suite: SuiteSpec): (v: unknown) => unknown {
  const scope = { variables: suite.variables ?? {}, run: createRunInfo('compare') };
  const render = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!/^\$\{\{.*\}\}$/.test(v)) return v;
      try {
        // variables and pure functions (merge(a, b)) resolve; a capture does not exist yet and stays a template
        const value = renderValue(v, scope);
        return value !== null && typeof value === 'object' ? value : v;
      } catch {
        return v;
      }
    }
    if (Array.isArray(v)) return v.map(render);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, render(x)]));
    return v;
  };
  return render;
}
