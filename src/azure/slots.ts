/**
 * Discovery (which task hub and storage a slot's code uses, read from ARM and host.json, no
 * storage secret given) and validation of the "status check with slot" set-up: each slot has its
 * own durable storage setting that moves with the code on a swap, and the two slots never share
 * a task hub.
 */
import type { TokenCredential } from '@azure/core-auth';
import { errorMessage } from '../../harness/errors.js';
import { AzureTablesTaskHub } from '../taskhub/azure-tables.js';
import { resolveConnection, type StorageConnection } from '../taskhub/connection.js';
import { parseDtsConnectionString, type DtsConnection } from '../taskhub/dts-connection.js';
import { defaultHubName, hubSettingNames, readHostConfig, resolveHubName, type DurableHostConfig, type ResolvedHub } from './discovery.js';
import { isProduction, type WebSite } from './site.js';
import { option } from '../option-names.js';

export interface SlotBinding {
  slot: string;
  /** The hub the slot's code uses. */
  hub: ResolvedHub;
  /** The setting holding the tracking store's connection. */
  connectionName: string;
  /** Undefined when the slot has no such setting (or it is unusable: see problem). */
  connection?: StorageConnection;
  connectionProblem?: string;
  /** The slot's setting names that make up the connection (a string, or the identity-based parts). */
  settingNames: string[];
  settings: Record<string, string>;
  /** host.json names the Durable Task Scheduler: the slot's connection to it (`connection` is then unset). */
  scheduler?: DtsConnection;
}

export interface DiscoveryOptions {
  site: WebSite;
  slot: string;
  /** The app's host.json; without it the extension's defaults are assumed. */
  config?: DurableHostConfig;
  /** Used for identity-based storage connections (the same identity that reads ARM). */
  credential: TokenCredential;
}

/** Reads the slot's settings and resolves its hub and storage as the extension would. */
export async function discoverSlot(options: DiscoveryOptions): Promise<SlotBinding> {
  return bindSettings(options.slot, await options.site.appSettings(options.slot), options);
}

