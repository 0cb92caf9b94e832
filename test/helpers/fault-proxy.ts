// A fault-injecting HTTP proxy on 127.0.0.1:0 in front of a real server: each
// request is forwarded unchanged unless a rule delays it or answers for it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  delayMs?: number;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FaultProxy {
  url: string; // same path layout as the target: http://127.0.0.1:PORT
  close(): Promise<void>;
}

export async function startFaultProxy(targetOrigin: string, rule: (req: http.IncomingMessage, n: number) => Fault | undefined): Promise<FaultProxy> {
  let n = 0;
  const server = http.createServer(async (req, res) => {
    const fault = rule(req, ++n);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.status) {
      res.writeHead(fault.status, { 'content-type': 'application/scim+json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    }
    const upstream = http.request(new URL(req.url ?? '/', targetOrigin), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(Buffer.concat(chunks));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
