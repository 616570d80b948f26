/** `durable-gate validate`, `durable-gate swap` and slot discovery for `gate --slot`: through ARM. */
import { resolve } from 'node:path';
import { stopReason } from '../../harness/app/host.js';
import { DurableGateError, UsageError } from '../../harness/errors.js';
import { withDeadline } from '../deadline.js';
import { ArmClient } from '../azure/arm.js';
import { cloudFor, createCredential, type AzureIdentity } from '../azure/credentials.js';
import { readHostConfig } from '../azure/discovery.js';
import { isProduction, WebSite } from '../azure/site.js';
import { discoverSlot, openSlotHub, renderValidation, validateSlots, type ValidationReport } from '../azure/slots.js';
import { runSwap, swapExitCode, SWAP_ACTIONS, type HealthCheck, type SwapAction, type SwapReport } from '../azure/swap.js';
import { parseCount, parseDuration } from './options.js';
import { parse, type CommandIo, type GateSource } from './taskhub.js';
import { AZURE_HELP, AZURE_OPTIONS } from './azure-options.js';

export interface AzureValues {
  'app-name'?: string;
  'resource-group'?: string;
  subscription?: string;
  auth?: string;
  'client-id'?: string;
  'tenant-id'?: string;
  environment?: string;
  'arm-endpoint'?: string;
  timeout?: string;
}

export interface OpenedSite {
  site: WebSite;
  identity: AzureIdentity;
}