/** The hub and storage a slot's code uses with these settings (also: with the settings it would have after a swap). */
export function bindSettings(slot: string, settings: Record<string, string>, options: Pick<DiscoveryOptions, 'site' | 'config' | 'credential'>): SlotBinding {
  const { config } = options;
  if (config?.durableTaskScheduler) return bindScheduler(slot, settings, config, options.site.ref.name);
  const hub = resolveHubName(config ?? { file: '', connectionName: 'AzureWebJobsStorage', section: '' }, settings, options.site.ref.name);
  const connectionName = config?.trackingStoreConnectionName ?? config?.connectionName ?? 'AzureWebJobsStorage';
  const settingNames = Object.keys(settings).filter(
    (name) => name.toLowerCase() === connectionName.toLowerCase() || name.toLowerCase().startsWith(`${connectionName.toLowerCase()}__`),
  );
  let connection: StorageConnection | undefined;
  let connectionProblem: string | undefined;
  const vaulted = settingNames.find((name) => /^@Microsoft\.KeyVault\(/i.test(settings[name] ?? ''));
  if (settingNames.length === 0) {
    connectionProblem = `has no setting ${connectionName} (nor ${connectionName}__accountName or ${connectionName}__tableServiceUri)`;
  } else if (vaulted) {
    connectionProblem = `keeps ${vaulted} in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager: use identity-based settings (${connectionName}__accountName, read with your Azure identity), or gate with ${option('task-hub')} and ${option('connection')}`;
  } else {
    try {
      connection = resolveConnection({ setting: connectionName, env: settings, credential: options.credential, origin: `the app settings of slot ${slot}` });
    } catch (error) {
      connectionProblem = `cannot use its setting ${connectionName}: ${errorMessage(error).replace(/\.$/, '')}`;
    }
  }
  return { slot, hub, connectionName, settingNames, settings, ...(connection ? { connection } : {}), ...(connectionProblem ? { connectionProblem } : {}) };
}

/**
 * The scheduler and task hub a slot's code uses: the connection string in the setting host.json
 * names (default DURABLE_TASK_SCHEDULER_CONNECTION_STRING), the hub from hubName (%Setting%
 * resolved from the slot's settings), else the connection string's TaskHub. The Azure Storage
 * rules for hub names do not apply.
 */
function bindScheduler(slot: string, settings: Record<string, string>, config: DurableHostConfig, siteName: string): SlotBinding {
  const connectionName = config.connectionName;
  const settingNames = Object.keys(settings).filter((name) => name.toLowerCase() === connectionName.toLowerCase());
  const value = settingNames[0] === undefined ? undefined : settings[settingNames[0]];
  let scheduler: DtsConnection | undefined;
  let connectionProblem: string | undefined;
  if (!value) {
    connectionProblem = `has no setting ${connectionName} (the Durable Task Scheduler's connection string)`;
  } else if (/^@Microsoft\.KeyVault\(/i.test(value)) {
    connectionProblem = `keeps ${settingNames[0]} in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager: keep the scheduler's connection string (it holds no secret) as a plain app setting`;
  } else {
    try {
      scheduler = parseDtsConnectionString(value, connectionName);
    } catch (error) {
      connectionProblem = `cannot use its setting ${connectionName}: ${errorMessage(error).replace(/\.$/, '')}`;
    }
  }
  let hub: ResolvedHub;
  if (config.hubName) {
    const resolved = resolveHubName(config, settings, siteName);
    hub = resolved.missingSetting ? resolved : { hub: resolved.hub, explicit: true };
  } else if (scheduler?.taskHub) {
    hub = { hub: scheduler.taskHub, explicit: false };
  } else {
    hub = {
      hub: defaultHubName(settings.WEBSITE_SITE_NAME ?? siteName),
      explicit: false,
      problem: `host.json names no ${config.section}.hubName and the connection string no TaskHub, so which of the scheduler's task hubs the slot uses is not known`,
    };
  }
  return { slot, hub, connectionName, settingNames, settings, ...(scheduler ? { scheduler } : {}), ...(connectionProblem ? { connectionProblem } : {}) };
}

/** The app settings a slot has after a swap with `other`: the other slot's, except the sticky ones, which stay. */
export function settingsAfterSwap(own: Record<string, string>, other: Record<string, string>, sticky: Set<string>): Record<string, string> {
  const isSticky = (name: string): boolean => sticky.has(name.toLowerCase());
  return {
    ...Object.fromEntries(Object.entries(other).filter(([name]) => !isSticky(name))),
    ...Object.fromEntries(Object.entries(own).filter(([name]) => isSticky(name))),
  };
}

/** Where a binding's instances live: storage account and task hub, compared without letter case. */
function place(binding: SlotBinding): string | undefined {
  if (binding.hub.problem) return undefined;
  if (binding.scheduler) return `${binding.scheduler.endpoint.host.toLowerCase()}/${binding.hub.hub.toLowerCase()}`;
  return binding.connection ? `${binding.connection.account.toLowerCase()}/${binding.hub.hub.toLowerCase()}` : undefined;
}

function describePlace(binding: SlotBinding): string {
  if (binding.scheduler) return `task hub ${binding.hub.hub} on the scheduler ${binding.scheduler.endpoint.host}`;
  return `task hub ${binding.hub.hub}${binding.connection ? ` in storage account ${binding.connection.account}` : ''}`;
}

/** The task hub reader for a discovered slot. */
export function openSlotHub(binding: SlotBinding, config?: DurableHostConfig): AzureTablesTaskHub {
  if (!binding.connection) throw new Error(`slot ${binding.slot} ${binding.connectionProblem ?? 'has no storage connection'}`);
  // The hub comes from the slot's own settings: if it has no tables, the slot's code never ran there.
  return new AzureTablesTaskHub(binding.connection, binding.hub.hub, {
    missingIsEmpty: true,
    ...(config?.trackingStoreNamePrefix ? { trackingPrefix: config.trackingStoreNamePrefix } : {}),
  });
}

export interface Finding {
  level: 'error' | 'warning';
  code: string;
  message: string;
  fix: string;
}

export interface ValidationReport {
  schema: 'durable-gate.validation/v1';
  app: string;
  slot: string;
  target: string;
  plan?: { sku?: string; tier?: string };
  hostJson?: string;
  slots: { slot: string; taskHub: string; hubExplicit: boolean; connection: string; storage?: string; scheduler?: string }[];
  findings: Finding[];
  ok: boolean;
}

export interface ValidateOptions {
  site: WebSite;
  slot: string;
  target: string;
  appDir?: string;
  credential: TokenCredential;
  /** Who the credential is, for messages (the identity durable-gate signs in with). */
  identity?: string;
  /** Ends the checks' calls to the scheduler (validate's deadline, a cancel). */
  signal?: AbortSignal;
}

/**
 * Checks the set-up before a swap. Errors stop a swap; warnings are said and let it go on.
 * The findings and their levels are documented in the README ("validate").
 */
export async function validateSlots(options: ValidateOptions): Promise<ValidationReport> {
  const { site, slot, target } = options;
  const findings: Finding[] = [];
  const report: ValidationReport = { schema: 'durable-gate.validation/v1', app: site.ref.name, slot, target, slots: [], findings, ok: false };
  if (slot.toLowerCase() === target.toLowerCase()) {
    findings.push({
      level: 'error',
      code: 'same-slot',
      message: `${option('slot')} and ${option('target')} are both '${slot}'.`,
      fix: `Swap the staging slot into production: ${option('slot')} staging (${option('target')} defaults to production).`,
    });
    return report;
  }
  const plan = await site.plan();
  report.plan = { ...(plan.sku ? { sku: plan.sku } : {}), ...(plan.tier ? { tier: plan.tier } : {}) };
  if (plan.flexConsumption) {
    findings.push({
      level: 'error',
      code: 'plan-without-slots',
      message: `${site.ref.name} runs on a Flex Consumption plan, which has no deployment slots.`,
      fix: 'Deploy side by side instead: a new task hub name (hubName) for the new version, or orchestration versioning (host.json defaultVersion); durable-gate replay tells which in-flight instances the new code breaks.',
    });
    return report;
  }
  // plan() has read the production site already.
  for (const [name, optionName] of [
    [slot, 'slot'],
    [target, 'target'],
  ] as const)
    if (!isProduction(name)) await site.get(name, optionName);
  let config: DurableHostConfig | undefined;
  if (options.appDir) {
    config = readHostConfig(options.appDir);
    report.hostJson = config.file;
  } else {
    findings.push({
      level: 'warning',
      code: 'no-host-json',
      message: `host.json was not read (no ${option('app')}): the task hubs and the storage setting are assumed to be the extension's defaults.`,
      fix: `Give ${option('app')} with the function app folder being deployed.`,
    });
  }
  const provider = config?.otherProvider;
  if (provider) {
    findings.push({
      level: 'warning',
      code: 'other-storage-provider',
      message: `host.json selects the ${provider} storage provider: the storage checks below assume Azure Storage.`,
      fix: `Gate through the HTTP management API instead (gate with ${option('http-endpoint')}).`,
    });
  }
  const bindings = await Promise.all(
    [slot, target].map((name) => discoverSlot({ site, slot: name, credential: options.credential, ...(config ? { config } : {}) })),
  );
  const sticky = new Set((await site.stickySettingNames()).map((n) => n.toLowerCase()));
  const storageChecks = !provider;
  for (const binding of bindings) {
    const where = site.describe(binding.slot);
    report.slots.push({
      slot: binding.slot,
      taskHub: binding.hub.hub,
      hubExplicit: binding.hub.explicit,
      connection: binding.connectionName,
      ...(binding.connection ? { storage: binding.connection.account } : {}),
      ...(binding.scheduler ? { scheduler: binding.scheduler.endpoint.host } : {}),
    });
    if (binding.connectionProblem && storageChecks) {
      findings.push({
        level: 'error',
        code: 'storage-setting-missing',
        message: `${where} ${binding.connectionProblem}.`,
        fix: config?.durableTaskScheduler
          ? `Give each slot its ${binding.connectionName} setting (Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<client id>]), not marked as a deployment slot setting.`
          : `Give each slot its own ${binding.connectionName} setting (a connection string, or ${binding.connectionName}__accountName for identity-based access), not marked as a deployment slot setting.`,
      });
    }
    if (config && !binding.hub.explicit && !isProduction(binding.slot)) {
      findings.push({
        level: 'error',
        code: 'hub-name-implicit',
        message: `host.json has no ${config.section}.hubName: in slot ${binding.slot} the Durable Functions extension refuses to start ("Task Hub name must be specified in host.json when using slots").`,
        fix: `Set ${config.section}.hubName, e.g. "%TaskHubName%" with a different TaskHubName app setting in each slot (not sticky).`,
      });
    }
    const missing = binding.hub.missingSetting;
    if (missing) {
      findings.push({
        level: 'error',
        code: 'hub-setting-missing',
        message: `${where}: ${binding.hub.problem}.`,
        fix: `Add the app setting ${missing} to ${where} (not a deployment slot setting), naming a task hub of its own.`,
      });
    } else if (binding.hub.problem && binding.scheduler) {
      // The scheduler's hub is unknown without hubName (the slot rule above says so in a slot other than production).
      if (isProduction(binding.slot))
        findings.push({
          level: 'error',
          code: 'hub-name-implicit',
          message: `${where}: ${binding.hub.problem}.`,
          fix: `Set ${config?.section ?? 'extensions.durableTask'}.hubName, e.g. "%TASKHUB_NAME%" with a different TASKHUB_NAME app setting in each slot (not sticky), each naming a task hub of the scheduler.`,
        });
    } else if (binding.hub.problem) {
      findings.push({
        level: 'error',
        code: 'hub-name-invalid',
        message: `${where}: ${binding.hub.problem.replace(/\.$/, '')}.`,
        fix: 'Use 3 to 45 letters and digits, starting with a letter.',
      });
    }
  }
  const [a, b] = bindings as [SlotBinding, SlotBinding];
  // Each slot's code must keep its hub through the swap: every setting that decides it moves with the code.
  if (storageChecks) {
    const moved = [
      {
        code: 'new',
        before: a,
        after: bindSettings(b.slot, settingsAfterSwap(b.settings, a.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
      },
      {
        code: 'old',
        before: b,
        after: bindSettings(a.slot, settingsAfterSwap(a.settings, b.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
      },
    ].filter((m) => place(m.before) !== undefined && place(m.before) !== place(m.after));
    if (moved.length) {
      const involved = new Set([...a.settingNames, ...b.settingNames, ...hubSettingNames(config)].map((n) => n.toLowerCase()));
      const stuck = [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])].filter(
        (n) => involved.has(n.toLowerCase()) && sticky.has(n.toLowerCase()) && a.settings[n] !== b.settings[n],
      );
      const m = moved[0]!;
      findings.push({
        level: 'error',
        code: 'durable-setting-sticky',
        message: `${stuck.length ? stuck.join(', ') : 'A durable setting'} ${stuck.length > 1 ? 'are deployment slot settings' : 'is a deployment slot setting'} (sticky) with different values in the two slots: on a swap ${stuck.length > 1 ? 'they stay' : 'it stays'} with the slot, so the ${m.code} code would move from ${describePlace(m.before)} to ${describePlace(m.after)}${m.code === 'new' ? ", where the old code's instances are running" : ', leaving its in-flight instances behind'}.`,
        fix: `Untick "Deployment slot setting" for ${stuck.length ? stuck.join(', ') : 'the durable storage and hub name settings'} on both slots, so that each slot's task hub moves with its code.`,
      });
    }
    // Without host.json the hubs are only assumed: a shared default hub is not reported as a fact.
    if (config && place(a) !== undefined && place(a) === place(b)) {
      findings.push({
        level: 'error',
        code: 'shared-task-hub',
        message: `${site.describe(a.slot)} and ${site.describe(b.slot)} both use ${describePlace(a)}: old and new code would pick up each other's orchestrations.`,
        fix: a.scheduler
          ? 'Give the slots different task hubs: hubName "%TASKHUB_NAME%" in host.json with a different TASKHUB_NAME value in each slot (not sticky), each a task hub of the scheduler.'
          : 'Give the slots different task hubs: hubName "%TaskHubName%" in host.json with a different TaskHubName value in each slot (not sticky), or a storage account per slot.',
      });
    }
  }
  // The gate reads each slot's task hub on the scheduler with this identity: it needs Durable Task Data Reader.
  const readable = await Promise.all(
    bindings.map((binding) =>
      binding.scheduler && !binding.hub.problem
        ? schedulerReadFinding(site.describe(binding.slot), binding, binding.scheduler, options)
        : Promise.resolve(undefined),
    ),
  );
  for (const finding of readable) if (finding) findings.push(finding);
  report.ok = !findings.some((f) => f.level === 'error');
  return report;
}

/**
 * Can the identity validate signs in with read the slot's task hub, as `gate --slot` will? One
 * GetInstance of an id no instance has: answered (it can), refused (what to grant or check), not
 * found (the task hub does not exist on the scheduler), or no token at all (the sign-in).
 */
async function schedulerReadFinding(where: string, binding: SlotBinding, scheduler: DtsConnection, options: ValidateOptions): Promise<Finding | undefined> {
  const { openSchedulerHub, SchedulerError } = await import('../taskhub/dts.js');
  const who = options.identity ?? 'the identity durable-gate signs in with';
  const hub = openSchedulerHub({
    connection: scheduler,
    taskHub: binding.hub.hub,
    env: {},
    credential: options.credential,
    identity: who,
    callTimeoutMs: 15_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const task = `task hub ${binding.hub.hub} on the scheduler ${scheduler.endpoint.host}`;
  try {
    await hub.instance('durable-gate-validate-read-check');
    return undefined;
  } catch (error) {
    if (!(error instanceof SchedulerError))
      return {
        level: 'error',
        code: 'scheduler-sign-in-failed',
        message: `${where}: no token for the scheduler from ${who}: ${errorMessage(error)}`,
        fix: "Sign in as gate --slot will (--auth and its options), with an identity of the scheduler's tenant.",
      };
    if (error.status === 'PERMISSION_DENIED')
      return {
        level: 'error',
        code: 'scheduler-read-refused',
        message: `${where}: ${who} may not read ${task} (PERMISSION_DENIED), so gate --slot would fail closed.`,
        fix: `Grant ${who} the role Durable Task Data Reader on the task hub (or the scheduler); it reads instances and histories only. If it has the role, check that the task hub exists.`,
      };
    if (error.status === 'UNAUTHENTICATED')
      return {
        level: 'error',
        code: 'scheduler-read-refused',
        message: `${where}: the scheduler ${scheduler.endpoint.host} did not accept the token of ${who} (UNAUTHENTICATED), so gate --slot would fail closed.`,
        fix: "Sign in with an identity of the scheduler's tenant (--tenant-id), as gate --slot will.",
      };
    if (error.status === 'NOT_FOUND')
      return {
        level: 'error',
        code: 'task-hub-missing',
        message: `${where}: the scheduler ${scheduler.endpoint.host} has no task hub ${binding.hub.hub}; the slot's code cannot run there.`,
        fix: `Create the task hub ${binding.hub.hub} on the scheduler, or point the slot's hubName setting at one that exists.`,
      };
    return {
      level: 'warning',
      code: 'scheduler-unchecked',
      message: `${where}: ${task} could not be checked: ${errorMessage(error)}`,
      fix: 'Check the endpoint and the network from where durable-gate runs; the gate needs to reach the scheduler.',
    };
  } finally {
    hub.close();
  }
}

export function renderValidation(report: ValidationReport): string {
  const lines = [
    `Validated ${report.app}: slot ${report.slot} → ${report.target}${report.plan?.tier ? ` (plan ${report.plan.tier}${report.plan.sku ? ` ${report.plan.sku}` : ''})` : ''}`,
  ];
  for (const s of report.slots)
    lines.push(
      `  ${s.slot}: task hub ${s.taskHub}${s.hubExplicit ? '' : ' (default)'}, ${s.connection} → ${s.storage ? `storage account ${s.storage}` : s.scheduler ? `Durable Task Scheduler ${s.scheduler}` : 'no storage'}`,
    );
  for (const f of report.findings) lines.push(`${f.level === 'error' ? 'error' : 'warning'} [${f.code}]: ${f.message}\n  fix: ${f.fix}`);
  const errors = report.findings.filter((f) => f.level === 'error').length;
  const warnings = report.findings.length - errors;
  lines.push(
    errors
      ? `${errors} error(s), ${warnings} warning(s): the swap would not be safe; nothing was changed.`
      : `No errors${warnings ? `, ${warnings} warning(s)` : ''}: the slot set-up is fit for a drain-and-swap.`,
  );
  return lines.join('\n') + '\n';
}
