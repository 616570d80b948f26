/**
 * The function app through Azure Resource Manager: the settings every command that reaches it takes
 * (`validate`, `swap`, `gate --slot`), the site opened with the chosen identity, and the task hub a
 * slot is bound to.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import { ArmClient } from '../azure/arm.js';
import { AUTH_KINDS, CLOUDS, cloudFor, createCredential, type AuthKind, type AzureIdentity } from '../azure/credentials.js';
import { readHostConfig } from '../azure/discovery.js';
import { WebSite } from '../azure/site.js';
import { discoverSlot, openSlotHub, type SlotBinding } from '../azure/slots.js';
import type { DtsConnection } from '../taskhub/dts-connection.js';
import type { GateSource } from '../gate/job.js';
import { secretSink } from '../secrets.js';
import type { CommandEvents, CommandServices, SettingsInput } from './input.js';

export const AZURE_OPTIONS = {
  'app-name': 'text',
  'resource-group': 'text',
  subscription: 'text',
  auth: 'text',
  'client-id': 'text',
  'tenant-id': 'text',
  environment: 'text',
  'arm-endpoint': 'text',
} as const;

export interface AzureSettings {
  appName: string;
  resourceGroup: string;
  subscription: string;
  auth: AuthKind;
  clientId?: string;
  tenantId?: string;
  /** The cloud (AzureCloud, AzureChinaCloud, AzureUSGovernment). */
  environment: string;
  /** Resource Manager's endpoint: the cloud's, or another one (Azure Stack, private clouds). */
  armEndpoint: string;
}

/**
 * The app's coordinates and the sign-in, checked before anything is sent. `env` gives the
 * defaults the Azure tools share (AZURE_SUBSCRIPTION_ID, AZURE_CLIENT_ID, AZURE_TENANT_ID).
 */
export function readAzureSettings(input: SettingsInput, env: NodeJS.ProcessEnv, command: string): AzureSettings {
  const appName = input.text('app-name');
  const resourceGroup = input.text('resource-group');
  const missing = [...(appName ? [] : ['app-name']), ...(resourceGroup ? [] : ['resource-group'])];
  if (missing.length)
    throw new UsageError(`missing ${missing.map((name) => input.label(name)).join(' and ')}: ${command} reaches the app through Azure Resource Manager.`);
  const subscription = input.text('subscription') || env.AZURE_SUBSCRIPTION_ID;
  if (!subscription)
    throw new UsageError(`missing ${input.label('subscription')} (or the AZURE_SUBSCRIPTION_ID environment variable): the app's subscription.`);
  const environment = input.text('environment') ?? 'AzureCloud';
  const cloud = CLOUDS[environment.toLowerCase()];
  if (!cloud)
    throw new UsageError(
      `Invalid ${input.label('environment')} '${environment}'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment (or ${input.label('arm-endpoint')} for another cloud).`,
    );
  const armEndpoint = input.text('arm-endpoint') ?? cloud.arm;
  if (!URL.canParse(armEndpoint) || !/^https:/i.test(armEndpoint))
    throw new UsageError(`Invalid ${input.label('arm-endpoint')} '${armEndpoint}'. Expected an https URL such as https://management.azure.com.`);
  const authText = input.text('auth') ?? 'azure-cli';
  const auth = AUTH_KINDS.find((kind) => kind === authText.toLowerCase());
  if (!auth) throw new UsageError(`Invalid ${input.label('auth')} '${authText}'. Expected one of ${AUTH_KINDS.join(', ')}.`);
  const clientId = input.text('client-id');
  const tenantId = input.text('tenant-id');
  if (auth === 'oidc' && !((clientId || env.AZURE_CLIENT_ID) && (tenantId || env.AZURE_TENANT_ID)))
    throw new UsageError(
      `${input.label('auth')} oidc needs the app registration's (or managed identity's) client id and the tenant id: ${input.label('client-id')} and ${input.label('tenant-id')}, or AZURE_CLIENT_ID and AZURE_TENANT_ID.`,
    );
  return {
    appName: appName!,
    resourceGroup: resourceGroup!,
    subscription,
    auth,
    ...(clientId ? { clientId } : {}),
    ...(tenantId ? { tenantId } : {}),
    environment: cloud.name,
    armEndpoint,
  };
}

export interface OpenedSite {
  site: WebSite;
  identity: AzureIdentity;
}

