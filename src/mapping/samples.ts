// Renders the SCIM User each sample Okta user produces through the mapping (as Okta builds
// POST /Users), then validates it with the User schema and the attribute profile.
import { validateAgainst } from '../schema/validator.js';
import { finding, type ParsedEntry, type RuleContext } from './context.js';
import { evaluate, type EvalContext } from './el/evaluator.js';
import type { ElValue, ExprNode } from './el/types.js';
import type { Sample } from './input/read-samples.js';
import { checkUser, resolveValues, type AttributeProfile } from './profile-bridge.js';
import { renderPayload, type PlacedValue } from './scim/payload.js';
import type { AppAttribute } from './types.js';
import type { MappingFinding, SamplePayload } from '../model/mapping-result.js';

interface Placed extends PlacedValue {
  entry: ParsedEntry;
}

export function renderSamples(
  ctx: RuleContext,
  profile: AttributeProfile,
  samples: Sample[],
  usernameAst: ExprNode | undefined,
): SamplePayload[] {
  return samples.map((s) => renderSample(ctx, profile, s, usernameAst));
}

function renderSample(
  ctx: RuleContext,
  profile: AttributeProfile,
  sample: Sample,
  usernameAst: ExprNode | undefined,
): SamplePayload {
  const evalCtx: EvalContext = { user: sample.profile, internal: { id: sample.id, status: sample.status } };
  const findings: MappingFinding[] = [];
  const placed: Placed[] = [];
  let userName: ElValue | undefined;
  for (const p of ctx.entries) {
    if (!p.parse.ok || !p.attr) continue;
    const value = evaluateEntry(ctx, p, p.parse.ast, evalCtx, sample, findings);
    if (value === undefined) continue;
    findings.push(...constraintFindings(ctx, p, p.attr, value, sample));
    if (p.entry.target === 'userName') userName = value;
    if (p.scim && p.attr.externalNamespace)
      placed.push({ entry: p, namespace: p.attr.externalNamespace, segments: p.scim.segments, value });
  }
  if (userName === undefined && usernameAst) {
    const out = evaluate(usernameAst, evalCtx);
    if (out.kind === 'value') userName = out.value;
    else
      findings.push(
        finding(
          out.kind === 'failed' ? 'MAP_SAMPLE_EVAL_FAILED' : 'MAP_SAMPLE_NOT_EVALUATED',
          `${sample.name}: username format ${ctx.usernameFormat}: ${out.reason}`,
          { attribute: 'userName', position: sample.position },
        ),
      );
  }
  const payload = renderPayload(placed, { userName, externalId: sample.id ?? '00u-sample' });
  findings.push(...payloadFindings(ctx, profile, sample, payload, placed));
  return { sample: sample.name, payload, findings };
}

function evaluateEntry(
  ctx: RuleContext,
  p: ParsedEntry,
  ast: ExprNode,
  evalCtx: EvalContext,
  sample: Sample,
  out: MappingFinding[],
): ElValue | undefined {
  const result = evaluate(ast, evalCtx);
  if (result.kind === 'value') return result.value;
  const position = ctx.exprPos(p.entry, result.span?.start ?? 0);
  const code = result.kind === 'failed' ? 'MAP_SAMPLE_EVAL_FAILED' : 'MAP_SAMPLE_NOT_EVALUATED';
  out.push(
    finding(code, `${sample.name}: ${p.entry.target}: ${result.reason}`, { attribute: p.entry.target, position }),
  );
  return undefined;
}

function constraintFindings(
  ctx: RuleContext,
  p: ParsedEntry,
  attr: AppAttribute,
  value: ElValue,
  sample: Sample,
): MappingFinding[] {
  if (value === null) return [];
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry), value };
  const problems: string[] = [];
  if (attr.enum && !attr.enum.includes(value))
    problems.push(`is not one of ${attr.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof value === 'string' && attr.maxLength !== undefined && value.length > attr.maxLength)
    problems.push(`is longer than maxLength ${attr.maxLength}`);
  if (typeof value === 'string' && attr.pattern && !safeTest(attr.pattern, value))
    problems.push(`does not match pattern ${attr.pattern}`);
  return problems.map((why) =>
    finding('MAP_SAMPLE_CONSTRAINT', `${sample.name}: ${p.entry.target} ${JSON.stringify(value)} ${why}`, at),
  );
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true; // a pattern JavaScript cannot read is not the sample's fault
  }
}

/** The mapping entry whose value landed where a payload finding points. */
function culprit(placed: Placed[], attribute: string, value: unknown): Placed | undefined {
  return placed.find((pl) => {
    const single = renderPayload([pl], {});
    const values = resolveValues(single, attribute);
    return value === undefined ? values.length > 0 : values.some((v) => JSON.stringify(v) === JSON.stringify(value));
  });
}

function payloadFindings(
  ctx: RuleContext,
  profile: AttributeProfile,
  sample: Sample,
  payload: object,
  placed: Placed[],
): MappingFinding[] {
  const out: MappingFinding[] = [];
  for (const issue of validateAgainst('User', payload).errors) {
    const attribute = issue.path.replace(/^\//, '').replace(/\//g, '.') || '(root)';
    out.push(
      finding('MAP_SAMPLE_SCHEMA', `${sample.name}: ${attribute} ${issue.message}`, {
        attribute,
        position: sample.position,
        value: pointerValue(payload, issue.path),
      }),
    );
  }
  for (const f of checkUser(payload, profile, { languageFormat: ctx.languageFormat })) {
    const source = culprit(placed, f.attribute, f.value);
    const via = source ? ` (from ${source.entry.entry.target} = ${source.entry.entry.expression})` : '';
    const code = f.severity === 'must' ? 'MAP_SAMPLE_PROFILE' : 'MAP_SAMPLE_PROFILE_SHOULD';
    out.push(
      finding(code, `${sample.name}: [${f.code}] ${f.message}${via}`, {
        attribute: source?.entry.entry.target ?? f.attribute,
        position: source ? ctx.exprPos(source.entry.entry) : sample.position,
        value: f.value,
      }),
    );
  }
  return out;
}

function pointerValue(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}
