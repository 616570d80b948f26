/**
 * Slots through a loopback HTTPS stand-in for Azure Resource Manager (support/arm-fake.ts: slot
 * state, sticky settings, both long-running operation styles, 409 while a swap runs, 429, both
 * error shapes, failed swaps, 401) and Azurite for the task hubs the slots are bound to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { ArmClient, ArmError } from '../src/azure/arm.js';
import { readHostConfig } from '../src/azure/discovery.js';
import { WebSite } from '../src/azure/site.js';
import { discoverSlot, openSlotHub, validateSlots } from '../src/azure/slots.js';
import { runSwap, swapExitCode } from '../src/azure/swap.js';
import { runGate } from '../src/gate/gate.js';
import { IN_FLIGHT_STATUSES } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { startArmFake, type ArmFake, type ArmFakeOptions } from './support/arm-fake.js';
import { makeCertificate, type Certificate } from './support/https.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

const TOKEN = 'arm-token-for-tests';
const SUB = '00000000-0000-0000-0000-000000000001';
let certificate: Certificate;
let azurite: Azurite;
let fake: ArmFake;
let appDir: string;
const waits: number[] = [];

const credential = (token = TOKEN): TokenCredential => ({ getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) });
/** Waits are recorded and shortened: Retry-After is honoured in order, not in wall time. */
const sleep = async (ms: number): Promise<void> => {
  waits.push(ms);
  await new Promise((r) => setTimeout(r, Math.min(ms, 40)));
};

function slots(): ArmFakeOptions['slots'] {
  return {
    production: {
      settings: { DurableStorage: azurite.connectionString, TaskHubName: 'OrderHub', SLOT_NAME: 'production' },
      content: { version: 'v1', healthy: true },
    },
    staging: {
      settings: { DurableStorage: azurite.connectionString, TaskHubName: 'OrderHubStaging', SLOT_NAME: 'staging' },
      content: { version: 'v2', healthy: true },
    },
  };
}

function site(options: { token?: string; lro?: 'azure-async-operation' | 'location' } = {}): WebSite {
  const arm = new ArmClient({
    endpoint: fake.url,
    credential: credential(options.token),
    scope: 'https://management.azure.com/.default',
    ca: certificate.cert,
    sleep,
    retryDelayMs: 10,
    conflictWaitMs: 60_000,
  });
  return new WebSite(arm, { subscription: SUB, resourceGroup: 'rg', name: 'order-app' });
}

function hostJson(durableTask: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-slot-app-'));
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask } }));
  return dir;
}

beforeAll(async () => {
  certificate = makeCertificate();
  azurite = await startAzurite();
  const connection = resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } });
  for (const [hub, ids] of [
    ['OrderHub', ['prod-1', 'prod-2']],
    ['OrderHubStaging', ['stage-1']],
  ] as const) {
    const seeder = new TaskHubSeeder(connection, hub);
    await seeder.create();
    for (const id of ids) await seeder.write({ instanceId: id, events: processOrderHistory({ orderId: id, stage: 'charge' }).build() });
  }
  fake = await startArmFake(certificate, {
    subscription: SUB,
    resourceGroup: 'rg',
    site: 'order-app',
    token: TOKEN,
    slots: slots(),
    stickySettings: ['SLOT_NAME'],
    swapMs: 100,
  });
  appDir = hostJson({ hubName: '%TaskHubName%', storageProvider: { connectionName: 'DurableStorage' } });
}, 60_000);

beforeEach(() => {
  fake.options.slots = slots();
  fake.options.stickySettings = ['SLOT_NAME'];
  fake.options.planTier = 'ElasticPremium';
  fake.options.lroStyle = 'azure-async-operation';
  fake.inject.throttle = 0;
  fake.inject.serverErrors = 0;
  fake.inject.conflicts = 0;
  delete fake.inject.failNextSwap;
  fake.log.length = 0;
  waits.length = 0;
});

afterAll(async () => {
  await fake?.close();
  await azurite?.stop();
});

