/**
 * `swap`: its settings, parsed once from either front end, and the job: validate the set-up, swap
 * the slot into the target through Azure Resource Manager, check the target's health and swap
 * back when it is unhealthy.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import { validateSlots, type ValidationReport } from '../azure/slots.js';
import { runSwap, SWAP_ACTIONS, type HealthCheck, type SwapAction, type SwapReport } from '../azure/swap.js';
import { option } from '../option-names.js';
import { declaredInput, type CommandEvents, type CommandServices, type SettingsInput } from './input.js';
import { parseCount, parseDuration, parseFormat } from './options.js';
import { AZURE_OPTIONS, openSite, readAzureSettings, type AzureSettings } from './site.js';

export const SWAP_OPTIONS = {
  ...AZURE_OPTIONS,
  slot: 'text',
  target: 'text',
  action: 'text',
  'health-url': 'text',
  'health-status': 'text',
  'health-expect': 'text',
  'health-attempts': 'text',
  'health-interval': 'text',
  rollback: 'text',
  timeout: 'text',
  app: 'text',
  'skip-validation': 'flag',
  format: 'text',
} as const;

export interface SwapSettings {
  azure: AzureSettings;
  /** The slot holding the new version (e.g. staging). */
  slot: string;
  /** The slot it swaps into (default production). */
  target: string;
  action: SwapAction;
  /** After the swap, GET this URL on the target until it answers healthily. */
  health?: Omit<HealthCheck, 'ca'>;
  rollback: 'on-failure' | 'never';
  /** How long to wait for a busy site and for each operation. */
  timeoutMs: number;
  skipValidation: boolean;
  /** The app folder being deployed: its host.json is validated. */
  app?: string;
  format: 'text' | 'json';
}

export function readSwapSettings(given: SettingsInput, env: NodeJS.ProcessEnv): SwapSettings {
  const input = declaredInput('swap', SWAP_OPTIONS, given);
  const slot = input.text('slot');
  if (!slot) throw new UsageError(`missing ${input.label('slot')}: the slot holding the new version (e.g. staging).`);
  const action = (input.text('action') ?? 'swap').toLowerCase();
  if (!(SWAP_ACTIONS as readonly string[]).includes(action))
    throw new UsageError(`Invalid ${input.label('action')} '${action}'. Expected ${SWAP_ACTIONS.join(', ')}.`);
  const rollback = (input.text('rollback') ?? 'on-failure').toLowerCase();
  if (rollback !== 'on-failure' && rollback !== 'never')
    throw new UsageError(`Invalid ${input.label('rollback')} '${rollback}'. Expected on-failure or never.`);
  const url = input.text('health-url');
  if (url && (!URL.canParse(url) || !/^https?:/i.test(url)))
    throw new UsageError(`Invalid ${input.label('health-url')} '${url}'. Expected an http(s) URL, e.g. https://my-app.azurewebsites.net/api/health.`);
  const status = input.text('health-status') ?? '200';
  if (!/^[1-5]\d\d$/.test(status)) throw new UsageError(`Invalid ${input.label('health-status')} '${status}'. Expected an HTTP status code such as 200.`);
  const expect = input.text('health-expect');
  const app = input.text('app');
  return {
    azure: readAzureSettings(input, env, 'swap'),
    slot,
    target: input.text('target') ?? 'production',
    action: action as SwapAction,
    rollback,
    timeoutMs: parseDuration(input.label('timeout'), input.text('timeout') ?? '15m'),
    ...(url
      ? {
          health: {
            url,
            expectStatus: Number(status),
            attempts: parseCount(input.label('health-attempts'), input.text('health-attempts') ?? '10'),
            intervalMs: parseDuration(input.label('health-interval'), input.text('health-interval') ?? '10s'),
            ...(expect ? { expectText: expect } : {}),
          },
        }
      : {}),
    skipValidation: input.flag('skip-validation'),
    ...(app ? { app } : {}),
    format: parseFormat(input.label('format'), input.text('format')),
  };
}

export interface SwapEvents extends CommandEvents {
  /** Each step: a finding, an operation started or ended, a health attempt. */
  onStep?: (line: string) => void;
}

/** Validation (unless skipped; errors stop the swap: nothing is changed), then the swap. */
export async function runSwapCommand(settings: SwapSettings, services: CommandServices, events: SwapEvents = {}): Promise<SwapReport> {
  const { site, identity } = await openSite(settings.azure, services, events, {
    timeoutMs: settings.timeoutMs,
    ...(services.signal ? { signal: services.signal } : {}),
  });
  const onStep = (line: string): void => events.onStep?.(line);
  let validation: ValidationReport | undefined;
  // Validation concerns a swap into the target; a preview reset changes nothing there.
  if (!settings.skipValidation && settings.action !== 'reset') {
    validation = await validateSlots({
      site,
      slot: settings.slot,
      target: settings.target,
      credential: identity.credential,
      identity: identity.describe,
      ...(services.signal ? { signal: services.signal } : {}),
      ...(settings.app ? { appDir: resolve(services.cwd, settings.app) } : {}),
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
        message: `Not swapped: the slot set-up has ${validation.findings.filter((f) => f.level === 'error').length} error(s), each listed with its fix. Nothing was changed. Fix them, or skip the validation (${option('skip-validation')}) if you are sure.`,
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
    ...(services.signal ? { signal: services.signal } : {}),
  });
}

/** The report as text: each operation, the health checks, then the message. */
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
