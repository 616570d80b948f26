/**
 * The gate over the Durable Functions HTTP management API, against a loopback HTTPS stand-in
 * that behaves like the documented API: key check, paging by x-ms-continuation-token (an empty
 * page with a token included), entities listed, a status filter ignored when it cannot be parsed,
 * 429 with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { runGate } from '../src/gate/gate.js';
import { IN_FLIGHT_STATUSES } from '../src/taskhub/azure-tables.js';
import { HttpApiSource } from '../src/taskhub/http-api.js';
import { repoRoot } from './helpers/apps.js';
import { runNode } from './helpers/spawn.js';
import { makeCertificate, startHttps, type Certificate, type HttpsFake } from './support/https.js';

const KEY = 'system-key-for-tests-0123456789';
let certificate: Certificate;
let fake: HttpsFake;
let instances: { instanceId: string; name: string; runtimeStatus: string; createdTime: string; lastUpdatedTime: string }[];
let throttleNext = 0;

beforeAll(async () => {
  certificate = makeCertificate();
  fake = await startHttps(certificate, (req, res, url) => {
    if (!url.pathname.endsWith('/runtime/webhooks/durabletask/instances')) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['x-functions-key'] !== KEY) {
      res.writeHead(401).end();
      return;
    }
    if (throttleNext > 0) {
      throttleNext -= 1;
      res.writeHead(429, { 'Retry-After': '1' }).end('Too many requests');
      return;
    }
    // Statuses the extension cannot parse are dropped; when none parse, no filter is applied.
    const known = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Terminated', 'Suspended', 'Canceled'];
    const asked = (url.searchParams.get('runtimeStatus') ?? '').split(',').filter((s) => known.includes(s));
    const matching = instances.filter((i) => asked.length === 0 || asked.includes(i.runtimeStatus));
    const top = Number(url.searchParams.get('top') ?? '100');
    const token = req.headers['x-ms-continuation-token'];
    // The first page is empty but carries a token, as the real API can answer.
    if (!token) {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ms-continuation-token': '0' }).end('[]');
      return;
    }
    const start = Number(token);
    const page = matching.slice(start, start + top);
    const next = start + top < matching.length ? String(start + top) : undefined;
    res.writeHead(200, { 'content-type': 'application/json', ...(next ? { 'x-ms-continuation-token': next } : {}) }).end(JSON.stringify(page));
  });
});

afterAll(async () => {
  await fake?.close();
});

const at = (iso: string) => ({ createdTime: iso, lastUpdatedTime: iso });

describe('HTTP management API as the gate source', () => {
  test('follows pages past an empty one, leaves entities out, checks statuses itself', async () => {
    instances = [
      { instanceId: 'a', name: 'ProcessOrder', runtimeStatus: 'Running', ...at('2026-11-20T10:00:00Z') },
      { instanceId: '@inventory@main', name: 'inventory', runtimeStatus: 'Running', ...at('2026-11-01T10:00:00Z') },
      { instanceId: 'b', name: 'ProcessOrder', runtimeStatus: 'Completed', ...at('2026-11-20T11:00:00Z') },
      { instanceId: 'c', name: 'ApproveOrder', runtimeStatus: 'Suspended', ...at('2026-11-20T12:00:00Z') },
      { instanceId: 'd', name: 'ProcessOrder', runtimeStatus: 'Pending', ...at('2026-11-20T13:00:00Z') },
    ];
    const source = new HttpApiSource({ endpoint: fake.url, systemKey: KEY, ca: certificate.cert });
    const ids: string[] = [];
    for await (const i of source.instances({ statuses: IN_FLIGHT_STATUSES, pageSize: 2 })) ids.push(i.instanceId);
    expect(ids).toEqual(['a', 'c', 'd']);
    // A status the extension cannot parse makes it drop the filter: the gate still only counts what it asked for.
    const weird: string[] = [];
    for await (const i of source.instances({ statuses: ['Bogus'] })) weird.push(i.instanceId);
    expect(weird).toEqual([]);
    expect(fake.log.every((r) => !r.path.includes(KEY))).toBe(true);
  });

  test('429 with Retry-After is waited out and retried', async () => {
    instances = [];
    throttleNext = 2;
    const waits: number[] = [];
    const source = new HttpApiSource({ endpoint: fake.url, systemKey: KEY, ca: certificate.cert, sleep: async (ms) => void waits.push(ms) });
    const report = await runGate({ source, statuses: IN_FLIGHT_STATUSES, timeoutMs: 10_000, intervalMs: 1000 });
    expect(report.outcome).toBe('drained');
    expect(waits).toEqual([1000, 1000]);
  });

  test('a wrong key is a plain error and the gate fails closed', async () => {
    const source = new HttpApiSource({ endpoint: fake.url, systemKey: 'wrong', ca: certificate.cert });
    const report = await runGate({ source, statuses: IN_FLIGHT_STATUSES, timeoutMs: 10_000, intervalMs: 1000 });
    expect(report.outcome).toBe('error');
    expect(report.error).toContain('the system key was refused (HTTP 401)');
  });

  const run = (args: string[], env: NodeJS.ProcessEnv) => runNode([join(repoRoot, 'dist', 'cli', 'index.js'), ...args], env);

  test('the built CLI: key from the environment, never printed; record refuses this source', async () => {
    instances = [{ instanceId: 'a', name: 'ProcessOrder', runtimeStatus: 'Running', ...at('2026-11-20T10:00:00Z') }];
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certPath, DURABLE_GATE_SYSTEM_KEY: KEY };
    const gate = await run(['gate', '--http-endpoint', fake.url, '--timeout', '1s', '--interval', '500ms'], env);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/a\s+ProcessOrder\s+Running/);
    expect(gate.stdout + gate.stderr).not.toContain(KEY);
    const noKey = await run(['gate', '--http-endpoint', fake.url], { ...process.env, DURABLE_GATE_SYSTEM_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('needs the durabletask_extension system key in the environment variable DURABLE_GATE_SYSTEM_KEY');
    const record = await run(['record', '--http-endpoint', fake.url, '--out', 'x'], env);
    const untrusted = await run(['gate', '--http-endpoint', fake.url, '--timeout', '1s'], { ...process.env, DURABLE_GATE_SYSTEM_KEY: KEY });
    expect(untrusted.code).toBe(2);
    expect(untrusted.stdout).toContain('the TLS certificate was not accepted');
    expect(record.code).toBe(2);
    expect(record.stderr).toContain("record cannot use --http-endpoint: the HTTP API's history (showHistory) drops");
  });
});
