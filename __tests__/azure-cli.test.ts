/**
 * The built CLI and the built Action against the ARM stand-in and Azurite, signed in the ways a
 * user signs in: a stub `az` (what azure/login leaves), GitHub OIDC exchanged with an Entra
 * stand-in. Every child process runs under a network guard that blocks and logs anything but
 * loopback; the tests check that log stays empty.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot } from './helpers/apps.js';
import { networkGuardModule, runNode } from './helpers/spawn.js';
import { startArmFake, type ArmFake, type ArmFakeOptions } from './support/arm-fake.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { makeCertificate, type Certificate } from './support/https.js';
import {
  AZ_LOGIN_REQUIRED,
  installFakeAz,
  startEntraFake,
  startGitHubOidcFake,
  startManagedIdentityFake,
  type EntraFake,
  type GitHubOidcFake,
} from './support/identity-fakes.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

const TOKEN = 'arm-token-for-cli-tests';
const SUB = '00000000-0000-0000-0000-0000000000c1';
const TENANT = '00000000-0000-0000-0000-0000000000d1';
const CLIENT = '00000000-0000-0000-0000-0000000000e1';
let certificate: Certificate;
let azurite: Azurite;
let fake: ArmFake;
let entra: EntraFake;
let github: GitHubOidcFake;
let azDir: string;
let failingAzDir: string;
let appDir: string;
let guardOptions: string;
let netLog: string;
let staging: TaskHubSeeder;

function slots(): ArmFakeOptions['slots'] {
  return {
    production: { settings: { DurableStorage: azurite.connectionString, TaskHubName: 'ShopHub' }, content: { version: 'v1', healthy: true } },
    staging: { settings: { DurableStorage: azurite.connectionString, TaskHubName: 'ShopHubStaging' }, content: { version: 'v2', healthy: true } },
  };
}

beforeAll(async () => {
  certificate = makeCertificate();
  azurite = await startAzurite();
  staging = new TaskHubSeeder(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), 'ShopHubStaging');
  await staging.create();
  await staging.write({ instanceId: 'shop-1', events: processOrderHistory({ orderId: 'shop-1', stage: 'charge' }).build() });
  fake = await startArmFake(certificate, { subscription: SUB, resourceGroup: 'rg', site: 'shop', token: TOKEN, slots: slots(), swapMs: 100 });
  entra = await startEntraFake(certificate, { tenantId: TENANT, clientId: CLIENT, token: TOKEN });
  github = await startGitHubOidcFake(certificate, { requestToken: 'runner-request-token' });
  const dir = mkdtempSync(join(tmpdir(), 'dg-azure-cli-'));
  azDir = join(dir, 'az');
  installFakeAz(azDir, { token: TOKEN });
  failingAzDir = join(dir, 'az-logged-out');
  installFakeAz(failingAzDir, { token: TOKEN, fail: AZ_LOGIN_REQUIRED });
  appDir = join(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(
    join(appDir, 'host.json'),
    JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: '%TaskHubName%', storageProvider: { connectionName: 'DurableStorage' } } } }),
  );
  ({ nodeOptions: guardOptions, log: netLog } = networkGuardModule(dir));
}, 60_000);

beforeEach(() => {
  fake.options.slots = slots();
  fake.options.stickySettings = [];
  fake.log.length = 0;
});

afterAll(async () => {
  expect(readFileSync(netLog, 'utf8')).toBe('');
  await Promise.all([fake?.close(), entra?.close(), github?.close()]);
  await azurite?.stop();
});

/** A clean environment: no Azure variables from the machine, the stub az first on PATH, the certificate trusted, the guard loaded. */
function environment(extra: NodeJS.ProcessEnv = {}, az = azDir): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(AZURE_|ACTIONS_|IDENTITY_|MSI_|INPUT_|GITHUB_|RUNNER_)/.test(k) && !/proxy/i.test(k)),
  );
  return {
    ...base,
    PATH: `${az}${delimiter}${process.env.PATH}`,
    NODE_EXTRA_CA_CERTS: certificate.certPath,
    NODE_OPTIONS: guardOptions,
    ...extra,
  };
}

const run = runNode;

const cli = (args: string[], env = environment()) => run([join(repoRoot, 'dist', 'cli', 'index.js'), ...args], env);
const SITE = () => ['--app-name', 'shop', '--resource-group', 'rg', '--subscription', SUB, '--arm-endpoint', fake.url];

