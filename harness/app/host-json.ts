/**
 * The Durable Functions settings of an app's host.json, read as the extension reads them
 * (docs/runtime-rules.md §8):
 * Functions 2.x and later under extensions.durableTask, 1.x under durableTask.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, errorMessage } from '../errors.js';

export interface DurableHostConfig {
  /** The host.json file read, for messages. */
  file: string;
  /** hubName as written (may hold %Setting% references); undefined when absent. */
  hubName?: string;
  /** The app setting naming the storage connection. */
  connectionName: string;
  /** host.json names the connection setting (else `connectionName` is the provider's default). */
  connectionNamed?: boolean;
  /** Where the tracking store (Instances, History) lives when it is not the main connection. */
  trackingStoreConnectionName?: string;
  trackingStoreNamePrefix?: string;
  /** storageProvider.type when it is neither Azure Storage nor the Durable Task Scheduler (mssql, netherite). */
  otherProvider?: string;
  /**
   * storageProvider.type azureManaged (in any case, as the extension compares it): the Durable
   * Task Scheduler, whose connection string is in the setting `connectionName` names
   * (DURABLE_TASK_SCHEDULER_CONNECTION_STRING by default).
   */
  durableTaskScheduler?: boolean;
  /** The path of the durable settings in host.json, for messages. */
  section: string;
  /** Orchestration versioning: the version new instances get (extensions.durableTask.defaultVersion). */
  defaultVersion?: string;
  /** extensions.durableTask.storeInputsInOrchestrationHistory: TaskScheduled and SubOrchestrationInstanceCreated keep their inputs. */
  storeInputs?: boolean;
}

type Json = Record<string, unknown>;

/** The Durable Task Scheduler's default connection setting (AzureManagedScalabilityProviderFactory.DefaultConnectionNameConstant). */
export const DTS_CONNECTION_SETTING = 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING';

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
    // Editors on Windows may write a byte order mark; the host reads past it.
    host = JSON.parse(stripJsonComments(raw.replace(/^\uFEFF/, ''))) as Json;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${errorMessage(error)}`);
  }
  const v2 = (typeof host.version === 'string' || typeof host.version === 'number') && String(host.version).startsWith('2');
  const durable = ((v2 ? (host.extensions as Json | undefined)?.durableTask : host.durableTask) ?? {}) as Json;
  const provider = (durable.storageProvider ?? {}) as Json;
  const type = text(provider.type);
  const connectionName = v2 ? (text(provider.connectionName) ?? text(provider.connectionStringName)) : text(durable.azureStorageConnectionStringName);
  const tracking = text(provider.trackingStoreConnectionName) ?? text(provider.trackingStoreConnectionStringName);
  const prefix = text(provider.trackingStoreNamePrefix);
  const hubName = text(durable.hubName);
  const defaultVersion = text(durable.defaultVersion);
  // The extension picks the provider by name in any case (DurableTaskExtension.cs, OrdinalIgnoreCase).
  const scheduler = type !== undefined && /^azuremanaged$/i.test(type);
  return {
    file,
    connectionName: connectionName ?? (scheduler ? DTS_CONNECTION_SETTING : 'AzureWebJobsStorage'),
    ...(connectionName ? { connectionNamed: true } : {}),
    ...(scheduler ? { durableTaskScheduler: true } : {}),
    section: v2 ? 'extensions.durableTask' : 'durableTask',
    ...(hubName ? { hubName } : {}),
    ...(defaultVersion ? { defaultVersion } : {}),
    ...(durable.storeInputsInOrchestrationHistory === true ? { storeInputs: true } : {}),
    ...(tracking ? { trackingStoreConnectionName: tracking } : {}),
    ...(prefix ? { trackingStoreNamePrefix: prefix } : {}),
    ...(type && !scheduler && !/^azure_?storage$/i.test(type) ? { otherProvider: type } : {}),
  };
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
