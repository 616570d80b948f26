/**
 * The swap: staging into production through ARM, followed to its end, production's health checked
 * afterwards, and swapped back when the health check fails (--rollback on-failure). A cancelled
 * run starts no operation after the cancel, and says so; an operation already started at Azure's
 * side is said to go on. An operation whose end could not be learnt is 'unknown', never 'failed':
 * a swap reported as failed gets run again, and a second swap undoes the first.
 */
import { errorMessage } from '../../harness/errors.js';
import { sleep as wait } from '../http.js';
import { HttpClient, HttpFailure } from '../http/client.js';
import { ArmCancelled, ArmError, OUTCOME_UNKNOWN } from './arm.js';
import type { ValidationReport } from './slots.js';
import type { WebSite } from './site.js';
import { option } from '../option-names.js';

export const SWAP_ACTIONS = ['swap', 'preview', 'complete', 'reset'] as const;
export type SwapAction = (typeof SWAP_ACTIONS)[number];

export interface HealthCheck {
  url: string;
  expectStatus: number;
  /** The body must contain this text (e.g. the commit being deployed), when given. */
  expectText?: string;
  attempts: number;
  intervalMs: number;
  ca?: string | Buffer;
}

export interface HealthResult {
  healthy: boolean;
  attempts: { status?: number; error?: string; ok: boolean }[];
}

export interface SwapOperation {
  operation: 'swap' | 'swap back' | 'preview' | 'reset';
  from: string;
  to: string;
  succeeded: boolean;
  seconds: number;
  message?: string;
}

export type SwapOutcome =
  | 'swapped'
  | 'previewed'
  | 'reset'
  | 'swap-failed'
  | 'unhealthy-rolled-back'
  | 'unhealthy-not-rolled-back'
  | 'rollback-failed'
  | 'cancelled'
  | 'invalid'
  /** Another operation (another swap, or one that outlasted --timeout) kept the site busy: nothing was swapped. */
  | 'busy'
  /** --action complete with no swap with preview in progress: nothing was swapped. */
  | 'nothing-to-complete'
  /** The swap request was sent, and whether it took effect is not known (a reset, a 5xx, an operation followed past --timeout). */
  | 'unknown';

export interface SwapReport {
  schema: 'durable-gate.swap-report/v1';
  app: string;
  slot: string;
  target: string;
  action: SwapAction;
  outcome: SwapOutcome;
  rolledBack: boolean;
  operations: SwapOperation[];
  health?: HealthResult;
  healthAfterRollback?: HealthResult;
  validation?: ValidationReport;
  /** One paragraph for the person on call: what happened and what to do. */
  message: string;
}

