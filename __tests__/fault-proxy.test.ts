/**
 * The fault-injection proxy the network tests put in front of Azurite and the HTTPS fakes: each
 * fault against a tiny local server, over HTTPS, and once in front of Azurite with the real
 * TableClient (shared-key signatures survive the forwarding; an HTML 200 reaches the SDK).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AzureNamedKeyCredential, TableClient } from '@azure/data-tables';
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from './support/azurite.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { makeCertificate, startHttps } from './support/https.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The target: /echo answers with what it received, /text with the alphabet, /chunked with it in pieces. */
async function startTarget(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url!.startsWith('/text')) {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(ALPHABET.length), 'x-target': 'yes' });
        res.end(ALPHABET);
      } else if (req.url!.startsWith('/chunked')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(ALPHABET.slice(0, 13));
        setTimeout(() => res.end(ALPHABET.slice(13)), 10);
      } else {
        const json = JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, body });
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-target': 'yes' });
        res.end(json);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Outcome {
  status?: number;
  headers?: IncomingHttpHeaders;
  body: string;
  /** Milliseconds until the status line and headers, and until the end (or the error). */
  headersAt?: number;
  endAt: number;
  error?: string;
}

/** One request on a fresh connection; never throws: an error is part of the outcome. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number; ca?: string } = {},
): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const outcome: Outcome = { body: '', endAt: 0 };
    const finish = (error?: Error): void => {
      outcome.endAt = Date.now() - started;
      if (error) outcome.error = (error as NodeJS.ErrnoException).code ?? error.message;
      resolve(outcome);
    };
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false, ...(options.ca ? { ca: options.ca } : {}) },
      (res) => {
        outcome.status = res.statusCode;
        outcome.headers = res.headers;
        outcome.headersAt = Date.now() - started;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (outcome.body += chunk));
        res.on('end', () => finish());
        res.on('error', finish);
        res.on('aborted', () => finish(new Error('aborted')));
      },
    );
    req.on('error', finish);
    if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end(options.body);
  });
}

describe('fault proxy in front of a local server', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let proxy: FaultProxy;
  beforeAll(async () => {
    target = await startTarget();
    proxy = await startFaultProxy(target.url);
  });
  afterAll(async () => {
    await proxy.close();
    await target.close();
  });
  const before = (): number => target.seen.length;

  test('pass forwards method, path, query, headers and body, with Host set to the target; the answer comes back whole', async () => {
    proxy.setFault({ kind: 'pass' });
    const r = await send(`${proxy.url}/echo/a%20b?q=1&r=%2F`, {
      method: 'POST',
      headers: { 'x-custom': 'kept', 'content-type': 'application/json' },
      body: '{"hello":"wörld"}',
    });
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body)).toEqual({ method: 'POST', url: '/echo/a%20b?q=1&r=%2F', host: new URL(target.url).host, body: '{"hello":"wörld"}' });
    expect(r.headers?.['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(r.headers?.['x-target']).toBe('yes');
    const seen = target.seen.at(-1)!;
    expect(seen.headers['x-custom']).toBe('kept');
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength('{"hello":"wörld"}')));
    expect(proxy.requests.at(-1)).toEqual({ method: 'POST', url: '/echo/a%20b?q=1&r=%2F', fault: 'pass' });
    // A chunked answer passes too.
    expect((await send(`${proxy.url}/chunked`)).body).toBe(ALPHABET);
  });

  test('hang reads the request and never answers: the client times out, the target sees nothing', async () => {
    proxy.setFault({ kind: 'hang' });
    const n = before();
    const r = await send(`${proxy.url}/echo`, { method: 'PUT', body: 'x', timeoutMs: 300 });
    expect(r.error).toBe('client timeout');
    expect(r.status).toBeUndefined();
    expect(r.endAt).toBeGreaterThanOrEqual(290);
    expect(target.seen.length).toBe(n);
    expect(proxy.requests.at(-1)).toEqual({ method: 'PUT', url: '/echo', fault: 'hang' });
  });

  test('delay forwards after the delay', async () => {
    proxy.setFault({ kind: 'delay', ms: 250 });
    const r = await send(`${proxy.url}/text`);
    expect(r.body).toBe(ALPHABET);
    expect(r.headersAt).toBeGreaterThanOrEqual(245);
  });

  test('drip sends status and headers at once, then the body one byte per interval', async () => {
    proxy.setFault({ kind: 'drip', intervalMs: 20 });
    const r = await send(`${proxy.url}/text`);
    expect(r.status).toBe(200);
    expect(r.body).toBe(ALPHABET);
    expect(r.headersAt).toBeLessThan(200);
    expect(r.endAt - r.headersAt!).toBeGreaterThanOrEqual(25 * 20);
  });

  test('reset sends the headers and the first bytes, then resets the connection', async () => {
    proxy.setFault({ kind: 'reset', afterBytes: 5 });
    const r = await send(`${proxy.url}/text`);
    expect(r.status).toBe(200);
    expect(r.body).toBe('abcde');
    expect(r.error).toMatch(/ECONNRESET|aborted/);
    proxy.setFault({ kind: 'reset' });
    expect((await send(`${proxy.url}/text`)).body).toBe(ALPHABET.slice(0, 10));
  });

  test('close destroys the connection without an answer', async () => {
    proxy.setFault({ kind: 'close' });
    const n = before();
    const r = await send(`${proxy.url}/echo`);
    expect(r.status).toBeUndefined();
    expect(r.error).toMatch(/ECONNRESET|socket hang up/);
    expect(target.seen.length).toBe(n);
  });

  test('answer replaces the target: a 503, a 200 with HTML, an empty 200, with headers of our choosing', async () => {
    proxy.setFault({ kind: 'answer', status: 503, body: '{"odata.error":{"code":"ServerBusy"}}', headers: { 'retry-after': '1' } });
    const busy = await send(`${proxy.url}/echo`, { method: 'POST', body: 'ignored' });
    expect([busy.status, busy.body, busy.headers?.['retry-after'], busy.headers?.['content-type']]).toEqual([
      503,
      '{"odata.error":{"code":"ServerBusy"}}',
      '1',
      'application/json',
    ]);
    proxy.setFault({ kind: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html' });
    const html = await send(`${proxy.url}/echo`);
    expect([html.status, html.body, html.headers?.['content-type']]).toEqual([200, '<html><body>Sign in</body></html>', 'text/html']);
    proxy.setFault({ kind: 'answer', status: 200 });
    expect((await send(`${proxy.url}/echo`)).body).toBe('');
  });

  test('redirect answers with the status and Location', async () => {
    proxy.setFault({ kind: 'redirect', location: 'https://login.example/' });
    const r = await send(`${proxy.url}/echo`);
    expect([r.status, r.headers?.location]).toEqual([302, 'https://login.example/']);
    proxy.setFault({ kind: 'redirect', location: '/elsewhere', status: 307 });
    expect((await send(`${proxy.url}/echo`)).status).toBe(307);
  });

  test('a fault chosen per request from its method, url and number', async () => {
    const first = proxy.requests.length;
    proxy.setFault(({ method, url, n }) =>
      n === first + 1
        ? { kind: 'close' }
        : method === 'DELETE'
          ? { kind: 'answer', status: 404 }
          : url.startsWith('/text')
            ? { kind: 'pass' }
            : { kind: 'answer', status: 500 },
    );
    expect((await send(`${proxy.url}/text`)).error).toBeDefined();
    expect((await send(`${proxy.url}/text`)).body).toBe(ALPHABET);
    expect((await send(`${proxy.url}/text`, { method: 'DELETE' })).status).toBe(404);
    expect((await send(`${proxy.url}/echo`)).status).toBe(500);
    expect(proxy.requests.slice(first).map((r) => r.fault)).toEqual(['close', 'pass', 'answer', 'answer']);
  });

  test('pause makes the service vanish (open connections dropped, new ones refused); resume brings it back on the same port', async () => {
    proxy.setFault({ kind: 'hang' });
    const hanging = send(`${proxy.url}/echo`);
    while (proxy.requests.at(-1)?.fault !== 'hang') await new Promise((resolve) => setTimeout(resolve, 5));
    await proxy.pause();
    expect((await hanging).error).toMatch(/ECONNRESET|socket hang up/);
    expect((await send(`${proxy.url}/text`)).error).toBe('ECONNREFUSED');
    await proxy.resume();
    proxy.setFault({ kind: 'pass' });
    expect((await send(`${proxy.url}/text`)).body).toBe(ALPHABET);
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}`);
  });

  test('a target that is down gives a 502 that says so', async () => {
    const down = await startTarget();
    const lonely = await startFaultProxy(down.url);
    await down.close();
    const r = await send(`${lonely.url}/echo`);
    await lonely.close();
    expect(r.status).toBe(502);
    expect(r.body).toContain('ECONNREFUSED');
  });
});

describe('fault proxy over HTTPS', () => {
  test('TLS on both sides: a self-signed target is accepted, the proxy serves the certificate it is given', async () => {
    const certificate = makeCertificate();
    const target = await startHttps(certificate, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, host: req.headers.host, auth: req.headers.authorization }));
    });
    const proxy = await startFaultProxy(target.url, { tls: certificate });
    try {
      expect(proxy.url.startsWith('https://127.0.0.1:')).toBe(true);
      const r = await send(`${proxy.url}/subscriptions/x?api-version=2024-04-01`, { headers: { authorization: 'Bearer t' }, ca: certificate.cert });
      expect(JSON.parse(r.body)).toEqual({ path: '/subscriptions/x?api-version=2024-04-01', host: new URL(target.url).host, auth: 'Bearer t' });
      proxy.setFault({ kind: 'reset', afterBytes: 3 });
      const cut = await send(`${proxy.url}/x`, { ca: certificate.cert });
      expect(cut.body.length).toBeLessThanOrEqual(3);
      expect(cut.error).toBeDefined();
      proxy.setFault({ kind: 'drip', intervalMs: 1 });
      expect((await send(`${proxy.url}/y`, { ca: certificate.cert })).body).toContain('"path":"/y"');
    } finally {
      await proxy.close();
      await target.close();
    }
  });
});

describe('fault proxy in front of Azurite, with the real TableClient', () => {
  let azurite: Azurite;
  let proxy: FaultProxy;
  let client: TableClient;
  const table = 'FaultProxyHistory';
  beforeAll(async () => {
    azurite = await startAzurite();
    proxy = await startFaultProxy(azurite.tableUrl);
    client = new TableClient(proxy.url, table, new AzureNamedKeyCredential(DEV_ACCOUNT, DEV_KEY), {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await azurite?.stop();
  });

  async function rows(): Promise<{ kind: 'rows'; count: number } | { kind: 'error'; message: string }> {
    try {
      let count = 0;
      for await (const _ of client.listEntities({ queryOptions: { filter: "PartitionKey eq 'i1'" } })) count += 1;
      return { kind: 'rows', count };
    } catch (error) {
      return { kind: 'error', message: (error as Error).message };
    }
  }

  test('pass: shared-key signed requests stay valid through the proxy (the signature covers the path, not the host)', async () => {
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}/${DEV_ACCOUNT}`);
    proxy.setFault({ kind: 'pass' });
    await client.createTable();
    await client.upsertEntity({ partitionKey: 'i1', rowKey: '0000000000000000', EventType: 'OrchestratorStarted' });
    await client.upsertEntity({ partitionKey: 'i1', rowKey: '0000000000000001', EventType: 'ExecutionStarted' });
    expect(await rows()).toEqual({ kind: 'rows', count: 2 });
    expect(proxy.requests.map((r) => r.method)).toEqual(expect.arrayContaining(['POST', 'PATCH', 'GET']));
    // Azurite does check the signature: a wrong key through the same proxy is refused.
    const forged = new TableClient(proxy.url, table, new AzureNamedKeyCredential(DEV_ACCOUNT, Buffer.from('not the key').toString('base64')), {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    });
    await expect(forged.getEntity('i1', '0000000000000000')).rejects.toMatchObject({ statusCode: 403 });
  });

  test('delay: every request pays the latency and still succeeds', async () => {
    proxy.setFault({ kind: 'delay', ms: 150 });
    const started = Date.now();
    expect(await rows()).toEqual({ kind: 'rows', count: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(proxy.requests.at(-1)?.fault).toBe('delay');
  });

  test('answer: a 200 that is not a table answer (HTML, {}, empty, a value that is not a list) reaches the SDK', async () => {
    // Characterization, not a contract. With @azure/data-tables 13.x each of these yields one
    // page and no error: HTML, '{}' and '' an empty page, '{"value":"oops"}' a page of one; a
    // reader that trusts them sees "no history" (being fixed in src/taskhub, not here). Only what
    // the proxy did is asserted, so the test stays true whatever the SDK or the reader does.
    for (const [body, contentType] of [
      ['<html><body>Please sign in</body></html>', 'text/html'],
      ['{}', 'application/json'],
      ['', 'application/json'],
      ['{"value":"oops"}', 'application/json'],
    ] as const) {
      proxy.setFault({ kind: 'answer', status: 200, body, contentType });
      const outcome = await rows();
      expect(['rows', 'error']).toContain(outcome.kind);
      expect(proxy.requests.at(-1)).toMatchObject({ method: 'GET', fault: 'answer' });
      expect(proxy.requests.at(-1)?.url).toContain(`/${DEV_ACCOUNT}/${table}()`);
    }
  });
});
