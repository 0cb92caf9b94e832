// A fault-injecting HTTP proxy on 127.0.0.1:0 in front of a real server: each
// request is forwarded unchanged unless a rule answers for it with a fault, from a
// plain status to transport-level misbehaviour (resets, hangs, drips, raw bytes).
// Every request the proxy sees is logged, so tests can trigger on what was asked.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Fault {
  delayMs?: number;
  /** Hold the request until this settles, then go on (a test releases it on what it observed). */
  waitFor?: Promise<unknown>;
  /** Hold the request until this settles (a test releases it once it has seen what it waits for). */
  until?: Promise<unknown>;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer and never forward: the request just hangs. */
  hang?: boolean;
  /** Forward to the target (it acts on the request), then never answer. */
  forwardThenHang?: boolean;
  /** Close the connection without an answer. */
  reset?: boolean;
  /** Headers and this much of a body, then close the connection. */
  resetMidBody?: string;
  /** Headers, then silence. */
  stallAfterHeaders?: boolean;
  /** Headers, then the body one byte every dripMs. */
  dripMs?: number;
  /** Bytes written to the socket as they are: a peer that does not speak HTTP. */
  raw?: string;
}

export interface FaultProxy {
  url: string; // same path layout as the target: http://127.0.0.1:PORT
  log: { method: string; url: string; authorization?: string }[];
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** Answer with JSON numbers for ids (1001, 1002...), mapping them back on the way in. */
  numericIds?: boolean;
}

export async function startFaultProxy(
  targetOrigin: string,
  rule: (req: http.IncomingMessage, n: number) => Fault | undefined,
  opts: FaultProxyOptions = {},
): Promise<FaultProxy> {
  let n = 0;
  const log: FaultProxy['log'] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const ids = opts.numericIds ? new IdMap() : undefined;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const server = http.createServer(async (req, res) => {
    log.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const fault = rule(req, ++n);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (fault?.delayMs) await new Promise<void>((r) => later(fault.delayMs!, r));
    if (fault?.waitFor) await fault.waitFor;
    if (fault?.until) await fault.until;
    if (fault?.hang) return;
    if (fault?.raw !== undefined) {
      req.socket.end(fault.raw);
      return;
    }
    if (fault?.reset) {
      req.socket.destroy();
      return;
    }
    if (fault?.resetMidBody !== undefined || fault?.stallAfterHeaders || fault?.dripMs) {
      const body =
        fault.resetMidBody ??
        fault.body ??
        '{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"Resources":[]}';
      res.writeHead(fault.status ?? 200, {
        'content-type': 'application/scim+json',
        'content-length': String(body.length + 100),
        ...fault.headers,
      });
      if (fault.resetMidBody !== undefined) {
        res.write(body, () => req.socket.destroy());
      } else if (fault.dripMs) {
        let i = 0;
        const drip = () => {
          if (res.destroyed) return;
          res.write(body[i++ % body.length]);
          later(fault.dripMs!, drip);
        };
        drip();
      } else res.flushHeaders();
      return;
    }
    if (fault?.status) {
      res.writeHead(fault.status, { 'content-type': 'application/scim+json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    }
    const path = ids ? ids.inbound(req.url ?? '/') : (req.url ?? '/');
    const body = ids ? Buffer.from(ids.inboundBody(Buffer.concat(chunks).toString('utf8'))) : Buffer.concat(chunks);
    const headers = { ...req.headers };
    if (ids) headers['content-length'] = String(body.length);
    const upstream = http.request(new URL(path, targetOrigin), { method: req.method, headers }, (up) => {
      if (fault?.forwardThenHang) {
        up.resume();
        return;
      }
      if (!ids) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const parts: Buffer[] = [];
      up.on('data', (c: Buffer) => parts.push(c));
      up.on('end', () => {
        const text = ids.outbound(Buffer.concat(parts).toString('utf8'));
        const h = { ...up.headers };
        delete h['content-length'];
        if (typeof h.location === 'string') h.location = ids.outboundLocation(h.location);
        res.writeHead(up.statusCode ?? 502, h);
        res.end(text);
      });
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** String ids of the target <-> the numbers the proxy shows the client. */
class IdMap {
  private next = 1001;
  private readonly toNumber = new Map<string, number>();
  private readonly toString = new Map<number, string>();

  private numberFor(id: string): number {
    let n = this.toNumber.get(id);
    if (n === undefined) {
      n = this.next++;
      this.toNumber.set(id, n);
      this.toString.set(n, id);
    }
    return n;
  }

  outbound(text: string): string {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return text;
    }
    const stack: unknown[] = [body];
    while (stack.length > 0) {
      const v = stack.pop();
      if (!v || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && !Array.isArray(v)) o.id = this.numberFor(o.id);
      if (typeof o.value === 'string' && this.toNumber.has(o.value)) o.value = this.toNumber.get(o.value);
      for (const child of Object.values(o)) stack.push(child);
    }
    return JSON.stringify(body);
  }

  outboundLocation(location: string): string {
    return location.replace(/\/([^/]+)$/, (m, id: string) => (this.toNumber.has(id) ? `/${this.toNumber.get(id)}` : m));
  }

  inbound(url: string): string {
    return url.replace(/\/(\d+)(?=$|[/?])/g, (m, num: string) =>
      this.toString.has(Number(num)) ? `/${this.toString.get(Number(num))}` : m,
    );
  }

  inboundBody(text: string): string {
    return text.replace(/"value"\s*:\s*(\d+)/g, (m, num: string) =>
      this.toString.has(Number(num)) ? `"value":"${this.toString.get(Number(num))}"` : m,
    );
  }
}
