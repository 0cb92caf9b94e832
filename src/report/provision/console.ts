// Console report of provision: what was read, the outcome counts, one line per attribute
// and cause with a count and examples, the expressions left out, refusals, clean-up.
import { Chalk } from 'chalk';
import { visibleControls } from '../format.js';
import type { ProvisionResult } from '../../provision/types.js';
import { cleanupLine, exampleText, OUTCOME_LABEL, outcomeLine, userLabel, verdictLine } from './format.js';

export function renderProvisionConsole(result: ProvisionResult, opts: { color: boolean; examples?: number }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const n = opts.examples ?? 3;
  const out: string[] = [];
  const where = result.target ? ` → ${result.target.baseUrl}` : ' (offline)';
  out.push(
    c.bold(`scim-check provision: ${result.selected} of ${result.read} users from ${result.inputs.users}${where}`),
  );
  out.push(
    `mapping ${result.inputs.mapping}, profile ${result.inputs.profile}, userName from ${result.inputs.usernameFormat}; users: ${result.inputs.selection}`,
  );
  if (result.target)
    out.push(
      `server /Schemas ${result.target.serverSchemas === 'used' ? 'used' : 'not published'}${result.prefix ? `; run prefix ${result.prefix}` : ''}`,
    );
  if (result.mode === 'dry-run') out.push(...payloadBlocks(result));
  if (result.mappingFindings.length > 0) out.push('', c.bold('The mapping itself'));
  for (const f of result.mappingFindings)
    out.push(
      paint(
        c,
        f.severity,
      )(`  ${f.severity.toUpperCase().padEnd(6)} ${f.code}${f.attribute ? ` (${f.attribute})` : ''}: ${f.message}`),
    );
  out.push('', c.bold(`Outcomes: ${outcomeLine(result)}`));
  if (result.groups.length > 0) {
    out.push('', c.bold('Findings by attribute and cause'));
    for (const g of result.groups) {
      out.push(
        paint(
          c,
          g.severity,
        )(
          `  ${g.severity.toUpperCase().padEnd(6)} ${g.attribute}: ${g.cause}, ${g.count} user${g.count === 1 ? '' : 's'}`,
        ),
      );
      for (const e of g.examples.slice(0, n)) out.push(c.dim(`           ${visibleControls(exampleText(e))}`));
      if (g.count > Math.min(n, g.examples.length))
        out.push(c.dim(`           … and ${g.count - Math.min(n, g.examples.length)} more`));
    }
  }
  if (result.notEvaluated.length > 0) {
    out.push('', c.bold('Not evaluated (the attribute was left out, never guessed)'));
    for (const g of result.notEvaluated) {
      out.push(
        c.yellow(
          `  ${g.attribute} = ${g.expression}: ${g.reason}, ${g.count} user${g.count === 1 ? '' : 's'} (${g.examples.slice(0, n).map(userLabel).join('; ')}${g.count > n ? '; …' : ''})`,
        ),
      );
    }
  }
  const refused = result.users.filter((u) => u.refusal);
  if (refused.length > 0) {
    out.push('', c.bold('Refused'));
    for (const u of refused.slice(0, 20))
      out.push(
        c.red(
          `  ${userLabel(u.user)}: ${u.refusal!.status}${u.refusal!.scimType ? ` ${u.refusal!.scimType}` : ''}${u.refusal!.detail ? `: ${visibleControls(u.refusal!.detail)}` : ''}`,
        ),
      );
    if (refused.length > 20) out.push(c.dim(`  … and ${refused.length - 20} more`));
  }
  const cleanup = cleanupLine(result);
  if (cleanup) out.push('', result.cleanup!.failed.length ? c.red.bold(cleanup) : cleanup);
  out.push('', result.verdict === 'pass' ? c.green.bold(verdictLine(result)) : c.red.bold(verdictLine(result)));
  return `${out.join('\n')}\n`;
}

function payloadBlocks(result: ProvisionResult): string[] {
  const out: string[] = [];
  for (const u of result.users) {
    out.push(
      '',
      `# ${userLabel(u.user)}: ${OUTCOME_LABEL[u.outcome]}${u.leftOut.length ? ` (left out: ${u.leftOut.join(', ')})` : ''}`,
      'POST /Users',
      JSON.stringify(u.payload, null, 2),
    );
    for (const f of u.findings) out.push(`  ${f.severity.toUpperCase()} ${f.attribute}: ${f.cause}: ${f.message}`);
  }
  return out;
}

function paint(c: InstanceType<typeof Chalk>, severity: string) {
  return severity === 'must' ? c.red : severity === 'should' ? c.yellow : c.dim;
}
