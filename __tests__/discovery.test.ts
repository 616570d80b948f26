/**
 * Which task hub and storage setting a slot's code uses, read from host.json as the Durable
 * Functions extension reads it (azure-functions-durable-extension: Options/DurableTaskOptions.cs,
 * Options/AzureStorageOptions.cs), and the action.yml contract.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultHubName, readHostConfig, resolveHubName } from '../src/azure/discovery.js';
import { GATE_OPTIONS } from '../src/commands/gate.js';
import { RECORD_OPTIONS } from '../src/commands/record.js';
import { REPLAY_OPTIONS } from '../src/commands/replay.js';
import { CHECK_OPTIONS } from '../src/commands/check.js';
import { LINT_OPTIONS } from '../src/commands/lint.js';
import { SWAP_OPTIONS } from '../src/commands/swap.js';
import { VALIDATE_OPTIONS } from '../src/commands/validate.js';
import { repoRoot } from './helpers/apps.js';

function app(hostJson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-host-'));
  writeFileSync(join(dir, 'host.json'), hostJson);
  return dir;
}

describe('host.json', () => {
  test('2.x: hubName, storageProvider.connectionName, the tracking store; comments and trailing commas tolerated', () => {
    const config = readHostConfig(
      app(`{
      // the durable settings
      "version": "2.0",
      "extensions": { "durableTask": {
        "hubName": "%TaskHubName%", /* per slot */
        "storageProvider": { "connectionName": "DurableStorage", "trackingStoreConnectionName": "Tracking", "trackingStoreNamePrefix": "Shared", },
      } }
    }`),
    );
    expect(config).toMatchObject({
      hubName: '%TaskHubName%',
      connectionName: 'DurableStorage',
      trackingStoreConnectionName: 'Tracking',
      trackingStoreNamePrefix: 'Shared',
      section: 'extensions.durableTask',
    });
  });

  test('2.x: the older connectionStringName; defaults when absent; other providers named', () => {
    expect(readHostConfig(app('{"version":"2.0","extensions":{"durableTask":{"storageProvider":{"connectionStringName":"Old"}}}}')).connectionName).toBe('Old');
    const bare = readHostConfig(app('{"version":"2.0"}'));
    expect(bare.connectionName).toBe('AzureWebJobsStorage');
    expect(bare.hubName).toBeUndefined();
    expect(readHostConfig(app('{"version":"2.0","extensions":{"durableTask":{"storageProvider":{"type":"mssql"}}}}')).otherProvider).toBe('mssql');
    expect(readHostConfig(app('{"version":"2.0","extensions":{"durableTask":{"storageProvider":{"type":"AzureStorage"}}}}')).otherProvider).toBeUndefined();
  });

  test('1.x: durableTask.hubName and azureStorageConnectionStringName', () => {
    const config = readHostConfig(app('{"durableTask":{"hubName":"V1Hub","azureStorageConnectionStringName":"V1Storage"}}'));
    expect(config).toMatchObject({ hubName: 'V1Hub', connectionName: 'V1Storage', section: 'durableTask' });
  });

  test('a missing or broken host.json is named', () => {
    expect(() => readHostConfig(mkdtempSync(join(tmpdir(), 'dg-empty-')))).toThrow(/host.json was not found. --app must be the function app folder/);
    expect(() => readHostConfig(app('{"version": '))).toThrow(/host.json is not valid JSON/);
  });
});

describe('the task hub name', () => {
  const config = { file: 'host.json', hubName: '%TaskHubName%', connectionName: 'AzureWebJobsStorage', section: 'extensions.durableTask' };

  test('%Setting% resolved from the slot settings; a missing setting or an invalid name is a problem', () => {
    expect(resolveHubName(config, { TaskHubName: 'OrdersStaging' }, 'orders')).toEqual({ hub: 'OrdersStaging', explicit: true });
    expect(resolveHubName(config, {}, 'orders').problem).toBe("hubName '%TaskHubName%' refers to the app setting TaskHubName, which this slot does not have");
    expect(resolveHubName(config, { TaskHubName: 'orders-staging' }, 'orders').problem).toBe(
      "Task hub name 'orders-staging' should contain only alphanumeric characters, start with a letter, and have length between 3 and 45.",
    );
  });

  test("no hubName: the site name with letters and digits only, 't' before a digit, padded to 3 (DurableTaskOptions, AzureStorageOptions.IsSanitizedHubName)", () => {
    const none = { ...config, hubName: undefined };
    expect(resolveHubName(none, {}, 'order-app')).toEqual({ hub: 'orderapp', explicit: false });
    expect(resolveHubName(none, { WEBSITE_SITE_NAME: 'other' }, 'order-app').hub).toBe('other');
    expect(defaultHubName('1st-app')).toBe('t1stapp');
    expect(defaultHubName('a-b')).toBe('abHub');
    expect(defaultHubName('---')).toBe('DefaultTaskHub');
    expect(defaultHubName('x'.repeat(60))).toHaveLength(45);
  });
});

describe('action.yml', () => {
  test("declares every command's options as inputs (the commands read only what they declare), and nothing else", () => {
    const yml = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    const inputsBlock = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'));
    const declared = new Set([...inputsBlock.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!));
    // The Action's own inputs: which command, and replay's pull-request comment.
    const read = new Set(['command', 'comment', 'github-token']);
    for (const spec of [REPLAY_OPTIONS, CHECK_OPTIONS, LINT_OPTIONS, RECORD_OPTIONS, GATE_OPTIONS, VALIDATE_OPTIONS, SWAP_OPTIONS])
      for (const name of Object.keys(spec)) read.add(name);
    expect([...read].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !read.has(name))).toEqual([]);
    expect(yml).toMatch(/runs:\n {2}using: node24\n {2}main: dist\/index.js/);
  });
});
