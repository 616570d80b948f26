/**
 * Break it on purpose: the Durable HTTP management API (a loopback HTTPS stand-in) answering what
 * it should not, or not at all. Each answer must be checked before it counts: the gate then fails
 * closed (outcome 'error', exit 2), and never reads an odd answer as "nothing in flight". Every
 * request ends within its deadline, and a cancel ends it at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gateExitCode, runGate, type GateReport } from '../src/gate/gate.js';
import { IN_FLIGHT_STATUSES } from '../src/taskhub/azure-tables.js';
import { HttpApiSource, type HttpApiOptions } from '../src/taskhub/http-api.js';
import { makeCertificate, startHttps, type Certificate, type HttpsFake } from './support/https.js';

const KEY = 'system-key-for-fault-tests-0123456789';
let certificate: Certificate;
let fake: HttpsFake;
/** How the stand-in answers the next requests (one per request; the last one repeats). */
let answers: ((req: IncomingMessage, res: ServerResponse) => void)[];
const held = new Set<ServerResponse>();

const JSON_TYPE = 'application/json; charset=utf-8';
const reply =
  (status: number, body: string, headers: Record<string, string> = { 'content-type': JSON_TYPE }) =>
  (_: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers }).end(body);
  };
const instance = (instanceId: string, runtimeStatus = 'Running') => ({
  instanceId,
  name: 'ProcessOrder',
  runtimeStatus,
  createdTime: '2026-11-20T10:00:00Z',
  lastUpdatedTime: '2026-11-20T10:00:00Z',
});

beforeAll(async () => {
  certificate = makeCertificate();
  fake = await startHttps(certificate, (req, res, url) => {
    if (!url.pathname.endsWith('/runtime/webhooks/durabletask/instances') || req.headers['x-functions-key'] !== KEY) {
      res.writeHead(404).end();
      return;
    }
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    answer(req, res);
  });
});

beforeEach(() => {
  answers = [reply(200, '[]')];
  fake.log.length = 0;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await fake?.close();
});

function source(options: Partial<HttpApiOptions> = {}): HttpApiSource {
  return new HttpApiSource({ endpoint: fake.url, systemKey: KEY, ca: certificate.cert, retryDelayMs: 10, sleep: async () => undefined, ...options });
}

async function gate(options: Partial<HttpApiOptions> = {}, signal?: AbortSignal): Promise<GateReport> {
  // The gate's own clock is virtual: its polls wait nothing, and a gate that keeps finding
  // instances times out after ten polls, not ten seconds. The requests run in real time.
  let now = Date.now();
  return runGate({
    source: source(options),
    statuses: IN_FLIGHT_STATUSES,
    timeoutMs: 10_000,
    intervalMs: 1000,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    ...(signal ? { signal } : {}),
  });
}

function expectClosed(report: GateReport, said: string): void {
  expect(report.outcome).toBe('error');
  expect(report.drained).toBe(false);
  expect(gateExitCode(report)).toBe(2);
  expect(report.error).toContain(said);
  expect(report.error).not.toContain(KEY);
}

