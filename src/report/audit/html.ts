// One self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched):
// tenant summary, a bar chart of findings per rule, and the offending resources.
import type { AuditResult, AuditSeverity, RuleSummary } from '../../model/audit-result.js';
import { esc, htmlPage } from '../html-page.js';
import { endpointLine, formatValue, SEVERITY_LABEL, verdictLine } from './format.js';

const COLORS: Record<AuditSeverity, string> = { must: '#c62828', should: '#ef6c00', info: '#607d8b' };

export function renderAuditHtml(result: AuditResult): string {
  const body = [
    `<h1>SCIM pre-cutover audit</h1>`,
    `<p class="verdict ${result.verdict}">${esc(verdictLine(result))}</p>`,
    `<h2>Tenant</h2><ul>`,
    `<li>Target: <code>${esc(result.target.baseUrl)}</code></li>`,
    `<li>Profile: <code>${esc(result.profile)}</code>; server /Schemas: ${result.serverSchemas === 'used' ? 'used' : 'not published'}</li>`,
    ...endpointLine(result).map((l) => `<li>${esc(l)}</li>`),
    `<li>Started ${esc(result.startedAt)}, took ${(result.durationMs / 1000).toFixed(1)} s</li></ul>`,
    `<h2>Findings by rule</h2>`,
    result.rules.length ? barChart(result.rules) + rulesTable(result.rules) : '<p>No findings.</p>',
    ...result.skipped.map((s) => `<p>Not evaluated: <code>${esc(s.code)}</code>: ${esc(s.reason)}</p>`),
    result.rules.length ? '<h2>Offending resources</h2>' : '',
    ...result.rules.map(examplesTable),
  ];
  return htmlPage(`SCIM audit: ${result.verdict.toUpperCase()}`, body);
}

function barChart(rules: RuleSummary[]): string {
  const rowH = 22;
  const labelW = 260;
  const barW = 520;
  const max = Math.max(...rules.map((r) => r.count));
  const bars = rules.map((r, i) => {
    const y = i * rowH;
    const w = Math.max(2, Math.round((r.count / max) * barW));
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-family="monospace" font-size="12">${esc(r.code)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${COLORS[r.severity]}"><title>${esc(`${r.code}: ${r.count}`)}</title></rect>` +
      `<text x="${labelW + w + 6}" y="${y + 15}" font-size="12">${r.count}</text>`;
  });
  const height = rules.length * rowH;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Findings per rule" width="${labelW + barW + 60}" height="${height}" viewBox="0 0 ${labelW + barW + 60} ${height}">${bars.join('')}</svg>`;
}

function rulesTable(rules: RuleSummary[]): string {
  const rows = rules.map((r) => `<tr><td><code>${esc(r.code)}</code></td><td class="sev-${r.severity}">${SEVERITY_LABEL[r.severity]}</td><td class="n">${r.count}</td><td>${esc(r.title)}</td></tr>`);
  return `<table><thead><tr><th>Rule</th><th>Severity</th><th>Count</th><th>What it means</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function examplesTable(rule: RuleSummary): string {
  const shown = rule.examples.length < rule.count ? ` (first ${rule.examples.length} of ${rule.count})` : '';
  const rows = rule.examples.map(
    (f) =>
      `<tr><td>${f.resourceType}</td><td><code>${esc(f.resourceId ?? '')}</code></td><td>${esc(f.label ?? '')}</td><td><code>${esc(f.attribute ?? '')}</code></td><td><code>${esc(f.value === undefined ? '' : formatValue(f.value))}</code></td><td>${esc(f.message)}</td></tr>`,
  );
  return `<h3 id="${esc(rule.code)}">${esc(rule.code)}${esc(shown)}</h3><table><thead><tr><th>Type</th><th>Id</th><th>Name</th><th>Attribute</th><th>Value</th><th>Problem</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

