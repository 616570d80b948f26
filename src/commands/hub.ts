/** Which Azure Storage task hub `record` and `gate` read, and how they reach it: settings shared by both commands. */
import { join, resolve } from 'node:path';
import { readHostConfig } from '../../harness/app/host-json.js';
import { displayPath } from '../../harness/history/paths.js';
import { resolveHubName } from '../azure/discovery.js';
import { UsageError } from '../../harness/errors.js';
import { nearestName } from '../../harness/nearest.js';
import { secretSink } from '../secrets.js';
import { openTaskHub, type AzureTablesTaskHub, type HistorySource } from '../taskhub/azure-tables.js';
import { localSettings, type StorageConnection } from '../taskhub/connection.js';
import { parseDtsConnectionString } from '../taskhub/dts-connection.js';
import type { CommandServices, SettingsInput } from './input.js';

export const HUB_OPTIONS = { 'task-hub': 'text', connection: 'text', app: 'text', 'table-prefix': 'text' } as const;

/** The setting the Functions host reads the storage connection from when host.json names none. */
export const DEFAULT_CONNECTION_SETTING = 'AzureWebJobsStorage';

export interface HubSettings {
  /** The task hub (host.json extensions.durableTask.hubName); from --app's host.json when not given. */
  taskHub?: string;
  /** The app setting (an environment variable, or a local.settings.json value) with the storage connection; from host.json when not given. */
  connection?: string;
  /** The app folder: its host.json names the hub and the connection setting, its local.settings.json Values are read after the environment. */
  app?: string;
  /** The tables' prefix when the tracking store is shared (default: the task hub). */
  tablePrefix?: string;
}

/** The hub's settings; `why` says what the task hub is needed for when neither it nor the app is given. */
export function readHubSettings(input: SettingsInput, why: string): HubSettings {
  const taskHub = input.text('task-hub');
  const app = input.text('app');
  if (!taskHub && !app)
    throw new UsageError(
      `missing ${input.label('task-hub')}: ${why} (host.json extensions.durableTask.hubName). Or give ${input.label('app')}, the function app folder: its host.json and local.settings.json name the hub and its storage, as func start reads them.`,
    );
  const connection = input.text('connection');
  const tablePrefix = input.text('table-prefix');
  return {
    ...(taskHub ? { taskHub } : {}),
    ...(connection ? { connection } : {}),
    ...(app ? { app } : {}),
    ...(tablePrefix ? { tablePrefix } : {}),
  };
}

/** The hub settings resolved as the Functions host resolves them for the app: what was given wins. */
export interface ResolvedHubSettings {
  taskHub: string;
  connection: string;
  /** host.json names the Durable Task Scheduler: `connection` holds its connection string. */
  scheduler?: boolean;
  appDir?: string;
  tablePrefix?: string;
  /** Where the hub and the connection came from, when the app's files named them (for the first notice). */
  origin?: string;
}

/**
 * The task hub and its connection setting as the extension finds them for a local `func start`
 * (docs/runtime-rules.md §8): host.json hubName with %Setting% references resolved from the
 * environment, then local.settings.json Values; without hubName, WEBSITE_SITE_NAME (letters and
 * digits only) or "TestHubName"; the connection setting storageProvider.connectionName (default
 * AzureWebJobsStorage).
 */
