/**
 * The drain gate: polls the task hub until nothing is in flight, or the timeout passes. A pure
 * function of its source, clock and sleep, so tests drive it with a virtual clock. It fails
 * closed: a poll that cannot be made ends the gate with `error`, never with `drained`.
 */
import { sleep as abortableSleep } from '../http.js';
import type { InFlightSource, InstanceSummary } from '../taskhub/azure-tables.js';
import { blocks, type InstanceJudgement, type Judge } from './selective.js';

export const GATE_REPORT_SCHEMA = 'durable-gate.gate-report/v1';

export interface GateOptions {
  source: InFlightSource;
  statuses: readonly string[];
  timeoutMs: number;
  intervalMs: number;
  /** Instances not updated for this long are marked possibly stuck. */
  staleAfterMs?: number;
  /** Let possibly stuck instances pass (said in the report). */
  ignoreStale?: boolean;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onPoll?: (poll: GatePoll) => void;
  /** How long a poll may still take after the timeout, for its retries to run out (default GATE_GRACE_MS). */
  graceMs?: number;
  /**
   * Selective drain: only instances this judge says the new code breaks (or cannot check) block.
   * The gate then polls once more, at once, before it says drained.
   */
  judge?: Judge;
}

export interface GatePoll {
  poll: number;
  inFlight: number;
  blocking: number;
  /** Selective drain: instances the new code breaks or cannot check (possibly stuck ones included). */
  breaking?: number;
  stale: number;
  /** Change in the number in flight since the previous poll. */
  change?: number;
  oldest?: InstanceSummary;
  elapsedMs: number;
}

export interface GateInstance extends InstanceSummary {
  ageSeconds?: number;
  possiblyStuck?: boolean;
  /** Selective drain: the new code's verdict on this instance's history, and why it blocks or not. */
  verdict?: InstanceJudgement['verdict'];
  reason?: string;
  divergence?: InstanceJudgement['divergence'];
}

export interface GateReport {
  schema: typeof GATE_REPORT_SCHEMA;
  /** What was gated on: the task hub and its storage account (or the HTTP API), never a secret. */
  source: string;
  drained: boolean;
  outcome: 'drained' | 'timeout' | 'cancelled' | 'error';
  polls: number;
  waitedSeconds: number;
  /** What was in flight at the last poll (what blocks, on timeout). */
  inFlight: GateInstance[];
  /** Selective drain (--wait-for breaking): what waits for. */
  waitFor?: 'all' | 'breaking';
  /** Selective drain: the instances in flight at the last poll that the new code breaks or cannot check. */
  blocking?: GateInstance[];
  /** Selective drain: the instances in flight at the last poll that replay cleanly on the new code. */
  safe?: GateInstance[];
  /** Possibly stuck instances let through by --ignore-stale. */
  ignoredStale: string[];
  error?: string;
}

