// Markdown of provision (a pull request, a wiki page, a GitHub job summary): verdict,
// outcomes, findings by attribute and cause, expressions left out, clean-up.
import type { ProvisionResult } from '../../provision/types.js';
import { cleanupLine, exampleText, outcomeLine, userLabel, verdictLine } from './format.js';

export function renderProvisionMarkdown(result: ProvisionResult): string {
  const out = [
    `## scim-check provision: ${result.verdict.toUpperCase()}`,
    '',
    `**${cell(verdictLine(result))}**`,
    '',
    `- Users: ${result.selected} of ${result.read} from \`${result.inputs.users}\` (${result.inputs.selection})`,
    `- Outcomes: ${outcomeLine(result)}`,
  ];
  const cleanup = cleanupLine(result);
  if (cleanup) out.push(`- ${cleanup}`);
  if (result.mappingFindings.length) {
    out.push(
      '',
      '### The mapping itself',
      '',
      '| Severity | Code | Attribute | Finding |',
      '| --- | --- | --- | --- |',
    );
    for (const f of result.mappingFindings)
      out.push(`| ${f.severity} | \`${f.code}\` | ${cell(f.attribute ?? '')} | ${cell(f.message)} |`);
  }
  if (result.groups.length) {
    out.push(
      '',
      '### Findings by attribute and cause',
      '',
      '| Severity | Attribute | Cause | Users | Examples |',
      '| --- | --- | --- | ---: | --- |',
    );
    for (const g of result.groups)
      out.push(
        `| ${g.severity} | \`${cell(g.attribute)}\` | ${cell(g.cause)} | ${g.count} | ${g.examples
          .slice(0, 3)
          .map((e) => cell(exampleText(e)))
          .join('<br>')} |`,
      );
  }
  if (result.notEvaluated.length) {
    out.push(
      '',
      '### Not evaluated (the attribute was left out, never guessed)',
      '',
      '| Attribute | Expression | Why | Users |',
      '| --- | --- | --- | ---: |',
    );
    for (const g of result.notEvaluated)
      out.push(`| \`${cell(g.attribute)}\` | \`${cell(g.expression)}\` | ${cell(g.reason)} | ${g.count} |`);
  }
  const refused = result.users.filter((u) => u.refusal);
  if (refused.length) {
    out.push('', '### Refused', '');
    for (const u of refused.slice(0, 20))
      out.push(
        `- ${cell(userLabel(u.user))}: ${u.refusal!.status}${u.refusal!.detail ? ` ${cell(u.refusal!.detail)}` : ''}`,
      );
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
