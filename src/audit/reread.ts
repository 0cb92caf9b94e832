// The verification pass of the duplicate rules: the users at a few listing positions,
// read again (a page per window of positions, so nearby positions cost one request).
// A position that cannot be read again maps to undefined: its candidates stay unconfirmed.
import { joinUrl } from '../http/url.js';
import { getWithRetry, type FetchContext } from './fetch-with-retry.js';
import type { ScimObject } from './pager.js';

export async function rereadPositions(
  fetch: FetchContext,
  baseUrl: string,
  positions: number[],
  pageSize: number,
  concurrency: number,
): Promise<Map<number, ScimObject | undefined>> {
  const out = new Map<number, ScimObject | undefined>();
  const windows: number[] = [];
  for (const p of [...positions].sort((a, b) => a - b)) {
    const last = windows.at(-1);
    if (last === undefined || p >= last + pageSize) windows.push(p);
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    // workers share `next`: each takes the following window until none is left
    for (let start = windows[next++]; start !== undefined; start = windows[next++]) {
      const resources = await readWindow(fetch, baseUrl, start, pageSize);
      resources.forEach((r, i) => out.set(start + i, r));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, windows.length)) }, worker));
  return out;
}

async function readWindow(
  fetch: FetchContext,
  baseUrl: string,
  startIndex: number,
  count: number,
): Promise<ScimObject[]> {
  try {
    const { response } = await getWithRetry(
      fetch,
      joinUrl(baseUrl, '/Users', { startIndex: String(startIndex), count: String(count) }),
    );
    if (response.status !== 200) return [];
    const body = JSON.parse(response.bodyText) as ScimObject;
    const list = body.Resources ?? body.resources;
    return Array.isArray(list) ? (list as ScimObject[]) : [];
  } catch {
    return [];
  }
}