/** The app through ARM with the chosen identity; ARM's notices (409 waits, long operations) go to onNotice. */
export async function openSite(
  settings: AzureSettings,
  services: CommandServices,
  events: CommandEvents,
  limits: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<OpenedSite> {
  const cloud = cloudFor(settings.environment);
  const identity = await createCredential({
    cloud,
    env: services.env,
    auth: settings.auth,
    ...(settings.clientId ? { clientId: settings.clientId } : {}),
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
  });
  const arm = new ArmClient({
    endpoint: settings.armEndpoint,
    credential: identity.credential,
    scope: `${cloud.arm}/.default`,
    ...(events.onNotice ? { onNotice: events.onNotice } : {}),
    ...(limits.signal ? { signal: limits.signal } : {}),
    ...(limits.timeoutMs ? { conflictWaitMs: limits.timeoutMs, operationTimeoutMs: limits.timeoutMs, retryBudgetMs: limits.timeoutMs } : {}),
  });
  return { site: new WebSite(arm, { subscription: settings.subscription, resourceGroup: settings.resourceGroup, name: settings.appName }), identity };
}

/**
 * gate with a slot: the hub the slot's code uses, discovered from its app settings (through ARM)
 * and the app's host.json. The storage secrets found are reported before anything prints them.
 */
export async function slotSource(
  settings: AzureSettings,
  target: { slot: string; app?: string },
  services: CommandServices,
  events: CommandEvents,
  limits: { signal?: AbortSignal; timeoutMs?: number; requests?: AbortSignal },
): Promise<GateSource> {
  const { slot } = target;
  const { site, identity } = await openSite(settings, services, events, limits);
  const config = target.app ? readHostConfig(resolve(services.cwd, target.app)) : undefined;
  if (!config)
    events.onWarning?.('no app folder, so host.json was not read: assuming the default storage setting AzureWebJobsStorage and the default hub name.');
  const provider = config?.otherProvider;
  if (provider)
    throw new UsageError(
      `host.json selects the ${provider} storage provider; the gate reads Azure Storage task hubs and the Durable Task Scheduler. Gate through the app's HTTP management API (the http-endpoint option) with the slot's URL instead.`,
    );
  const binding = await discoverSlot({ site, slot, credential: identity.credential, ...(config ? { config } : {}) });
  const where = site.describe(slot);
  const { connection, scheduler } = binding;
  if (!connection && !scheduler)
    throw new UsageError(
      `${where} ${binding.connectionProblem}. The gate cannot find the slot's durable storage; check host.json's connection setting and the slot's app settings.`,
    );
  if (binding.hub.problem) throw new UsageError(`${where}: ${binding.hub.problem}.`);
  const hubFrom = config?.hubName
    ? `host.json hubName ${config.hubName !== binding.hub.hub ? `'${config.hubName}' → ` : ''}${binding.hub.hub}`
    : `${binding.hub.hub} (${scheduler ? "the connection string's TaskHub" : 'the default'}: no hubName in host.json)`;
  if (scheduler) return schedulerSlotSource(binding, scheduler, hubFrom, identity, where, services, events, limits.requests);
  // The whole connection string is a secret too, not just its key: both are masked before anything more is said.
  const raw = binding.settingNames.map((name) => binding.settings[name] ?? '').filter((value) => /AccountKey=|SharedAccessSignature=/i.test(value));
  const secrets = [...connection!.secrets, ...raw];
  for (const secret of secrets) secretSink()?.(secret);
  events.onNotice?.(`discovered ${where}: task hub ${hubFrom}; storage ${connection!.describe}; read as ${identity.describe} through ARM.`);
  const hub = openSlotHub(binding, config);
  return { source: hub, hub, secrets };
}

/**
 * A slot on the Durable Task Scheduler: its task hub read with the identity that reads ARM (the
 * connection string's ManagedIdentity is the app's own, not the one running durable-gate), which
 * needs the role Durable Task Data Reader; no token with Authentication=None (an emulator).
 */
async function schedulerSlotSource(
  binding: SlotBinding,
  connection: DtsConnection,
  hubFrom: string,
  identity: AzureIdentity,
  where: string,
  services: CommandServices,
  events: CommandEvents,
  requests: AbortSignal | undefined,
): Promise<GateSource> {
  const { openSchedulerHub } = await import('../taskhub/dts.js');
  const hub = openSchedulerHub({
    connection,
    taskHub: binding.hub.hub,
    env: services.env,
    credential: identity.credential,
    identity: identity.describe,
    ...(requests ? { signal: requests } : {}),
  });
  events.onNotice?.(`discovered ${where}: task hub ${hubFrom} on the Durable Task Scheduler at ${connection.endpoint.host}; read as ${identity.describe}.`);
  return { source: hub, hub, secrets: [], close: () => hub.close() };
}
