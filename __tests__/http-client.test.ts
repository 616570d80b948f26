/**
 * The one HTTP client (src/http/client.ts) and its exchange (src/http.ts), against loopback servers.
 * The retry policy runs on a virtual clock: every wait moves the clock instead of taking time, so a
 * two-minute budget or a Retry-After of an hour is checked in milliseconds. Also measured here: what
 * the exchange adds to core-rest-pipeline's HTTP client (a deadline over the body, the extra CA, the
 * "never sent" knowledge).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createDefaultHttpClient, createEmptyPipeline, createPipelineRequest } from '@azure/core-rest-pipeline';
import { send } from '../src/http.js';
import { HttpClient, HttpFailure, type CallOptions, type HttpClientOptions, type RetryNotice } from '../src/http/client.js';
import { makeCertificate, startHttps, type Certificate } from './support/https.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base: string;
/** How the server answers the next requests (one each; the last one repeats). */
let answers: Handler[];
let requests: { method: string; path: string }[];
const sockets = new Set<Socket>();
let certificate: Certificate;

const reply =
  (status: number, body = '', headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }).end(body);
  };
/** Never answers (the socket stays open until the client gives up or the server closes). */
const silent: Handler = () => undefined;
/** Destroys the connection once the request is in: the request reached the service, no answer came. */
const reset: Handler = (req) => req.socket.destroy();

beforeAll(async () => {
  certificate = makeCertificate();
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    req.resume();
    req.on('end', () => answer(req, res));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  answers = [reply(200, '{}')];
  requests = [];
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A virtual clock: `sleep` moves it at once (a cancel still ends a wait at once), and records each wait. */
function virtual(start = Date.parse('2026-11-20T10:00:00Z')): {
  clock: { now(): number };
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  waits: number[];
} {
  let now = start;
  const waits: number[] = [];
  return {
    clock: { now: () => now },
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) return;
      now += ms;
    },
  };
}

function client(options: HttpClientOptions = {}): { http: HttpClient; waits: number[]; clock: { now(): number } } {
  const time = virtual();
  const http = new HttpClient({ clock: time.clock, sleep: time.sleep, ...options });
  return { http, waits: time.waits, clock: time.clock };
}

const at = (path = '/') => new URL(path, base);
const failure = (promise: Promise<unknown>): Promise<HttpFailure> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(HttpFailure);
      return error as HttpFailure;
    },
  );

/** A port nothing listens on: connections are refused. */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('which answers and failures are retried', () => {
  test.each([408, 429, 500, 502, 503, 504])('HTTP %i is retried with exponential backoff, then the answer', async (status) => {
    answers = [reply(status), reply(status), reply(200, '{"ok":true}')];
    const { http, waits } = client({ retry: { baseDelayMs: 1000 } });
    const result = await http.request(at());
    expect(result.response.status).toBe(200);
    expect(result.response.body).toBe('{"ok":true}');
    expect(result.attempts).toBe(3);
    expect(waits).toEqual([1000, 2000]);
  });

  test.each([400, 401, 403, 404, 409, 412])('HTTP %i is not retried: the caller judges it', async (status) => {
    answers = [reply(status, '{"error":{}}')];
    const { http, waits } = client();
    const result = await http.request(at());
    expect([result.response.status, result.attempts, waits]).toEqual([status, 1, []]);
  });

  test('a reset is retried, and so is a timeout; the backoff is capped', async () => {
    answers = [reset, silent, reply(200)];
    const { http, waits } = client({ timeoutMs: 200, retry: { baseDelayMs: 20_000, maxDelayMs: 30_000 } });
    const notices: RetryNotice[] = [];
    const result = await http.request(at(), { onRetry: (n) => notices.push(n) });
    expect(result.attempts).toBe(3);
    expect(waits).toEqual([20_000, 30_000]);
    expect(notices.map((n) => [n.attempt, n.failure, n.delayMs])).toEqual([
      [1, 'ECONNRESET', 20_000],
      [2, 'ETIMEDOUT', 30_000],
    ]);
  });

  test('when the retries run out, the last answer is the result; a failure is an HttpFailure with the count', async () => {
    answers = [reply(503, 'busy')];
    const { http } = client({ retry: { retries: 2 } });
    const result = await http.request(at());
    expect([result.response.status, result.attempts]).toEqual([503, 3]);
    expect(requests).toHaveLength(3);
    answers = [reset];
    const failed = await failure(http.request(at(), { retries: 1 }));
    expect([failed.code, failed.attempts, failed.cancelled, failed.reached]).toEqual(['ECONNRESET', 2, false, true]);
  });

  test('a body over the size cap is not retried (trying again changes nothing)', async () => {
    answers = [reply(200, JSON.stringify('x'.repeat(5000)))];
    const { http } = client({ maxBodyBytes: 1000 });
    const failed = await failure(http.request(at()));
    expect([failed.code, failed.attempts]).toEqual(['ERESPONSETOOLARGE', 1]);
  });
});