export function resolveHubSettings(settings: HubSettings, services: Pick<CommandServices, 'cwd' | 'env'>): ResolvedHubSettings {
  const appDir = settings.app ? resolve(services.cwd, settings.app) : undefined;
  const given = { ...(appDir ? { appDir } : {}), ...(settings.tablePrefix ? { tablePrefix: settings.tablePrefix } : {}) };
  if (settings.taskHub && (settings.connection || !appDir)) {
    return { taskHub: settings.taskHub, connection: settings.connection ?? DEFAULT_CONNECTION_SETTING, ...given };
  }
  const config = readHostConfig(appDir!);
  const shown = displayPath(config.file, services.cwd);
  if (config.otherProvider) {
    const meant = nearestName(config.otherProvider, ['azureManaged', 'AzureStorage']);
    throw new UsageError(
      meant
        ? `${shown} sets storageProvider.type ${config.otherProvider}: did you mean ${meant}? (azureManaged is the Durable Task Scheduler; AzureStorage, or no type, Azure Storage.)`
        : `${shown} sets storageProvider.type ${config.otherProvider}: record and gate read Azure Storage task hubs (no type, or AzureStorage) and the Durable Task Scheduler (azureManaged). Give --task-hub and --connection for an Azure Storage task hub; gate can also ask the app's HTTP management API (--http-endpoint).`,
    );
  }
  if (!settings.connection && config.trackingStoreConnectionName)
    throw new UsageError(
      `${shown} keeps the Instances and History tables under another connection (trackingStoreConnectionName ${config.trackingStoreConnectionName}): pass --connection ${config.trackingStoreConnectionName} to read them.`,
    );
  const local = localSettings(appDir);
  const values: Record<string, string> = { ...local };
  for (const [name, value] of Object.entries(services.env)) if (value) values[name] = value;
  const origins: string[] = [];
  let taskHub = settings.taskHub;
  if (!taskHub && config.durableTaskScheduler && !config.hubName) {
    // The scheduler's own default hub is not documented: its connection string's TaskHub, or the user's word.
    const setting = settings.connection ?? config.connectionName;
    const value = values[setting];
    const fromConnection = value ? parseDtsConnectionString(value, setting).taskHub : undefined;
    if (!fromConnection)
      throw new UsageError(
        `${shown} names no hubName for the Durable Task Scheduler, nor does its connection string a TaskHub: set hubName, or give --task-hub (the scheduler's task hub).`,
      );
    taskHub = fromConnection;
    origins.push(`task hub ${taskHub} from the connection string's TaskHub`);
  }
  if (!taskHub) {
    const site = values.WEBSITE_SITE_NAME;
    const hub = resolveHubName(config, values, site ?? 'TestHubName');
    if (hub.missingSetting)
      throw new UsageError(
        `${shown} hubName '${config.hubName}' refers to the setting ${hub.missingSetting}, which neither the environment nor ${displayPath(join(appDir!, 'local.settings.json'), services.cwd)} Values holds. Set it, or give --task-hub.`,
      );
    // The Azure Storage provider's name rules: the scheduler has its own.
    if (hub.problem && !config.durableTaskScheduler) throw new UsageError(`${shown}: ${hub.problem} The extension would not start with it.`);
    taskHub = hub.hub;
    origins.push(
      config.hubName
        ? `task hub ${taskHub} from ${config.section}.hubName${config.hubName !== taskHub ? ` '${config.hubName}'` : ''}`
        : `task hub ${taskHub}: no hubName in host.json, so the extension's default (${site ? 'WEBSITE_SITE_NAME' : 'TestHubName outside Azure'})`,
    );
  }
  const connection = settings.connection ?? config.connectionName;
  if (!settings.connection)
    origins.push(
      connection === DEFAULT_CONNECTION_SETTING || (config.durableTaskScheduler && !config.connectionNamed)
        ? `connection setting ${connection} (the default${config.durableTaskScheduler ? ' for the scheduler' : ''}: ${shown} names no other)`
        : `connection setting ${connection} from ${shown} ${config.section}.storageProvider`,
    );
  const tablePrefix = settings.tablePrefix ?? config.trackingStoreNamePrefix;
  return {
    taskHub,
    connection,
    ...(config.durableTaskScheduler ? { scheduler: true } : {}),
    ...given,
    ...(tablePrefix ? { tablePrefix } : {}),
    ...(origins.length > 0 ? { origin: origins.join('; ') } : {}),
  };
}

/** An Azure Storage task hub, its requests ended by `signal`. Whatever the connection setting holds is reported as a secret, whether or not it parses. */
function openStorageHub(
  resolved: ResolvedHubSettings,
  services: CommandServices,
  signal: AbortSignal,
): { hub: AzureTablesTaskHub; connection: StorageConnection } {
  // The keys and SAS tokens in a value from local.settings.json are masked as the connection's secrets below.
  const raw = services.env[resolved.connection];
  if (raw) secretSink()?.(raw);
  const opened = openTaskHub({
    taskHub: resolved.taskHub,
    setting: resolved.connection,
    env: services.env,
    signal,
    ...(resolved.appDir ? { appDir: resolved.appDir } : {}),
    ...(resolved.tablePrefix ? { tablePrefix: resolved.tablePrefix } : {}),
  });
  for (const secret of opened.connection.secrets) secretSink()?.(secret);
  return opened;
}

/**
 * The hub record and the gate read: an Azure Storage task hub, or a Durable Task
 * Scheduler's when the app's host.json names the scheduler. `close` ends the scheduler's connection.
 */
export async function openHistorySource(
  settings: HubSettings,
  services: CommandServices,
  signal: AbortSignal,
): Promise<{ hub: HistorySource; connection: { secrets: string[] }; resolved: ResolvedHubSettings; close: () => void }> {
  const resolved = resolveHubSettings(settings, services);
  if (!resolved.scheduler) return { ...openStorageHub(resolved, services, signal), resolved, close: () => undefined };
  // An empty variable counts as unset, as for the other settings: local.settings.json is read next.
  const value = services.env[resolved.connection] || localSettings(resolved.appDir)[resolved.connection];
  if (!value)
    throw new UsageError(
      `the setting ${resolved.connection} (the Durable Task Scheduler's connection string) is not set in the environment${resolved.appDir ? ' nor in local.settings.json Values' : ''}. Set it, e.g. Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=DefaultAzure.`,
    );
  const connection = parseDtsConnectionString(value, resolved.connection);
  const { openSchedulerHub } = await import('../taskhub/dts.js');
  const hub = openSchedulerHub({ connection, taskHub: resolved.taskHub, env: services.env, signal });
  return { hub, connection: { secrets: [] }, resolved, close: () => hub.close() };
}
