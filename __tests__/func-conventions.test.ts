/**
 * `--app <dir>` supplies what a local `func start` reads: the task hub from host.json (hubName,
 * %Setting% references resolved from the environment, then local.settings.json Values; without
 * hubName the extension's default, WEBSITE_SITE_NAME or TestHubName), and the storage connection
 * setting (storageProvider.connectionName, default AzureWebJobsStorage) with its value from the
 * same places. DurableTaskOptions.HubName and AzureStorageOptions.IsSanitizedHubName in
 * azure-functions-durable-extension (src/WebJobs.Extensions.DurableTask/Options/) are the rules.
 * Then record, replay and the drain command the advice prints run with nothing else given.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveHubSettings } from '../src/commands/hub.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot } from './helpers/apps.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

const appsRoot = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests');
const cli = join(repoRoot, 'dist', 'cli', 'index.js');

/** An app folder with this host.json durable section and these local.settings.json Values. */
function app(name: string, durableTask: Record<string, unknown>, values?: Record<string, string>): string {
  const dir = join(appsRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask } }));
  if (values) writeFileSync(join(dir, 'local.settings.json'), JSON.stringify({ IsEncrypted: false, Values: values }));
  return dir;
}

describe('the task hub and connection an app names', () => {
  const resolveIn = (dir: string, env: NodeJS.ProcessEnv = {}, given: { taskHub?: string; connection?: string } = {}) =>
    resolveHubSettings({ app: dir, ...given }, { cwd: repoRoot, env });

  test('hubName with a %Setting% from local.settings.json, the environment first', () => {
    const dir = app('hub-setting', { hubName: '%TaskHubName%' }, { TaskHubName: 'LocalHub', AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(resolveIn(dir)).toMatchObject({ taskHub: 'LocalHub', connection: 'AzureWebJobsStorage', appDir: dir });
    expect(resolveIn(dir).origin).toContain("task hub LocalHub from extensions.durableTask.hubName '%TaskHubName%'");
    expect(resolveIn(dir, { TaskHubName: 'EnvHub' }).taskHub).toBe('EnvHub');
    expect(resolveIn(dir, {}, { taskHub: 'GivenHub' }).taskHub).toBe('GivenHub');
  });

  test("no hubName: the extension's default, WEBSITE_SITE_NAME with letters and digits only, else TestHubName", () => {
    const dir = app('hub-default', {}, { AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(resolveIn(dir).taskHub).toBe('TestHubName');
    expect(resolveIn(dir, { WEBSITE_SITE_NAME: 'my-func-app' }).taskHub).toBe('myfuncapp');
    expect(resolveIn(dir, { WEBSITE_SITE_NAME: '1-app' }).taskHub).toBe('t1app');
  });

  test('the connection setting host.json names; a given one wins', () => {
    const dir = app('hub-connection', { hubName: 'OrderHub', storageProvider: { connectionName: 'DurableStorage' } });
    expect(resolveIn(dir)).toMatchObject({ taskHub: 'OrderHub', connection: 'DurableStorage' });
    expect(resolveIn(dir, {}, { connection: 'Other' }).connection).toBe('Other');
    const older = app('hub-connection-old', { hubName: 'OrderHub', storageProvider: { connectionStringName: 'OldName' } });
    expect(resolveIn(older).connection).toBe('OldName');
  });

  test('what cannot be resolved is said, with the way out', () => {
    const missing = app('hub-missing', { hubName: '%TaskHubName%' }, {});
    expect(() => resolveIn(missing)).toThrow(
      /hubName '%TaskHubName%' refers to the setting TaskHubName, which neither the environment nor .*local\.settings\.json Values holds\. Set it, or give --task-hub\./,
    );
    const bad = app('hub-bad', { hubName: 'my-hub' });
    expect(() => resolveIn(bad)).toThrow(/Task hub name 'my-hub' should contain only alphanumeric characters/);
    const other = app('hub-mssql', { hubName: 'H', storageProvider: { type: 'mssql' } });
    expect(() => resolveIn(other)).toThrow(
      /storageProvider\.type mssql: record and gate read Azure Storage task hubs \(no type, or AzureStorage\) and the Durable Task Scheduler \(azureManaged\)\. Give --task-hub and --connection for an Azure Storage task hub; gate can also ask the app's HTTP management API \(--http-endpoint\)\./,
    );
    expect(() => resolveIn(join(appsRoot, 'no-such-app'))).toThrow(/host\.json was not found/);
  });
});

describe('record, replay and the printed drain command against a local func start on Azurite', () => {
  let azurite: Azurite;
  let dir: string;
  let seeder: TaskHubSeeder;
  beforeAll(async () => {
    azurite = await startAzurite();
    seeder = new TaskHubSeeder(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), 'LocalOrders');
    await seeder.create();
    await seeder.write({ instanceId: 'local-1', events: processOrderHistory({ orderId: 'local-1', stage: 'ship' }).build() });
    await seeder.write({ instanceId: 'local-2', events: processOrderHistory({ orderId: 'local-2', stage: 'validate' }).build() });
    // The next version of the example app, as the user's own folder: built, with its func settings.
    dir = join(appsRoot, 'func-start-app');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const entry of ['package.json', 'dist', 'src'])
      cpSync(join(repoRoot, 'examples', 'order-app-next', entry), join(dir, entry), { recursive: true, preserveTimestamps: true });
    writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: '%TaskHubName%' } } }));
    writeFileSync(
      join(dir, 'local.settings.json'),
      JSON.stringify({
        IsEncrypted: false,
        Values: { TaskHubName: 'LocalOrders', AzureWebJobsStorage: azurite.connectionString, FUNCTIONS_WORKER_RUNTIME: 'node' },
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await azurite?.stop();
  });

  const run = (args: string[]) => {
    const env = { ...process.env };
    delete env.AzureWebJobsStorage;
    delete env.TaskHubName;
    return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
  };

  test('record --app . needs no other flag; replay finds the break; the gate command it prints runs as printed', async () => {
    const recorded = run(['record', '--app', '.', '--out', 'histories']);
    expect(recorded.stderr).toContain('task hub LocalOrders from extensions.durableTask.hubName');
    expect(recorded.stderr).toContain('connection setting AzureWebJobsStorage (the default: host.json names no other)');
    expect(recorded.stderr).not.toContain(azurite.connectionString);
    expect(recorded.status).toBe(0);
    expect(readdirSync(join(dir, 'histories')).sort()).toEqual(['local-1.json', 'local-2.json']);

    const replayed = run(['replay', '--app', '.', '--histories', 'histories']);
    expect(replayed.status).toBe(1);
    const printed = /durable-gate (gate [^\n]*?--wait-for breaking)/.exec(replayed.stdout)?.[1];
    expect(printed).toBeDefined();

    // The broken instance finishes; the printed command (split as a shell would) then passes at once.
    await seeder.setStatus('local-1', 'Completed');
    await seeder.setStatus('local-2', 'Completed');
    const gated = run(printed!.split(' '));
    expect(gated.stderr).toContain('task hub LocalOrders');
    expect(gated.status).toBe(0);
  }, 120_000);
});
