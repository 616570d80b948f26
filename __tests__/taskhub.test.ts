/**
 * Task hub access against Azurite (Table and Blob, in memory, random ports), with rows written
 * as DurableTask.AzureStorage writes them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RestError, createHttpHeaders, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { HistoryBuilder } from '../harness/history/builder.js';
import { runGate } from '../src/gate/gate.js';
import { AzureTablesTaskHub, IN_FLIGHT_STATUSES, type InstanceSummary } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { fileNameFor } from '../src/taskhub/keys.js';
import { recordHistories } from '../src/taskhub/record.js';
import { repoRoot } from './helpers/apps.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

let azurite: Azurite;
let seeder: TaskHubSeeder;
const env = (): NodeJS.ProcessEnv => ({ AzureWebJobsStorage: azurite.connectionString });
const connection = () => resolveConnection({ env: env(), clientOptions: { retryOptions: { maxRetries: 1, retryDelayInMs: 50, maxRetryDelayInMs: 100 } } });

const ODD_ID = 'odd/id#with?escapes\\and spaces ü';

beforeAll(async () => {
  azurite = await startAzurite();
  seeder = new TaskHubSeeder(connection(), 'RecordHub');
  await seeder.create();
  await seeder.write({ instanceId: 'order-1', events: processOrderHistory({ orderId: 'order-1', stage: 'charge' }).build() });
  await seeder.write({ instanceId: ODD_ID, events: processOrderHistory({ orderId: ODD_ID, stage: 'reserve' }).build() });
  await seeder.write({ instanceId: 'done-1', events: processOrderHistory({ orderId: 'done-1', stage: 'done' }).build(), runtimeStatus: 'Completed' });
  // A large input (over 60 KB) moved to a gzip blob, as the runtime does.
  const big = new HistoryBuilder({
    instanceId: 'big-1',
    name: 'ProcessOrder',
    input: { orderId: 'big-1', customer: 'x'.repeat(70_000), items: [{ sku: 'A', qty: 1 }], total: 10 },
  });
  big.activity('ValidateOrder');
  await seeder.write({ instanceId: 'big-1', events: big.idle().build() });
  // Continue-as-new: the current execution's rows overwrite the first ones; the rest are leftovers.
  const first = processOrderHistory({ orderId: 'loop-1', stage: 'ship', items: 5 }).build();
  await seeder.write({ instanceId: 'loop-1', events: first, executionId: 'exec-1' });
  await seeder.write({ instanceId: 'loop-1', events: processOrderHistory({ orderId: 'loop-1', stage: 'validate' }).build(), executionId: 'exec-2' });
  // Pending: started, no history written yet.
  await seeder.instances.upsertEntity(
    { partitionKey: 'pending-1', rowKey: '', Name: 'ProcessOrder', RuntimeStatus: 'Pending', CreatedTime: new Date(), LastUpdatedTime: new Date() },
    'Replace',
  );
  await seeder.writeEntity('inventory', 'main');
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

async function all(hub: AzureTablesTaskHub, statuses: readonly string[] = IN_FLIGHT_STATUSES): Promise<InstanceSummary[]> {
  const out: InstanceSummary[] = [];
  for await (const i of hub.instances({ statuses })) out.push(i);
  return out;
}

describe('reading the task hub', () => {
  test('in flight by default, entities excluded on the server, escaped ids restored', async () => {
    const ids = (await all(new AzureTablesTaskHub(connection(), 'RecordHub'))).map((i) => i.instanceId).sort();
    expect(ids).toEqual(['big-1', 'loop-1', ODD_ID, 'order-1', 'pending-1'].sort());
    const completed = (await all(new AzureTablesTaskHub(connection(), 'RecordHub'), ['Completed'])).map((i) => i.instanceId);
    expect(completed).toEqual(['done-1']);
  });

  test('pages are followed while a continuation token comes back, even with an empty page (Azurite never sends one)', async () => {
    let faked = false;
    const emptyFirstPage: PipelinePolicy = {
      name: 'empty-first-page',
      async sendRequest(request, next) {
        if (!faked && request.url.includes('RecordHubInstances()')) {
          faked = true;
          const real = await next(request);
          return { ...real, bodyAsText: '{"value":[]}', parsedBody: { value: [] } } as never;
        }
        return next(request);
      },
    };
    const conn = resolveConnection({ env: env(), clientOptions: { additionalPolicies: [{ policy: emptyFirstPage, position: 'perCall' }] } });
    // The fake page keeps the first real page's headers, continuation token included, and drops
    // its rows: page size 1 makes the first real page hold exactly one instance.
    const hub = new AzureTablesTaskHub(conn, 'RecordHub');
    const found: string[] = [];
    for await (const i of hub.instances({ statuses: IN_FLIGHT_STATUSES, pageSize: 1 })) found.push(i.instanceId);
    expect(faked).toBe(true);
    expect(found).toHaveLength(4);
  });

  test('a 503 with Retry-After and a connection reset are retried, honouring Retry-After', async () => {
    let calls = 0;
    const flaky: PipelinePolicy = {
      name: 'flaky',
      async sendRequest(request, next) {
        calls += 1;
        if (calls === 1) return { request, status: 503, headers: createHttpHeaders({ 'retry-after': '1' }), bodyAsText: 'Server Busy' };
        if (calls === 2) throw Object.assign(new RestError('socket hang up', { code: 'ECONNRESET' }), { code: 'ECONNRESET' });
        return next(request);
      },
    };
    const conn = resolveConnection({ env: env(), clientOptions: { additionalPolicies: [{ policy: flaky, position: 'perRetry' }] } });
    const started = Date.now();
    const ids = (await all(new AzureTablesTaskHub(conn, 'RecordHub'))).map((i) => i.instanceId);
    expect(ids).toHaveLength(5);
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  test('a wrong account key is a clear error naming the table, the account and the credential kind', async () => {
    const bad = azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key').toString('base64')}`);
    const hub = new AzureTablesTaskHub(
      resolveConnection({ env: { AzureWebJobsStorage: bad }, clientOptions: { retryOptions: { maxRetries: 0 } } }),
      'RecordHub',
    );
    await expect(all(hub)).rejects.toThrow(/RecordHubInstances in storage account devstoreaccount1 \(account key\): access denied/);
  });

  test('a task hub that does not exist says so', async () => {
    await expect(all(new AzureTablesTaskHub(connection(), 'NoSuchHub'))).rejects.toThrow(/NoSuchHubInstances .*the table does not exist/);
  });
});

describe('record', () => {
  test('one canonical file per instance: safe names, the id inside, blobs fetched, leftovers ignored, pending listed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-rec-'));
    const summary = await recordHistories({ hub: new AzureTablesTaskHub(connection(), 'RecordHub'), outDir: out, query: { statuses: IN_FLIGHT_STATUSES } });
    expect(summary.instances).toBe(5);
    expect(summary.written).toBe(4);
    expect(summary.pendingWithoutHistory).toEqual(['pending-1']);
    expect(summary.blobs).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toContain(`${fileNameFor(ODD_ID)}.json`);
    expect(files.every((f) => /^[A-Za-z0-9._%~-]+\.json$/.test(f))).toBe(true);
    const odd = JSON.parse(readFileSync(join(out, `${fileNameFor(ODD_ID)}.json`), 'utf8')) as { schema: string; instanceId: string; history: unknown[] };
    expect(odd.schema).toBe('durable-gate.history/v1');
    expect(odd.instanceId).toBe(ODD_ID);
    const big = JSON.parse(readFileSync(join(out, 'big-1.json'), 'utf8')) as { history: { Input?: string }[] };
    expect(big.history[1]!.Input).toContain('x'.repeat(70_000));
    const loop = JSON.parse(readFileSync(join(out, 'loop-1.json'), 'utf8')) as { executionId: string; history: unknown[] };
    expect(loop.executionId).toBe('exec-2');
    expect(loop.history).toHaveLength(processOrderHistory({ orderId: 'loop-1', stage: 'validate' }).build().length);
  });

  test("never replaces another instance's file; updates the same instance's", async () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-rec-'));
    writeFileSync(join(out, 'order-1.json'), JSON.stringify({ instanceId: 'ORDER-1', history: [] }));
    const hub = new AzureTablesTaskHub(connection(), 'RecordHub');
    const first = await recordHistories({ hub, outDir: out, query: { statuses: IN_FLIGHT_STATUSES, instanceIds: ['order-1'] } });
    expect(first.written).toBe(1);
    expect((JSON.parse(readFileSync(join(out, 'order-1.json'), 'utf8')) as { instanceId: string }).instanceId).toBe('ORDER-1');
    const again = await recordHistories({ hub, outDir: out, query: { statuses: IN_FLIGHT_STATUSES, instanceIds: ['order-1'] } });
    expect(again.updated).toBe(1);
  });

  test('a file that cannot be written (written while the next history is read) is reported, and the others are written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-rec-'));
    // big-1's own earlier file, made immutable: moving the new file over it fails, even for root.
    const file = join(out, 'big-1.json');
    writeFileSync(file, JSON.stringify({ instanceId: 'big-1', history: [] }));
    const immutable = spawnSync('chattr', ['+i', file]);
    if (immutable.status !== 0) throw new Error(`chattr +i is needed for this test: ${String(immutable.stderr)}`);
    try {
      const summary = await recordHistories({ hub: new AzureTablesTaskHub(connection(), 'RecordHub'), outDir: out, query: { statuses: IN_FLIGHT_STATUSES } });
      expect(summary.written).toBe(3);
      expect(summary.updated).toBe(0);
      expect(summary.unreadable).toEqual([{ instanceId: 'big-1', message: expect.stringMatching(/^cannot write .*big-1\.json: EPERM$/) as unknown as string }]);
      expect(summary.files).toHaveLength(3);
      expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      spawnSync('chattr', ['-i', file]);
    }
  });

  test('the built CLI records, and what it records replays', () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-rec-'));
    const cli = join(repoRoot, 'dist', 'cli', 'index.js');
    const record = spawnSync(process.execPath, [cli, 'record', '--task-hub', 'RecordHub', '--out', out, '--orchestrator', 'processorder'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env() },
    });
    expect(record.stderr).not.toContain('AccountKey');
    expect(record.stdout).toContain('Recorded 4 of 5 instance(s)');
    expect(record.stdout).toContain('Pending, no history yet (nothing to replay): pending-1');
    expect(record.status).toBe(0);
    const replay = spawnSync(process.execPath, [cli, 'replay', '--app', 'examples/order-app', '--histories', out], { cwd: repoRoot, encoding: 'utf8' });
    expect(replay.stdout).toContain('4 histories: 4 ok');
    expect(replay.status).toBe(0);
  });
});

describe('record for pull-request checks', () => {
  test('--redact replaces payload values before anything is written; --keep-per-orchestrator prunes the folder; both said', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-keep-'));
    const r = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'dist', 'cli', 'index.js'),
        'record',
        '--task-hub',
        'RecordHub',
        '--out',
        out,
        '--redact',
        'input:$.orderId',
        '--redact',
        '$..sku',
        '--keep-per-orchestrator',
        '2',
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, ...env() },
      },
    );
    expect(r.stderr).not.toContain('Error');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Redacted \d+ payload value\(s\)/);
    expect(r.stdout).toMatch(/Removed .*\.json: more than 2 of ProcessOrder/);
    const files = readdirSync(out);
    expect(files).toHaveLength(2);
    const file = JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) as { redacted: string[]; history: { EventType: number; Input?: string }[] };
    expect(file.redacted).toEqual(['input:$.orderId', '$..sku']);
    const started = file.history.find((e) => e.EventType === 0)!;
    expect((JSON.parse(started.Input!) as { orderId: string }).orderId).toBe('[redacted]');
    expect(readFileSync(join(out, files[0]!), 'utf8')).not.toMatch(/"sku\\":\\"(?!\[redacted\])/);
    const bad = spawnSync(
      process.execPath,
      [join(repoRoot, 'dist', 'cli', 'index.js'), 'record', '--task-hub', 'RecordHub', '--out', out, '--redact', 'customer.email'],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env() } },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('redact path "customer.email": a path starts with $');
  });
});

describe('gate', () => {
  test('nothing in flight: drained after one poll', async () => {
    const empty = new TaskHubSeeder(connection(), 'EmptyHub');
    await empty.create();
    await empty.write({ instanceId: 'old', events: processOrderHistory({ orderId: 'old', stage: 'done' }).build(), runtimeStatus: 'Completed' });
    await empty.writeEntity('inventory', 'main');
    const report = await runGate({ source: new AzureTablesTaskHub(connection(), 'EmptyHub'), statuses: IN_FLIGHT_STATUSES, timeoutMs: 1000, intervalMs: 100 });
    expect(report).toMatchObject({ drained: true, outcome: 'drained', polls: 1, inFlight: [] });
  });

  test('times out with what blocks; possibly stuck instances marked and let through only when asked', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const options = {
      source: new AzureTablesTaskHub(connection(), 'RecordHub'),
      statuses: IN_FLIGHT_STATUSES,
      timeoutMs: 60_000,
      intervalMs: 15_000,
      staleAfterMs: 24 * 3600_000,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
    };
    const report = await runGate(options);
    expect(report.outcome).toBe('timeout');
    expect(report.polls).toBe(5);
    expect(report.inFlight.map((i) => i.instanceId)).toContain('order-1');
    expect(report.inFlight.find((i) => i.instanceId === 'order-1')?.possiblyStuck).toBe(true);
    expect(report.inFlight.find((i) => i.instanceId === 'pending-1')?.possiblyStuck).toBeUndefined();
    const lenient = await runGate({ ...options, ignoreStale: true, statuses: ['Running'] });
    expect(lenient.outcome).toBe('drained');
    expect(lenient.ignoredStale.length).toBeGreaterThan(0);
  });

  test('Azurite stopped in the middle of a gate: retries, then fails closed (exit 2)', async () => {
    const own = await startAzurite();
    const hubEnv = { AzureWebJobsStorage: own.connectionString };
    const ownSeeder = new TaskHubSeeder(resolveConnection({ env: hubEnv }), 'StopHub');
    await ownSeeder.create();
    await ownSeeder.write({ instanceId: 'x', events: processOrderHistory({ orderId: 'x', stage: 'charge' }).build() });
    let polls = 0;
    const report = await runGate({
      source: new AzureTablesTaskHub(
        resolveConnection({ env: hubEnv, clientOptions: { retryOptions: { maxRetries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 100 } } }),
        'StopHub',
      ),
      statuses: IN_FLIGHT_STATUSES,
      timeoutMs: 60_000,
      intervalMs: 200,
      onPoll: () => {
        polls += 1;
        if (polls === 1) void own.stop();
      },
    });
    expect(report.outcome).toBe('error');
    expect(report.drained).toBe(false);
    expect(report.error).toMatch(/cannot reach the storage service|ECONNREFUSED/);
  }, 60_000);

  test('the built CLI: exit 1 on timeout with the blocking table, JSON report, bad duration refused', () => {
    const cli = join(repoRoot, 'dist', 'cli', 'index.js');
    const text = spawnSync(process.execPath, [cli, 'gate', '--task-hub', 'RecordHub', '--timeout', '1s', '--interval', '500ms'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env() },
    });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Timed out');
    expect(text.stdout).toMatch(/order-1\s+ProcessOrder\s+Running/);
    expect(text.stderr).toMatch(/poll 1: 5 in flight/);
    const json = spawnSync(process.execPath, [cli, 'gate', '--task-hub', 'RecordHub', '--timeout', '1s', '--interval', '1s', '--format', 'json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env() },
    });
    const report = JSON.parse(json.stdout) as { schema: string; drained: boolean; inFlight: unknown[] };
    expect(report).toMatchObject({ schema: 'durable-gate.gate-report/v1', drained: false });
    expect(report.inFlight).toHaveLength(5);
    const bad = spawnSync(process.execPath, [cli, 'gate', '--task-hub', 'RecordHub', '--timeout', '10x'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env() },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Invalid --timeout '10x'. Expected a duration like 90s, 30m, 2h or 1h30m.");
  }, 30_000);
});

describe('what the review found', () => {
  test('a poll that hangs is cut by a cancel at once, and by the timeout', async () => {
    const hanging = {
      describe: 'a source that never answers',
      instances: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => undefined) }) }),
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await runGate({ source: hanging, statuses: IN_FLIGHT_STATUSES, timeoutMs: 60_000, intervalMs: 1000, signal: controller.signal });
    expect(cancelled.outcome).toBe('cancelled');
    const late = await runGate({ source: hanging, statuses: IN_FLIGHT_STATUSES, timeoutMs: 100, intervalMs: 1000, graceMs: 100 });
    expect(late).toMatchObject({ outcome: 'error', drained: false });
    expect(late.error).toContain('did not answer within the timeout');
  });

  test('record: a missing blob, an entity, an unknown and a finished instance named with --instance are each reported; the rest is written', async () => {
    const odd = new TaskHubSeeder(connection(), 'ReviewHub');
    await odd.create();
    const big = new HistoryBuilder({ instanceId: 'lost-blob', name: 'ProcessOrder', input: { blob: 'y'.repeat(70_000) } });
    big.activity('ValidateOrder');
    await odd.write({ instanceId: 'lost-blob', events: big.idle().build() });
    const container = resolveConnection({ env: env() }).blobService().getContainerClient('reviewhub-largemessages');
    for await (const blob of container.listBlobsFlat()) await container.deleteBlob(blob.name);
    await odd.write({ instanceId: 'fine', events: processOrderHistory({ orderId: 'fine', stage: 'charge' }).build() });
    await odd.write({ instanceId: 'Fine', events: processOrderHistory({ orderId: 'Fine', stage: 'charge' }).build() });
    await odd.write({ instanceId: 'finished', events: processOrderHistory({ orderId: 'finished', stage: 'done' }).build(), runtimeStatus: 'Completed' });
    await odd.writeEntity('inventory', 'main');
    const out = mkdtempSync(join(tmpdir(), 'dg-review-'));
    const hub = new AzureTablesTaskHub(connection(), 'ReviewHub');
    const all = await recordHistories({ hub, outDir: out, query: { statuses: IN_FLIGHT_STATUSES } });
    expect(all.written).toBe(2);
    expect(all.unreadable).toEqual([{ instanceId: 'lost-blob', message: expect.stringContaining('the large-message blob is missing') }]);
    // 'fine' and 'Fine' would collide on a case-insensitive file system: one gets a suffix.
    expect(readdirSync(out).filter((f) => f.toLowerCase().startsWith('fine'))).toHaveLength(2);
    const named = await recordHistories({
      hub,
      outDir: out,
      query: { statuses: IN_FLIGHT_STATUSES, instanceIds: ['fine', 'fine', '@inventory@main', 'nope', 'finished'] },
    });
    expect(named.instances).toBe(1);
    expect(named.updated).toBe(1);
    expect(named.skipped).toEqual([
      { instanceId: '@inventory@main', reason: expect.stringContaining('is a durable entity') },
      { instanceId: 'nope', reason: 'no such instance in the task hub' },
      { instanceId: 'finished', reason: expect.stringContaining('is Completed, not one of the statuses asked for') },
    ]);
  });

  test('options: an empty --status, a loose --created-after, an endless interval are refused', () => {
    const cli = join(repoRoot, 'dist', 'cli', 'index.js');
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env() } });
    const empty = run(['gate', '--task-hub', 'RecordHub', '--status', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('it names no status');
    const loose = run(['record', '--task-hub', 'RecordHub', '--out', tmpdir(), '--created-after', '2026-11-21 junk']);
    expect(loose.status).toBe(2);
    expect(loose.stderr).toContain("Invalid --created-after '2026-11-21 junk'");
    const endless = run(['gate', '--task-hub', 'RecordHub', '--interval', '30d']);
    expect(endless.status).toBe(2);
    expect(endless.stderr).toContain('Durations up to 24d are supported');
  });
});

describe('scale', () => {
  test('2,500 instances in flight (three pages of the Instances query): every page followed, all listed, the gate names them all', async () => {
    const big = new TaskHubSeeder(connection(), 'ManyHub');
    await big.create();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < 2_500) {
          const i = next++;
          await big.instances.createEntity({
            partitionKey: `many-${String(i).padStart(5, '0')}`,
            rowKey: '',
            Name: 'ProcessOrder',
            RuntimeStatus: i % 3 === 0 ? 'Pending' : 'Running',
            CreatedTime: new Date(Date.UTC(2026, 10, 1) + i * 1000),
            LastUpdatedTime: new Date(),
          });
        }
      }),
    );
    await big.writeEntity('inventory', 'main');
    const hub = new AzureTablesTaskHub(connection(), 'ManyHub');
    const report = await runGate({ source: hub, statuses: IN_FLIGHT_STATUSES, timeoutMs: 0, intervalMs: 1000 });
    expect(report.outcome).toBe('timeout');
    expect(report.inFlight).toHaveLength(2_500);
    expect(report.inFlight[0]!.instanceId).toBe('many-00000');
    expect(new Set(report.inFlight.map((i) => i.instanceId)).size).toBe(2_500);
  }, 120_000);
});

describe('cancelling', () => {
  test('SIGINT ends the wait at once, non-zero, deciding nothing', async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'dist', 'cli', 'index.js'), 'gate', '--task-hub', 'RecordHub', '--timeout', '5m', '--interval', '1m'],
      { cwd: repoRoot, env: { ...process.env, ...env() } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const polled = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), stderr.includes('poll 1:') && resolve())));
    await polled;
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(code).toBe(2);
    expect(stdout).toContain('Cancelled after 1 poll(s): nothing was decided; do not deploy.');
  }, 30_000);
});

describe('the Action bundle: record and gate', () => {
  function action(inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'dg-action-'));
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env(),
        ...extraEnv,
        ...inputEnv,
        GITHUB_WORKSPACE: repoRoot,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: dir,
      },
      timeout: 60_000,
    });
    return { ...result, outputs: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8'), dir };
  }

  test('record writes the files, sets outputs, masks the connection string', () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-action-out-'));
    const r = action({ command: 'record', 'task-hub': 'RecordHub', out });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`::add-mask::${azurite.connectionString}`);
    expect(r.stdout).toMatch(/Recorded 4 of 5 instance\(s\)/);
    expect(r.outputs).toMatch(/recorded<<.*\n4\n/);
    expect(readdirSync(out)).toHaveLength(4);
    expect(r.summary).toContain('durable-gate record');
  });

  test('gate: fails the step on timeout with the blocking table in the summary', () => {
    const r = action({ command: 'gate', 'task-hub': 'RecordHub', timeout: '1s', interval: '500ms' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::Timed out');
    expect(r.outputs).toMatch(/drained<<.*\nfalse\n/);
    expect(r.outputs).toMatch(/in-flight<<.*\n5\n/);
    expect(r.summary).toContain('order-1');
  });

  test('gate: a bad duration fails the step with the value and the expected form', () => {
    const r = action({ command: 'gate', 'task-hub': 'RecordHub', timeout: 'soon' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Invalid input timeout 'soon'. Expected a duration like 90s, 30m, 2h or 1h30m.");
    // The failure is in the job summary too, where a failed step is read first.
    expect(r.summary).toContain("Failed: Invalid input timeout 'soon'");
  });

  test('gate: a boolean input that is not true or false is an error naming it, never a silent false', () => {
    const r = action({ command: 'gate', 'task-hub': 'RecordHub', 'stale-after': '1h', 'ignore-stale': 'yes' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::Invalid input ignore-stale 'yes'. Expected true or false.");
  });
});
