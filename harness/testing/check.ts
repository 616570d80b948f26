/**
 * `check`: version N+1 against version N with no production access. Scenarios run on the old
 * code (the local runtime) and every history they write at each point an instance waited is
 * replayed against the new code; recorded histories add each point they passed through. The
 * report, advice and exit codes are replay's.
 */
import { loadApp, stopReason } from '../app/host.js';
import type { HistoryItem } from '../app/worker.js';
import { UsageError, errorMessage } from '../errors.js';
import { EventType, HISTORY_SCHEMA, type HistoryFile } from '../history/events.js';
import { readHistoryFile } from '../history/load.js';
import { displayPath, expandHistoryPaths } from '../history/paths.js';
import { runReplayStreamed, type ReplayJob, type StreamedReport } from '../replay/run.js';
import { readScenarios, runScenario } from './scenario.js';

export interface CheckJob extends Omit<ReplayJob, 'histories' | 'items'> {
  /** The old code: the built app the scenarios run on. */
  base: string;
  /** Scenario files, modules, folders or globs. */
  scenarios: string[];
  /** Recorded histories: each point they passed through is checked too. */
  histories: string[];
  /** Told after each scenario ran on the old code (its label, and its name when it has one), with how many histories it gave. */
  onScenario?: (label: string, histories: number) => void;
}

export const NO_SCENARIO =
  'check needs scenarios (--scenarios) or recorded histories (--histories) to run the old code with. Write a first scenario as a JSON file, ' +
  'e.g. scenarios/order.json: { "orchestrator": "ProcessOrder", "input": { "orderId": "o-1" }, "appActivities": true } ' +
  '(activities run from the app\'s own code; give results instead with "activities": { "ChargePayment": { "result": { "charged": 10 } } }); see docs/testing.md, "Scenarios".';

export async function runCheckStreamed(job: CheckJob): Promise<StreamedReport & { generated: number }> {
  if (job.scenarios.length === 0 && job.histories.length === 0) throw new UsageError(NO_SCENARIO);
  const scenarios = job.scenarios.length > 0 ? await readScenarios(job.scenarios, job.cwd) : [];
  const items: HistoryItem[] = [...(await recordedPrefixes(job.histories, job.cwd))];
  if (scenarios.length > 0) {
    const base = await loadApp(job.base, {
      userOutput: job.userOutput ?? 'stderr',
      ...(job.allowStaleBuild ? { allowStaleBuild: true } : {}),
      ...(job.historyTimeoutMs ? { historyTimeoutMs: job.historyTimeoutMs } : {}),
      ...(job.memoryLimitMb ? { memoryLimitMb: job.memoryLimitMb } : {}),
      ...(job.signal ? { signal: job.signal } : {}),
    });
    try {
      for (const loaded of scenarios) {
        let written: HistoryItem[];
        try {
          written = await runScenario(base, loaded);
        } catch (error) {
          if (job.signal?.aborted) throw new UsageError(`stopped (${stopReason(job.signal)}) while ${loaded.label} ran on the old code; nothing was checked.`);
          // A scenario the old code cannot run is the scenario's problem, said with its name.
          throw new UsageError(`scenario ${loaded.label} did not run on the old code (${displayPath(job.base, job.cwd)}): ${errorMessage(error)}`);
        }
        job.onScenario?.(loaded.scenario.name ? `${loaded.label} (${loaded.scenario.name})` : loaded.label, written.length);
        items.push(...written);
      }
    } finally {
      await base.close();
    }
  }
  if (items.length === 0)
    throw new UsageError(
      'the scenarios and histories gave no point at which an instance waits (every run finished within its first episode): there is nothing a deployment could break. Add a scenario with an activity, a timer or an event.',
    );
  const report = await runReplayStreamed({ ...job, histories: [], items });
  return Object.assign(report, { generated: items.length });
}

/**
 * A recorded history at each episode that ended with the instance waiting: the points production
 * passed through. They are what the old code wrote with these inputs, results and events, as a
 * run of the old code on them would write again.
 */
async function recordedPrefixes(args: readonly string[], cwd: string): Promise<HistoryItem[]> {
  if (args.length === 0) return [];
  const { files, unmatched } = await expandHistoryPaths(args, cwd);
  if (unmatched.length > 0) throw new UsageError(`--histories ${unmatched.join(', ')}: no such file or folder, or no *.json in it.`);
  const items: HistoryItem[] = [];
  for (const path of files) {
    const history = await readHistoryFile(path);
    const shown = displayPath(path, cwd);
    let n = 0;
    for (const [i, event] of history.events.entries()) {
      if (event.EventType === EventType.ExecutionCompleted || event.EventType === EventType.ContinueAsNew) break;
      if (event.EventType !== EventType.OrchestratorCompleted) continue;
      const file: HistoryFile = {
        schema: HISTORY_SCHEMA,
        instanceId: history.instanceId,
        ...(history.executionId ? { executionId: history.executionId } : {}),
        name: history.orchestrator,
        version: history.version,
        runtimeStatus: 'Running',
        history: history.events.slice(0, i + 1),
      };
      items.push({ value: file, source: `${shown}@${++n}` });
    }
  }
  return items;
}
