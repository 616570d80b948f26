/**
 * Slots on the Durable Task Scheduler, through the built CLI: the ARM stand-in (support/arm-fake.ts)
 * holds the slots' settings (the scheduler's connection string, the task hub setting host.json's
 * hubName names), the scheduler stand-in (support/dts-standin.ts) serves the task hubs over TLS, and
 * a stub `az` signs in. gate --slot reads the slot's task hub with durable-gate's own identity (the
 * connection string's ManagedIdentity is the app's); validate checks what the scheduler adds: a task
 * hub per slot that moves with the code, and an identity that may read it. Every child runs under
 * the network guard: nothing but loopback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { repoRoot } from './helpers/apps.js';
import { networkGuardModule, runNode } from './helpers/spawn.js';
import { startArmFake, type ArmFake, type ArmFakeOptions } from './support/arm-fake.js';
import { SchedulerStandIn } from './support/dts-standin.js';
import { toDts } from './support/dts.js';
import { makeCertificate, type Certificate } from './support/https.js';
import { installFakeAz, readAzLog } from './support/identity-fakes.js';
import { processOrderHistory } from './support/orders.js';

const TOKEN = 'token-for-arm-and-the-scheduler';
const SUB = '00000000-0000-0000-0000-0000000000c2';
const SETTING = 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING';
let certificate: Certificate;
let fake: ArmFake;
let scheduler: SchedulerStandIn;
let az: { dir: string; logPath: string };
let appDir: string;
let nextApp: string;
let guardOptions: string;
let netLog: string;

function slots(): ArmFakeOptions['slots'] {
  // The app's own identity in the connection string: never the one durable-gate signs in with.
  const connection = `Endpoint=${scheduler.endpoint};Authentication=ManagedIdentity;ClientID=11111111-2222-3333-4444-555555555555`;
  return {
    production: { settings: { [SETTING]: connection, TASKHUB_NAME: 'orders' }, content: { version: 'v1', healthy: true } },
    staging: { settings: { [SETTING]: connection, TASKHUB_NAME: 'orders-staging' }, content: { version: 'v2', healthy: true } },
  };
}

function hostJson(dir: string): void {
  writeFileSync(
    join(dir, 'host.json'),
    JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: '%TASKHUB_NAME%', storageProvider: { type: 'AzureManaged' } } } }),
  );
}

beforeAll(async () => {
  certificate = makeCertificate();
  const instances = [0, 1].map((i) => {
    const file = processOrderHistory({ orderId: `staged-${i}`, stage: 'charge', items: 2 }).toFile();
    return {
      instanceId: `staged-${i}`,
      name: 'ProcessOrder',
      status: 0,
      createdSeconds: 1_764_000_000 + i,
      executionId: file.executionId!,
      history: file.history.map(toDts),
    };
  });
  scheduler = await SchedulerStandIn.start({ taskHub: 'orders-staging', emptyHubs: ['orders'], token: TOKEN, certificate, instances });
  fake = await startArmFake(certificate, { subscription: SUB, resourceGroup: 'rg', site: 'shop', token: TOKEN, slots: slots(), swapMs: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'dg-dts-slots-'));
  az = { dir: join(dir, 'az'), logPath: installFakeAz(join(dir, 'az'), { token: TOKEN }).logPath };
  appDir = join(dir, 'app');
  mkdirSync(appDir);
  hostJson(appDir);
  // The new version beside the repository's node_modules, so that it finds its durable-functions.
  nextApp = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', 'dts-slot-next');
  rmSync(nextApp, { recursive: true, force: true });
  cpSync(join(repoRoot, 'examples', 'order-app-next'), nextApp, { recursive: true, preserveTimestamps: true });
  hostJson(nextApp);
  ({ nodeOptions: guardOptions, log: netLog } = networkGuardModule(dir));
}, 60_000);

beforeEach(() => {
  fake.options.slots = slots();
  fake.options.stickySettings = [];
});

afterAll(async () => {
  expect(readFileSync(netLog, 'utf8')).toBe('');
  await Promise.all([fake?.close(), scheduler?.close()]);
});

function environment(): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(AZURE_|ACTIONS_|IDENTITY_|MSI_|INPUT_|GITHUB_|RUNNER_|GRPC_DEFAULT_SSL_ROOTS_FILE_PATH$|DURABLE_TASK_SCHEDULER)/.test(k) && !/proxy/i.test(k),
    ),
  );
  return {
    ...base,
    PATH: `${az.dir}${delimiter}${process.env.PATH}`,
    NODE_EXTRA_CA_CERTS: certificate.certPath,
    NODE_OPTIONS: guardOptions,
  };
}

const cli = (args: string[]) => runNode([join(repoRoot, 'dist', 'cli', 'index.js'), ...args], environment());
const SITE = () => ['--app-name', 'shop', '--resource-group', 'rg', '--subscription', SUB, '--arm-endpoint', fake.url];

describe('gate --slot on the Durable Task Scheduler', () => {
  test("the slot's task hub from its settings and host.json, read with durable-gate's sign-in (a token for the scheduler from az), not the app's identity", async () => {
    const before = scheduler.calls.length;
    const r = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '1s', '--interval', '500ms']);
    expect(r.stderr).toContain(
      `discovered shop/staging: task hub host.json hubName '%TASKHUB_NAME%' → orders-staging on the Durable Task Scheduler at localhost:${scheduler.port}; read as the Azure CLI login (az login / azure/login).`,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/staged-0\s+ProcessOrder\s+Running/);
    const calls = scheduler.calls.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatchObject({ taskhub: 'orders-staging', authorization: `Bearer ${TOKEN}` });
    // az was asked for the scheduler's resource as well as Resource Manager's.
    expect(readAzLog(az.logPath).some((args) => args.some((a) => a.startsWith('https://durabletask.io')))).toBe(true);
    // Production's hub is empty: drained at once.
    const production = await cli(['gate', '--slot', 'production', '--app', appDir, ...SITE(), '--timeout', '5s', '--interval', '500ms']);
    expect(production.code).toBe(0);
    expect(production.stdout).toContain('Drained after 1 poll(s)');
  }, 60_000);

  test("--wait-for breaking: the slot's histories judged on the app being deployed", async () => {
    const r = await cli([
      'gate',
      '--slot',
      'staging',
      '--app',
      nextApp,
      '--wait-for',
      'breaking',
      ...SITE(),
      '--timeout',
      '2s',
      '--interval',
      '1s',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { blocking: { instanceId: string; verdict: string }[] };
    expect(report.blocking.map((i) => [i.instanceId, i.verdict])).toEqual([
      ['staged-0', 'nondeterministic'],
      ['staged-1', 'nondeterministic'],
    ]);
  }, 60_000);

  test('a refusal fails closed and names the role the sign-in needs; a slot without the setting is said as such', async () => {
    scheduler.failNext(grpc.status.PERMISSION_DENIED, "the principal does not have 'Microsoft.DurableTask/schedulers/taskhubs/orchestrations/read'");
    const refused = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '2s', '--interval', '500ms']);
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toContain(
      "durable-gate's own sign-in (the Azure CLI login (az login / azure/login); the app's identity in the connection string is not used) may not read it. Grant it the role Durable Task Data Reader on the task hub or the scheduler; if it has the role, check that the task hub exists.",
    );
    delete fake.options.slots.staging!.settings[SETTING];
    const missing = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '2s']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`shop/staging has no setting ${SETTING} (the Durable Task Scheduler's connection string)`);
  }, 60_000);
});

describe('validate on the Durable Task Scheduler', () => {
  test('a fit set-up: each slot its own task hub, readable by the sign-in', async () => {
    const r = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE()]);
    expect(r.stdout).toContain(`staging: task hub orders-staging, ${SETTING} → Durable Task Scheduler localhost:${scheduler.port}`);
    expect(r.stdout).toContain('No errors: the slot set-up is fit for a drain-and-swap.');
    expect(r.code).toBe(0);
  }, 60_000);

  test('a sticky hub setting, a shared hub, a hub the scheduler lacks, a refused read: each an error with its fix', async () => {
    const codes = async () => {
      const r = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE(), '--format', 'json']);
      const report = JSON.parse(r.stdout) as { findings: { level: string; code: string; message: string; fix: string }[] };
      return { code: r.code, findings: report.findings, codes: report.findings.map((f) => `${f.level}:${f.code}`) };
    };
    fake.options.stickySettings = ['TASKHUB_NAME'];
    let result = await codes();
    expect(result.codes).toEqual(['error:durable-setting-sticky']);
    expect(result.findings[0]!.message).toContain(
      `so the new code would move from task hub orders-staging on the scheduler localhost:${scheduler.port} to task hub orders on the scheduler localhost:${scheduler.port}, where the old code's instances are running`,
    );
    expect(result.code).toBe(1);
    fake.options.stickySettings = [];
    fake.options.slots.staging!.settings.TASKHUB_NAME = 'orders';
    result = await codes();
    expect(result.codes).toEqual(['error:shared-task-hub']);
    expect(result.findings[0]!.fix).toContain('each a task hub of the scheduler');
    fake.options.slots.staging!.settings.TASKHUB_NAME = 'orders-v2';
    result = await codes();
    expect(result.codes).toEqual(['error:task-hub-missing']);
    expect(result.findings[0]!.message).toContain('has no task hub orders-v2');
    fake.options.slots.staging!.settings.TASKHUB_NAME = 'orders-staging';
    scheduler.failNext(grpc.status.PERMISSION_DENIED, 'no read access');
    result = await codes();
    expect(result.codes).toEqual(['error:scheduler-read-refused']);
    expect(result.findings[0]!.fix).toContain('Durable Task Data Reader');
  }, 60_000);
});
