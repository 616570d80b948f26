/**
 * Fault injection: the built CLI (dist/cli/index.js) and the bundled Action (dist/index.js) run as
 * child processes against Azurite behind a loopback proxy that hangs, drips, resets, answers
 * 5xx or bodies the Table service never sends, or redirects; and against apps that hang at import
 * or loop for ever. Each case checks the exit code, the time to exit, that the gate never passes
 * on what it could not read, and that no partial file is left.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureTablesTaskHub } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot, writeApp } from './helpers/apps.js';
import { runTimed } from './helpers/spawn.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
const ACTION = join(repoRoot, 'dist', 'index.js');
const HUB = 'FaultHub';

let azurite: Azurite;
let proxy: FaultProxy;
let html: Server;
let htmlUrl: string;

const run = runTimed;

/** Storage connection whose Table endpoint is the proxy (blobs go straight to Azurite). */
const viaProxy = (): NodeJS.ProcessEnv => ({
  AzureWebJobsStorage: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${azurite.connectionString.match(/AccountKey=([^;]+)/)![1]};TableEndpoint=${proxy.url};BlobEndpoint=${azurite.blobUrl};`,
});

/** The same fault for every request whose URL matches, the others forwarded. */
const only = (pattern: RegExp, fault: Fault) => (request: { url: string }) => (pattern.test(request.url) ? fault : { kind: 'pass' as const });

const gate = (...extra: string[]): string[] => [CLI, 'gate', '--task-hub', HUB, '--timeout', '3s', '--interval', '500ms', ...extra];

beforeAll(async () => {
  azurite = await startAzurite();
  const seeder = new TaskHubSeeder(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), HUB);
  await seeder.create();
  await seeder.write({ instanceId: 'late-1', events: processOrderHistory({ orderId: 'late-1', stage: 'charge' }).build() });
  await seeder.write({ instanceId: 'early-1', events: processOrderHistory({ orderId: 'early-1', stage: 'validate' }).build() });
  for (const id of ['x'.repeat(300), 'é'.repeat(100), '😀'.repeat(60), 'CON', '../../escape', 'a/b\\c']) {
    await seeder.write({ instanceId: id, events: processOrderHistory({ orderId: id, stage: 'validate' }).build() });
  }
  proxy = await startFaultProxy(azurite.tableUrl);
  // A sign-in page, where a redirect might lead.
  html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>'));
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}/login`;
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await new Promise((resolve) => html?.close(resolve));
  await azurite?.stop();
});

describe('gate: never opens on an answer it could not read', () => {
  const oddAnswers: [string, Fault][] = [
    ['an HTML sign-in page', { kind: 'answer', status: 200, contentType: 'text/html', body: '<html><body>Sign in to continue</body></html>' }],
    ['{}', { kind: 'answer', status: 200, contentType: 'application/json', body: '{}' }],
    ['an empty body', { kind: 'answer', status: 200, contentType: 'application/json;odata=nometadata', body: '' }],
    ['{"value":"oops"}', { kind: 'answer', status: 200, contentType: 'application/json', body: '{"value":"oops"}' }],
    ['a redirect to a sign-in page', { kind: 'redirect', location: 'REDIRECT' }],
  ];
  test.each(oddAnswers)('a 200 with %s fails closed at once (exit 2), CLI and Action', async (_label, fault) => {
    proxy.setFault(fault.kind === 'redirect' ? { ...fault, location: htmlUrl } : fault);
    const r = await run(gate(), viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/Drained|may go on/);
    expect(r.stdout).toMatch(/Could not query the task hub \(the gate fails closed; do not deploy\).*(where a table query page was expected|HTTP 30\d)/s);
    expect(r.seconds).toBeLessThan(8);
    const action = await run([ACTION], {
      ...viaProxy(),
      INPUT_COMMAND: 'gate',
      'INPUT_TASK-HUB': HUB,
      INPUT_TIMEOUT: '3s',
      INPUT_INTERVAL: '500ms',
      GITHUB_OUTPUT: join(mkdtempSync(join(tmpdir(), 'dg-out-')), 'out'),
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'dg-tmp-')),
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain('::error::');
    expect(action.stdout).not.toMatch(/drained::true|Drained/);
  });

  test('record against the same answer says it could not read the hub (exit 2), not "Recorded 0 of 0"', async () => {
    proxy.setFault({ kind: 'answer', status: 200, contentType: 'text/html', body: '<html>Sign in</html>' });
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('Recorded 0 of 0');
    expect(r.stderr).toContain('where a table query page was expected');
  });
});

