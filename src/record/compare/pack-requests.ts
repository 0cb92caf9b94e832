// What the bundled Okta packs send, step by step, built by the runner's own request
// builder (so defaults, Okta's headers and Content-Type are exactly what a run sends).
// Templates are left as written, except a whole-value variable (`body: ${{ deactivate }}`)
// which is resolved, because its shape is what matters.
import { buildRequest } from '../../runner/request-builder.js';
import { resolveSuites } from '../../suite/discover.js';
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
        const built = buildRequest(step.request, suite, render, { baseUrl: 'http://pack.invalid', token: 'pack-token', extraHeaders: {} });
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
          headers: Object.entries(built.http.headers),
        });
      }
    }
  }
  return out;
}

function wholeVariables(suite: SuiteSpec): (v: unknown) => unknown {
  const render = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^\$\{\{\s*([A-Za-z_]\w*)\s*\}\}$/.exec(v);
      const value = m ? suite.variables?.[m[1]] : undefined;
      return value !== undefined && typeof value === 'object' ? render(value) : v;
    }
    if (Array.isArray(v)) return v.map(render);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, render(x)]));
    return v;
  };
  return render;
}
