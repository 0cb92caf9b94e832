// The audit's fault-injecting proxy: a real HTTP proxy on 127.0.0.1:0 in front of the
// reference server, injecting faults the server itself does not have: 429 with Retry-After,
// a 503 on one page, a dropped connection, or a rewritten list page. Requests are logged with
// their arrival time. (fault-proxy.ts is the run e2e tests' simpler proxy.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface ProxiedRequest {
  method: string;
  url: URL;
  /** 1-based ordinal of this request among all requests the proxy has seen. */
  n: number;
}

export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { reset: true }
  | { rewrite: (body: Record<string, unknown>) => Record<string, unknown> };

export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number | 'reset';
  /** When the request arrived (epoch ms, on the clock given to startFaultProxy). */
  at: number;
}

export interface FaultProxy {
  baseUrl: string;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export async function startFaultProxy(
  targetBaseUrl: string,
  decide: (req: ProxiedRequest) => Fault | undefined,
  /** What time it is for the log's `at`: the audit's own (virtual) clock when a test injects one. */
  now: () => number = Date.now,
): Promise<FaultProxy> {
  const target = new URL(targetBaseUrl);
  const log: ProxyLogEntry[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const at = now();
    const url = new URL(req.url ?? '/', target.origin);
    const fault = decide({ method: req.method ?? 'GET', url, n: ++n });
    void answer(req, res, url, fault).then((status) =>
      log.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, status, at }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  fault: Fault | undefined,
): Promise<number | 'reset'> {
  if (fault && 'reset' in fault) {
    req.socket.destroy();
    return 'reset';
  }
  if (fault && 'status' in fault) {
    res.writeHead(fault.status, { 'content-type': 'application/scim+json', ...fault.headers });
    res.end(
      fault.body ??
        JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: String(fault.status),
          detail: 'injected fault',
        }),
    );
    return fault.status;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (typeof v === 'string' && k !== 'host' && k !== 'accept-encoding') headers[k] = v;
  const upstream = await request(url.toString(), { method: req.method as 'GET', headers });
  let body = Buffer.from(await upstream.body.arrayBuffer());
  if (fault && 'rewrite' in fault && upstream.statusCode === 200)
    body = Buffer.from(JSON.stringify(fault.rewrite(JSON.parse(body.toString('utf8')))));
  res.writeHead(upstream.statusCode, {
    'content-type': String(upstream.headers['content-type'] ?? 'application/scim+json'),
    'content-length': String(body.length),
  });
  res.end(body);
  return upstream.statusCode;
}
