/**
 * Signing in to the Durable Task Scheduler as its connection string says, end to end: the CLI and
 * the Action bundle read a task hub served over TLS by the loopback stand-in (support/dts-standin.ts),
 * the real @azure/identity credentials get their token from a loopback Entra ID fake
 * (support/identity-fakes.ts) for the scope https://durabletask.io/.default, and the token travels
 * as the bearer token of every gRPC call. Only the credentials a connection string names are used
 * (Environment, WorkloadIdentity): nothing probes a managed-identity endpoint, and the Entra fake is
 * reached through AZURE_AUTHORITY_HOST. The token never reaches the output; the Action masks it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';
import { runAction, runNode } from './helpers/spawn.js';
import { SchedulerStandIn } from './support/dts-standin.js';
import { toDts } from './support/dts.js';
import { makeCertificate, type Certificate } from './support/https.js';
import { fakeJwt, startEntraFake, type EntraFake } from './support/identity-fakes.js';
import { processOrderHistory } from './support/orders.js';

const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '5e2a1f4c-0b7d-4c1e-9a55-3f0d7c9b1a20';
const TOKEN = `dts-${'x'.repeat(40)}-token`;
const SECRET = 'client-secret-value-1234';

let certificate: Certificate;
let entra: EntraFake;
let standIn: SchedulerStandIn;
let assertion: string;

beforeAll(async () => {
  certificate = makeCertificate();
  assertion = fakeJwt({
    iss: 'https://kubernetes.default.svc',
    sub: 'system:serviceaccount:ci:durable-gate',
    aud: 'api://AzureADTokenExchange',
    exp: 4_102_444_800,
  });
  entra = await startEntraFake(certificate, { tenantId: TENANT, clientId: CLIENT, token: TOKEN, expectedSecret: SECRET, expectedAssertion: assertion });
  const instances = Array.from({ length: 3 }, (_, i) => {
    const file = processOrderHistory({ orderId: `order-${i}`, stage: 'charge', items: 2 }).toFile();
    return {
      instanceId: `order-${i}`,
      name: 'ProcessOrder',
      status: 0,
      createdSeconds: 1_764_000_000 + i,
      executionId: file.executionId!,
      history: file.history.map(toDts),
    };
  });
  standIn = await SchedulerStandIn.start({ taskHub: 'orders', token: TOKEN, certificate, instances });
});

afterAll(async () => {
  await standIn?.close();
  await entra?.close();
});

/** An app whose host.json names the scheduler, its connection string in local.settings.json. */
function schedulerApp(connectionString: string): string {
  const app = join(mkdtempSync(join(tmpdir(), 'dts-signin-')), 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'host.json'),
    JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'orders', storageProvider: { type: 'azureManaged' } } } }),
  );
  writeFileSync(
    join(app, 'local.settings.json'),
    JSON.stringify({ IsEncrypted: false, Values: { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: connectionString } }),
  );
  return app;
}

/**
 * The child's environment: the test certificate trusted (grpc-js and MSAL both use Node's store),
 * the Entra fake as the authority, and nothing else that names an identity.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(AZURE_|IDENTITY_|MSI_|IMDS_|GRPC_DEFAULT_SSL_ROOTS_FILE_PATH$|DURABLE_TASK_SCHEDULER_CONNECTION_STRING$|INPUT_|GITHUB_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, NODE_EXTRA_CA_CERTS: certificate.certPath, AZURE_AUTHORITY_HOST: entra.url, ...extra };
}

describe('signing in to the Durable Task Scheduler', () => {
  test('Authentication=Environment: a client secret from the environment, a token for https://durabletask.io/.default on every call, never printed', async () => {
    const app = schedulerApp(`Endpoint=${standIn.endpoint};Authentication=Environment`);
    const out = join(app, '..', 'histories');
    const before = { token: entra.requests.length, calls: standIn.calls.length };
    const run = await runNode(
      [CLI, 'record', '--app', app, '--out', out],
      childEnv({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET }),
    );
    expect(run.stderr).toContain(`reading task hub orders on the Durable Task Scheduler at localhost:${standIn.port}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Recorded 3 of 3 instance(s)');
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    // One token, asked for the scheduler's scope with the secret, kept for every call after.
    const asked = entra.requests.slice(before.token);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      tenant: TENANT,
      status: 200,
      form: { scope: 'https://durabletask.io/.default', client_id: CLIENT, client_secret: SECRET },
    });
    const calls = standIn.calls.slice(before.calls);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) expect(call).toMatchObject({ taskhub: 'orders', authorization: `Bearer ${TOKEN}` });
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  }, 60_000);

  test('Authentication=WorkloadIdentity: the federated token file the connection string names, exchanged for the scheduler token', async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'dts-federated-')), 'token');
    writeFileSync(tokenFile, assertion);
    const app = schedulerApp(`Endpoint=${standIn.endpoint};Authentication=WorkloadIdentity;ClientID=${CLIENT};TenantId=${TENANT};TokenFilePath=${tokenFile}`);
    const before = entra.requests.length;
    const run = await runNode([CLI, 'gate', '--app', app, '--timeout', '2s', '--interval', '500ms'], childEnv({}));
    // Three instances stay in flight: the gate times out closed (exit 1), having read them with the token.
    expect(run.stdout + run.stderr).toContain('order-0');
    expect(run.code).toBe(1);
    expect(entra.requests.slice(before)).toEqual([
      expect.objectContaining({ status: 200, form: expect.objectContaining({ scope: 'https://durabletask.io/.default', client_assertion: assertion }) }),
    ]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  }, 60_000);

  test('the Action records with the connection string sign-in and masks the token before any call carries it', async () => {
    const app = schedulerApp(`Endpoint=${standIn.endpoint};Authentication=Environment`);
    const out = join(app, '..', 'action-histories');
    const run = await runAction(childEnv({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET }), {
      command: 'record',
      app,
      out,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    // Masked once, and nowhere in the clear.
    expect(run.stdout.split(TOKEN)).toHaveLength(2);
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(3);
  }, 60_000);

  test('a token the scheduler refuses is said as a sign-in problem with what to check, and record writes nothing', async () => {
    const refusing = await SchedulerStandIn.start({ taskHub: 'orders', token: 'another-token', certificate, instances: [] });
    try {
      const app = schedulerApp(`Endpoint=${refusing.endpoint};Authentication=Environment`);
      const out = join(app, '..', 'refused');
      const run = await runNode(
        [CLI, 'record', '--app', app, '--out', out],
        childEnv({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET }),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "was refused (UNAUTHENTICATED: invalid or missing bearer token): the token of the identity the connection string's Authentication=environment signs in as was not accepted. Check that it signs in to the scheduler's tenant.",
      );
      expect(run.stderr).not.toContain(TOKEN);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      await refusing.close();
    }
  }, 60_000);
});
