// --compare as text: one block per recorded request that differs, naming the pack step
// (with its file:line) it was compared with.
import type { ComparisonResult } from './compare.js';

export function renderComparison(result: ComparisonResult): string {
  const lines: string[] = [
    `Recorded requests in ${result.captureFile} compared with what the bundled Okta packs send`,
    '',
  ];
  for (const c of result.compared) {
    const against = c.pack ? ` vs ${c.pack.where}${c.pack.position ? ` (${c.pack.position})` : ''}` : '';
    if (c.differences.length === 0) {
      lines.push(`  = #${c.seq} ${c.request} [${c.operation}]${against}`);
      continue;
    }
    lines.push(`  ≠ #${c.seq} ${c.request} [${c.operation}]${against}`);
    for (const d of c.differences) lines.push(`      ${d.aspect}: ${d.detail}`);
  }
  const differing = result.compared.filter((c) => c.differences.length > 0).length;
  lines.push('');
  lines.push(
    result.differences.length === 0
      ? `No differences: every recorded request matches what a pack sends (${result.compared.length} compared)`
      : `${result.differences.length} difference${result.differences.length === 1 ? '' : 's'} in ${differing} of ${result.compared.length} recorded requests`,
  );
  return lines.join('\n');
}
