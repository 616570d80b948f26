/**
 * Which task hub and which storage a slot's code uses, as the Durable Functions extension decides
 * it from host.json and the slot's app settings (azure-functions-durable-extension:
 * Options/DurableTaskOptions.cs, Options/AzureStorageOptions.cs,
 * AzureStorageDurabilityProviderFactory.cs):
 * - Functions 2.x and later (host.json "version": "2.0"): extensions.durableTask.hubName;
 *   storageProvider.connectionName (or its older name connectionStringName), default
 *   AzureWebJobsStorage; trackingStoreConnectionName and trackingStoreNamePrefix move the
 *   Instances and History tables.
 * - Functions 1.x: durableTask.hubName and durableTask.azureStorageConnectionStringName.
 * - hubName may be an app setting reference, %Name%, resolved from the slot's settings.
 * - With no hubName, the hub is WEBSITE_SITE_NAME with everything but letters and digits removed
 *   ("TestHubName" outside Azure); in a slot other than production the extension refuses to start
 *   without an explicit hubName.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, errorMessage } from '../../harness/errors.js';

export interface DurableHostConfig {
  /** The host.json file read, for messages. */
  file: string;
  /** hubName as written (may hold %Setting% references); undefined when absent. */
  hubName?: string;
  /** The app setting naming the storage connection. */
  connectionName: string;
  /** Where the tracking store (Instances, History) lives when it is not the main connection. */
  trackingStoreConnectionName?: string;
  trackingStoreNamePrefix?: string;
  /** storageProvider.type when it is not Azure Storage (mssql, netherite, azureManaged). */
  otherProvider?: string;
  /** The path of the durable settings in host.json, for messages. */
  section: string;
}

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Reads the durable settings of an app's host.json. Comments and trailing commas are tolerated, as the host does. */
export function readHostConfig(appDir: string): DurableHostConfig {
  const file = join(appDir, 'host.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file} was not found. --app must be the function app folder (it holds host.json).`);
  }
  let host: Json;
  try {
    host = JSON.parse(stripJsonComments(raw)) as Json;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${errorMessage(error)}`);
  }
  const v2 = String(host.version ?? '').startsWith('2');
  const durable = ((v2 ? (host.extensions as Json | undefined)?.durableTask : host.durableTask) ?? {}) as Json;
  const provider = (durable.storageProvider ?? {}) as Json;
  const type = text(provider.type);
  const connectionName = v2 ? (text(provider.connectionName) ?? text(provider.connectionStringName)) : text(durable.azureStorageConnectionStringName);
  const tracking = text(provider.trackingStoreConnectionName) ?? text(provider.trackingStoreConnectionStringName);
  const prefix = text(provider.trackingStoreNamePrefix);
  const hubName = text(durable.hubName);
  return {
    file,
    connectionName: connectionName ?? 'AzureWebJobsStorage',
    section: v2 ? 'extensions.durableTask' : 'durableTask',
    ...(hubName ? { hubName } : {}),
    ...(tracking ? { trackingStoreConnectionName: tracking } : {}),
    ...(prefix ? { trackingStoreNamePrefix: prefix } : {}),
    ...(type && !/^azure_?storage$/i.test(type) ? { otherProvider: type } : {}),
  };
}

export interface ResolvedHub {
  /** The task hub's name as the extension uses it. */
  hub: string;
  explicit: boolean;
  /** Problems with the name, in the extension's words. */
  problem?: string;
}

/** The hub a slot's code uses: %Setting% references resolved from the slot's settings. */
export function resolveHubName(config: DurableHostConfig, settings: Record<string, string>, siteName: string): ResolvedHub {
  if (!config.hubName) return { hub: defaultHubName(settings.WEBSITE_SITE_NAME ?? siteName), explicit: false };
  let problem: string | undefined;
  const hub = config.hubName.replace(/%([^%]+)%/g, (_, name: string) => {
    const value = settings[name];
    if (value === undefined) {
      problem = `hubName '${config.hubName}' refers to the app setting ${name}, which this slot does not have`;
      return `%${name}%`;
    }
    return value;
  });
  return { hub, explicit: true, ...((problem ?? hubNameProblem(hub)) ? { problem: problem ?? hubNameProblem(hub) } : {}) };
}

/** DurableTaskOptions: the site name with only letters and digits, 't' before a leading digit, 3 to 45 characters. */
export function defaultHubName(siteName: string): string {
  let name = [...siteName].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
  if (!name) return 'DefaultTaskHub';
  if (/^\p{N}/u.test(name)) name = `t${name}`;
  name = name.slice(0, 45);
  return name.length < 3 ? `${name}Hub` : name;
}

/** AzureStorageOptions.ValidateHubName, said the same way. */
export function hubNameProblem(hub: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(hub)) return undefined;
  return `Task hub name '${hub}' should contain only alphanumeric characters, start with a letter, and have length between 3 and 45.`;
}

/** JSON with // and /* comments and trailing commas, as host.json may be written. */
export function stripJsonComments(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < input.length && input[i] !== '"'; i++) if (input[i] === '\\') i++;
      out += input.slice(start, i + 1);
    } else if (c === '/' && input[i + 1] === '/') {
      while (i < input.length && input[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && input[i + 1] === '*') {
      const end = input.indexOf('*/', i + 2);
      i = end < 0 ? input.length : end + 1;
    } else if (c !== ',' || !/^\s*[}\]]/.test(input.slice(i + 1))) {
      out += c;
    }
  }
  return out;
}
