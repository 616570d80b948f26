/**
 * The Durable Task Scheduler's settings as an app names them (groundwork of its task hub source):
 * host.json storageProvider.type azureManaged in any case (DurableTaskExtension.cs compares it
 * OrdinalIgnoreCase), its connection setting (connectionName, then connectionStringName, default
 * DURABLE_TASK_SCHEDULER_CONNECTION_STRING: AzureManagedScalabilityProviderFactory.cs in
 * azure-functions-durable-extension), and the connection string as the scheduler's clients read it
 * (microsoft/durabletask-dotnet src/Shared/AzureManaged/DurableTaskSchedulerConnectionString.cs,
 * src/Client/AzureManaged/DurableTaskSchedulerClientOptions.cs).
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DTS_CONNECTION_SETTING, readHostConfig } from '../harness/app/host-json.js';
import { resolveHubSettings } from '../src/commands/hub.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { parseDtsConnectionString, schedulerToken } from '../src/taskhub/dts-connection.js';

function app(durableTask: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dts-app-'));
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask } }));
  return dir;
}

describe('host.json naming the Durable Task Scheduler', () => {
  test('azureManaged in any case, its default connection setting, connectionName before connectionStringName', () => {
    for (const type of ['azureManaged', 'AzureManaged', 'AZUREMANAGED']) {
      const config = readHostConfig(app({ hubName: '%TASKHUB_NAME%', storageProvider: { type } }));
      expect(config).toMatchObject({ durableTaskScheduler: true, connectionName: DTS_CONNECTION_SETTING, hubName: '%TASKHUB_NAME%' });
      expect(config.otherProvider).toBeUndefined();
    }
    expect(readHostConfig(app({ storageProvider: { type: 'azureManaged', connectionStringName: 'DTS_CONNECTION_STRING' } })).connectionName).toBe(
      'DTS_CONNECTION_STRING',
    );
    expect(readHostConfig(app({ storageProvider: { type: 'azureManaged', connectionName: 'Mine', connectionStringName: 'Legacy' } })).connectionName).toBe(
      'Mine',
    );
    expect(readHostConfig(app({ storageProvider: { type: 'netherite' } })).otherProvider).toBe('netherite');
    expect(readHostConfig(app({})).otherProvider).toBeUndefined();
  });

  test('its hub and connection setting resolved as the extension names them', () => {
    const dir = app({ hubName: 'default', storageProvider: { type: 'azureManaged' } });
    expect(resolveHubSettings({ app: dir }, { cwd: dir, env: {} })).toMatchObject({
      scheduler: true,
      taskHub: 'default',
      connection: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
    });
    // No hubName: the connection string's TaskHub, or the user's --task-hub.
    const bare = app({ storageProvider: { type: 'azureManaged' } });
    expect(
      resolveHubSettings(
        { app: bare },
        { cwd: bare, env: { DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=https://x.durabletask.io;Authentication=DefaultAzure;TaskHub=hub7' } },
      ).taskHub,
    ).toBe('hub7');
    expect(() => resolveHubSettings({ app: bare }, { cwd: bare, env: {} })).toThrow(
      'names no hubName for the Durable Task Scheduler, nor does its connection string a TaskHub: set hubName, or give --task-hub',
    );
    // Azure Storage's name rules (3-45 letters and digits) are not the scheduler's.
    const dashed = app({ hubName: '%TASKHUB_NAME%', storageProvider: { type: 'azureManaged' } });
    expect(resolveHubSettings({ app: dashed }, { cwd: dashed, env: { TASKHUB_NAME: 'orders-staging' } }).taskHub).toBe('orders-staging');
  });
});

describe('the scheduler connection string', () => {
  test("the emulator's and Azure's forms; keys in any case, quoted values, a scheme-less endpoint is https", () => {
    expect(parseDtsConnectionString('Endpoint=http://localhost:8080;Authentication=None', 'S')).toMatchObject({
      endpoint: new URL('http://localhost:8080'),
      authentication: 'none',
    });
    const azure = parseDtsConnectionString(
      'endpoint=https://my-scheduler.westus2.durabletask.io; AUTHENTICATION=ManagedIdentity; ClientID="00000000-0000-0000-0000-000000000001";',
      'S',
    );
    expect(azure).toEqual({
      endpoint: new URL('https://my-scheduler.westus2.durabletask.io'),
      authentication: 'managedidentity',
      clientId: '00000000-0000-0000-0000-000000000001',
    });
    expect(parseDtsConnectionString('Endpoint=my.durabletask.io;Authentication=DefaultAzure;TaskHub=hub1', 'S')).toMatchObject({
      endpoint: new URL('https://my.durabletask.io'),
      taskHub: 'hub1',
    });
    expect(
      parseDtsConnectionString('Endpoint=https://x.durabletask.io;Authentication=WorkloadIdentity;TenantId=t;AdditionallyAllowedTenants=a, b', 'S'),
    ).toMatchObject({ authentication: 'workloadidentity', tenantId: 't', additionallyAllowedTenants: ['a', 'b'] });
  });

  test('mistakes are named with the setting and the expected form, never with the value', () => {
    const cases: [string, string][] = [
      ['Authentication=None', 'The setting DTS has no Endpoint. Expected Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity'],
      ['Endpoint=https://x.durabletask.io', 'The setting DTS has no Authentication.'],
      [
        'Endpoint=https://x.durabletask.io;Authentication=Password',
        "has Authentication=Password, which the Durable Task Scheduler's clients do not accept. Expected one of: None, DefaultAzure, ManagedIdentity",
      ],
      ['Endpoint=https://x.durabletask.io;Authentication=None;AccountKey=c2VjcmV0', 'has a key the Durable Task Scheduler does not know: AccountKey.'],
      ['Endpoint=http://x.example;Authentication=DefaultAzure', 'an http Endpoint with Authentication=DefaultAzure: a token would travel unencrypted.'],
      ['Endpoint=ftp://x;Authentication=None', 'an Endpoint with the scheme ftp: expected https (or http for the emulator).'],
      ['UseDevelopmentStorage=true', 'has a key the Durable Task Scheduler does not know: UseDevelopmentStorage.'],
      ['just text', 'is not a Durable Task Scheduler connection string: a part has no Key=Value form.'],
    ];
    for (const [value, message] of cases) {
      let error: Error | undefined;
      try {
        parseDtsConnectionString(value, 'DTS');
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toContain(message);
      expect(error?.message).not.toContain('c2VjcmV0');
    }
  });
});

describe('what a newcomer gets wrong, said with the way out', () => {
  test('an endpoint on this machine without a scheme, a typo in storageProvider.type, a scheduler string given as a storage connection', () => {
    expect(() => parseDtsConnectionString('Endpoint=127.0.0.1:8080;Authentication=None', 'S')).toThrow(
      "The setting S has an Endpoint without a scheme (127.0.0.1:8080), which the scheduler's clients take as https. Write http://127.0.0.1:8080 for the local emulator, or https:// for a scheduler.",
    );
    // A host name without a scheme is https, as the scheduler's .NET client reads it.
    expect(parseDtsConnectionString('Endpoint=my.westus2.durabletask.io;Authentication=DefaultAzure', 'S').endpoint.href).toBe(
      'https://my.westus2.durabletask.io/',
    );
    const typo = app({ hubName: 'orders', storageProvider: { type: 'azureManagd' } });
    expect(() => resolveHubSettings({ app: typo }, { cwd: typo, env: {} })).toThrow('sets storageProvider.type azureManagd: did you mean azureManaged?');
    expect(() => resolveConnection({ setting: 'DTS', env: { DTS: 'Endpoint=https://x.durabletask.io;Authentication=DefaultAzure' } })).toThrow(
      'the setting DTS holds a Durable Task Scheduler connection string, not a storage one. durable-gate reads a scheduler through --app',
    );
  });

  test('a sign-in that cannot give a token is said as the sign-in for the scheduler, with what to set', async () => {
    const connection = parseDtsConnectionString('Endpoint=https://x.westus2.durabletask.io;Authentication=Environment', 'S');
    // EnvironmentCredential without its variables fails at once, asking nothing of the network.
    const token = schedulerToken(connection, { env: {} });
    const saved = { tenant: process.env.AZURE_TENANT_ID, client: process.env.AZURE_CLIENT_ID, secret: process.env.AZURE_CLIENT_SECRET };
    delete process.env.AZURE_TENANT_ID;
    delete process.env.AZURE_CLIENT_ID;
    delete process.env.AZURE_CLIENT_SECRET;
    try {
      await expect(token()).rejects.toThrow(
        /^signing in to the Durable Task Scheduler at x\.westus2\.durabletask\.io as the connection string's Authentication=environment failed: .*EnvironmentCredential.*\. Where durable-gate runs, that credential must be available/,
      );
    } finally {
      if (saved.tenant !== undefined) process.env.AZURE_TENANT_ID = saved.tenant;
      if (saved.client !== undefined) process.env.AZURE_CLIENT_ID = saved.client;
      if (saved.secret !== undefined) process.env.AZURE_CLIENT_SECRET = saved.secret;
    }
  });
});
