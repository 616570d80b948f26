/**
 * Which task hub and which storage a slot's code uses, as the Durable Functions extension decides
 * it from host.json and the slot's app settings (docs/runtime-rules.md §8):
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
import type { DurableHostConfig } from '../../harness/app/host-json.js';

export { readHostConfig, stripJsonComments, type DurableHostConfig } from '../../harness/app/host-json.js';

export interface ResolvedHub {
  /** The task hub's name as the extension uses it. */
  hub: string;
  explicit: boolean;
  /** Problems with the name, in the extension's words. */
  problem?: string;
  /** The app setting hubName refers to, when the slot does not have it. */
  missingSetting?: string;
}

/** The app settings hubName refers to (%Name%). */
export function hubSettingNames(config: DurableHostConfig | undefined): string[] {
  return [...(config?.hubName ?? '').matchAll(/%([^%]+)%/g)].map((m) => m[1]!);
}

/** The hub a slot's code uses: %Setting% references resolved from the slot's settings. */
export function resolveHubName(config: DurableHostConfig, settings: Record<string, string>, siteName: string): ResolvedHub {
  if (!config.hubName) return { hub: defaultHubName(settings.WEBSITE_SITE_NAME ?? siteName), explicit: false };
  let missing: string | undefined;
  const hub = config.hubName.replace(/%([^%]+)%/g, (_, name: string) => {
    const value = settings[name];
    if (value === undefined) {
      missing ??= name;
      return `%${name}%`;
    }
    return value;
  });
  if (missing)
    return {
      hub,
      explicit: true,
      missingSetting: missing,
      problem: `hubName '${config.hubName}' refers to the app setting ${missing}, which this slot does not have`,
    };
  const problem = hubNameProblem(hub);
  return { hub, explicit: true, ...(problem ? { problem } : {}) };
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