describe('Retry-After, the budget and the cap, on the virtual clock', () => {
  test('Retry-After in seconds and as an HTTP date (read on the client clock) are honoured', async () => {
    const { http, waits, clock } = client();
    // 10:00:07 is asked for; the first wait already moved the clock to 10:00:03.
    const date = new Date(clock.now() + 7000).toUTCString();
    answers = [reply(429, '', { 'retry-after': '3' }), reply(503, '', { 'retry-after': date }), reply(200)];
    expect((await http.request(at())).attempts).toBe(3);
    expect(waits).toEqual([3000, 4000]);
  });

  test('Retry-After is capped (an hour becomes a minute); a wait that would end past the budget is not started', async () => {
    answers = [reply(429, '', { 'retry-after': '3600' }), reply(200)];
    let { http, waits } = client({ retry: { budgetMs: 10 * 60_000 } });
    expect((await http.request(at())).response.status).toBe(200);
    expect(waits).toEqual([60_000]);
    answers = [reply(429, '', { 'retry-after': '3600' }), reply(200)];
    ({ http, waits } = client({ retry: { budgetMs: 30_000 } }));
    const result = await http.request(at());
    expect([result.response.status, result.attempts, waits]).toEqual([429, 1, []]);
  });

  test('the budget ends the retries: 1 + 2 + 4 s fit in 10 s, 8 s more do not', async () => {
    answers = [reply(503)];
    const { http, waits } = client({ retry: { budgetMs: 10_000, baseDelayMs: 1000, retries: 100 } });
    const began = Date.now();
    const result = await http.request(at());
    expect(waits).toEqual([1000, 2000, 4000]);
    expect([result.response.status, result.attempts]).toEqual([503, 4]);
    expect(Date.now() - began).toBeLessThan(2000);
  });

  test('one deadline over several calls (CallOptions.deadline)', async () => {
    answers = [reply(503)];
    const { http, waits, clock } = client({ retry: { baseDelayMs: 1000, retries: 100 } });
    const deadline = clock.now() + 4000;
    await http.request(at(), { deadline });
    expect(waits).toEqual([1000, 2000]);
    waits.length = 0;
    await http.request(at(), { deadline });
    expect(waits).toEqual([1000]);
  });
});