describe('the built CLI through ARM', () => {
  test('gate --slot staging: the hub found from the slot settings and host.json, no secret printed; exit 1 while shop-1 runs, 0 once it finished', async () => {
    const blocked = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '1s', '--interval', '500ms']);
    expect(blocked.stderr).toContain(
      "discovered shop/staging: task hub host.json hubName '%TaskHubName%' → ShopHubStaging; storage DurableStorage: storage account devstoreaccount1",
    );
    expect(blocked.stderr).toContain('read as the Azure CLI login (az login / azure/login) through ARM');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/shop-1\s+ProcessOrder\s+Running/);
    expect(blocked.stdout + blocked.stderr).not.toContain(azurite.connectionString.match(/AccountKey=([^;]+)/)![1]!);
    expect(fake.log.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    await staging.setStatus('shop-1', 'Completed');
    try {
      const drained = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '5s', '--interval', '500ms']);
      expect(drained.code).toBe(0);
      expect(drained.stdout).toContain('Drained after 1 poll(s)');
    } finally {
      await staging.setStatus('shop-1', 'Running');
    }
  });

  test('gate --slot staging --wait-for breaking: the hub discovered from the slot, its histories replayed against the app being deployed', async () => {
    // examples/order-app-next: hubName %TaskHubName%, the default storage setting AzureWebJobsStorage.
    fake.options.slots.staging!.settings.AzureWebJobsStorage = azurite.connectionString;
    const r = await cli([
      'gate',
      '--slot',
      'staging',
      '--app',
      'examples/order-app-next',
      '--wait-for',
      'breaking',
      ...SITE(),
      '--timeout',
      '1s',
      '--interval',
      '500ms',
      '--format',
      'json',
    ]);
    expect(r.stderr).toContain("discovered shop/staging: task hub host.json hubName '%TaskHubName%' → ShopHubStaging; storage AzureWebJobsStorage");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { blocking: { instanceId: string; verdict: string }[] };
    expect(report.blocking.map((i) => [i.instanceId, i.verdict])).toEqual([['shop-1', 'nondeterministic']]);
  });

  test('gate --slot on a hub that never ran (its first deployment): nothing in flight, and said so', async () => {
    fake.options.slots.staging!.settings.TaskHubName = 'BrandNewHub';
    const r = await cli(['gate', '--slot', 'staging', '--app', appDir, ...SITE(), '--timeout', '5s', '--interval', '500ms']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('task hub BrandNewHub (DurableStorage: storage account devstoreaccount1');
    expect(r.stderr).toContain('has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.');
  });

  test('validate: 0 for a fit set-up, 1 with each finding and its fix', async () => {
    const fit = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE()]);
    expect(fit.code).toBe(0);
    expect(fit.stdout).toContain('staging: task hub ShopHubStaging, DurableStorage → storage account devstoreaccount1');
    expect(fit.stdout).toContain('No errors: the slot set-up is fit for a drain-and-swap.');
    fake.options.stickySettings = ['TaskHubName'];
    const sticky = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE(), '--format', 'json']);
    expect(sticky.code).toBe(1);
    const report = JSON.parse(sticky.stdout) as { ok: boolean; findings: { code: string; fix: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toEqual(['durable-setting-sticky']);
  });

  test('swap with a failing health check: swapped back, both operations shown, exit 1', async () => {
    fake.options.slots.staging!.content.healthy = false;
    const r = await cli([
      'swap',
      '--slot',
      'staging',
      '--app',
      appDir,
      ...SITE(),
      '--health-url',
      fake.healthUrl,
      '--health-attempts',
      '2',
      '--health-interval',
      '100ms',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/swap staging → production: succeeded in [\d.]+ s/);
    expect(r.stdout).toMatch(/swap back staging → production: succeeded in [\d.]+ s/);
    expect(r.stdout).toContain('so it was swapped back: production runs the previous version again and answers healthily');
    expect(r.stderr).toContain('health 2/2: HTTP 503, expected 200');
    expect(fake.options.slots.production!.content.version).toBe('v1');
  });

  test('swap, healthy: exit 0; the swap is refused (exit 2, nothing changed) when validation finds errors', async () => {
    const ok = await cli([
      'swap',
      '--slot',
      'staging',
      '--app',
      appDir,
      ...SITE(),
      '--health-url',
      fake.healthUrl,
      '--health-expect',
      '"v2"',
      '--health-interval',
      '100ms',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('staging is swapped into production, and production answers healthily.');
    expect(fake.options.slots.production!.content.version).toBe('v2');
    fake.options.slots = slots();
    fake.options.slots.staging!.settings.TaskHubName = 'ShopHub';
    fake.log.length = 0;
    const refused = await cli(['swap', '--slot', 'staging', '--app', appDir, ...SITE()]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('error [shared-task-hub]');
    expect(refused.stdout).toContain('Not swapped: the slot set-up has 1 error(s)');
    expect(fake.log.some((r) => r.method === 'POST' && r.path.includes('slotsswap'))).toBe(false);
  });

  test('--auth oidc: the GitHub token exchanged with Entra for the client and tenant; no token service, no login: plain errors', async () => {
    const env = environment({
      ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
      AZURE_AUTHORITY_HOST: entra.url,
    });
    const r = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE(), '--auth', 'oidc', '--client-id', CLIENT, '--tenant-id', TENANT], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(github.audiences.at(-1)).toBe('api://AzureADTokenExchange');
    // MSAL asks for the assertion more than once per token; the one Entra got is one GitHub issued.
    expect(github.issued).toContain(entra.requests.at(-1)?.form.client_assertion);
    expect(entra.requests.at(-1)?.form.client_id).toBe(CLIENT);
    const noOidc = await cli(['validate', '--slot', 'staging', ...SITE(), '--auth', 'oidc', '--client-id', CLIENT, '--tenant-id', TENANT]);
    expect(noOidc.code).toBe(2);
    expect(noOidc.stderr).toContain('give the job `permissions: id-token: write`');
    const loggedOut = await cli(['validate', '--slot', 'staging', ...SITE()], environment({}, failingAzDir));
    expect(loggedOut.code).toBe(2);
    expect(loggedOut.stderr).toContain("could not get a token for Azure Resource Manager: Please run 'az login'");
  });

  test('--auth managed-identity (the App Service style endpoint of a self-hosted machine) and --auth default (a client secret in the environment)', async () => {
    const mi = await startManagedIdentityFake(certificate, { header: 'mi-header', token: TOKEN });
    try {
      const r = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE(), '--auth', 'managed-identity'], environment(mi.env));
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(mi.requests.at(-1)?.resource).toBe('https://management.azure.com');
    } finally {
      await mi.close();
    }
    const secretEntra = await startEntraFake(certificate, { tenantId: TENANT, clientId: CLIENT, token: TOKEN, expectedSecret: 'client-secret-value' });
    try {
      const env = environment({
        AZURE_CLIENT_ID: CLIENT,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_SECRET: 'client-secret-value',
        AZURE_AUTHORITY_HOST: secretEntra.url,
      });
      const r = await cli(['validate', '--slot', 'staging', '--app', appDir, ...SITE(), '--auth', 'default'], env);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(secretEntra.requests.at(-1)?.form.scope).toBe('https://management.azure.com/.default');
      expect(r.stdout).not.toContain('client-secret-value');
    } finally {
      await secretEntra.close();
    }
  });

  test('swap whose Location poll is refused (401) while Azure swaps: outcome unknown, exit 1, never "failed, run it again"', async () => {
    fake.options.lroStyle = 'location';
    fake.inject.faults.push({
      on: 'poll',
      answer: { status: 401, contentType: 'application/json', body: '{"error":{"code":"InvalidAuthenticationToken","message":"The access token expired."}}' },
    });
    try {
      const r = await cli(['swap', '--slot', 'staging', '--app', appDir, ...SITE(), '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { outcome: string; message: string };
      expect(report.outcome).toBe('unknown');
      expect(report.message).toContain('Do not run the swap again before checking which version production runs');
      expect(report.message).not.toMatch(/still runs the previous version/);
      // It was swapped, at Azure's side.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.options.slots.production!.content.version).toBe('v2');
    } finally {
      fake.inject.faults.length = 0;
      delete fake.options.lroStyle;
    }
  });

  test("SIGTERM while the swap operation runs: the CLI stops within 2 s and says the swap goes on at Azure's side", async () => {
    fake.inject.faults.push({ on: 'poll', answer: 'silent' });
    try {
      const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), 'swap', '--slot', 'staging', '--app', appDir, ...SITE()], {
        cwd: repoRoot,
        env: environment(),
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise<void>((resolve) => {
        const wait = setInterval(() => {
          if (fake.log.some((r) => r.method === 'POST' && r.path.includes('slotsswap'))) {
            clearInterval(wait);
            resolve();
          }
        }, 50);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stopped = Date.now();
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect((Date.now() - stopped) / 1000).toBeLessThan(2.5);
      expect(code).toBe(2);
      expect(out).toMatch(/goes on at Azure's side/);
    } finally {
      fake.inject.faults.length = 0;
    }
  });

  test('bad options are named with the expected form', async () => {
    const cases: [string[], string][] = [
      [['swap', '--slot', 'staging', ...SITE(), '--action', 'flip'], "Invalid --action 'flip'. Expected swap, preview, complete, reset."],
      [['swap', '--slot', 'staging', ...SITE(), '--health-url', 'nope'], "Invalid --health-url 'nope'. Expected an http(s) URL"],
      [
        ['validate', '--slot', 'staging', ...SITE(), '--auth', 'password'],
        "Invalid --auth 'password'. Expected one of azure-cli, oidc, managed-identity, default.",
      ],
      [
        ['validate', '--slot', 'staging', ...SITE(), '--environment', 'Mars'],
        "Invalid --environment 'Mars'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment",
      ],
      [
        ['validate', '--slot', 'staging', '--app-name', 'shop', '--resource-group', 'rg', '--subscription', SUB, '--arm-endpoint', 'http://127.0.0.1:1'],
        "Invalid --arm-endpoint 'http://127.0.0.1:1'. Expected an https URL",
      ],
      [['validate', '--slot', 'staging', '--app-name', 'shop'], 'missing --resource-group: validate reaches the app through Azure Resource Manager.'],
      [['swap', ...SITE()], "missing --slot: the slot holding the new version (e.g. staging). Run 'durable-gate swap --help'."],
      [['gate', '--slot', 'staging', '--task-hub', 'X', ...SITE()], '--slot discovers the task hub and its storage from the slot; leave out --task-hub'],
      [['gate', '--slot', 'staging', ...SITE()], 'gate with --slot staging needs --app: the app folder being deployed, whose host.json names the task hub'],
      [
        [
          'gate',
          '--slot',
          'staging',
          '--app',
          appDir,
          '--app-name',
          'shop',
          '--resource-group',
          'rg',
          '--subscription',
          SUB,
          '--arm-endpoint',
          'https://127.0.0.1:1',
          '--timeout',
          '2s',
        ],
        'ECONNREFUSED (after',
      ],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(message)]);
    }
  });
});

describe('the Action bundle (dist/index.js) through ARM', () => {
  async function action(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'dg-action-azure-'));
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
    const r = await run(
      [join(repoRoot, 'dist', 'index.js')],
      environment({ ...inputEnv, GITHUB_WORKSPACE: repoRoot, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir, ...extra }),
    );
    return { ...r, outputs: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
  }
  const site = () => ({ 'app-name': 'shop', 'resource-group': 'rg', subscription: SUB, 'arm-endpoint': fake.url, app: appDir });

  test('gate with slot: discovery, the connection string masked, the blocking table in the summary', async () => {
    const r = await action({ command: 'gate', slot: 'staging', ...site(), timeout: '1s', interval: '500ms' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::add-mask::${azurite.connectionString}`);
    expect(r.stdout).toContain('Discovered shop/staging: task hub');
    // Masked before anything more is said about the slot's storage.
    expect(r.stdout.indexOf(`::add-mask::${azurite.connectionString}`)).toBeLessThan(r.stdout.indexOf('Discovered shop/staging'));
    expect(r.outputs).toMatch(/drained<<.*\nfalse\n/);
    expect(r.summary).toContain('shop-1');
  });

  test('swap with a failing health check: rolled back, outputs and summary say so, the step fails', async () => {
    fake.options.slots.staging!.content.healthy = false;
    const r = await action({ command: 'swap', slot: 'staging', ...site(), 'health-url': fake.healthUrl, 'health-attempts': '2', 'health-interval': '100ms' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatch(/outcome<<.*\nunhealthy-rolled-back\n/);
    expect(r.outputs).toMatch(/rolled-back<<.*\ntrue\n/);
    expect(r.summary).toContain('swap back');
    expect(r.stdout).toContain('::error::production was unhealthy after the swap');
    expect(fake.options.slots.production!.content.version).toBe('v1');
  });

  test('every token the Action obtains is masked: the runner request token, the OIDC token and the ARM token', async () => {
    const before = github.issued.length;
    const r = await action(
      { command: 'validate', slot: 'staging', ...site(), auth: 'oidc', 'client-id': CLIENT, 'tenant-id': TENANT },
      { ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token', AZURE_AUTHORITY_HOST: entra.url },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::add-mask::runner-request-token');
    expect(r.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(github.issued.length).toBeGreaterThan(before);
    for (const issued of github.issued.slice(before)) expect(r.stdout).toContain(`::add-mask::${issued}`);
  });

  test('validate with oidc: findings annotated with their fix, outputs, the step fails on errors', async () => {
    fake.options.stickySettings = ['TaskHubName'];
    const r = await action(
      { command: 'validate', slot: 'staging', ...site(), auth: 'oidc', 'client-id': CLIENT, 'tenant-id': TENANT },
      { ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token', AZURE_AUTHORITY_HOST: entra.url },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=durable-gate%3A durable-setting-sticky::TaskHubName is a deployment slot setting');
    expect(r.outputs).toMatch(/valid<<.*\nfalse\n/);
    expect(r.outputs).toMatch(/errors<<.*\n1\n/);
    expect(r.summary).toContain('ShopHubStaging');
  });
});