/** The app through ARM, with the chosen identity. Notices (409 waits, long operations) go to stderr. */
export async function openSite(
  values: AzureValues,
  io: CommandIo,
  command: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<OpenedSite> {
  const missing = (['app-name', 'resource-group'] as const).filter((name) => !values[name]);
  if (missing.length)
    throw new UsageError(
      `missing ${missing.map((m) => `--${m}`).join(' and ')}: ${command} reaches the app through Azure Resource Manager. Run 'durable-gate ${command} --help'.`,
    );
  const subscription = values.subscription || io.env.AZURE_SUBSCRIPTION_ID;
  if (!subscription) throw new UsageError(`missing --subscription <id> (or AZURE_SUBSCRIPTION_ID). Run 'durable-gate ${command} --help'.`);
  const cloud = cloudFor(values.environment);
  const endpoint = values['arm-endpoint'] || cloud.arm;
  if (!URL.canParse(endpoint) || !/^https:/i.test(endpoint))
    throw new UsageError(`Invalid --arm-endpoint '${endpoint}'. Expected an https URL such as https://management.azure.com.`);
  const identity = await createCredential({
    cloud,
    env: io.env,
    ...(values.auth ? { auth: values.auth } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
    ...(values['tenant-id'] ? { tenantId: values['tenant-id'] } : {}),
  });
  const arm = new ArmClient({
    endpoint,
    credential: identity.credential,
    scope: `${cloud.arm}/.default`,
    onNotice: (message) => io.stderr.write(`durable-gate: ${message}\n`),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs ? { conflictWaitMs: options.timeoutMs, operationTimeoutMs: options.timeoutMs, retryBudgetMs: options.timeoutMs } : {}),
  });
  return { site: new WebSite(arm, { subscription, resourceGroup: values['resource-group']!, name: values['app-name']! }), identity };
}

/** gate --slot: the hub the slot's code uses, discovered from ARM and host.json. */
export async function slotSource(
  values: AzureValues & { slot?: string; app?: string },
  io: CommandIo,
  signal?: AbortSignal,
  timeoutMs?: number,
): Promise<GateSource> {
  const slot = values.slot!;
  const { site, identity } = await openSite(values, io, 'gate', { ...(signal ? { signal } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
  if (!values.app && !isProduction(slot)) {
    throw new UsageError(
      `gate --slot ${slot} needs --app <dir>: the app folder being deployed, whose host.json names the task hub (in a slot other than production the extension refuses to start without an explicit hubName, so the default cannot be right).`,
    );
  }
  const config = values.app ? readHostConfig(resolve(io.cwd, values.app)) : undefined;
  if (!config)
    io.stderr.write(
      `durable-gate: warning: no --app, so host.json was not read: assuming the default storage setting AzureWebJobsStorage and the default hub name.\n`,
    );
  if (config?.otherProvider)
    throw new UsageError(
      `host.json selects the ${config.otherProvider} storage provider; the gate reads Azure Storage task hubs. Use --http-endpoint with the slot's URL instead.`,
    );
  const binding = await discoverSlot({ site, slot, credential: identity.credential, ...(config ? { config } : {}) });
  const where = site.describe(slot);
  if (!binding.connection)
    throw new UsageError(
      `${where} ${binding.connectionProblem}. The gate cannot find the slot's durable storage; check host.json's connection setting and the slot's app settings.`,
    );
  if (binding.hub.problem) throw new UsageError(`${where}: ${binding.hub.problem}.`);
  const hubFrom = config?.hubName
    ? `host.json hubName ${config.hubName !== binding.hub.hub ? `'${config.hubName}' → ` : ''}${binding.hub.hub}`
    : `${binding.hub.hub} (the default: no hubName in host.json)`;
  io.stderr.write(
    `durable-gate: discovered ${where}: task hub ${hubFrom}; storage ${binding.connection.describe}; read as ${identity.describe} through ARM.\n`,
  );
  // The whole connection string is masked too, not just its key.
  const raw = binding.settingNames.map((name) => binding.settings[name] ?? '').filter((value) => /AccountKey=|SharedAccessSignature=/i.test(value));
  const hub = openSlotHub(binding, config);
  return { source: hub, hub, secrets: [...binding.connection.secrets, ...raw] };
}

export const VALIDATE_USAGE = `Usage: durable-gate validate --slot <slot> --app-name <name> --resource-group <name> [options]

Checks that the slot set-up is fit for a drain-and-swap: the durable storage setting exists on
both slots and is not sticky, the slots do not share a task hub, host.json names the hub
explicitly, and the plan has slots. Changes nothing.

Options:
  --slot <name>           The slot to be swapped (e.g. staging).
  --target <name>         The slot it swaps into (default production).
  --app <dir>             The function app folder being deployed (its host.json is read).
  --format text|json      Report format on stdout (default text).
  --timeout <duration>    Stop after this long (default 5m).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 no errors (warnings may be listed); 1 errors found (each says how to fix it);
2 could not check (Azure unreachable, not allowed, app or slot not found, bad options, stopped by
--timeout or a cancel).
`;

export const SWAP_USAGE = `Usage: durable-gate swap --slot <slot> --app-name <name> --resource-group <name> [options]

Validates the set-up, swaps the slot into the target through Azure Resource Manager, follows the
operation to its end, checks the target's health and swaps back when it is unhealthy.

Options:
  --slot <name>           The slot holding the new version (e.g. staging).
  --target <name>         The slot to swap into (default production).
  --action <action>       swap (default); preview (apply the target's slot settings to the slot:
                          phase one of a swap with preview); complete (finish a previewed swap);
                          reset (cancel a preview).
  --health-url <url>      After the swap, GET this URL on the target until it answers healthily.
  --health-status <code>  The healthy status (default 200).
  --health-expect <text>  The healthy body must contain this text (e.g. the commit deployed).
  --health-attempts <n>   Attempts before the target counts as unhealthy (default 10).
  --health-interval <dur> Time between attempts (default 10s).
  --rollback <when>       on-failure (default: swap back when the health check fails) or never.
  --timeout <duration>    How long to wait for busy sites and for each operation (default 15m).
  --app <dir>             The function app folder being deployed (its host.json is validated).
  --skip-validation       Swap without validating the slot set-up.
  --format text|json      Report format on stdout (default text).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 the target serves the new version (healthily, when --health-url is given);
1 the swap or the health check failed (the report says whether it was swapped back);
2 could not act: validation errors, Azure unreachable, not allowed, cancelled, bad options.
`;

function format(values: { format?: string }): 'text' | 'json' {
  const value = values.format ?? 'text';
  if (value !== 'text' && value !== 'json') throw new UsageError(`Invalid --format '${value}'. Expected text or json.`);
  return value;
}

function requireSlot(values: { slot?: string }, command: string): string {
  if (!values.slot)
    throw new UsageError(`missing --slot <name>: the slot to ${command === 'swap' ? 'swap' : 'check'} (e.g. staging). Run 'durable-gate ${command} --help'.`);
  return values.slot;
}

export async function validateCommand(args: string[], io: CommandIo, signal?: AbortSignal): Promise<number> {
  const { values } = parse('validate', args, {
    ...AZURE_OPTIONS,
    target: { type: 'string' },
    app: { type: 'string' },
    format: { type: 'string' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const slot = requireSlot(values, 'validate');
  const fmt = format(values);
  const timeout = values.timeout ?? '5m';
  const timeoutMs = parseDuration('--timeout', timeout);
  const deadline = withDeadline(signal, timeoutMs, `--timeout ${timeout} passed`);
  try {
    const { site, identity } = await openSite(values, io, 'validate', { signal: deadline.signal, timeoutMs });
    const report = await validateSlots({
      site,
      slot,
      target: values.target ?? 'production',
      credential: identity.credential,
      ...(values.app ? { appDir: resolve(io.cwd, values.app) } : {}),
    });
    io.stdout.write(fmt === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderValidation(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    throw new DurableGateError(
      `validate stopped (${stopReason(deadline.signal)}) before the checks were done: nothing was validated. It changes nothing, so it is safe to run again.`,
    );
  } finally {
    deadline.clear();
  }
}

export interface SwapSettings {
  slot: string;
  target: string;
  action: SwapAction;
  health?: Omit<HealthCheck, 'ca'>;
  rollback: 'on-failure' | 'never';
  timeoutMs: number;
}

/** Swap options shared by the CLI and the Action: names are the CLI's (the Action's inputs match). */
export function swapSettings(get: (name: string) => string | undefined, slot: string, prefix = '--'): SwapSettings {
  const action = (get('action') || 'swap').toLowerCase();
  if (!(SWAP_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`Invalid ${prefix}action '${action}'. Expected ${SWAP_ACTIONS.join(', ')}.`);
  const rollback = (get('rollback') || 'on-failure').toLowerCase();
  if (rollback !== 'on-failure' && rollback !== 'never') throw new UsageError(`Invalid ${prefix}rollback '${rollback}'. Expected on-failure or never.`);
  const url = get('health-url');
  if (url && (!URL.canParse(url) || !/^https?:/i.test(url)))
    throw new UsageError(`Invalid ${prefix}health-url '${url}'. Expected an http(s) URL, e.g. https://my-app.azurewebsites.net/api/health.`);
  const status = get('health-status') || '200';
  if (!/^[1-5]\d\d$/.test(status)) throw new UsageError(`Invalid ${prefix}health-status '${status}'. Expected an HTTP status code such as 200.`);
  const expect = get('health-expect');
  return {
    slot,
    target: get('target') || 'production',
    action: action as SwapAction,
    rollback,
    timeoutMs: parseDuration(`${prefix}timeout`, get('timeout') || '15m'),
    ...(url
      ? {
          health: {
            url,
            expectStatus: Number(status),
            attempts: parseCount(`${prefix}health-attempts`, get('health-attempts') || '10'),
            intervalMs: parseDuration(`${prefix}health-interval`, get('health-interval') || '10s'),
            ...(expect ? { expectText: expect } : {}),
          },
        }
      : {}),
  };
}

export function renderSwap(report: SwapReport): string {
  const lines: string[] = [];
  for (const op of report.operations)
    lines.push(`${op.operation} ${op.from} → ${op.to}: ${op.succeeded ? `succeeded in ${op.seconds} s` : `failed after ${op.seconds} s: ${op.message}`}`);
  if (report.health)
    lines.push(
      `health after the swap: ${report.health.healthy ? 'healthy' : 'unhealthy'} (${report.health.attempts.length} attempt(s); last: ${report.health.attempts.at(-1)?.error ?? `HTTP ${report.health.attempts.at(-1)?.status}`})`,
    );
  if (report.healthAfterRollback) lines.push(`health after swapping back: ${report.healthAfterRollback.healthy ? 'healthy' : 'unhealthy'}`);
  lines.push(report.message);
  return lines.join('\n') + '\n';
}

export async function swapCommand(args: string[], io: CommandIo, signal?: AbortSignal): Promise<number> {
  const { values } = parse('swap', args, {
    ...AZURE_OPTIONS,
    target: { type: 'string' },
    action: { type: 'string' },
    'health-url': { type: 'string' },
    'health-status': { type: 'string' },
    'health-expect': { type: 'string' },
    'health-attempts': { type: 'string' },
    'health-interval': { type: 'string' },
    rollback: { type: 'string' },
    timeout: { type: 'string' },
    app: { type: 'string' },
    'skip-validation': { type: 'boolean' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SWAP_USAGE);
    return 0;
  }
  const slot = requireSlot(values, 'swap');
  const fmt = format(values);
  const settings = swapSettings((name) => (values as Record<string, string | boolean | undefined>)[name] as string | undefined, slot);
  const { site, identity } = await openSite(values, io, 'swap', { timeoutMs: settings.timeoutMs, ...(signal ? { signal } : {}) });
  const result = await swapWithValidation(
    site,
    identity,
    settings,
    { skipValidation: values['skip-validation'] === true, ...(values.app ? { appDir: resolve(io.cwd, values.app) } : {}), ...(signal ? { signal } : {}) },
    (line) => io.stderr.write(`durable-gate: ${line}\n`),
  );
  io.stdout.write(
    fmt === 'json'
      ? JSON.stringify(result, null, 2) + '\n'
      : `${result.validation && !result.validation.ok ? renderValidation(result.validation) : ''}${renderSwap(result)}`,
  );
  return swapExitCode(result);
}

/** Validation (unless skipped; errors stop the swap), then the swap. The same for the CLI and the Action. */
export async function swapWithValidation(
  site: WebSite,
  identity: AzureIdentity,
  settings: SwapSettings,
  options: { skipValidation: boolean; appDir?: string; signal?: AbortSignal },
  onStep: (line: string) => void,
): Promise<SwapReport> {
  let validation: ValidationReport | undefined;
  // Validation concerns a swap into the target; a preview reset changes nothing there.
  if (!options.skipValidation && settings.action !== 'reset') {
    validation = await validateSlots({
      site,
      slot: settings.slot,
      target: settings.target,
      credential: identity.credential,
      ...(options.appDir ? { appDir: options.appDir } : {}),
    });
    for (const finding of validation.findings) onStep(`${finding.level}: ${finding.message}`);
    if (!validation.ok) {
      return {
        schema: 'durable-gate.swap-report/v1',
        app: site.ref.name,
        slot: settings.slot,
        target: settings.target,
        action: settings.action,
        outcome: 'invalid',
        rolledBack: false,
        operations: [],
        validation,
        message: `Not swapped: the slot set-up has ${validation.findings.filter((f) => f.level === 'error').length} error(s), each listed with its fix. Nothing was changed. Fix them, or skip the validation (--skip-validation; skip-validation: true in the Action) if you are sure.`,
      };
    }
  }
  return runSwap({
    site,
    slot: settings.slot,
    target: settings.target,
    action: settings.action,
    rollback: settings.rollback,
    onStep,
    ...(settings.health ? { health: settings.health } : {}),
    ...(validation ? { validation } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
