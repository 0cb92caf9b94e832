// --show-payload: the SCIM bodies built from the samples, as Okta would POST them.
import type { ValidateMappingResult } from '../model/mapping-result.js';

/** Control characters from input files are shown, never interpreted by the terminal. */
const visible = (text: string): string =>
  text.replace(
    /[\u0000-\u0008\u000B-\u001F\u007F\u009B]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export function renderPayloads(res: ValidateMappingResult): string {
  if (res.payloads.length === 0) return 'no samples given (--samples FILE)\n';
  return res.payloads
    .map((p) => `# POST /Users for sample ${visible(p.sample)}\n${JSON.stringify(p.payload, null, 2)}\n`)
    .join('\n');
}
