// A curl command that sends a recorded request again: same method, URL, headers and body,
// with `$SCIM_TOKEN` where the run's token was. Reports offer it for every failed check.
import type { RecordedExchange } from '../model/run-result.js';
import { REDACTED } from '../util/redact.js';

/** Headers curl sets itself, or that would only get in the way of reading the answer. */
const LEAVE_TO_CURL = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'transfer-encoding']);

/** POSIX shell single quotes: everything literal, `'` closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(exchange: RecordedExchange): string {
  const parts = ['curl', '-sS', '-i'];
  if (exchange.method !== 'GET') parts.push('-X', exchange.method);
  parts.push(shellQuote(exchange.url));
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    const lower = name.toLowerCase();
    if (LEAVE_TO_CURL.has(lower)) continue;
    if (lower === 'authorization' && value === `Bearer ${REDACTED}`) {
      parts.push('-H', '"Authorization: Bearer $SCIM_TOKEN"'); // double quotes: the shell expands it
      continue;
    }
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (exchange.requestBody !== undefined) {
    const body = typeof exchange.requestBody === 'string' ? exchange.requestBody : JSON.stringify(exchange.requestBody);
    parts.push('--data-raw', shellQuote(body));
  }
  return parts.join(' ');
}

/** The exchange a failed check of this step was judged on: the step's last one. */
export function failingExchange(exchanges: readonly RecordedExchange[]): RecordedExchange | undefined {
  return exchanges[exchanges.length - 1];
}