export async function runGate(options: GateOptions): Promise<GateReport> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const start = now();
  let polls = 0;
  let previous: number | undefined;
  let last: GateInstance[] = [];
  let confirming = false;
  const judge = options.judge;
  const finish = (outcome: GateReport['outcome'], extra: Partial<GateReport> = {}): GateReport => ({
    schema: GATE_REPORT_SCHEMA,
    source: options.source.describe,
    drained: outcome === 'drained',
    outcome,
    polls,
    waitedSeconds: Math.round((now() - start) / 1000),
    inFlight: last,
    ignoredStale: [],
    ...(judge ? { waitFor: 'breaking' as const, blocking: last.filter((i) => blocks(i)), safe: last.filter((i) => !blocks(i)) } : {}),
    ...extra,
  });
  for (;;) {
    if (options.signal?.aborted) return finish('cancelled');
    polls += 1;
    const at = now();
    let instances: InstanceSummary[];
    try {
      // A poll stuck in retries neither outlives the timeout nor delays a cancel.
      const answer = await race(
        collectAll(options.source, options.statuses),
        options.signal,
        Math.max(options.timeoutMs - (at - start), 0) + (options.graceMs ?? GATE_GRACE_MS),
      );
      if (answer === 'cancelled') return finish('cancelled');
      if (answer === 'late')
        return finish('error', {
          error: `the task hub did not answer within the timeout (${Math.round(options.timeoutMs / 1000)} s) and the retries that followed.`,
        });
      instances = answer;
    } catch (error) {
      return finish('error', { error: error instanceof Error ? error.message : String(error) });
    }
    last = instances
      .map((instance): GateInstance => {
        const updated = instance.lastUpdatedTime ? Date.parse(instance.lastUpdatedTime) : undefined;
        const created = instance.createdTime ? Date.parse(instance.createdTime) : undefined;
        const stuck = options.staleAfterMs !== undefined && updated !== undefined && at - updated > options.staleAfterMs;
        return { ...instance, ...(created !== undefined ? { ageSeconds: Math.round((at - created) / 1000) } : {}), ...(stuck ? { possiblyStuck: true } : {}) };
      })
      .sort((a, b) => (a.createdTime ?? '').localeCompare(b.createdTime ?? ''));
    if (judge) {
      let verdicts: Map<string, InstanceJudgement>;
      try {
        const answer = await race(judge.judge(last), options.signal, Math.max(options.timeoutMs - (now() - start), 0) + (options.graceMs ?? GATE_GRACE_MS));
        if (answer === 'cancelled' || answer === 'late') judge.stop?.();
        if (answer === 'cancelled') return finish('cancelled');
        if (answer === 'late')
          return finish('error', {
            error: `the in-flight histories could not be read and replayed within the timeout (${Math.round(options.timeoutMs / 1000)} s).`,
          });
        verdicts = answer;
      } catch (error) {
        return finish('error', { error: `could not replay the in-flight histories: ${error instanceof Error ? error.message : String(error)}` });
      }
      last = last.map((instance) => {
        const judged = verdicts.get(instance.instanceId);
        return judged
          ? { ...instance, verdict: judged.verdict, reason: judged.reason, ...(judged.divergence ? { divergence: judged.divergence } : {}) }
          : instance;
      });
    }
    const stale = last.filter((i) => i.possiblyStuck);
    const waiting = judge ? last.filter((i) => blocks(i)) : last;
    const blocking = options.ignoreStale ? waiting.filter((i) => !i.possiblyStuck) : waiting;
    options.onPoll?.({
      poll: polls,
      inFlight: last.length,
      blocking: blocking.length,
      ...(judge ? { breaking: waiting.length } : {}),
      stale: stale.length,
      ...(previous !== undefined ? { change: last.length - previous } : {}),
      ...(last[0] ? { oldest: last[0] } : {}),
      elapsedMs: at - start,
    });
    previous = last.length;
    if (blocking.length === 0) {
      // Selective drain: the verdicts may already be behind the task hub; one more poll, at once, confirms them.
      if (judge && !confirming && last.length > 0) {
        confirming = true;
        continue;
      }
      return finish('drained', { ignoredStale: options.ignoreStale ? stale.map((i) => i.instanceId) : [] });
    }
    confirming = false;
    const remaining = options.timeoutMs - (now() - start);
    if (remaining <= 0) return finish('timeout');
    await sleep(Math.min(options.intervalMs, remaining), options.signal);
    if (options.signal?.aborted) return finish('cancelled');
  }
}

/**
 * Time a poll may still take after the timeout, for its retries to run out: the gate ends at most
 * this long after its --timeout (the README says so).
 */
export const GATE_GRACE_MS = 5_000;

/** The report of a gate that could not start polling (the new code could not be loaded, a cancel): it fails closed. */
export function gateErrorReport(source: string, outcome: 'error' | 'cancelled', error: string): GateReport {
  return {
    schema: GATE_REPORT_SCHEMA,
    source,
    drained: false,
    outcome,
    polls: 0,
    waitedSeconds: 0,
    inFlight: [],
    ignoredStale: [],
    ...(outcome === 'error' ? { error } : {}),
  };
}

async function collectAll(source: InFlightSource, statuses: readonly string[]): Promise<InstanceSummary[]> {
  const out: InstanceSummary[] = [];
  for await (const instance of source.instances({ statuses })) out.push(instance);
  return out;
}

/** The work's result, or 'cancelled' or 'late', whichever comes first; the timer and the listener end with it (work that never settles holds nothing). */
function race<T>(work: Promise<T>, signal: AbortSignal | undefined, limitMs: number): Promise<T | 'cancelled' | 'late'> {
  return new Promise((resolve, reject) => {
    const settle = (end: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      end();
    };
    const timer = setTimeout(() => settle(() => resolve('late')), Math.min(limitMs, 2_000_000_000));
    const onAbort = (): void => settle(() => resolve('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

export function gateExitCode(report: GateReport): 0 | 1 | 2 {
  switch (report.outcome) {
    case 'drained':
      return 0;
    case 'timeout':
      return 1;
    case 'cancelled':
    case 'error':
      return 2;
  }
}
