/**
 * The Durable Task Scheduler task hub source against a loopback stand-in of its gRPC data plane
 * (support/dts-standin.ts), through the real @grpc/grpc-js client: in-flight instances listed by
 * status over pages, histories streamed in chunks and converted, the task hub and the bearer token
 * on every call, and each refusal said as what to do.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDtsConnectionString } from '../src/taskhub/dts-connection.js';
import { fromDtsHistory } from '../src/taskhub/dts-history.js';
import { SchedulerTaskHub } from '../src/taskhub/dts.js';
import { toDts } from './support/dts.js';
import { SchedulerStandIn, type StandInInstance } from './support/dts-standin.js';
import { processOrderHistory } from './support/orders.js';
import { repoRoot } from './helpers/apps.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const STATUSES = [0, 6, 7, 1, 3]; // Running, Pending, Suspended, Completed, Failed

function instances(count: number): StandInInstance[] {
  return Array.from({ length: count }, (_, i) => {
    const file = processOrderHistory({ orderId: `order-${i}`, stage: 'charge', items: 1 + (i % 3) }).toFile();
    return {
      instanceId: `order-${i}`,
      name: i % 10 === 0 ? 'ApproveOrder' : 'ProcessOrder',
      status: STATUSES[i % STATUSES.length]!,
      createdSeconds: 1_764_000_000 + i,
      executionId: file.executionId!,
      history: file.history.map(toDts),
    };
  });
}

let standIn: SchedulerStandIn;
const hub = (token?: string, taskHub = 'orders') =>
  new SchedulerTaskHub({
    connection: parseDtsConnectionString(`Endpoint=${standIn.endpoint};Authentication=None`, 'S'),
    taskHub,
    ...(token ? { token: () => Promise.resolve(token) } : {}),
    pageSize: 100,
    callTimeoutMs: 5_000,
  });

beforeAll(async () => {
  standIn = await SchedulerStandIn.start({ taskHub: 'orders', chunk: 7, instances: instances(1203) });
});

afterAll(async () => {
  await standIn?.close();
});

describe('a Durable Task Scheduler task hub', () => {
  test('lists in-flight instances by status across pages, each call naming the task hub', async () => {
    const source = hub();
    try {
      standIn.calls.length = 0;
      const listed = [];
      for await (const summary of source.instances({ statuses: ['Pending', 'Running', 'Suspended'] })) listed.push(summary);
      const expected = standIn.instances.filter((i) => [0, 6, 7].includes(i.status));
      expect(listed.map((s) => s.instanceId)).toEqual(expected.map((i) => i.instanceId));
      expect(listed[0]).toMatchObject({
        instanceId: 'order-0',
        name: 'ApproveOrder',
        runtimeStatus: 'Running',
        executionId: standIn.instances[0]!.executionId,
        createdTime: '2025-11-24T16:00:00.0000000Z',
      });
      expect(standIn.calls.map((c) => c.method)).toEqual(Array(Math.ceil(expected.length / 100)).fill('QueryInstances'));
      expect(new Set(standIn.calls.map((c) => c.taskhub))).toEqual(new Set(['orders']));
      expect(standIn.calls.every((c) => c.authorization === undefined)).toBe(true);
      const named = [];
      for await (const summary of source.instances({ statuses: ['Running'], names: ['approveorder'] })) named.push(summary.name);
      expect(new Set(named)).toEqual(new Set(['ApproveOrder']));
    } finally {
      source.close();
    }
  });

  test('streams a history in chunks, whole and in order, converted to the history file events', async () => {
    const source = hub();
    try {
      const history = await source.history('order-5');
      expect(history).toEqual(fromDtsHistory(standIn.instances[5]!.history));
      expect(history.length).toBeGreaterThan(7);
      expect((await source.instance('order-5'))?.runtimeStatus).toBe('Running');
      expect(await source.instance('nobody')).toBeUndefined();
    } finally {
      source.close();
    }
  });

  test('refusals and failures are said as what to do; nothing is taken as an empty answer', async () => {
    const source = hub();
    const list = async (h: SchedulerTaskHub) => {
      const out = [];
      for await (const s of h.instances({ statuses: ['Running'] })) out.push(s);
      return out;
    };
    try {
      standIn.failNext(grpc.status.PERMISSION_DENIED, 'caller lacks orchestrations/read');
      await expect(list(source)).rejects.toThrow(
        "the call carried no token, as the connection string's Authentication=None says (the local emulator's setting).",
      );
      standIn.failNext(grpc.status.UNAVAILABLE, 'overloaded');
      await expect(source.history('order-0')).rejects.toThrow(
        'StreamInstanceHistory of order-0 on the task hub orders on the Durable Task Scheduler at 127.0.0.1',
      );
      standIn.failNext(grpc.status.INTERNAL, 'boom', true);
      await expect(list(source)).rejects.toThrow('returned the same continuation token twice; the list is incomplete.');
      await expect(source.history('purged-1')).rejects.toThrow('returned no events: the instance may have been purged since it was listed.');
      const wrongHub = hub(undefined, 'other');
      await expect(list(wrongHub)).rejects.toThrow("not found (task hub 'other' not found). Is the task hub name right?");
      wrongHub.close();
    } finally {
      source.close();
    }
  });

  test('a bearer token goes with every call; a wrong one is refused as such', async () => {
    const guarded = await SchedulerStandIn.start({ taskHub: 'orders', token: 'secret-token', instances: instances(3) });
    const connect = (token: string) =>
      new SchedulerTaskHub({
        connection: { ...parseDtsConnectionString(`Endpoint=${guarded.endpoint};Authentication=None`, 'S'), authentication: 'defaultazure' },
        taskHub: 'orders',
        token: () => Promise.resolve(token),
      });
    const good = connect('secret-token');
    const bad = connect('stale');
    try {
      expect((await good.history('order-1')).length).toBeGreaterThan(0);
      expect(guarded.calls.at(-1)).toMatchObject({ method: 'StreamInstanceHistory', taskhub: 'orders', authorization: 'Bearer secret-token' });
      await expect(bad.history('order-1')).rejects.toThrow(
        "was refused (UNAUTHENTICATED: invalid or missing bearer token): the token of the identity the connection string's Authentication=defaultazure signs in as was not accepted.",
      );
    } finally {
      good.close();
      bad.close();
      await guarded.close();
    }
  });

  test('durable-gate record --app on an app whose host.json names the scheduler: its in-flight instances, files that replay as Azure Storage ones do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dts-record-'));
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'host.json'),
      JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: '%TASKHUB_NAME%', storageProvider: { type: 'azureManaged' } } } }),
    );
    writeFileSync(
      join(app, 'local.settings.json'),
      JSON.stringify({
        IsEncrypted: false,
        Values: { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${standIn.endpoint};Authentication=None`, TASKHUB_NAME: 'orders' },
      }),
    );
    const out = join(dir, 'histories');
    const env = { ...process.env };
    delete env.DURABLE_TASK_SCHEDULER_CONNECTION_STRING;
    // Not spawnSync: the stand-in answers from this process, whose event loop must keep running.
    const record = await run(cli, ['record', '--app', app, '--out', out, '--orchestrator', 'ProcessOrder', '--limit', '20'], env);
    expect(record.stderr).toContain('reading task hub orders on the Durable Task Scheduler at 127.0.0.1');
    expect(record.code).toBe(0);
    expect(record.stdout).toContain('Recorded 20 of 20 instance(s)');
    // 16 histories read at once listen for the same stop: no warning about it.
    expect(record.stderr).not.toContain('Warning');
    const files = readdirSync(out).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(20);
    const file = JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) as { schema: string; taskHub: string; name: string; runtimeStatus: string };
    expect(file).toMatchObject({ schema: 'durable-gate.history/v1', taskHub: 'orders', name: 'ProcessOrder' });
    const replay = spawnSync(process.execPath, [cli, 'replay', '--app', 'examples/order-app', '--histories', out, '--format', 'json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect((JSON.parse(replay.stdout) as { summary: unknown }).summary).toEqual({ total: 20, ok: 20, nondeterministic: 0, failed: 0, error: 0 });
  }, 60_000);

  test('record marks histories that hold Blob Storage references for large payloads; their replay says it cannot check them', async () => {
    const reference = 'blob:v2:https://account.blob.core.windows.net/durabletask-payloads/5d0c';
    const referenced = instances(2).map((instance) => ({ ...instance, status: 0 }));
    const completed = referenced[1]!.history.find((e) => e.eventType === 'taskCompleted') as { taskCompleted: { result?: { value?: string } } };
    completed.taskCompleted.result = { value: reference };
    const small = await SchedulerStandIn.start({ taskHub: 'orders', instances: referenced });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'dts-references-'));
      const app = join(dir, 'app');
      mkdirSync(app);
      writeFileSync(
        join(app, 'host.json'),
        JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'orders', storageProvider: { type: 'azureManaged' } } } }),
      );
      const out = join(dir, 'histories');
      const env = { ...process.env, DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${small.endpoint};Authentication=None` };
      const record = await run(cli, ['record', '--app', app, '--out', out], env);
      expect(record.code).toBe(0);
      expect(record.stdout).toContain(
        `Recorded with references: 1 instance(s) hold payloads the SDK kept in Blob Storage, with only a reference in the history (the first: ${reference}); a replay says when its verdict would rest on one: order-1 (1)`,
      );
      const replay = await run(cli, ['replay', '--app', 'examples/order-app', '--histories', out, '--format', 'json'], env);
      const report = JSON.parse(replay.stdout) as { results: { instanceId: string; verdict: string; error?: { message: string } }[] };
      expect(report.results.map((r) => [r.instanceId, r.verdict])).toEqual([
        ['order-0', 'ok'],
        ['order-1', 'error'],
      ]);
      expect(report.results[1]!.error?.message).toMatch(/^cannot check: 1 payload\(s\) in this history are Blob Storage references/);
      expect(replay.code).toBe(2);
    } finally {
      await small.close();
    }
  }, 60_000);

  test("durable-gate gate --app: waits on the scheduler's in-flight instances; with --wait-for breaking, only on those the new code breaks", async () => {
    // The apps beside the repository's node_modules, so that they find their durable-functions.
    const root = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests');
    const schedulerApp = (name: string, from: string) => {
      const dir = join(root, name);
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(repoRoot, from), dir, { recursive: true, preserveTimestamps: true });
      writeFileSync(
        join(dir, 'host.json'),
        JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'orders', storageProvider: { type: 'azureManaged' } } } }),
      );
      writeFileSync(
        join(dir, 'local.settings.json'),
        JSON.stringify({ IsEncrypted: false, Values: { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${small.endpoint};Authentication=None` } }),
      );
      return dir;
    };
    const small = await SchedulerStandIn.start({ taskHub: 'orders', instances: instances(4) });
    try {
      const env = { ...process.env };
      delete env.DURABLE_TASK_SCHEDULER_CONNECTION_STRING;
      const old = schedulerApp('dts-old', 'examples/order-app');
      const next = schedulerApp('dts-next', 'examples/order-app-next');
      const plain = await run(cli, ['gate', '--app', old, '--timeout', '2s', '--interval', '1s'], env);
      expect(plain.code).toBe(1);
      expect(plain.stderr).toContain('gating on task hub orders on the Durable Task Scheduler at 127.0.0.1');
      expect(plain.stdout).toContain('order-0');
      // Order 0 (ApproveOrder, recorded as ProcessOrder ran) and the Running/Pending ones replay on the old code.
      const judgedOld = await run(cli, ['gate', '--app', old, '--wait-for', 'breaking', '--timeout', '20s', '--interval', '1s'], env);
      expect(judgedOld.stdout).toMatch(/Nothing in flight that the new code breaks/);
      expect(judgedOld.code).toBe(0);
      const judgedNext = await run(cli, ['gate', '--app', next, '--wait-for', 'breaking', '--timeout', '3s', '--interval', '1s'], env);
      expect(judgedNext.code).toBe(1);
      expect(judgedNext.stdout).toMatch(/nondeterministic/);
      expect(small.calls.some((c) => c.method === 'StreamInstanceHistory')).toBe(true);
    } finally {
      await small.close();
    }
  }, 120_000);

  test('a scheduler that does not answer is said as such', async () => {
    const gone = await SchedulerStandIn.start({ taskHub: 'orders' });
    const endpoint = gone.endpoint;
    await gone.close();
    const source = new SchedulerTaskHub({
      connection: parseDtsConnectionString(`Endpoint=${endpoint};Authentication=None`, 'S'),
      taskHub: 'orders',
      callTimeoutMs: 3_000,
    });
    try {
      await expect(source.instance('x')).rejects.toThrow(
        /GetInstance on the task hub orders on the Durable Task Scheduler at 127\.0\.0\.1:\d+ (failed: the scheduler did not answer|took longer than 3 s)/,
      );
    } finally {
      source.close();
    }
  });
});
