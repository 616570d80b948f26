/**
 * Selective drain (`gate --wait-for breaking`): each poll reads the histories of the instances in
 * flight (only those new or changed since the last poll) and replays them against the new code.
 * Only instances the new code would break (nondeterministic, failed) or that cannot be checked
 * (error: the gate fails closed on what it cannot judge) have to finish before the deployment.
 * Pending instances with no history yet start on the new code: nothing to replay, safe. Any other
 * instance without a readable history blocks: the runtime writes history rows before it marks an
 * instance Running, so an empty answer means the history could not be read, not that there is none.
 */
import { loadApp, type LoadAppOptions, type ReplayApp } from '../../harness/app/host.js';
import { problemSummary } from '../../harness/report/text.js';
import { HISTORY_SCHEMA, type HistoryFile } from '../../harness/history/events.js';
import { parseHistory } from '../../harness/history/load.js';
import type { Divergence, Verdict } from '../../harness/replay/result.js';
import type { HistorySource, InstanceSummary } from '../taskhub/azure-tables.js';

export interface InstanceJudgement {
  verdict: Verdict | 'not started';
  /** One line: why the instance blocks or is safe. */
  reason: string;
  divergence?: Divergence;
}

export interface Judge {
  /** Verdicts for the instances of one poll, by instance id. */
  judge(instances: readonly InstanceSummary[]): Promise<Map<string, InstanceJudgement>>;
  /** Histories read and replayed by the last call (the rest came from the cache). */
  readonly lastReplayed: number;
  /** The gate has decided (cancelled, timed out): reading and replaying stop. */
  stop?(): void;
}

/** Where the last call's time went: reading histories from the task hub, replaying them. */
export interface JudgeTimings {
  readSeconds: number;
  replaySeconds: number;
}

/** Whether an instance must finish first: anything not judged safe blocks (the gate fails closed). */
export function blocks(judgement: { verdict?: InstanceJudgement['verdict'] } | undefined): boolean {
  return judgement?.verdict !== 'ok' && judgement?.verdict !== 'not started';
}

/** Replays in-flight histories from a task hub (Azure Storage or the scheduler) against the new code, with a cache keyed by execution and last update. */
export class ReplayJudge implements Judge {
  private readonly cache = new Map<string, { key: string; judgement: InstanceJudgement }>();
  lastReplayed = 0;
  lastTimings: JudgeTimings = { readSeconds: 0, replaySeconds: 0 };
  private stopped = false;

  stop(): void {
    this.stopped = true;
  }

  constructor(
    private readonly hub: HistorySource,
    private readonly app: ReplayApp,
    private readonly concurrency = 16,
  ) {}

  async judge(instances: readonly InstanceSummary[]): Promise<Map<string, InstanceJudgement>> {
    const out = new Map<string, InstanceJudgement>();
    const stale: InstanceSummary[] = [];
    for (const instance of instances) {
      const hit = this.cache.get(instance.instanceId);
      if (hit && hit.key === keyOf(instance)) out.set(instance.instanceId, hit.judgement);
      else stale.push(instance);
    }
    this.lastReplayed = stale.length;
    const readStart = performance.now();
    const items: { instance: InstanceSummary; value: HistoryFile }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(this.concurrency, stale.length) }, async () => {
        while (next < stale.length && !this.stopped) {
          const instance = stale[next++]!;
          const judged = await this.read(instance);
          if ('value' in judged) items.push({ instance, value: judged.value });
          else this.remember(instance, judged, out);
        }
      }),
    );
    const replayStart = performance.now();
    if (this.stopped) return out;
    if (items.length > 0) {
      const results = await this.app.replay(items.map(({ instance, value }) => ({ value, source: `${this.hub.historyTable}/${instance.instanceId}` })));
      results.forEach((result, i) => {
        const { instance } = items[i]!;
        const judgement: InstanceJudgement =
          result.verdict === 'ok'
            ? { verdict: 'ok', reason: `replays cleanly on the new code (${result.events ?? 0} events)` }
            : { verdict: result.verdict, reason: problemSummary(result, undefined, false), ...(result.divergence ? { divergence: result.divergence } : {}) };
        this.remember(instance, judgement, out);
      });
    }
    this.lastTimings = { readSeconds: (replayStart - readStart) / 1000, replaySeconds: (performance.now() - replayStart) / 1000 };
    return out;
  }

  private remember(instance: InstanceSummary, judgement: InstanceJudgement, out: Map<string, InstanceJudgement>): void {
    this.cache.set(instance.instanceId, { key: keyOf(instance), judgement });
    out.set(instance.instanceId, judgement);
  }

  /** The history as a text to replay, or a judgement when there is nothing to replay. */
  private async read(instance: InstanceSummary): Promise<{ value: HistoryFile } | InstanceJudgement> {
    let rows;
    try {
      ({ rows } = await this.hub.historyRows(instance.instanceId));
    } catch (error) {
      return { verdict: 'error', reason: `its history could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (rows.filter((row) => row.RowKey !== 'sentinel').length === 0) {
      return instance.runtimeStatus === 'Pending'
        ? { verdict: 'not started', reason: 'Pending with no history yet: it starts on the new code' }
        : {
            verdict: 'error',
            reason: `the task hub returned no history for this ${instance.runtimeStatus} instance, so it cannot be checked (the runtime writes history before an instance runs): it blocks until its history can be read`,
          };
    }
    try {
      const history = parseHistory(rows, `${this.hub.historyTable}/${instance.instanceId}`);
      return {
        value: {
          schema: HISTORY_SCHEMA,
          taskHub: this.hub.taskHub,
          instanceId: instance.instanceId,
          ...(history.executionId ? { executionId: history.executionId } : {}),
          name: history.orchestrator,
          version: history.version,
          runtimeStatus: instance.runtimeStatus,
          recordedAt: new Date().toISOString(),
          history: history.events,
        },
      };
    } catch (error) {
      return { verdict: 'error', reason: `its history could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** What identifies the state a verdict was given for: a new event updates LastUpdatedTime. */
function keyOf(instance: InstanceSummary): string {
  return `${instance.executionId ?? ''}|${instance.lastUpdatedTime ?? ''}|${instance.runtimeStatus}`;
}

/**
 * The new code loaded and a judge over the hub's histories, for `--wait-for breaking` (the CLI and
 * the Action). The app's warnings go to `warn`; `close` ends its worker.
 */
export async function openJudge(
  hub: HistorySource | undefined,
  appDir: string,
  warn: (warning: string) => void,
  options: Pick<LoadAppOptions, 'signal' | 'loadTimeoutMs'> = {},
): Promise<{ judge?: ReplayJudge; close: () => Promise<void> }> {
  const app = await loadApp(appDir, { userOutput: 'stderr', ...options });
  for (const warning of app.info.warnings) warn(warning);
  return { ...(hub ? { judge: new ReplayJudge(hub, app) } : {}), close: () => app.close() };
}