describe('the ARM client', () => {
  test.each(['azure-async-operation', 'location'] as const)(
    'a swap followed to its end (%s): content and non-sticky settings move, sticky ones stay',
    async (style) => {
      fake.options.lroStyle = style;
      await site().swap('staging', 'production');
      const { production, staging } = fake.options.slots;
      expect(production!.content.version).toBe('v2');
      expect(staging!.content.version).toBe('v1');
      expect(production!.settings.TaskHubName).toBe('OrderHubStaging');
      expect(production!.settings.SLOT_NAME).toBe('production');
      const polls = fake.log.filter((r) => r.method === 'GET' && /operation/i.test(r.path));
      expect(polls.length).toBeGreaterThan(0);
      expect(fake.log.find((r) => r.method === 'POST')?.body).toEqual({ targetSlot: 'production', preserveVnet: true });
      expect(waits.every((ms) => ms === 1000)).toBe(true);
    },
  );

  test('409 "another operation is in progress" is waited out with the platform message; 429 and 503 are retried honouring Retry-After', async () => {
    const notices: string[] = [];
    const arm = new ArmClient({
      endpoint: fake.url,
      credential: credential(),
      scope: 's',
      ca: certificate.cert,
      sleep,
      retryDelayMs: 10,
      onNotice: (m) => notices.push(m),
    });
    const web = new WebSite(arm, { subscription: SUB, resourceGroup: 'rg', name: 'order-app' });
    // Reads are retried through 429 and 503.
    fake.inject.throttle = 1;
    fake.inject.serverErrors = 1;
    expect((await web.appSettings('staging')).TaskHubName).toBe('OrderHubStaging');
    expect(waits.slice(0, 2)).toEqual([1000, 20]);
    // A swap preview (not a swap) waits another operation out.
    fake.inject.conflicts = 1;
    waits.length = 0;
    await web.preview('staging', 'production');
    expect(fake.options.preview).toMatchObject({ source: 'staging', target: 'production' });
    expect(notices.join('\n')).toContain('another operation is in progress on the site; waiting');
    expect(notices.join('\n')).toContain('Cannot modify this site because another operation is in progress');
    // No Retry-After on that 409: the default pause.
    expect(waits[0]).toBe(15_000);
    await site().reset('staging');
  });

  test('a swap meeting another swap (a re-run, a second pipeline) does not swap again: busy, exit 2, nothing changed', async () => {
    fake.inject.conflicts = 1;
    const before = fake.operations.size;
    const report = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'swap', rollback: 'on-failure', sleep });
    expect(report.outcome).toBe('busy');
    expect(swapExitCode(report)).toBe(2);
    expect(report.message).toMatch(
      /^Nothing was swapped: the swap of staging into production: Cannot modify this site because another operation is in progress.*OperationName: SwapSiteSlots/,
    );
    expect(fake.options.slots.production!.content.version).toBe('v1');
    expect(fake.operations.size).toBe(before);
  });

  test('a 409 outlasting the wait, a refused token, a missing slot and a failed swap are plain errors', async () => {
    fake.inject.conflicts = 100;
    const busy = new ArmClient({ endpoint: fake.url, credential: credential(), scope: 's', ca: certificate.cert, sleep, conflictWaitMs: 1 });
    await expect(new WebSite(busy, { subscription: SUB, resourceGroup: 'rg', name: 'order-app' }).preview('staging', 'production')).rejects.toThrow(
      /the site was still busy with another operation when the time to wait ran out: Cannot modify this site/,
    );
    fake.inject.conflicts = 0;
    await expect(site({ token: 'wrong' }).appSettings('staging')).rejects.toThrow(/Azure refused the token \(AuthenticationFailed, HTTP 401\).*Check 'auth'/);
    await expect(site().get('qa')).rejects.toThrow(
      "slot 'qa' of 'order-app' was not found. Create it (az functionapp deployment slot create) or check 'slot'.",
    );
    fake.inject.failNextSwap = 'The slot could not be warmed up: /api/health answered 500.';
    const failure = await site()
      .swap('staging', 'production')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArmError);
    expect((failure as Error).message).toBe(
      'the swap of staging into production failed: The slot could not be warmed up: /api/health answered 500. (SwapFailed)',
    );
    expect(fake.options.slots.production!.content.version).toBe('v1');
  });

  test('a failed swap followed through Location carries the reason too', async () => {
    fake.options.lroStyle = 'location';
    fake.inject.failNextSwap = 'Swap timed out while warming up.';
    await expect(site().swap('staging', 'production')).rejects.toThrow(/the swap of staging into production failed: .*Swap timed out while warming up\./);
  });
});

describe('discovery', () => {
  test("the staging slot's hub and storage, from its settings and host.json; the gate reads that hub", async () => {
    const config = readHostConfig(appDir);
    const binding = await discoverSlot({ site: site(), slot: 'staging', config, credential: credential() });
    expect(binding.hub).toEqual({ hub: 'OrderHubStaging', explicit: true });
    expect(binding.connection?.account).toBe('devstoreaccount1');
    const report = await runGate({ source: openSlotHub(binding, config), statuses: IN_FLIGHT_STATUSES, timeoutMs: 1500, intervalMs: 500 });
    expect(report.inFlight.map((i) => i.instanceId)).toEqual(['stage-1']);
  });
});