describe('bounded: every run ends within its timeout and a short grace', () => {
  const stalls: [string, Fault][] = [
    ['accepts and never answers', { kind: 'hang' }],
    ['drips its answer a byte a second', { kind: 'drip', intervalMs: 1000 }],
    ['answers 503 every time', { kind: 'answer', status: 503, contentType: 'application/json', body: '{"odata.error":{"code":"ServerBusy"}}' }],
    ['resets mid-response', { kind: 'reset', afterBytes: 5 }],
  ];
  test('gate --timeout 3s against a service that hangs, drips, answers 503 or resets: fails closed within timeout + 5 s grace, and the process ends', async () => {
    // Each stall behind its own proxy, all at once: the grace is waited out once, not four times.
    const proxies = await Promise.all(stalls.map(() => startFaultProxy(azurite.tableUrl)));
    try {
      const runs = await Promise.all(
        stalls.map(([, fault], i) => {
          proxies[i]!.setFault(fault);
          return run(gate(), { AzureWebJobsStorage: viaProxy().AzureWebJobsStorage!.replace(proxy.url, proxies[i]!.url) });
        }),
      );
      runs.forEach((r, i) => {
        expect([stalls[i]![0], r.code]).toEqual([stalls[i]![0], 2]);
        expect(r.stdout).toMatch(/Could not query the task hub \(the gate fails closed; do not deploy\)/);
        expect(r.seconds).toBeLessThan(3 + 5 + 3.5);
      });
    } finally {
      await Promise.all(proxies.map((p) => p.close()));
    }
  });

  test('a service that vanishes and comes back: the gate rides it out and still decides on time', async () => {
    proxy.setFault({ kind: 'pass' });
    await proxy.pause();
    const running = run(gate('--format', 'json'), viaProxy());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await proxy.resume();
    const r = await running;
    // The instances are still in flight: a timeout with what blocks, never a pass.
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'timeout', drained: false });
    expect(r.seconds).toBeLessThan(3 + 5 + 2.5);
  });

  test('SIGTERM while a poll hangs: the gate stops within 2 s, says cancelled, exit 2', async () => {
    proxy.setFault({ kind: 'hang' });
    const r = await run([CLI, 'gate', '--task-hub', HUB, '--timeout', '5m', '--interval', '1s'], viaProxy(), { signalAfterMs: 1500 });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Cancelled');
    expect(r.seconds).toBeLessThan(1.5 + 2.5);
  });

  test('record --timeout 3s with a history query that never answers: ends on time, lists what it did not record, leaves no partial file', async () => {
    proxy.setFault(only(/History/, { kind: 'hang' }));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--timeout', '3s'], viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Stopped: --timeout 3s passed\. \d+ instance\(s\) not recorded/);
    expect(r.seconds).toBeLessThan(3 + 2.5);
    expect(readdirSync(out).filter((f) => !f.endsWith('.json') || f.endsWith('.tmp'))).toEqual([]);
  });

  test('record killed with SIGKILL while reading: no partial history file; the next run finishes and removes leftovers', async () => {
    proxy.setFault(only(/History/, { kind: 'drip', intervalMs: 50 }));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const killed = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy(), { signalAfterMs: 2500, signal: 'SIGKILL' });
    expect(killed.code).toBeNull();
    for (const file of readdirSync(out).filter((f) => f.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown).not.toThrow();
    // What a run killed between writing and renaming leaves behind (its process is gone).
    writeFileSync(join(out, 'late-1.json.999999.abc123.tmp'), '{"schema":"durable-gate.hist');
    proxy.setFault({ kind: 'pass' });
    const again = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Removed 1 temporary file(s) left by an earlier run');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('selective gate: an instance without readable history is never safe', () => {
  test('a History query answered with no rows makes the Running instances block (unknown), not safe', async () => {
    proxy.setFault(only(/History/, { kind: 'answer', status: 200, contentType: 'application/json;odata=nometadata', body: '{"value":[]}' }));
    const r = await run(gate('--app', 'examples/order-app-next', '--wait-for', 'breaking', '--format', 'json'), viaProxy());
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { outcome: string; blocking: { instanceId: string; verdict: string }[]; safe: unknown[] };
    expect(report.outcome).toBe('timeout');
    expect(report.safe).toEqual([]);
    expect(report.blocking.map((i) => i.verdict)).toEqual(report.blocking.map(() => 'error'));
    expect(report.blocking.map((i) => i.instanceId)).toContain('late-1');
  });

  test('an app that hangs while it is imported: the gate fails closed with its report within timeout + grace', async () => {
    proxy.setFault({ kind: 'pass' });
    const app = writeApp('fault-hang-import', { orchestrators: { ProcessOrder: 'return 1;' } });
    writeFileSync(join(app, 'src', 'hang.js'), 'for (;;) {}\n');
    const r = await run(gate('--app', app, '--wait-for', 'breaking', '--format', 'json'), viaProxy());
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { outcome: string; drained: boolean; error: string };
    expect(report).toMatchObject({ outcome: 'error', drained: false });
    expect(report.error).toContain('stopped while the app was still loading');
    expect(r.seconds).toBeLessThan(3 + 5 + 2.5);
  });
});

