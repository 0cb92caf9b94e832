// One self-contained HTML file (inline CSS, no scripts, nothing fetched): outcomes, findings
// by attribute and cause, expressions left out, and every user with the body Okta sends.
import type { ProvisionResult, UserReport } from '../../provision/types.js';
import { cleanupLine, exampleText, formatValue, OUTCOME_LABEL, outcomeLine, userLabel, verdictLine } from './format.js';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f5f5f5}td.n{text-align:right}
code,pre{font-size:.9em;word-break:break-all;white-space:pre-wrap}.verdict{padding:.6rem 1rem;border-radius:4px;font-weight:600;color:#fff}
.pass{background:#2e7d32}.fail{background:#c62828}.must{color:#c62828;font-weight:600}.should{color:#ef6c00}.info{color:#607d8b}
.o-accepted{color:#2e7d32}.o-changed{color:#ef6c00}.o-refused,.o-error,.o-exists{color:#c62828;font-weight:600}`;

export function renderProvisionHtml(result: ProvisionResult): string {
  const body = [
    `<h1>Cutover dry run: scim-check provision</h1>`,
    `<p class="verdict ${result.verdict}">${esc(verdictLine(result))}</p>`,
    `<ul><li>Users: ${result.selected} of ${result.read} from <code>${esc(result.inputs.users)}</code> (${esc(result.inputs.selection)})</li>`,
    `<li>Mapping <code>${esc(result.inputs.mapping)}</code>, profile <code>${esc(result.inputs.profile)}</code>, userName from <code>${esc(result.inputs.usernameFormat)}</code></li>`,
    result.target
      ? `<li>Target <code>${esc(result.target.baseUrl)}</code>, /Schemas ${result.target.serverSchemas === 'used' ? 'used' : 'not published'}${result.prefix ? `, run prefix <code>${esc(result.prefix)}</code>` : ''}</li>`
      : '<li>Offline (no target)</li>',
    `<li>Outcomes: ${esc(outcomeLine(result))}</li>`,
    cleanupLine(result) ? `<li>${esc(cleanupLine(result)!)}</li>` : '',
    `<li>Started ${esc(result.startedAt)}, took ${(result.durationMs / 1000).toFixed(1)} s</li></ul>`,
    result.mappingFindings.length
      ? `<h2>The mapping itself</h2><table><tr><th>Code</th><th>Severity</th><th>Attribute</th><th>Finding</th></tr>${result.mappingFindings.map((f) => `<tr><td><code>${esc(f.code)}</code></td><td class="${f.severity}">${f.severity}</td><td><code>${esc(f.attribute ?? '')}</code></td><td>${esc(f.message)}</td></tr>`).join('')}</table>`
      : '',
    `<h2>Findings by attribute and cause</h2>`,
    result.groups.length
      ? `<table><tr><th>Attribute</th><th>Cause</th><th>Severity</th><th>Users</th><th>Examples</th></tr>${result.groups
          .map(
            (g) =>
              `<tr><td><code>${esc(g.attribute)}</code></td><td>${esc(g.cause)}</td><td class="${g.severity}">${g.severity}</td><td class="n">${g.count}</td><td>${g.examples
                .slice(0, 5)
                .map((e) => esc(exampleText(e)))
                .join('<br>')}</td></tr>`,
          )
          .join('')}</table>`
      : '<p>No findings.</p>',
    result.notEvaluated.length
      ? `<h2>Not evaluated (attribute left out, never guessed)</h2><table><tr><th>Attribute</th><th>Expression</th><th>Why</th><th>Users</th></tr>${result.notEvaluated.map((g) => `<tr><td><code>${esc(g.attribute)}</code></td><td><code>${esc(g.expression)}</code></td><td>${esc(g.reason)}</td><td class="n">${g.count}</td></tr>`).join('')}</table>`
      : '',
    `<h2>Users</h2><table><tr><th>User</th><th>Outcome</th><th>Findings</th><th>Body Okta sends</th></tr>${result.users.map(userRow).join('')}</table>`,
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>scim-check provision: ${esc(result.verdict.toUpperCase())}</title><style>${CSS}</style></head>
<body>
${body.filter(Boolean).join('\n')}
</body></html>
`;
}

function userRow(u: UserReport): string {
  const findings = u.findings.map(
    (f) =>
      `<span class="${f.severity}">${esc(f.attribute)}: ${esc(f.cause)}</span>${f.sent !== undefined ? ` <code>${esc(formatValue(f.sent, 60))}</code>${f.stored !== undefined ? ` → <code>${esc(formatValue(f.stored, 60))}</code>` : ''}` : ''}`,
  );
  if (u.refusal)
    findings.unshift(
      `<span class="must">${u.refusal.status}${u.refusal.scimType ? ` ${esc(u.refusal.scimType)}` : ''}: ${esc(u.refusal.detail ?? '')}</span>`,
    );
  if (u.leftOut.length) findings.push(`left out: ${esc(u.leftOut.join(', '))}`);
  return `<tr><td>${esc(userLabel(u.user))}</td><td class="o-${u.outcome}">${esc(OUTCOME_LABEL[u.outcome])}</td><td>${findings.join('<br>')}</td><td><details><summary>POST /Users</summary><pre>${esc(JSON.stringify(u.payload, null, 2))}</pre></details></td></tr>`;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