describe('validate', () => {
  const validate = (extra: { appDir?: string } = { appDir }) =>
    validateSlots({ site: site(), slot: 'staging', target: 'production', credential: credential(), ...extra });
  const codes = (report: Awaited<ReturnType<typeof validate>>) => report.findings.map((f) => `${f.level}:${f.code}`);

  test('a set-up fit for drain-and-swap: no findings', async () => {
    const report = await validate();
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.slots).toEqual([
      { slot: 'staging', taskHub: 'OrderHubStaging', hubExplicit: true, connection: 'DurableStorage', storage: 'devstoreaccount1' },
      { slot: 'production', taskHub: 'OrderHub', hubExplicit: true, connection: 'DurableStorage', storage: 'devstoreaccount1' },
    ]);
  });

  test('a sticky setting that moves a hub on the swap, a shared hub, a missing setting, an implicit hub name: each an error with its fix', async () => {
    fake.options.stickySettings = ['SLOT_NAME', 'TaskHubName'];
    let report = await validate();
    expect(codes(report)).toEqual(['error:durable-setting-sticky']);
    expect(report.findings[0]!.message).toBe(
      "TaskHubName is a deployment slot setting (sticky) with different values in the two slots: on a swap it stays with the slot, so the new code would move from task hub OrderHubStaging in storage account devstoreaccount1 to task hub OrderHub in storage account devstoreaccount1, where the old code's instances are running.",
    );
    expect(report.findings[0]!.fix).toContain('Untick "Deployment slot setting" for TaskHubName');
    // Sticky with the same value in both slots: the swap changes nothing, nothing to report.
    fake.options.stickySettings = ['SLOT_NAME', 'DurableStorage'];
    expect(codes(await validate())).toEqual([]);
    fake.options.slots.staging!.settings.TaskHubName = 'OrderHub';
    report = await validate();
    expect(codes(report)).toEqual(['error:shared-task-hub']);
    expect(report.findings[0]!.message).toContain('both use task hub OrderHub in storage account devstoreaccount1');
    fake.options.stickySettings = [];
    delete fake.options.slots.staging!.settings.DurableStorage;
    report = await validate({ appDir: hostJson({ storageProvider: { connectionName: 'DurableStorage' } }) });
    expect(codes(report)).toEqual(['error:storage-setting-missing', 'error:hub-name-implicit']);
    expect(report.findings[1]!.message).toContain('Task Hub name must be specified in host.json when using slots');
    expect(report.ok).toBe(false);
  });

  test('a storage setting kept in Key Vault is named as such, not as missing', async () => {
    fake.options.slots.staging!.settings.DurableStorage = '@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/storage/)';
    const report = await validate();
    expect(codes(report)).toEqual(['error:storage-setting-missing']);
    expect(report.findings[0]!.message).toContain(
      'order-app/staging keeps DurableStorage in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager',
    );
  });

  test('hubName naming a setting the slot lacks: that, with the fix, and no false shared hub', async () => {
    delete fake.options.slots.staging!.settings.TaskHubName;
    const report = await validate();
    expect(codes(report)).toEqual(['error:hub-setting-missing']);
    expect(report.findings[0]!.fix).toBe('Add the app setting TaskHubName to order-app/staging (not a deployment slot setting), naming a task hub of its own.');
  });

  test('no host.json is a warning; Flex Consumption is refused with the alternative', async () => {
    // Without host.json the extension's default setting, AzureWebJobsStorage, is looked for.
    expect(codes(await validate({}))).toEqual(['warning:no-host-json', 'error:storage-setting-missing', 'error:storage-setting-missing']);
    // A host.json for another backend: the Azure Storage checks are left out.
    expect(
      codes(await validate({ appDir: hostJson({ hubName: '%TaskHubName%', storageProvider: { type: 'mssql', connectionStringName: 'SQLDB_Connection' } }) })),
    ).toEqual(['warning:other-storage-provider']);
    fake.options.planTier = 'FlexConsumption';
    const report = await validate();
    expect(codes(report)).toEqual(['error:plan-without-slots']);
    expect(report.findings[0]!.fix).toContain('a new task hub name');
  });
});

