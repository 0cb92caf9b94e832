// validate-mapping as Markdown: the verdict, findings on attributes and on sample users (folded).
import type { MappingFinding } from '../../model/mapping-result.js';
import type { Fold } from '../fold.js';
import { examplesText } from '../fold.js';
import { cell, code } from '../markdown-text.js';
import type { MappingReport } from '../reporter.js';
import { inputsText, mappingSections, positionText } from './sections.js';

export function renderMappingMarkdown(r: MappingReport): string {
  const s = mappingSections(r);
  const out = [
    `# Okta mapping check: \`${cell(r.inputs.mappingFile)}\``,
    '',
    `**${s.verdictText}**`,
    '',
    `- ${cell(inputsText(r))}`,
    `- ${r.attributes} attributes mapped`,
    '',
  ];
  out.push('## Attributes', '');
  if (s.attributes.length === 0) out.push('No findings.', '');
  else out.push(...table(s.attributes.map((f) => [f, positionText(f.first)])), '');
  if (r.inputs.samplesFile !== undefined) {
    out.push('## Samples', '', '| Sample | Must | Should |', '|---|--:|--:|');
    for (const sample of s.samples) out.push(`| ${cell(sample.name)} | ${sample.must} | ${sample.should} |`);
    out.push('');
    if (s.sampleFindings.length)
      out.push(...table(s.sampleFindings.map((f) => [f, examplesText(f.samples.slice(0, 3), f.samples.length)])), '');
  }
  return `${out.join('\n')}\n`;
}

function table(rows: [Fold<MappingFinding>, string][]): string[] {
  const out = ['| Severity | Code | Attribute | Count | Where | Problem | Fix |', '|---|---|---|--:|---|---|---|'];
  for (const [fold, where] of rows) {
    const f = fold.first;
    out.push(
      `| ${f.severity} | ${code(f.code)} | ${code(f.attribute)} | ${fold.count} | ${cell(where)} | ${cell(f.message)} | ${code(f.fix)} |`,
    );
  }
  return out;
}
