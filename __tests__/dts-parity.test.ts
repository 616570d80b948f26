/**
 * The same in-flight instances kept in Azure Storage (Azurite, as DurableTask.AzureStorage writes
 * them) and in the Durable Task Scheduler (the loopback stand-in, as its gRPC data plane serves
 * them): record from each, replay both on the example's next version, and the verdicts agree
 * instance by instance, down to the divergence. Entities the scheduler lists beside orchestrations
 * are left out as Azure Storage's query leaves them out; the gate (CLI and Action) fails closed on
 * a scheduler error.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot } from './helpers/apps.js';
import { runAction, runNode } from './helpers/spawn.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { SchedulerStandIn, type StandInInstance } from './support/dts-standin.js';
import { toDts } from './support/dts.js';
import { TaskHubSeeder } from './support/taskhub.js';
import type { HistoryFile } from '../harness/history/events.js';

const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
const histories = readdirSync(join(repoRoot, 'examples', 'histories'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(repoRoot, 'examples', 'histories', name), 'utf8')) as HistoryFile);

let azurite: Azurite;
let scheduler: SchedulerStandIn;
let schedulerApp: string;
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const base = { ...process.env };
  for (const name of ['AzureWebJobsStorage', 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING']) delete base[name];
  for (const name of Object.keys(base)) if (/^(INPUT_|GITHUB_)/.test(name)) delete base[name];
  return { ...base, ...extra };
};

beforeAll(async () => {
  azurite = await startAzurite();
  const seeder = new TaskHubSeeder(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), 'OrderHub');
  await seeder.create();
  for (const file of histories) await seeder.write({ instanceId: file.instanceId, events: file.history });
  await seeder.writeEntity('inventory', 'main');
  const instances: StandInInstance[] = histories.map((file, i) => ({
    instanceId: file.instanceId,
    name: file.name,
    status: 0,
    createdSeconds: 1_764_000_000 + i,
    executionId: file.executionId!,
    history: file.history.map(toDts),
  }));
  // The entity's state lives in the scheduler as an instance named "@inventory@main".
  instances.push({ instanceId: '@inventory@main', name: 'inventory', status: 0, createdSeconds: 1_764_000_100, history: [] });
  scheduler = await SchedulerStandIn.start({ taskHub: 'orders', instances });
  schedulerApp = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', 'dts-parity-next');
  rmSync(schedulerApp, { recursive: true, force: true });
  cpSync(join(repoRoot, 'examples', 'order-app-next'), schedulerApp, { recursive: true, preserveTimestamps: true });
  writeFileSync(
    join(schedulerApp, 'host.json'),
    JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'orders', storageProvider: { type: 'azureManaged' } } } }),
  );
}, 60_000);

afterAll(async () => {
  await scheduler?.close();
  await azurite?.stop();
});

interface ReplayReport {
  results: { instanceId: string; verdict: string; divergence?: { sequenceId: number; message: string; recorded: unknown; replayed?: unknown } }[];
}

async function recordAndReplay(recordArgs: string[], extra: Record<string, string>): Promise<ReplayReport['results']> {
  const out = mkdtempSync(join(tmpdir(), 'dts-parity-'));
  const record = await runNode([CLI, 'record', ...recordArgs, '--out', out], env(extra));
  expect(record.stdout + record.stderr).toContain('Recorded');
  expect(record.code).toBe(0);
  expect(record.stdout).toContain(`Recorded ${histories.length} of ${histories.length} instance(s)`);
  const replay = await runNode([CLI, 'replay', '--app', 'examples/order-app-next', '--histories', out, '--format', 'json'], env({}));
  expect(replay.code).toBe(1);
  return (JSON.parse(replay.stdout) as ReplayReport).results.map(({ instanceId, verdict, divergence }) => ({
    instanceId,
    verdict,
    ...(divergence
      ? { divergence: { sequenceId: divergence.sequenceId, message: divergence.message, recorded: divergence.recorded, replayed: divergence.replayed } }
      : {}),
  }));
}

/** The Action's gate step on the scheduler app. */
const gateStep = () => ({ command: 'gate', app: schedulerApp, timeout: '5s', interval: '500ms' });

describe('the same instances on either backend', () => {
  test('recorded from Azure Storage and from the scheduler, they replay with the same verdicts, divergence by divergence', async () => {
    const fromStorage = await recordAndReplay(['--task-hub', 'OrderHub'], { AzureWebJobsStorage: azurite.connectionString });
    const fromScheduler = await recordAndReplay(['--app', schedulerApp], {
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${scheduler.endpoint};Authentication=None`,
    });
    expect(fromScheduler).toEqual(fromStorage);
    expect(fromStorage.map((r) => r.verdict)).toEqual(['ok', 'nondeterministic', 'ok', 'nondeterministic', 'nondeterministic', 'nondeterministic', 'ok']);
  }, 120_000);

  test('the gate, CLI and Action, fails closed when the scheduler fails a call', async () => {
    const connection = { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${scheduler.endpoint};Authentication=None` };
    scheduler.failNext(grpc.status.UNAVAILABLE, 'the service is restarting');
    const cli = await runNode([CLI, 'gate', '--app', schedulerApp, '--timeout', '5s', '--interval', '500ms'], env(connection));
    expect(cli.code).toBe(2);
    expect(cli.stdout + cli.stderr).toContain('the scheduler did not answer (UNAVAILABLE: the service is restarting). Check the endpoint and the network.');
    scheduler.failNext(grpc.status.PERMISSION_DENIED, 'no read access');
    const action = await runAction(env(connection), gateStep());
    // An Action step fails with 1, whatever the cause; what matters is that it did not pass.
    expect(action.code).toBe(1);
    expect(action.stdout).toContain('::error::');
    expect(action.stdout).toContain('PERMISSION_DENIED: no read access');
    expect(action.outputs()).not.toMatch(/drained<<[^\n]*\ntrue/);
  }, 60_000);

  test('the Action gates on the scheduler: the entity is not an instance in flight, and the gate passes once the orchestrations finish', async () => {
    const connection = { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${scheduler.endpoint};Authentication=None` };
    const finished = scheduler.instances.filter((i) => !i.instanceId.startsWith('@'));
    for (const instance of finished) instance.status = 1;
    try {
      const action = await runAction(env(connection), gateStep());
      expect(action.stdout).not.toContain('@inventory@main');
      expect(action.code).toBe(0);
      expect(action.outputs()).toMatch(/drained<<[^\n]*\ntrue/);
    } finally {
      for (const instance of finished) instance.status = 0;
    }
  }, 60_000);
});