export interface SwapOptions {
  site: WebSite;
  slot: string;
  target: string;
  action: SwapAction;
  health?: HealthCheck;
  rollback: 'on-failure' | 'never';
  validation?: ValidationReport;
  signal?: AbortSignal;
  /** Progress lines (operation started, health attempts). */
  onStep?: (line: string) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function swapExitCode(report: SwapReport): 0 | 1 | 2 {
  switch (report.outcome) {
    case 'swapped':
    case 'previewed':
    case 'reset':
      return 0;
    case 'cancelled':
    case 'invalid':
    case 'busy':
    case 'nothing-to-complete':
      return 2;
    case 'swap-failed':
    case 'unhealthy-rolled-back':
    case 'unhealthy-not-rolled-back':
    case 'rollback-failed':
    case 'unknown':
      return 1;
  }
}

/**
 * Production's health, through the one HTTP client. Each attempt is one exchange (30 s at most): the
 * check's own attempts, `intervalMs` apart, are its retries, and each one is reported as it ends.
 */
export async function checkHealth(check: HealthCheck, signal?: AbortSignal, onStep?: (line: string) => void, sleep = wait): Promise<HealthResult> {
  const attempts: HealthResult['attempts'] = [];
  const http = new HttpClient({ timeoutMs: 30_000, retry: { retries: 0 }, sleep, ...(check.ca ? { ca: check.ca } : {}), ...(signal ? { signal } : {}) });
  for (let i = 0; i < check.attempts && !signal?.aborted; i++) {
    if (i > 0) await http.wait(check.intervalMs);
    if (signal?.aborted) break;
    try {
      const { response } = await http.request(new URL(check.url));
      const ok = response.status === check.expectStatus && (check.expectText === undefined || response.body.includes(check.expectText));
      const why =
        response.status !== check.expectStatus
          ? `HTTP ${response.status}, expected ${check.expectStatus}`
          : ok
            ? `HTTP ${response.status}`
            : `HTTP ${response.status} but the body lacks '${check.expectText}'`;
      attempts.push({ status: response.status, ok, ...(ok ? {} : { error: why }) });
      onStep?.(`health ${i + 1}/${check.attempts}: ${why}${ok ? ', healthy' : ''}`);
      if (ok) return { healthy: true, attempts };
    } catch (error) {
      if (signal?.aborted || (error instanceof HttpFailure && error.cancelled)) break;
      const why = error instanceof HttpFailure ? (error.tls ?? `${error.code} (${error.message})`) : errorMessage(error);
      attempts.push({ ok: false, error: why });
      onStep?.(`health ${i + 1}/${check.attempts}: ${why}`);
    }
  }
  return { healthy: false, attempts };
}

export async function runSwap(options: SwapOptions): Promise<SwapReport> {
  const { site, slot, target, action, signal } = options;
  const report: SwapReport = {
    schema: 'durable-gate.swap-report/v1',
    app: site.ref.name,
    slot,
    target,
    action,
    outcome: 'cancelled',
    rolledBack: false,
    operations: [],
    ...(options.validation ? { validation: options.validation } : {}),
    message: '',
  };
  const step = options.onStep ?? (() => undefined);
  const cancelled = (message: string): SwapReport => Object.assign(report, { outcome: 'cancelled' as const, message });
  if (signal?.aborted) return cancelled('Cancelled before anything was changed: no swap was started.');

  /** Set when an operation could not start because the site was busy (409). */
  let busy: string | undefined;
  /** Set when an operation was sent and its outcome is not known. */
  let unknown: string | undefined;
  /** The operation a cancel interrupted, if it came during one. */
  let interrupted: SwapOperation | undefined;
  const site_ = `--app-name ${site.ref.name} --resource-group ${site.ref.resourceGroup} --subscription ${site.ref.subscription}`;
  /** One ARM operation, timed and recorded; false when it failed. Cancellation propagates. */
  const operate = async (operation: SwapOperation['operation'], from: string, to: string, run: () => Promise<void>): Promise<SwapOperation> => {
    const started = Date.now();
    step(`${operation}: ${from} → ${to} started`);
    const record: SwapOperation = { operation, from, to, succeeded: false, seconds: 0 };
    report.operations.push(record);
    try {
      await run();
      record.succeeded = true;
    } catch (error) {
      record.seconds = Math.round((Date.now() - started) / 100) / 10;
      if (error instanceof ArmCancelled) {
        interrupted = record;
        record.message = !error.sent
          ? 'cancelled before it was sent: nothing was started'
          : error.accepted
            ? "cancelled while Azure ran it; it goes on at Azure's side"
            : "cancelled while the request was being sent: it may or may not have started at Azure's side";
        throw error;
      }
      record.message = errorMessage(error).replace(/\.$/, '');
      if (error instanceof ArmError && error.code === OUTCOME_UNKNOWN) unknown = record.message;
      else if (error instanceof ArmError && error.status === 409) busy = record.message;
    }
    record.seconds = Math.round((Date.now() - started) / 100) / 10;
    step(`${operation}: ${record.succeeded ? `done in ${record.seconds} s` : `failed: ${record.message}`}`);
    return record;
  };

  try {
    if (action === 'preview') {
      const op = await operate('preview', slot, target, () => site.preview(slot, target));
      if (!op.succeeded && unknown) {
        return Object.assign(report, {
          outcome: 'unknown' as const,
          message: `Whether ${target}'s slot settings were applied to ${slot} is not known: ${unknown}. Nothing was swapped and ${target} was not touched. Check the app's activity log; ${option('action')} reset undoes a preview whether or not it took effect.`,
        });
      }
      return Object.assign(
        report,
        op.succeeded
          ? {
              outcome: 'previewed' as const,
              message: `${target}'s slot settings are applied to ${slot}, which restarted with them. Warm it up and check it, then run ${option('action')} complete to swap, or ${option('action')} reset to cancel.`,
            }
          : { outcome: 'swap-failed' as const, message: `The swap preview failed: ${op.message}. Nothing was swapped.` },
      );
    }
    if (action === 'reset') {
      if (!(await site.pendingPreview(slot))) {
        return Object.assign(report, {
          outcome: 'reset' as const,
          message: `No swap preview was in progress on ${slot}: nothing to reset, nothing was changed.`,
        });
      }
      const op = await operate('reset', slot, target, () => site.reset(slot));
      if (!op.succeeded && unknown) {
        return Object.assign(report, {
          outcome: 'unknown' as const,
          message: `Whether the swap preview of ${slot} was reset is not known: ${unknown}. ${target} was not touched. Running ${option('action')} reset again is safe.`,
        });
      }
      return Object.assign(
        report,
        op.succeeded
          ? { outcome: 'reset' as const, message: `The swap preview is cancelled: ${slot} has its own settings again. Production was not touched.` }
          : { outcome: 'swap-failed' as const, message: `Resetting the swap preview failed: ${op.message}.` },
      );
    }
    if (action === 'complete') {
      const pending = await site.pendingPreview(slot);
      if (pending?.toLowerCase() !== target.toLowerCase()) {
        return Object.assign(report, {
          outcome: 'nothing-to-complete' as const,
          message: `No swap with preview of ${slot} into ${target} is in progress${pending ? ` (${slot} is prepared to swap into ${pending})` : ''}: nothing was swapped. Run ${option('action')} preview first, or ${option('action')} swap for a swap in one go.`,
        });
      }
    }
    const swap = await operate('swap', slot, target, () => site.swap(slot, target));
    if (!swap.succeeded && unknown) {
      return Object.assign(report, {
        outcome: 'unknown' as const,
        message: `Whether ${slot} was swapped into ${target} is not known: ${unknown}. Do not run the swap again before checking which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list): a second swap would undo the first.`,
      });
    }
    if (!swap.succeeded && busy) {
      return Object.assign(report, {
        outcome: 'busy' as const,
        message: `Nothing was swapped: ${busy}. If another swap of this site is running (a re-run or a second pipeline), let it finish and check which version ${target} runs before swapping again.`,
      });
    }
    if (!swap.succeeded) {
      return Object.assign(report, {
        outcome: 'swap-failed' as const,
        message: `${capitalize(swap.message ?? `the swap of ${slot} into ${target} failed`)}. App Service restores both slots when a swap fails; ${target} still runs the previous version. Fix the cause and run the swap again.`,
      });
    }
    if (!options.health) {
      return Object.assign(report, {
        outcome: 'swapped' as const,
        message: `${slot} is swapped into ${target}. No ${option('health-url')} was given, so ${target}'s health was not checked.`,
      });
    }
    step(
      `checking ${options.health.url} (expect HTTP ${options.health.expectStatus}${options.health.expectText ? ` with '${options.health.expectText}'` : ''}, ${options.health.attempts} attempt(s) ${Math.round(options.health.intervalMs / 1000)} s apart)`,
    );
    report.health = await checkHealth(options.health, signal, step, options.sleep);
    if (report.health.healthy)
      return Object.assign(report, { outcome: 'swapped' as const, message: `${slot} is swapped into ${target}, and ${target} answers healthily.` });
    if (signal?.aborted)
      return cancelled(
        `Cancelled during the health check, after the swap: ${target} runs the new version and its health is unknown. Nothing was swapped back. Check ${options.health.url} and swap back by hand if needed.`,
      );
    const last = report.health.attempts.at(-1)?.error ?? 'no answer';
    if (options.rollback === 'never') {
      return Object.assign(report, {
        outcome: 'unhealthy-not-rolled-back' as const,
        message: `${target} is unhealthy after the swap (${last}) and was NOT swapped back (${option('rollback')} never). Swap back now with: durable-gate swap --slot ${slot} --target ${target} ${site_} --skip-validation`,
      });
    }
    const back = await operate('swap back', slot, target, () => site.swap(slot, target, { swappingBack: true }));
    if (!back.succeeded && unknown) {
      return Object.assign(report, {
        outcome: 'unknown' as const,
        message: `${target} was unhealthy after the swap (${last}), and whether swapping it back worked is not known: ${unknown}. Check which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list) before swapping by hand: a second swap back would undo the first.`,
      });
    }
    if (!back.succeeded) {
      return Object.assign(report, {
        outcome: 'rollback-failed' as const,
        message: `${target} is unhealthy after the swap (${last}), and swapping back failed: ${back.message}. ${target} is serving the new, unhealthy version: swap back by hand now (az functionapp deployment slot swap --name ${site.ref.name} --resource-group ${site.ref.resourceGroup} --subscription ${site.ref.subscription} --slot ${slot} --target-slot ${target}, or the portal).`,
      });
    }
    report.rolledBack = true;
    // The previous version is checked for its status only: an expected text names the new one.
    const { url, expectStatus, intervalMs, ca } = options.health;
    report.healthAfterRollback = await checkHealth(
      { url, expectStatus, intervalMs, attempts: Math.min(3, options.health.attempts), ...(ca ? { ca } : {}) },
      signal,
      step,
      options.sleep,
    );
    return Object.assign(report, {
      outcome: 'unhealthy-rolled-back' as const,
      message: `${target} was unhealthy after the swap (${last}), so it was swapped back: ${target} runs the previous version again${report.healthAfterRollback.healthy ? ' and answers healthily' : `, but does not answer healthily either (${report.healthAfterRollback.attempts.at(-1)?.error ?? 'no answer'}); look at it now`}. The new version is in ${slot}.`,
    });
  } catch (error) {
    if (error instanceof ArmCancelled) {
      const swapped = report.operations.some((o) => o.succeeded && o.operation === 'swap');
      if (interrupted && error.accepted) return cancelled(`Cancelled while Azure ran the ${interrupted.operation}: ${error.message}.`);
      if (interrupted && error.sent) {
        return cancelled(
          `Cancelled while the ${interrupted.operation} request was being sent: whether Azure started it is not known. Do not swap again before checking which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list): a second swap would undo the first.`,
        );
      }
      if (swapped) {
        return cancelled(
          `Cancelled (${error.message}) after the swap: ${target} runs the new version, and nothing was swapped back. Check ${target} and swap back by hand if needed: durable-gate swap --slot ${slot} --target ${target} ${site_} --skip-validation`,
        );
      }
      return cancelled(`Cancelled (${error.message}): nothing was swapped.`);
    }
    throw error;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
