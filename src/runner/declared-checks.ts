// The run's hook into declared-schema validation: every response a step receives is
// checked against the server's own /Schemas (when the run has them), and the findings
// join the step's checks.
import type { StepSpec } from '../suite/types.js';
import type { CheckResult, RunResult } from '../model/run-result.js';
import type { RunContext } from './context.js';
import type { BuiltRequest } from './request-builder.js';
import type { ResponseView } from './expectations.js';
import { DeclaredSchemas, fetchDeclaredSchemas, type DeclaredModel } from '../schema/declared/index.js';

export function declaredChecks(
  step: StepSpec,
  built: BuiltRequest,
  response: ResponseView,
  ctx: RunContext,
): CheckResult[] {
  if (!ctx.declaredSchemas) return [];
  const found = ctx.declaredSchemas.check({
    method: built.http.method,
    url: built.http.url,
    baseUrl: ctx.options.baseUrl,
    requestBody: built.body,
    status: response.status,
    body: response.body,
    stepValidatesCoreSchema: (step.expect ?? []).some((e) => e.schema !== undefined),
  });
  // In a pack (a suite with `for:`), the server's own schemas are an RFC matter: Okta reads none
  // of them. A suite without `for:` keeps every severity under every verdict.
  const audience = (c: CheckResult) => (step.defaultFor === undefined ? {} : { audience: { rfc: c.severity } });
  return found.map((c) =>
    ctx.redactor.value({ ...c, ...audience(c), ...(step.position ? { where: { ...step.position } } : {}) }),
  );
}

/**
 * Once per run, before the first test: the declared schemas from --schemas, else from
 * the server when it publishes /Schemas. Trouble reading the server's is one run
 * notice; a bad --schemas file is the user's error (UsageError, checked by the CLI before any request).
 */
export async function loadDeclaredSchemas(ctx: RunContext, notices: RunResult['notices']): Promise<void> {
  const file = ctx.options.declaredSchemas?.file;
  let model: DeclaredModel | undefined = ctx.options.declaredSchemas?.model;
  if (!model) {
    const fetched = await fetchDeclaredSchemas(ctx.discovery);
    if (fetched.problem)
      notices.push({
        level: 'warning',
        code: 'DECLARED_SCHEMAS_UNUSABLE',
        message: ctx.redactor.text(`${fetched.problem}: responses are not checked against the server's own schemas`),
      });
    model = fetched.model;
  }
  if (!model) return;
  ctx.declaredSchemas = DeclaredSchemas.compile(model);
  if (model.problems.length) {
    const shown =
      model.problems.slice(0, 5).join('; ') +
      (model.problems.length > 5 ? `; … ${model.problems.length - 5} more` : '');
    notices.push({
      level: 'warning',
      code: 'DECLARED_SCHEMAS_INCOMPLETE',
      message: ctx.redactor.text(
        `${file ? `--schemas ${file}` : "the server's /Schemas and /ResourceTypes"}: ${shown}`,
      ),
    });
  }
}
