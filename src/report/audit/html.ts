// One self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched):
// tenant summary, a bar chart of findings per rule, and the offending resources.
import type { AuditResult, AuditSeverity, RuleSummary } from '../../model/audit-result.js';
import { esc, htmlPage } from '../html-page.js';
import { endpointLine, formatValue, SEVERITY_LABEL, verdictLine } from './format.js';
import { knownRuleCodes, ruleFix, ruleTitle } from '../../audit/rules.js';

const COLORS: Record<AuditSeverity, string> = { must: '#c62828', should: '#ef6c00', info: '#607d8b' };

export function renderAuditHtml(result: AuditResult): string {
  const body = [
    `<h1>SCIM pre-cutover audit</h1>`,
    `<p class="verdict ${result.verdict}">${esc(verdictLine(result))}</p>`,
    `<h2>Tenant</h2><ul>`,
    `<li>Target: <code>${esc(result.target.baseUrl)}</code></li>`,
    `<li>Profile: <code>${esc(result.profile)}</code>; server /Schemas: ${result.serverSchemas === 'used' ? 'used' : 'not published'}</li>`,
    ...endpointLine(result).map((l) => `<li>${esc(l)}</li>`),
    `<li>Audited at ${esc(result.startedAt)}, took ${(result.durationMs / 1000).toFixed(1)} s, with ${esc(result.tool.name)} ${esc(result.tool.version)}</li></ul>`,
    ...(result.notices ?? []).map(
      (n) =>
        `<p class="sev-${n.level === 'error' ? 'must' : 'should'}">${esc(n.level)} <code>${esc(n.code)}</code>: ${esc(n.message)}</p>`,
    ),
    `<h2>Findings by rule</h2>`,
    result.rules.length ? barChart(result.rules) + rulesTable(result) : '<p>No findings.</p>',
    ...result.skipped.map((s) => `<p>Not evaluated: <code>${esc(s.code)}</code>: ${esc(s.reason)}</p>`),
    result.rules.length ? '<h2>Offending resources</h2>' : '',
    ...result.rules.map(examplesTable),
    passedRules(result),
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
    return (
      `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-family="monospace" font-size="12">${esc(r.code)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${COLORS[r.severity]}"><title>${esc(`${r.code}: ${r.count}`)}</title></rect>` +
      `<text x="${labelW + w + 6}" y="${y + 15}" font-size="12">${r.count}</text>`
    );
  });
  const height = rules.length * rowH;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Findings per rule" width="${labelW + barW + 60}" height="${height}" viewBox="0 0 ${labelW + barW + 60} ${height}">${bars.join('')}</svg>`;
}

/** Each rule links to its section of offending resources, and says how to fix it. */
function rulesTable(result: AuditResult): string {
  const accepted = new Map((result.baselined ?? []).map((b) => [b.code, b]));
  const rows = result.rules.map((r) => {
    const b = accepted.get(r.code);
    const note = b ? `<br><em>baselined: ${esc(b.reason)}${b.expires ? `, expires ${esc(b.expires)}` : ''}</em>` : '';
    return `<tr><td><a href="#${esc(ruleAnchor(r.code))}"><code>${esc(r.code)}</code></a></td><td class="sev-${r.severity}">${SEVERITY_LABEL[r.severity]}</td><td class="n">${r.count}</td><td>${esc(r.title)}${note}</td><td>${esc(ruleFix(r.code) ?? '')}</td></tr>`;
  });
  return `<table><thead><tr><th>Rule</th><th>Severity</th><th>Count</th><th>What it means</th><th>Fix</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The rules that found nothing (and were not skipped): what the tenant already gets right. */
function passedRules(result: AuditResult): string {
  const seen = new Set([...result.rules.map((r) => r.code), ...result.skipped.map((s) => s.code)]);
  const passed = knownRuleCodes().filter((code) => !seen.has(code));
  if (passed.length === 0) return '';
  const items = passed.map((code) => `<li class="pass-rule"><code>${esc(code)}</code> ${esc(ruleTitle(code))}</li>`);
  return `<h2>Rules with no finding (${passed.length})</h2><ul>${items.join('')}</ul>`;
}

function ruleAnchor(code: string): string {
  return `rule-${code}`;
}

function examplesTable(rule: RuleSummary): string {
  const shown = rule.examples.length < rule.count ? ` (first ${rule.examples.length} of ${rule.count})` : '';
  const rows = rule.examples.map(
    (f) =>
      `<tr><td>${f.resourceType}</td><td><code>${esc(f.resourceId ?? '')}</code></td><td>${esc(f.label ?? '')}</td><td><code>${esc(f.attribute ?? '')}</code></td><td><code>${esc(f.value === undefined ? '' : formatValue(f.value))}</code></td><td>${esc(f.message)}</td></tr>`,
  );
  const fix = ruleFix(rule.code);
  return `<h3 id="${esc(ruleAnchor(rule.code))}">${esc(rule.code)}${esc(shown)}</h3>${fix ? `<p>Fix: ${esc(fix)}</p>` : ''}<table><thead><tr><th>Type</th><th>Id</th><th>Name</th><th>Attribute</th><th>Value</th><th>Problem</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