describe('History answers that are well-formed but not whole', () => {
  /** The real History rows of an instance, as the Table service sends them. */
  const rowsOf = async (instanceId: string) =>
    (await new AzureTablesTaskHub(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), HUB).historyRows(instanceId)).rows;
  const page = (rows: unknown[], headers: Record<string, string> = {}): Fault => ({
    kind: 'answer',
    status: 200,
    contentType: 'application/json;odata=nometadata',
    body: JSON.stringify({ value: rows }),
    headers,
  });

  test('a page cut short (no sentinel row): the selective gate blocks on it and record does not write it', async () => {
    const cut = (await rowsOf('late-1')).filter((row) => row.RowKey !== 'sentinel').slice(0, 4);
    proxy.setFault(only(/History/, page(cut)));
    const r = await run(gate('--app', 'examples/order-app-next', '--wait-for', 'breaking', '--format', 'json'), viaProxy());
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { blocking: { instanceId: string; verdict: string; reason: string }[] };
    const late = report.blocking.find((i) => i.instanceId === 'late-1');
    expect(late).toMatchObject({ verdict: 'error' });
    expect(late!.reason).toContain('came without its sentinel row');
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const rec = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--instance', 'late-1'], viaProxy());
    expect(rec.code).toBe(1);
    expect(rec.stdout).toContain('Not recorded: late-1');
    expect(readdirSync(out)).toEqual([]);
  });

  test('a continuation token that comes back again: record stops reading that history at once, in bounded memory', async () => {
    const rows = (await rowsOf('late-1')).filter((row) => row.RowKey !== 'sentinel');
    proxy.setFault(only(/History/, page(rows, { 'x-ms-continuation-NextPartitionKey': 'late-1', 'x-ms-continuation-NextRowKey': '0000000000000004' })));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--instance', 'late-1'], viaProxy());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sent a continuation token it had sent before');
    expect(r.seconds).toBeLessThan(10);
  });

  test('record --timeout 3s against an endpoint that refuses connections ends on time; SIGTERM stops it cleanly within 2 s', async () => {
    const refused = { AzureWebJobsStorage: viaProxy().AzureWebJobsStorage!.replace(proxy.url, 'http://127.0.0.1:9/devstoreaccount1') };
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const timed = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--timeout', '3s'], refused);
    expect(timed.code).toBe(2);
    expect(timed.stderr).toContain('stopped before the instances in flight were listed (--timeout 3s passed)');
    expect(timed.seconds).toBeLessThan(3 + 1.5);
    const cancelled = await run([CLI, 'record', '--task-hub', HUB, '--out', out], refused, { signalAfterMs: 2000 });
    expect(cancelled.code).toBe(2);
    expect(cancelled.stderr).toContain('stopped before the instances in flight were listed (the run was cancelled (SIGTERM))');
    expect(cancelled.stderr).not.toContain('ending now');
    expect(cancelled.seconds).toBeLessThan(2 + 1.5);
  });
});

describe('hostile instance ids', () => {
  test('very long, accented, emoji, reserved and path-like ids are recorded inside --out under distinct names, the whole id kept in the file', async () => {
    proxy.setFault({ kind: 'pass' });
    const parent = mkdtempSync(join(tmpdir(), 'dg-ids-'));
    const out = join(parent, 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy());
    expect(r.stderr).toContain('reading task hub');
    expect(r.code).toBe(0);
    expect(readdirSync(parent)).toEqual(['h']);
    const files = readdirSync(out);
    expect(files).toHaveLength(8);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
    const ids = files.map((f) => (JSON.parse(readFileSync(join(out, f), 'utf8')) as { instanceId: string }).instanceId).sort();
    expect(ids).toEqual(['x'.repeat(300), 'é'.repeat(100), '😀'.repeat(60), 'CON', '../../escape', 'a/b\\c', 'early-1', 'late-1'].sort());
    expect(files).not.toContain('CON.json');
  });
});

describe('the Action', () => {
  test('the Action: a replay stopped by its timeout still writes its reports and fails the step; a cancelled gate stops within 2 s', async () => {
    const app = writeApp('fault-loop-action', { orchestrators: { ProcessOrder: 'for (;;) {}' } });
    const temp = mkdtempSync(join(tmpdir(), 'dg-action-'));
    const outputs = join(temp, 'output');
    writeFileSync(outputs, '');
    const replay = await run([ACTION], {
      INPUT_COMMAND: 'replay',
      INPUT_APP: app,
      INPUT_HISTORIES: 'examples/histories',
      INPUT_TIMEOUT: '3s',
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_OUTPUT: outputs,
      RUNNER_TEMP: temp,
    });
    expect(replay.code).toBe(1);
    expect(replay.seconds).toBeLessThan(3 + 2.5);
    expect(replay.stdout).toContain('::warning::Stopped: the timeout (3s) passed.');
    const report = JSON.parse(readFileSync(join(temp, 'durable-gate-replay.json'), 'utf8')) as { summary: { total: number; error: number } };
    expect(report.summary).toMatchObject({ total: 7, error: 7 });
    expect(readdirSync(temp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    proxy.setFault({ kind: 'hang' });
    const gated = await run(
      [ACTION],
      { ...viaProxy(), INPUT_COMMAND: 'gate', 'INPUT_TASK-HUB': HUB, INPUT_TIMEOUT: '5m', INPUT_INTERVAL: '1s', GITHUB_OUTPUT: outputs, RUNNER_TEMP: temp },
      { signalAfterMs: 1500 },
    );
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('Cancelled after');
    expect(gated.seconds).toBeLessThan(1.5 + 2.5);
  });
});
