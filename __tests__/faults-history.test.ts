/**
 * Fault injection, history side: History answers that are well-formed but not whole, hostile
 * instance ids, and the Action stopped by its timeout or a cancel; the built CLI and Action as
 * child processes against Azurite behind the fault proxy. No partial file may remain.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureTablesTaskHub } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot, writeApp } from './helpers/apps.js';
import { runTimed } from './helpers/spawn.js';
import { ACTION, CLI, HOSTILE_IDS, HUB, only, startFaultHub, type FaultHub } from './support/fault-hub.js';
import type { Fault } from './support/fault-proxy.js';

let hub: FaultHub;
const run = runTimed;
const viaProxy = (...through: Parameters<FaultHub['viaProxy']>): NodeJS.ProcessEnv => hub.viaProxy(...through);
const gate = (...extra: string[]): string[] => hub.gate(...extra);

beforeAll(async () => {
  hub = await startFaultHub();
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe('History answers that are well-formed but not whole', () => {
  /** The real History rows of an instance, as the Table service sends them. */
  const rowsOf = async (instanceId: string) =>
    (await new AzureTablesTaskHub(resolveConnection({ env: { AzureWebJobsStorage: hub.azurite.connectionString } }), HUB).historyRows(instanceId)).rows;
  const page = (rows: unknown[], headers: Record<string, string> = {}): Fault => ({
    kind: 'answer',
    status: 200,
    contentType: 'application/json;odata=nometadata',
    body: JSON.stringify({ value: rows }),
    headers,
  });

  test('a page cut short (no sentinel row): the selective gate blocks on it and record does not write it', async () => {
    const cut = (await rowsOf('late-1')).filter((row) => row.RowKey !== 'sentinel').slice(0, 4);
    hub.proxy.setFault(only(/History/, page(cut)));
    const r = await run(gate('--timeout', '1s', '--app', 'examples/order-app-next', '--wait-for', 'breaking', '--format', 'json'), viaProxy());
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
    hub.proxy.setFault(only(/History/, page(rows, { 'x-ms-continuation-NextPartitionKey': 'late-1', 'x-ms-continuation-NextRowKey': '0000000000000004' })));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--instance', 'late-1'], viaProxy());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sent a continuation token it had sent before');
    expect(r.seconds).toBeLessThan(10);
  });

  test('record --timeout 3s against an endpoint that refuses connections ends on time; SIGTERM stops it cleanly within 2 s', async () => {
    const refused = { AzureWebJobsStorage: viaProxy().AzureWebJobsStorage!.replace(hub.proxy.url, 'http://127.0.0.1:9/devstoreaccount1') };
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const timed = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--timeout', '3s'], refused);
    expect(timed.code).toBe(2);
    expect(timed.stderr).toContain('stopped before the instances in flight were listed (--timeout 3s passed)');
    // On time: the 3 s deadline plus the process's start and end, with room for a loaded machine.
    expect(timed.seconds).toBeLessThan(3 + 2);
    const cancelled = await run([CLI, 'record', '--task-hub', HUB, '--out', out], refused, { signalAfterMs: 2000 });
    expect(cancelled.code).toBe(2);
    expect(cancelled.stderr).toContain('stopped before the instances in flight were listed (the run was cancelled (SIGTERM))');
    expect(cancelled.stderr).not.toContain('ending now');
    expect(cancelled.seconds).toBeLessThan(2 + 1.5);
  });
});

describe('hostile instance ids', () => {
  test('very long, accented, emoji, reserved and path-like ids are recorded inside --out under distinct names, the whole id kept in the file', async () => {
    hub.proxy.setFault({ kind: 'pass' });
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
    expect(ids).toEqual([...HOSTILE_IDS, 'early-1', 'late-1'].sort());
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
      // Long enough for the app to load on a busy two-core machine: the timeout must stop the replay, not the load.
      INPUT_TIMEOUT: '6s',
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_OUTPUT: outputs,
      RUNNER_TEMP: temp,
    });
    expect(replay.code).toBe(1);
    expect(replay.seconds).toBeLessThan(6 + 2.5);
    expect(replay.stdout).toContain('::warning::Stopped: the timeout (6s) passed.');
    const report = JSON.parse(readFileSync(join(temp, 'durable-gate-replay.json'), 'utf8')) as { summary: { total: number; error: number } };
    expect(report.summary).toMatchObject({ total: 7, error: 7 });
    expect(readdirSync(temp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    hub.proxy.setFault({ kind: 'hang' });
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