describe('a request that must not run twice', () => {
  const post: CallOptions = { method: 'POST', body: '{"targetSlot":"production"}' };

  test.each([
    ['a 503', reply(503)],
    ['a 500', reply(500)],
    ['a 408', reply(408)],
  ])('%s is not retried: the caller says the outcome is unknown', async (_, answer) => {
    answers = [answer, reply(202)];
    const { http, waits } = client();
    const result = await http.request(at('/slotsswap'), post);
    expect(result.attempts).toBe(1);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test('a reset or a timeout after sending is not retried, and says it may have reached the service', async () => {
    answers = [reset, reply(202)];
    const { http } = client({ timeoutMs: 200 });
    let failed = await failure(http.request(at('/slotsswap'), post));
    expect([failed.code, failed.reached, failed.attempts]).toEqual(['ECONNRESET', true, 1]);
    answers = [silent, reply(202)];
    requests = [];
    failed = await failure(http.request(at('/slotsswap'), post));
    expect([failed.code, failed.reached]).toEqual(['ETIMEDOUT', true]);
    expect(requests).toHaveLength(1);
  });

  test('a 429 is retried (refused before it was carried out), with its Retry-After', async () => {
    answers = [reply(429, '', { 'retry-after': '5' }), reply(202)];
    const { http, waits } = client();
    const result = await http.request(at('/slotsswap'), post);
    expect([result.response.status, result.attempts, waits]).toEqual([202, 2, [5000]]);
  });

  test('a refused connection is retried (it never reached the service), and says so when the retries end', async () => {
    const { http, waits } = client({ retry: { retries: 2 } });
    const failed = await failure(http.request(new URL('/slotsswap', await closedPort()), post));
    expect([failed.code, failed.reached, failed.attempts]).toEqual(['ECONNREFUSED', false, 3]);
    expect(waits).toHaveLength(2);
  });

  test('POST is not idempotent unless the caller says so (a list that is a read)', async () => {
    answers = [reply(503), reply(200)];
    const { http } = client();
    expect((await http.request(at('/appsettings/list'), { method: 'POST', idempotent: true })).response.status).toBe(200);
  });
});

describe('a cancel ends an exchange or a wait at once', () => {
  test('during a wait: at once, "before it was sent", whatever the wait was', async () => {
    answers = [reply(503, '', { 'retry-after': '30' })];
    const controller = new AbortController();
    // Real sleep: the cancel must end a 30-second wait.
    const http = new HttpClient({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const began = Date.now();
    const failed = await failure(http.request(at()));
    expect(Date.now() - began).toBeLessThan(1000);
    expect([failed.cancelled, failed.reached, failed.attempts]).toEqual([true, false, 1]);
  });

  test('during an exchange: at once, and it may have reached the service', async () => {
    answers = [silent];
    const controller = new AbortController();
    const { http } = client();
    setTimeout(() => controller.abort(), 50);
    const began = Date.now();
    const failed = await failure(http.request(at(), { signal: controller.signal }));
    expect(Date.now() - began).toBeLessThan(1000);
    expect([failed.cancelled, failed.reached, failed.code]).toEqual([true, true, 'ABORT_ERR']);
  });

  test('cancelled before: nothing is sent', async () => {
    const { http } = client();
    const failed = await failure(http.request(at(), { signal: AbortSignal.abort() }));
    expect([failed.cancelled, failed.reached, failed.attempts]).toEqual([true, false, 0]);
    expect(requests).toEqual([]);
  });

  test('headers are asked for each try, and what their function throws ends the call unchanged', async () => {
    answers = [reply(503), reply(200)];
    const { http } = client();
    let asked = 0;
    await http.request(at(), { headers: async () => ({ authorization: `Bearer t${++asked}` }) });
    expect(asked).toBe(2);
    const refused = new Error('no token');
    await expect(
      http.request(at(), {
        headers: async () => {
          throw refused;
        },
      }),
    ).rejects.toBe(refused);
  });
});

describe('the exchange over core-rest-pipeline', () => {
  test("the pipeline's own timeout stops at the headers (measured): a dribbled body outlives it, the exchange's deadline does not", async () => {
    const dribble: Handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      setTimeout(() => res.end(']'), 400);
    };
    answers = [dribble];
    const request = createPipelineRequest({ url: at().href, allowInsecureConnection: true, timeout: 100 });
    const answer = await createEmptyPipeline().sendRequest(createDefaultHttpClient(), request);
    expect(answer.bodyAsText).toBe('[]');
    answers = [dribble];
    const began = Date.now();
    await expect(send(at(), { timeoutMs: 100 })).rejects.toMatchObject({ code: 'ETIMEDOUT', message: `no complete answer from ${base} within 0.1 s` });
    expect(Date.now() - began).toBeLessThan(350);
  });

  test('a connection closed before the body ended is a failure, not a short answer', async () => {
    answers = [
      (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('[1,');
        setTimeout(() => res.socket?.destroy(), 20);
      },
    ];
    await expect(send(at())).rejects.toMatchObject({ code: 'ECONNRESET', requestSent: true });
  });

  test('the extra CA reaches the TLS handshake; without it the certificate is refused before anything is sent', async () => {
    const https = await startHttps(certificate, (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}'));
    try {
      const trusted = await new HttpClient({ ca: certificate.cert }).request(new URL('/', https.url));
      expect(trusted.response.body).toBe('{"ok":1}');
      const failed = await failure(new HttpClient().request(new URL('/', https.url)));
      expect(failed.tls).toMatch(/^the TLS certificate was not accepted \(.*\)\. For a private CA, point NODE_EXTRA_CA_CERTS at its certificate\.$/);
      expect([failed.reached, failed.attempts]).toEqual([false, 1]);
      // Only the trusted request reached the server.
      expect(https.log).toHaveLength(1);
    } finally {
      await https.close();
    }
  });

  test('no proxy from the environment is used', async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = process.env.HTTPS_PROXY = await closedPort();
    delete process.env.NO_PROXY;
    try {
      expect((await send(at())).status).toBe(200);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test('headers and body reach the server; answers keep their headers; failures name the origin only', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    answers = [
      (req, res) => {
        seen = { headers: req.headers, body: '' };
        reply(200, '{}', { 'x-ms-continuation-token': 'next' })(req, res);
      },
    ];
    const { http } = client();
    const result = await http.request(at('/x?code=secret'), { method: 'POST', idempotent: true, body: '{"a":1}', headers: { 'x-functions-key': 'k' } });
    expect(result.response.headers['x-ms-continuation-token']).toBe('next');
    expect(seen?.headers['x-functions-key']).toBe('k');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['content-length']).toBe('7');
    answers = [silent];
    const failed = await failure(new HttpClient({ timeoutMs: 100, retry: { retries: 0 } }).request(at('/x?code=secret')));
    expect(failed.message).toBe(`no complete answer from ${base} within 0.1 s`);
  });
});
