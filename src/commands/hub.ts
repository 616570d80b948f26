/** Which Azure Storage task hub `record` and `gate` read, and how they reach it: settings shared by both commands. */
import { resolve } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import { secretSink } from '../secrets.js';
import { openTaskHub, type AzureTablesTaskHub } from '../taskhub/azure-tables.js';
import type { StorageConnection } from '../taskhub/connection.js';
import type { CommandServices, SettingsInput } from './input.js';

export const HUB_OPTIONS = { 'task-hub': 'text', connection: 'text', app: 'text', 'table-prefix': 'text' } as const;

/** The setting the Functions host reads the storage connection from when host.json names none. */
export const DEFAULT_CONNECTION_SETTING = 'AzureWebJobsStorage';

export interface HubSettings {
  /** The task hub (host.json extensions.durableTask.hubName). */
  taskHub: string;
  /** The app setting (an environment variable, or a local.settings.json value) with the storage connection. */
  connection: string;
  /** The app folder whose local.settings.json Values are read after the environment. */
  app?: string;
  /** The tables' prefix when the tracking store is shared (default: the task hub). */
  tablePrefix?: string;
}

/** The hub's settings; `why` says what the task hub is needed for when it is missing. */
export function readHubSettings(input: SettingsInput, why: string): HubSettings {
  const taskHub = input.text('task-hub');
  if (!taskHub) throw new UsageError(`missing ${input.label('task-hub')}: ${why} (host.json extensions.durableTask.hubName).`);
  const app = input.text('app');
  const tablePrefix = input.text('table-prefix');
  return {
    taskHub,
    connection: input.text('connection') ?? DEFAULT_CONNECTION_SETTING,
    ...(app ? { app } : {}),
    ...(tablePrefix ? { tablePrefix } : {}),
  };
}

/** The hub, its requests ended by `signal`. Whatever the connection setting holds is reported as a secret, whether or not it parses. */
export function openHub(settings: HubSettings, services: CommandServices, signal: AbortSignal): { hub: AzureTablesTaskHub; connection: StorageConnection } {
  const raw = services.env[settings.connection];
  if (raw) secretSink()?.(raw);
  const opened = openTaskHub({
    taskHub: settings.taskHub,
    setting: settings.connection,
    env: services.env,
    signal,
    ...(settings.app ? { appDir: resolve(services.cwd, settings.app) } : {}),
    ...(settings.tablePrefix ? { tablePrefix: settings.tablePrefix } : {}),
  });
  for (const secret of opened.connection.secrets) secretSink()?.(secret);
  return opened;
}
