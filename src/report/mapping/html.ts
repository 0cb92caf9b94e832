// validate-mapping as one self-contained HTML page.
import type { MappingFinding } from '../../model/mapping-result.js';
import type { Fold } from '../fold.js';
import { examplesText } from '../fold.js';
import { esc, htmlPage, htmlTable, verdictBanner } from '../html-page.js';
import type { MappingReport } from '../reporter.js';
import { inputsText, mappingSections, positionText } from './sections.js';

export function renderMappingHtml(r: MappingReport): string {
  const s = mappingSections(r);
  const body = [
    `<h1>Okta mapping check: <code>${esc(r.inputs.mappingFile)}</code></h1>`,
    verdictBanner(s.verdict === 'pass', s.verdictText),
    `<p>${esc(inputsText(r))}; ${r.attributes} attributes mapped</p>`,
    '<h2>Attributes</h2>',
    s.attributes.length ? table(s.attributes.map((f) => [f, positionText(f.first)])) : '<p>No findings.</p>',
  ];
  if (r.inputs.samplesFile !== undefined) {
    body.push(
      '<h2>Samples</h2>',
      htmlTable(
        ['Sample', 'Must', 'Should'],
        s.samples.map((x) => [esc(x.name), String(x.must), String(x.should)]),
      ),
    );
    if (s.sampleFindings.length)
      body.push(table(s.sampleFindings.map((f) => [f, examplesText(f.samples.slice(0, 3), f.samples.length)])));
  }
  return htmlPage(`Okta mapping check: ${s.verdict.toUpperCase()}`, body);
}

function table(rows: [Fold<MappingFinding>, string][]): string {
  return htmlTable(
    ['Severity', 'Code', 'Attribute', 'Count', 'Where', 'Problem', 'Fix'],
    rows.map(([fold, where]) => {
      const f = fold.first;
      return [
        `<span class="sev-${f.severity}">${f.severity}</span>`,
        `<code>${esc(f.code)}</code>`,
        `<code>${esc(f.attribute ?? '')}</code>`,
        String(fold.count),
        esc(where),
        esc(f.message),
        f.fix ? `<code>${esc(f.fix)}</code>` : '',
      ];
    }),
  );
}
