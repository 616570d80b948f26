/**
 * A loopback proxy that forwards to one target (Azurite, an HTTPS fake) and injects faults on
 * the way: hangs, delays, a body dripped byte by byte, a reset mid-response, a closed
 * connection, an answer of our own (5xx, 200 with HTML, '{}'), a redirect, and the whole
 * service vanishing (pause) and coming back on the same port (resume).
 *
 * Forwarding keeps method, path, query, headers and body; only Host becomes the target's.
 * Azure Storage shared-key signatures cover the path and some headers, never the host, so
 * requests signed for the proxy's URL stay valid at Azurite (fault-proxy.test.ts shows it).
 * For the tests only: it accepts any certificate from an HTTPS target.
 */
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' } // forward as is
  | { kind: 'hang' } // accept and read the request, never answer (keep the socket open)
  | { kind: 'delay'; ms: number } // forward after a delay (models real-account latency too)
  | { kind: 'drip'; intervalMs?: number } // forward; status and headers at once, then the body one byte per intervalMs (default 1000)
  | { kind: 'reset'; afterBytes?: number } // forward; headers and afterBytes of the body (default 10), then reset the connection
  | { kind: 'close' } // destroy the connection at once without answering
  | { kind: 'answer'; status: number; body?: string; contentType?: string; headers?: Record<string, string> } // answer this instead of forwarding
  | { kind: 'redirect'; location: string; status?: number };

export interface FaultProxy {
  /** The target's URL with the proxy's origin, e.g. http://127.0.0.1:PORT/devstoreaccount1: use it in place of the target's. */
  url: string;
  port: number;
  /** One fault for every request, or chosen per request (method, path+query, n = 1 for the first request). */
  setFault(fault: Fault | ((request: { method: string; url: string; n: number }) => Fault)): void;
  readonly requests: { method: string; url: string; fault: Fault['kind'] }[];
  /** Stop listening (connections refused, open ones destroyed): the service "vanishes"; resume() listens again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Headers that belong to one connection, not to the message: never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function forwardable(rawHeaders: string[], host?: string): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || (host !== undefined && lower === 'host')) continue;
    const existing = headers[name];
    headers[name] = existing === undefined ? rawHeaders[i + 1]! : [...(Array.isArray(existing) ? existing : [String(existing)]), rawHeaders[i + 1]!];
  }
  if (host !== undefined) headers.host = host;
  return headers;
}

export async function startFaultProxy(target: string, options: { tls?: { key: string; cert: string } } = {}): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const secureTarget = targetUrl.protocol === 'https:';
  // Our own keep-alive pool (real clients reuse connections; latency tests need it), destroyed on close.
  const agent = secureTarget ? new HttpsAgent({ keepAlive: true, rejectUnauthorized: false }) : new HttpAgent({ keepAlive: true });
  const sockets = new Set<Socket>();
  /** Per exchange: what to stop when the proxy pauses or closes (timers, upstream requests). */
  const cleanups = new Set<() => void>();
  const requests: FaultProxy['requests'] = [];
  let choose: Fault | ((request: { method: string; url: string; n: number }) => Fault) = { kind: 'pass' };
  let count = 0;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    count += 1;
    const fault = typeof choose === 'function' ? choose({ method, url, n: count }) : choose;
    requests.push({ method, url, fault: fault.kind });
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number, run: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    };
    let upstream: ReturnType<typeof httpRequest> | undefined;
    const cleanup = (): void => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      upstream?.destroy();
      cleanups.delete(cleanup);
    };
    cleanups.add(cleanup);
    res.on('close', cleanup);

    const forward = (send: (upstreamRes: IncomingMessage) => void): void => {
      upstream = (secureTarget ? httpsRequest : httpRequest)({
        protocol: targetUrl.protocol,
        hostname: targetUrl.hostname,
        port: targetUrl.port,
        method,
        path: url,
        headers: forwardable(req.rawHeaders, targetUrl.host),
        agent,
      });
      upstream.on('response', send);
      upstream.on('error', (error) => {
        if (res.headersSent) res.destroy();
        else {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`fault-proxy: the target ${targetUrl.origin} failed: ${error.message}`);
        }
      });
      req.pipe(upstream);
    };
    const head = (upstreamRes: IncomingMessage): void => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, forwardable(upstreamRes.rawHeaders));
    };

    switch (fault.kind) {
      case 'pass':
        return forward((upstreamRes) => {
          head(upstreamRes);
          upstreamRes.pipe(res);
        });
      case 'delay':
        // The request body waits in the socket meanwhile, as it would on a slow link.
        return later(fault.ms, () =>
          forward((upstreamRes) => {
            head(upstreamRes);
            upstreamRes.pipe(res);
          }),
        );
      case 'drip':
        return forward((upstreamRes) => {
          head(upstreamRes);
          res.flushHeaders();
          let pending = Buffer.alloc(0);
          let ended = false;
          upstreamRes.on('data', (chunk: Buffer) => (pending = Buffer.concat([pending, chunk])));
          upstreamRes.on('end', () => (ended = true));
          const tick = (): void => {
            if (pending.length > 0) {
              res.write(pending.subarray(0, 1));
              pending = pending.subarray(1);
            }
            if (ended && pending.length === 0) res.end();
            else later(fault.intervalMs ?? 1000, tick);
          };
          later(fault.intervalMs ?? 1000, tick);
        });
      case 'reset':
        return forward((upstreamRes) => {
          head(upstreamRes);
          const wanted = fault.afterBytes ?? 10;
          let sent = 0;
          let done = false;
          const reset = (): void => {
            if (done) return;
            done = true;
            upstreamRes.destroy();
            // Let the bytes written reach the client first: a reset discards what is still unsent.
            res.write('', () => later(20, () => destroyHard(req.socket)));
          };
          upstreamRes.on('data', (chunk: Buffer) => {
            if (done) return;
            const part = chunk.subarray(0, wanted - sent);
            sent += part.length;
            if (part.length > 0) res.write(part);
            if (sent >= wanted) reset();
          });
          upstreamRes.on('end', reset);
          if (wanted === 0) reset();
        });
      case 'hang':
        req.resume(); // read the request; the socket stays open until the client gives up or the proxy closes
        return;
      case 'close':
        req.socket.destroy();
        return;
      case 'answer':
        req.resume();
        req.on('end', () => {
          const body = Buffer.from(fault.body ?? '');
          res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json', 'content-length': String(body.length), ...fault.headers });
          res.end(body);
        });
        return;
      case 'redirect':
        req.resume();
        req.on('end', () => {
          res.writeHead(fault.status ?? 302, { location: fault.location, 'content-length': '0' });
          res.end();
        });
        return;
    }
  };

  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createHttpServer(handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that vanishes mid-request is part of the game, not a test failure.
  server.on('clientError', (_error, socket: Socket) => socket.destroy());

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);
  let listening = true;

  const stop = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const cleanup of [...cleanups]) cleanup();
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  const scheme = options.tls ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}${targetUrl.pathname === '/' ? '' : targetUrl.pathname.replace(/\/$/, '')}`,
    port,
    requests,
    setFault(fault) {
      choose = fault;
    },
    pause: stop,
    async resume() {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    async close() {
      await stop();
      agent.destroy();
    },
  };
}

/** A TCP reset where the socket allows it (the client sees ECONNRESET), else an ordinary destroy. */
function destroyHard(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}
