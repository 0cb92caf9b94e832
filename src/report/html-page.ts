// The shell of every HTML report: one self-contained file (inline CSS, no scripts, nothing fetched).

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;font-family:monospace}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.n{text-align:right}code{font-size:.9em;word-break:break-all}pre{white-space:pre-wrap;margin:0}
.verdict{padding:.6rem 1rem;border-radius:4px;font-weight:600;color:#fff}.pass{background:#2e7d32}.fail{background:#c62828}
.sev-must{color:#c62828;font-weight:600}.sev-should{color:#ef6c00}.sev-info{color:#607d8b}`;

export function htmlPage(title: string, body: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

export function verdictBanner(pass: boolean, text: string): string {
  return `<p class="verdict ${pass ? 'pass' : 'fail'}">${esc(text)}</p>`;
}

/** A table from header cells and rows of already-escaped cell HTML. */
export function htmlTable(head: readonly string[], rows: readonly string[][]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
