/**
 * `validate`: its settings, parsed once from either front end, and the job: check that the slot
 * set-up is fit for a drain-and-swap. It changes nothing.
 */
import { resolve } from 'node:path';
import { stopReason } from '../../harness/app/host.js';
import { DurableGateError, UsageError } from '../../harness/errors.js';
import { validateSlots, type ValidationReport } from '../azure/slots.js';
import { withDeadline } from '../deadline.js';
import { declaredInput, type CommandEvents, type CommandServices, type SettingsInput } from './input.js';
import { parseDuration, parseFormat } from './options.js';
import { AZURE_OPTIONS, openSite, readAzureSettings, type AzureSettings } from './site.js';

export const VALIDATE_OPTIONS = { ...AZURE_OPTIONS, slot: 'text', target: 'text', app: 'text', format: 'text', timeout: 'text' } as const;

export interface ValidateSettings {
  azure: AzureSettings;
  /** The slot to be swapped (e.g. staging). */
  slot: string;
  /** The slot it swaps into (default production). */
  target: string;
  /** The app folder being deployed: its host.json is read. */
  app?: string;
  format: 'text' | 'json';
  timeoutMs: number;
  timeoutReason: string;
}

export function readValidateSettings(given: SettingsInput, env: NodeJS.ProcessEnv): ValidateSettings {
  const input = declaredInput('validate', VALIDATE_OPTIONS, given);
  const slot = input.text('slot');
  if (!slot) throw new UsageError(`missing ${input.label('slot')}: the slot to check (e.g. staging).`);
  const app = input.text('app');
  const timeoutText = input.text('timeout') ?? '5m';
  return {
    azure: readAzureSettings(input, env, 'validate'),
    slot,
    target: input.text('target') ?? 'production',
    ...(app ? { app } : {}),
    format: parseFormat(input.label('format'), input.text('format')),
    timeoutMs: parseDuration(input.label('timeout'), timeoutText),
    timeoutReason: input.passed('timeout', timeoutText),
  };
}

/** The findings, each with its fix. Stopped by the timeout or a cancel, it throws: nothing was validated. */
export async function runValidate(settings: ValidateSettings, services: CommandServices, events: CommandEvents = {}): Promise<ValidationReport> {
  const deadline = withDeadline(services.signal, settings.timeoutMs, settings.timeoutReason);
  try {
    const { site, identity } = await openSite(settings.azure, services, events, { signal: deadline.signal, timeoutMs: settings.timeoutMs });
    return await validateSlots({
      site,
      slot: settings.slot,
      target: settings.target,
      credential: identity.credential,
      identity: identity.describe,
      signal: deadline.signal,
      ...(settings.app ? { appDir: resolve(services.cwd, settings.app) } : {}),
    });
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    throw new DurableGateError(
      `validate stopped (${stopReason(deadline.signal)}) before the checks were done: nothing was validated. It changes nothing, so it is safe to run again.`,
    );
  } finally {
    deadline.clear();
  }
}