describe('odd answers: the gate errors, never drains', () => {
  test('a well-formed empty list drains (the counter-check)', async () => {
    const report = await gate();
    expect(report.outcome).toBe('drained');
  });

  test.each([
    [
      'an HTML page with 200',
      reply(200, '<!DOCTYPE html><html><body>Sign in</body></html>', { 'content-type': 'text/html' }),
      "the instances list is not JSON (HTTP 200, text/html, beginning '<!DOCTYPE html>",
    ],
    ['a JSON list sent as text/plain', reply(200, '[]', { 'content-type': 'text/plain' }), 'the instances list is not JSON (HTTP 200, text/plain'],
    ['no content type at all', reply(200, '[]', {}), 'the instances list is not JSON (HTTP 200, no content type'],
    ['an empty body', reply(200, ''), 'the instances list is empty (HTTP 200, application/json; charset=utf-8, empty)'],
    ['{}', reply(200, '{}'), "the instances list is not a list (HTTP 200, application/json; charset=utf-8, beginning '{}')"],
    ['{"value":"oops"}', reply(200, '{"value":"oops"}'), 'the instances list is not a list'],
    ['null', reply(200, 'null'), 'the instances list is not a list'],
    ['broken JSON', reply(200, '[{"instanceId":'), 'the instances list is not valid JSON'],
    ['entries that are not instances', reply(200, '[{"foo":1}]'), 'the instances list has an entry without an instanceId (entry 1'],
    ['a list of strings', reply(200, '["a"]'), 'the instances list has an entry that is not an instance (entry 1'],
    [
      'an instance without a status',
      reply(200, JSON.stringify([{ instanceId: 'a', name: 'ProcessOrder' }])),
      'the instances list has an entry without a runtimeStatus (instance "a")',
    ],
    [
      'a status the runtime does not have',
      reply(200, JSON.stringify([{ ...instance('a'), runtimeStatus: 'Unknown' }])),
      'the instances list has an entry whose runtimeStatus "Unknown" is not one the runtime has',
    ],
    [
      'a status that is a number',
      reply(200, JSON.stringify([{ ...instance('a'), runtimeStatus: 1 }])),
      'the instances list has an entry whose runtimeStatus 1 is not one the runtime has',
    ],
    [
      'a name that is not text',
      reply(200, JSON.stringify([{ ...instance('a'), name: 7 }])),
      'the instances list has an entry whose name is not text (instance "a")',
    ],
    ['204 No Content', reply(204, '', {}), 'the instances list was answered with HTTP 204, not the list'],
    ['a redirect to a sign-in page', reply(302, '', { location: 'https://127.0.0.1/login' }), 'the instances list was answered with HTTP 302, not the list'],
  ])('%s', async (_, answer, said) => {
    answers = [answer];
    expectClosed(await gate(), said);
  });

  test('a bad second page fails the whole poll, even after a page of real instances', async () => {
    answers = [reply(200, JSON.stringify([instance('a')]), { 'content-type': JSON_TYPE, 'x-ms-continuation-token': 'p2' }), reply(200, '{"value":[]}')];
    expectClosed(await gate(), 'the instances list is not a list');
  });

  test('a continuation token sent again would page forever: stopped, an error', async () => {
    answers = [reply(200, '[]', { 'content-type': JSON_TYPE, 'x-ms-continuation-token': 'same' })];
    expectClosed(await gate(), 'the API sent a continuation token it had sent before, so paging would never end');
    expect(fake.log).toHaveLength(2);
  });

  test('a status in other letter case is the status (the gate waits for it)', async () => {
    answers = [reply(200, JSON.stringify([{ ...instance('a'), runtimeStatus: 'running' }]))];
    const report = await gate();
    expect(report.outcome).not.toBe('drained');
    expect(report.inFlight.map((i) => [i.instanceId, i.runtimeStatus])).toEqual([['a', 'Running']]);
  });

  test('empty pages carrying tokens, then the instances: all read', async () => {
    answers = [
      reply(200, '[]', { 'content-type': JSON_TYPE, 'x-ms-continuation-token': 't1' }),
      reply(200, JSON.stringify([instance('a'), instance('@entity@x'), instance('b', 'Completed')]), {
        'content-type': JSON_TYPE,
        'x-ms-continuation-token': 'null',
      }),
    ];
    const ids: string[] = [];
    for await (const found of source().instances({ statuses: IN_FLIGHT_STATUSES })) ids.push(found.instanceId);
    expect(ids).toEqual(['a']);
  });
});

describe('bounded requests', () => {
  test('a service that never answers: the gate errors within the request deadlines and retries', async () => {
    answers = [(_, res) => void held.add(res)];
    const began = Date.now();
    const report = await gate({ timeoutMs: 300, retries: 1 });
    expect(Date.now() - began).toBeLessThan(3000);
    expectClosed(report, 'ETIMEDOUT (after 2 attempt(s))');
  });

  test('a service that drips one byte a second is cut off at the deadline', async () => {
    answers = [
      (_, res) => {
        held.add(res);
        res.writeHead(200, { 'content-type': JSON_TYPE });
        res.write('[');
        const timer = setInterval(() => res.write(' '), 1000);
        res.on('close', () => clearInterval(timer));
      },
    ];
    const began = Date.now();
    const report = await gate({ timeoutMs: 1500, retries: 0 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - began).toBeLessThan(3500);
    expectClosed(report, 'ETIMEDOUT (after 1 attempt(s))');
  });

  test('a cancel ends a waiting request at once: the source says it stopped, the gate says cancelled', async () => {
    answers = [(_, res) => void held.add(res)];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    let began = Date.now();
    const failure = await (async () => {
      for await (const _ of source({ signal: controller.signal }).instances({ statuses: IN_FLIGHT_STATUSES })) void _;
    })().catch((e: unknown) => e);
    expect(Date.now() - began).toBeLessThan(1000);
    expect((failure as Error).message).toBe(
      `the Durable Functions HTTP API at ${fake.url}: stopped (the run was cancelled) before the instances list was read.`,
    );
    const gateCancel = new AbortController();
    setTimeout(() => gateCancel.abort(), 100);
    began = Date.now();
    const report = await gate({ signal: gateCancel.signal }, gateCancel.signal);
    expect(Date.now() - began).toBeLessThan(1000);
    expect(report.outcome).toBe('cancelled');
  });

  test('Retry-After is honoured up to a minute, and not past the retry budget', async () => {
    const waits: number[] = [];
    answers = [reply(429, 'slow down', { 'content-type': 'text/plain', 'retry-after': '3600' }), reply(200, '[]')];
    expect((await gate({ sleep: async (ms) => void waits.push(ms) })).outcome).toBe('drained');
    expect(waits).toEqual([60_000]);
    waits.length = 0;
    answers = [reply(429, 'slow down', { 'content-type': 'text/plain', 'retry-after': '3600' }), reply(200, '[]')];
    expectClosed(
      await gate({ retryBudgetMs: 5000, sleep: async (ms) => void waits.push(ms) }),
      "HTTP 429 (text/plain, beginning 'slow down') (after 1 attempt(s))",
    );
    expect(waits).toEqual([]);
  });
});
