// `--reporter har:FILE`: every exchange of the run as HTTP Archive 1.2, for browser dev tools and
// HAR viewers. Exchanges are redacted when recorded, so the archive holds no token; each entry's
// comment names the suite, test and step it belongs to.
import type { RecordedExchange, RunResult } from '../../model/run-result.js';
import type { RenderOptions } from '../reporter.js';
import { findKey } from '../../scim/attribute-path.js';

interface HarNameValue {
  name: string;
  value: string;
}

export function renderHar(run: RunResult, _opts?: RenderOptions): string {
  const entries = [];
  for (const suite of run.suites) {
    for (const test of suite.tests) {
      for (const step of test.steps) {
        for (const ex of step.exchanges)
          entries.push(
            harEntry(ex, run.runId, run.startedAt, `${suite.name} › ${test.name} › ${step.id} (${step.status})`),
          );
      }
    }
  }
  const log = {
    version: '1.2',
    creator: { name: run.tool.name, version: run.tool.version },
    pages: [
      {
        startedDateTime: run.startedAt,
        id: run.runId,
        title: `scim-check run ${run.runId} → ${run.target.baseUrl}`,
        pageTimings: {},
      },
    ],
    entries,
  };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}

function harEntry(ex: RecordedExchange, pageId: string, fallbackStart: string, comment: string) {
  const url = new URL(ex.url);
  const requestText = bodyText(ex.requestBody);
  const responseText = bodyText(ex.responseBody);
  const time = Math.max(0, ex.durationMs);
  return {
    pageref: pageId,
    startedDateTime: ex.startedAt ?? fallbackStart,
    time,
    request: {
      method: ex.method,
      url: ex.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(ex.requestHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(requestText === undefined
        ? {}
        : {
            postData: { mimeType: header(ex.requestHeaders, 'content-type') ?? 'application/json', text: requestText },
          }),
      headersSize: -1,
      bodySize: requestText === undefined ? 0 : Buffer.byteLength(requestText),
    },
    response: {
      status: ex.status ?? 0, // HAR's convention for a request that got no answer
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(ex.responseHeaders ?? {}),
      content: {
        size: responseText === undefined ? 0 : Buffer.byteLength(responseText),
        mimeType: header(ex.responseHeaders ?? {}, 'content-type') ?? 'x-unknown',
        ...(responseText === undefined ? {} : { text: responseText }),
      },
      redirectURL: header(ex.responseHeaders ?? {}, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment,
  };
}

function nameValues(headers: Record<string, string>): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = findKey(headers, name);
  return key === undefined ? undefined : headers[key];
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}
