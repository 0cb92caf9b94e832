// validate-mapping on a terminal, in the mapping's own words: the attributes it writes and
// the sample users rendered through it (no steps, no timings). Findings are compiler-style
// lines (file:line:col); the same finding in many places is one line with a count.
import { Chalk, type ChalkInstance } from 'chalk';
import type { MappingFinding } from '../../model/mapping-result.js';
import { examplesText, type Fold } from '../fold.js';
import { plural, visibleControls as safe } from '../format.js';
import type { MappingReport, RenderOptions } from '../reporter.js';
import { inputsText, mappingSections, positionText } from './sections.js';

export function renderMappingConsole(r: MappingReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const s = mappingSections(r);
  const lines = [
    `${c.bold(`validate-mapping ${safe(r.inputs.mappingFile)}`)} ${c.dim(`(${safe(inputsText(r))})`)}`,
    '',
  ];
  lines.push(`${c.bold('Attributes')} ${c.dim(`(${plural(r.attributes, 'attribute')} mapped)`)}`);
  if (s.attributes.length === 0) lines.push(`  ${c.green('✓')} no findings`);
  for (const fold of s.attributes) lines.push(...findingLines(fold, c));
  if (r.inputs.samplesFile !== undefined) {
    lines.push(
      '',
      `${c.bold('Samples')} ${c.dim(`(${plural(s.samples.length, 'user')} from ${safe(r.inputs.samplesFile)})`)}`,
    );
    for (const sample of s.samples) {
      const glyph = sample.must > 0 ? c.red('✗') : sample.should > 0 ? c.yellow('!') : c.green('✓');
      const counts =
        sample.must + sample.should > 0
          ? c.dim(
              ` (${[sample.must ? `${sample.must} must` : '', sample.should ? `${sample.should} should` : ''].filter(Boolean).join(', ')})`,
            )
          : '';
      lines.push(`  ${glyph} ${safe(sample.name)}${counts}`);
    }
    for (const fold of s.sampleFindings)
      lines.push(
        ...findingLines(
          fold,
          c,
          `${fold.count > 1 ? 'e.g. the first; ' : ''}in ${examplesText(
            fold.samples.slice(0, 3).map((n) => safe(n)),
            fold.samples.length,
          )}`,
        ),
      );
  }
  lines.push('', s.verdict === 'fail' ? c.red.bold(s.verdictText) : c.green.bold(s.verdictText));
  return `${lines.join('\n')}\n`;
}

function findingLines(fold: Fold<MappingFinding>, c: ChalkInstance, where?: string): string[] {
  const f = fold.first;
  const at = positionText(f);
  const sev = f.severity === 'must' ? c.red('must') : c.yellow('should');
  const attr = f.attribute ? ` [${safe(f.attribute)}]` : '';
  const count = fold.count > 1 ? c.bold(` ×${fold.count}`) : '';
  const lines = [`  ${at ? `${safe(at)}: ` : ''}${sev} ${c.bold(f.code)}${attr} ${safe(f.message)}${count}`];
  if (where) lines.push(`      ${c.dim(where)}`);
  if (f.fix) lines.push(`      ${c.green('fix:')} ${safe(f.fix)}`);
  return lines;
}
