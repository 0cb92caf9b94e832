// A plain console rendering of validate-mapping findings (compiler style), and the
// --show-payload rendering of the SCIM bodies built from the samples.
import { Chalk } from 'chalk';
import type { MappingFinding, ValidateMappingResult } from './types.js';

/** Control characters from input files are shown, never interpreted by the terminal. */
const visible = (text: string): string => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u009B]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function findingLines(f: MappingFinding, c: InstanceType<typeof Chalk>): string[] {
  const where = f.position ? `${f.position.file}:${f.position.line}:${f.position.col}: ` : '';
  const sev = f.severity === 'must' ? c.red('must') : c.yellow('should');
  const attr = f.attribute ? ` [${visible(f.attribute)}]` : '';
  const lines = [`${where}${sev} ${c.bold(f.code)}${attr} ${visible(f.message)}`];
  if (f.fix) lines.push(`    ${c.green('fix:')} ${visible(f.fix)}`);
  return lines;
}

export function formatMappingFindings(res: ValidateMappingResult, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const i = res.inputs;
  const lines = [
    c.bold(`validate-mapping ${i.mappingFile}`) + c.dim(` (${i.mappingFormat}; profile ${i.profile}; userName from ${i.usernameFormat}; preferredLanguage ${i.languageFormat})`),
    '',
  ];
  for (const f of res.findings) lines.push(...findingLines(f, c));
  if (res.findings.length > 0) lines.push('');
  const { must, should } = res.summary;
  const verdict = must > 0 ? c.red('FAILED') : should > 0 ? c.yellow('PASSED with warnings') : c.green('PASSED');
  lines.push(`${verdict}: ${must} must-level, ${should} should-level finding(s); ${res.payloads.length} sample(s) rendered`);
  return `${lines.join('\n')}\n`;
}

export function renderPayloads(res: ValidateMappingResult): string {
  if (res.payloads.length === 0) return 'no samples given (--samples FILE)\n';
  return res.payloads.map((p) => `# POST /Users for sample ${visible(p.sample)}\n${JSON.stringify(p.payload, null, 2)}\n`).join('\n');
}