describe('swap', () => {
  const health = (attempts = 3) => ({ url: fake.healthUrl, expectStatus: 200, attempts, intervalMs: 10, ca: certificate.cert });

  test('healthy after the swap: exit 0, one operation', async () => {
    const report = await runSwap({
      site: site(),
      slot: 'staging',
      target: 'production',
      action: 'swap',
      rollback: 'on-failure',
      health: { ...health(), expectText: '"v2"' },
      sleep,
    });
    expect(report.outcome).toBe('swapped');
    expect(swapExitCode(report)).toBe(0);
    expect(report.operations.map((o) => [o.operation, o.succeeded])).toEqual([['swap', true]]);
    expect(report.health?.healthy).toBe(true);
  });

  test('unhealthy after the swap: swapped back, both operations reported, production runs the previous version again', async () => {
    fake.options.slots.staging!.content.healthy = false;
    const report = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'swap', rollback: 'on-failure', health: health(), sleep });
    expect(report.outcome).toBe('unhealthy-rolled-back');
    expect(swapExitCode(report)).toBe(1);
    expect(report.rolledBack).toBe(true);
    expect(report.operations.map((o) => [o.operation, o.succeeded])).toEqual([
      ['swap', true],
      ['swap back', true],
    ]);
    expect(report.health?.attempts).toHaveLength(3);
    expect(report.healthAfterRollback?.healthy).toBe(true);
    expect(fake.options.slots.production!.content.version).toBe('v1');
    expect(report.message).toContain('so it was swapped back: production runs the previous version again and answers healthily');
  });

  test('--rollback never leaves it, and says how to swap back; a failed swap changes nothing', async () => {
    fake.options.slots.staging!.content.healthy = false;
    const left = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'swap', rollback: 'never', health: health(1), sleep });
    expect(left.outcome).toBe('unhealthy-not-rolled-back');
    expect(left.message).toContain('durable-gate swap --slot staging --target production');
    expect(fake.options.slots.production!.content.version).toBe('v2');
    fake.options.slots = slots();
    fake.inject.failNextSwap = 'Cannot swap: the target slot is stopped.';
    const failed = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'swap', rollback: 'on-failure', sleep });
    expect(failed.outcome).toBe('swap-failed');
    expect(swapExitCode(failed)).toBe(1);
    expect(failed.message).toContain('Cannot swap: the target slot is stopped.');
    expect(fake.options.slots.production!.content.version).toBe('v1');
  });

  test('a swap request answered 5xx is not sent again: whether it took effect is unknown, and the message says to check before re-running', async () => {
    fake.inject.serverErrors = 1;
    const report = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'swap', rollback: 'on-failure', sleep });
    expect(report.outcome).toBe('unknown');
    expect(swapExitCode(report)).toBe(1);
    expect(report.message).toContain('Do not run the swap again before checking which version production runs');
    expect(fake.log.filter((r) => r.method === 'POST' && r.path.includes('slotsswap'))).toHaveLength(1);
  });

  test('complete without a preview in progress swaps nothing; after a preview it swaps; reset with nothing to reset changes nothing', async () => {
    const run = (action: 'preview' | 'complete' | 'reset') =>
      runSwap({ site: site(), slot: 'staging', target: 'production', action, rollback: 'on-failure', sleep });
    const early = await run('complete');
    expect([early.outcome, swapExitCode(early)]).toEqual(['nothing-to-complete', 2]);
    expect(early.message).toContain('No swap with preview of staging into production is in progress: nothing was swapped.');
    const reset = await run('reset');
    expect(reset.message).toBe('No swap preview was in progress on staging: nothing to reset, nothing was changed.');
    expect(fake.log.filter((r) => r.method === 'POST' && !r.path.includes('/list'))).toEqual([]);
    expect((await run('preview')).outcome).toBe('previewed');
    const done = await run('complete');
    expect(done.outcome).toBe('swapped');
    expect(fake.options.slots.production!.content.version).toBe('v2');
  });

  test('preview, then reset; a cancelled run swaps nothing', async () => {
    const preview = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'preview', rollback: 'on-failure', sleep });
    expect(preview.outcome).toBe('previewed');
    expect(fake.options.preview).toMatchObject({ source: 'staging', target: 'production' });
    const reset = await runSwap({ site: site(), slot: 'staging', target: 'production', action: 'reset', rollback: 'on-failure', sleep });
    expect(reset.outcome).toBe('reset');
    expect(fake.options.preview).toBeUndefined();
    const controller = new AbortController();
    controller.abort();
    fake.log.length = 0;
    const cancelled = await runSwap({
      site: site(),
      slot: 'staging',
      target: 'production',
      action: 'swap',
      rollback: 'on-failure',
      signal: controller.signal,
      sleep,
    });
    expect(cancelled.outcome).toBe('cancelled');
    expect(swapExitCode(cancelled)).toBe(2);
    expect(fake.log.filter((r) => r.method === 'POST')).toEqual([]);
    // A cancel that lands after the run began but before the swap request was sent: nothing started, and said so.
    const late = new AbortController();
    const arm = new ArmClient({ endpoint: fake.url, credential: credential(), scope: 's', ca: certificate.cert, sleep, signal: late.signal });
    const before = await runSwap({
      site: new WebSite(arm, { subscription: SUB, resourceGroup: 'rg', name: 'order-app' }),
      slot: 'staging',
      target: 'production',
      action: 'swap',
      rollback: 'on-failure',
      signal: late.signal,
      sleep,
      onStep: (line) => line.endsWith('started') && late.abort(),
    });
    expect(before.outcome).toBe('cancelled');
    expect(before.operations[0]?.message).toBe('cancelled before it was sent: nothing was started');
    expect(before.message).toBe('Cancelled (cancelled before the swap of staging into production was sent): nothing was swapped.');
    expect(fake.log.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
