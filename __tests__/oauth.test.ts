/**
 * Identity-based connections: Azurite with --oauth basic over HTTPS (certificate made by openssl
 * at test time) and a static token credential. No credential here reaches anything but loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Agent } from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { AzureTablesTaskHub, IN_FLIGHT_STATUSES } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { makeCertificate, type Certificate } from './support/https.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

let azurite: Azurite;
let certificate: Certificate;
let trust: PipelinePolicy;

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function staticToken(audience: string): TokenCredential {
  const now = Math.floor(Date.now() / 1000);
  const token = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: audience, iss: 'https://sts.windows.net/ab1f708d-50f6-404c-a006-d71b2ac7a606/', nbf: now - 60, iat: now - 60, exp: now + 3600, oid: 'test' })}.c2lnbmF0dXJl`;
  return { getToken: async () => ({ token, expiresOnTimestamp: (now + 3600) * 1000 }) };
}

beforeAll(async () => {
  certificate = makeCertificate();
  const agent = new Agent({ ca: certificate.cert });
  trust = { name: 'trust-test-ca', sendRequest: (request, next) => next(Object.assign(request, { agent })) };
  azurite = await startAzurite({ https: true, extraArgs: ['--oauth', 'basic', '--cert', certificate.certPath, '--key', certificate.keyPath] });
  const seeder = new TaskHubSeeder(
    resolveConnection({
      env: { AzureWebJobsStorage: azurite.connectionString },
      clientOptions: { additionalPolicies: [{ policy: trust, position: 'perCall' }] },
    }),
    'TokenHub',
  );
  await seeder.instances.createTable();
  await seeder.history.createTable();
  await seeder.write({ instanceId: 'tok-1', events: processOrderHistory({ orderId: 'tok-1', stage: 'charge' }).build() });
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

describe('identity-based connection (token)', () => {
  test('<Name>__tableServiceUri with a token credential reads the task hub over HTTPS', async () => {
    const connection = resolveConnection({
      setting: 'DurableStorage',
      env: { DurableStorage__tableServiceUri: azurite.tableUrl, DurableStorage__blobServiceUri: azurite.blobUrl },
      credential: staticToken('https://storage.azure.com'),
      clientOptions: { additionalPolicies: [{ policy: trust, position: 'perCall' }] },
    });
    expect(connection.credentialKind).toBe('token credential');
    expect(connection.describe).not.toMatch(/key/i);
    const hub = new AzureTablesTaskHub(connection, 'TokenHub');
    const ids: string[] = [];
    for await (const i of hub.instances({ statuses: IN_FLIGHT_STATUSES })) ids.push(i.instanceId);
    expect(ids).toEqual(['tok-1']);
    expect((await hub.historyRows('tok-1')).rows.length).toBeGreaterThan(10);
  });

  test('a token for another audience is refused with a plain message', async () => {
    const connection = resolveConnection({
      setting: 'DurableStorage',
      env: { DurableStorage__tableServiceUri: azurite.tableUrl },
      credential: staticToken('https://management.azure.com'),
      clientOptions: { retryOptions: { maxRetries: 0 }, additionalPolicies: [{ policy: trust, position: 'perCall' }] },
    });
    const hub = new AzureTablesTaskHub(connection, 'TokenHub');
    const attempt = async (): Promise<void> => {
      for await (const _ of hub.instances({ statuses: IN_FLIGHT_STATUSES })) void _;
    };
    await expect(attempt()).rejects.toThrow(
      /TokenHubInstances in storage account devstoreaccount1 \(token credential\): (access denied|the credential was refused)/,
    );
  });

  test('settings come from the environment first, then local.settings.json; a missing one says what to set', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const app = mkdtempSync(join(tmpdir(), 'dg-settings-'));
    writeFileSync(
      join(app, 'local.settings.json'),
      JSON.stringify({ Values: { AzureWebJobsStorage: 'UseDevelopmentStorage=true', Other__accountName: 'mystorage' } }),
    );
    expect(resolveConnection({ env: {}, appDir: app }).describe).toContain('Azurite (UseDevelopmentStorage=true)');
    expect(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString }, appDir: app }).describe).toContain('storage account devstoreaccount1');
    const identity = resolveConnection({ setting: 'Other', env: {}, appDir: app, credential: staticToken('https://storage.azure.com') });
    expect(identity.describe).toContain('storage account mystorage (identity-based');
    expect(() => resolveConnection({ setting: 'Missing', env: {} })).toThrow(
      /the setting Missing is not set in the environment, and neither is Missing__accountName or Missing__tableServiceUri/,
    );
  });
});
