// Okta's import: GET with startIndex=1,1+count,... until totalResults. Every page
// gets the step's expectations; the walk gets its own checks (duplicates, gaps,
// stable totals, and with walks: 2 the same order twice). `advance: count` moves
// startIndex by count whatever a page held, exactly as Okta does, so a server that
// returns short pages shows how many resources Okta's import would never see.
import type { StepSpec, SuiteSpec } from '../suite/types.js';
import type { CheckResult, StepResult } from '../model/run-result.js';
import type { RunContext } from './context.js';
import { buildRequest } from './request-builder.js';
import { assertAll, keepFirstFailure } from './assert-step.js';
import { send, targetOf, type StepScope } from './step-io.js';
import { refusalOf } from './request-guard.js';
import { UsageError } from '../errors.js';
import { resolveAudience } from '../audience/resolve-audience.js';

export async function walkPages(
  step: StepSpec,
  suite: SuiteSpec,
  scope: StepScope,
  ctx: RunContext,
  result: StepResult,
): Promise<void> {
  const opts = step.paginate!;
  const walks = Math.max(1, opts.walks ?? 1);
  const orders: string[][] = [];
  const merged = new Map<string, CheckResult>();
  const walkProblems: string[] = [];
  const incomplete: string[] = [];
  const byCount = opts.advance === 'count';
  for (let w = 0; w < walks; w++) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let startIndex = 1;
    let capped = true; // stays true when the loop ends because of maxPages
    const maxPages = opts.maxPages ?? 1000;
    for (let page = 0; page < maxPages; page++) {
      const spec = { ...step.request, query: { ...(step.request.query ?? {}), startIndex, count: opts.count } };
      const built = buildRequest(spec, suite, scope.render, targetOf(ctx));
      const refusal = refusalOf(built, suite, ctx);
      if (refusal) throw new UsageError(refusal); // the step is errored, as an unpaged one would be
      const response = await send(ctx, built, result.exchanges);
      for (const c of assertAll(step, suite, built, response, scope, ctx))
        keepFirstFailure(merged, c, `page startIndex=${startIndex}`);
      const body = response.body as { Resources?: { id?: string }[]; totalResults?: unknown } | undefined;
      const resources = Array.isArray(body?.Resources) ? body!.Resources : [];
      const total = Number(body?.totalResults);
      if (Number.isFinite(total)) totals.add(total);
      ids.push(...resources.map((r) => String(r?.id)));
      const advanceBy = byCount ? opts.count : resources.length;
      if (resources.length === 0 || !Number.isFinite(total) || startIndex + advanceBy > total) {
        capped = false;
        break;
      }
      startIndex += advanceBy;
    }
    if (result.exchanges.length > 200) result.exchanges.splice(1, result.exchanges.length - 2); // keep the report small
    orders.push(ids);
    const dupes = duplicatesOf(ids);
    if (dupes.length) walkProblems.push(`walk ${w + 1}: ${dupes.length} id(s) on two pages (e.g. ${dupes[0]})`);
    if (totals.size > 1)
      walkProblems.push(`walk ${w + 1}: totalResults changed between pages (${[...totals].join(', ')})`);
    const total = [...totals][0];
    if (capped)
      incomplete.push(
        `walk ${w + 1}: stopped at the page cap (${maxPages} pages, ${ids.length} of ${total ?? '?'} resources)`,
      );
    else if (total !== undefined && ids.length !== total) {
      const missed =
        byCount && ids.length < total
          ? `: Okta's import (startIndex advancing by count=${opts.count} whatever a page holds) would miss ${total - new Set(ids).size} of them`
          : '';
      walkProblems.push(`walk ${w + 1}: read ${ids.length} resources, totalResults says ${total}${missed}`);
    }
  }
  result.checks.push(...merged.values());
  const where = step.position;
  result.checks.push({
    code: `${step.id}.pages.complete`,
    severity: 'must',
    audience: resolveAudience('must', undefined, step.defaultFor),
    passed: walkProblems.length === 0,
    title: 'walking all pages yields every resource once',
    actual: walkProblems.join('; ') || `${orders[0]?.length ?? 0} resources`,
    where,
    ref: 'Okta import (count=100 paging); RFC 7644 §3.4.2.4',
  });
  if (incomplete.length > 0) {
    // not the server's fault: the walk was cut short, so what it read is all that was checked
    result.checks.push({
      code: `${step.id}.pages.incomplete`,
      severity: 'should',
      passed: false,
      title: 'the walk read every page (incomplete: the page cap was reached)',
      actual: incomplete.join('; '),
      where,
      ref: 'docs/suite-format.md#paging-walks-and-the-page-cap',
    });
  }
  if (walks > 1) {
    const [firstOrder = ''] = orders.map((o) => o.join('\n'));
    const stable = orders.every((o) => o.join('\n') === firstOrder);
    result.checks.push({
      code: `${step.id}.pages.stable-order`,
      severity: 'must',
      audience: resolveAudience('must', undefined, step.defaultFor),
      passed: stable,
      title: 'the same order on every walk',
      actual: stable ? 'same order' : 'order changed between walks',
      where,
      ref: 'Okta: the same order whatever startIndex and count (I-1)',
    });
  }
}

/** Ids seen more than once, in one pass (a Set, not indexOf per id: lists can be long). */
export function duplicatesOf(ids: string[]): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) dupes.push(id);
    else seen.add(id);
  }
  return dupes;
}
