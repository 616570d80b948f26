/**
 * The replay job both entry points run (CLI and Action): expand the history arguments, load the
 * app once, replay in batches, and build the report. A path that matches nothing is reported
 * as an `error` result, never dropped.
 */
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { loadApp, type LoadAppOptions, type ReplayApp } from '../app/host.js';
import { UsageError } from '../errors.js';
import { displayPath, expandHistoryPaths, type ExpandedPaths } from '../history/paths.js';
import { readHostConfig, type DurableHostConfig } from '../app/host-json.js';
import { adviseOn, checkVersionBump, readVersionFile } from '../report/advice.js';
import type { FinishedPolicy, InputDriftPolicy } from './engine.js';
import type { ReplaySchemaName } from './payload.js';
import { REPLAY_REPORT_SCHEMA, type ReplayReport, type ReplayResult, type ReportView } from './result.js';
import { ResultStore } from './store.js';
import type { HistoryItem } from '../app/worker.js';

export interface ReplayJob extends LoadAppOptions {
  app: string;
  histories: string[];
  /** Histories in hand (values with a label), replayed after the files (check's generated histories). */
  items?: HistoryItem[];
  /** Paths are resolved against, and shown relative to, this folder. */
  cwd: string;
  /** Told about the app itself (e.g. a build older than its sources) before replaying. */
  onAppWarning?: (warning: string) => void;
  /** Called after each batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  /**
   * Replay workers (processes, each with the app loaded) run side by side; default: one per two cores
   * (os.availableParallelism()), up to 4, and no more than there are batches.
   */
  workers?: number;
  /** Breaking changes must move host.json defaultVersion (or versionFile) up a minor or major version. */
  requireVersionBump?: boolean;
  versionFile?: string;
  /** Histories of finished instances: as the runtime treats them (default), or judged as if in flight. */
  finished?: FinishedPolicy;
  /** The replay schema the host advertises (absent: V4 when a history proves it, else V3). */
  schema?: ReplaySchemaName;
  /** A call made at its recorded step with another input: a warning (default), or a failure. */
  inputDrift?: InputDriftPolicy;
  /** Perturbed replay: each history that matches is run again with the clock, randomness and the environment answering otherwise. */
  perturb?: boolean;
}

export async function runReplay(job: ReplayJob): Promise<ReplayReport> {
  const report = await runReplayStreamed(job);
  try {
    const { schema, app, summary, advice, versionBump } = report;
    return {
      schema,
      ...(app ? { app } : {}),
      summary,
      results: report.results.toArray(),
      ...(advice ? { advice } : {}),
      ...(versionBump ? { versionBump } : {}),
    };
  } finally {
    report.results.dispose();
  }
}

/** A report whose results are read back one at a time: call `results.dispose()` when done with it. */
export type StreamedReport = ReportView & { results: ResultStore };

/**
 * runReplay for large runs: the results go to a ResultStore as the batches finish (on disk past a
 * few thousand), and the report holds the totals and the problems.
 */
export async function runReplayStreamed(job: ReplayJob): Promise<StreamedReport> {
  // The workers start loading the app while the history paths are listed.
  const loading = loadApps(resolve(job.cwd, job.app), job.workers ?? defaultWorkers(), job);
  let expanded: ExpandedPaths;
  try {
    expanded = job.histories.length > 0 ? await expandHistoryPaths(job.histories, job.cwd) : { files: [], unmatched: [] };
    if (expanded.files.length === 0 && !job.items?.length) {
      const why = job.histories.map((arg) => `${arg}: ${describeUnmatched(arg)}`).join('; ');
      throw new UsageError(
        `--histories found no history file (${why}). Expected history files (*.json), folders holding them, or globs such as 'histories/**/*.json'.`,
      );
    }
  } catch (error) {
    await loading.then(
      (apps) => Promise.all(apps.map((app) => app.close())),
      () => undefined,
    );
    throw error;
  }
  const { unmatched } = expanded;
  const items: HistoryItem[] = [...expanded.files.map((file) => ({ file })), ...(job.items ?? [])];
  const batchSize = job.batchSize ?? 200;
  const batches = Math.ceil(items.length / batchSize);
  const loaded = await loading;
  // No more workers than batches.
  const apps = loaded.slice(0, batches);
  await Promise.all(loaded.slice(batches).map((app) => app.close()));
  const app = apps[0]!;
  for (const warning of app.info.warnings) job.onAppWarning?.(warning);
  const store = new ResultStore();
  try {
    const engineOptions = {
      ...(job.finished ? { finished: job.finished } : {}),
      ...(job.schema ? { schema: job.schema } : {}),
      ...(job.inputDrift ? { inputDrift: job.inputDrift } : {}),
      ...(job.perturb ? { perturb: true } : {}),
    };
    // Each worker takes the next batch when it is free; results are stored in the files' order.
    const done: (ReplayResult[] | undefined)[] = [];
    let next = 0;
    let stored = 0;
    await Promise.all(
      apps.map(async (worker) => {
        while (next < batches) {
          const batch = next++;
          const start = batch * batchSize;
          done[batch] = await worker.replay(items.slice(start, start + batchSize), engineOptions);
          for (let ready = done[stored]; ready; ready = done[stored]) {
            store.add(ready.map((result) => shownFrom(result, job.cwd)));
            done[stored++] = undefined;
          }
          job.onProgress?.(store.summary.total, items.length);
        }
      }),
    );
    store.add(unmatched.map((arg) => ({ source: arg, instanceId: '', orchestrator: '', verdict: 'error', error: { message: describeUnmatched(arg) } })));
    const appShown = displayPath(app.info.dir, job.cwd);
    const report: StreamedReport = {
      schema: REPLAY_REPORT_SCHEMA,
      app: appShown,
      summary: store.summary,
      results: store,
      problems: store.problems,
    };
    let host: DurableHostConfig | undefined;
    try {
      host = readHostConfig(app.info.dir);
    } catch {
      // A host.json the loader accepted but that does not parse: the advice uses the defaults.
    }
    const advice = adviseOn(report, host, appShown, app.info);
    if (advice) report.advice = advice;
    if (job.requireVersionBump) {
      const fromFile = job.versionFile ? resolve(job.cwd, job.versionFile) : undefined;
      let version: string | undefined;
      try {
        version = fromFile ? readVersionFile(fromFile) : host?.defaultVersion;
      } catch (error) {
        throw new UsageError(
          `--version-file ${job.versionFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}. Expected a file holding the version (a JSON file with "version", such as package.json, or the version as text).`,
        );
      }
      const bump = checkVersionBump(
        report,
        version,
        fromFile ? displayPath(fromFile, job.cwd) : `host.json ${host?.section ?? 'extensions.durableTask'}.defaultVersion`,
      );
      if (bump) report.versionBump = bump;
    }
    return report;
  } catch (error) {
    store.dispose();
    throw error;
  } finally {
    await Promise.all(apps.map((worker) => worker.close()));
  }
}

/** A result with its paths shown relative to the folder the run was started in. */
function shownFrom(result: ReplayResult, cwd: string): ReplayResult {
  result.source = displayPath(result.source, cwd);
  for (const location of [
    result.divergence?.location,
    result.failure?.location,
    result.finishedPath?.divergence?.location,
    result.finishedPath?.failure?.location,
  ])
    if (location) location.file = displayPath(location.file, cwd);
  return result;
}

/**
 * One worker per two cores, up to 4: a worker keeps about one and a half cores busy (V8 collects
 * garbage and compiles on threads of its own), so on two cores a second worker only adds its own
 * start and warm-up (measured: no faster); each also holds the app and its heap.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
}

/** `count` workers with the app loaded, started side by side; when one cannot load the app, none is kept. */
async function loadApps(dir: string, count: number, options: LoadAppOptions): Promise<ReplayApp[]> {
  const loading = await Promise.allSettled(Array.from({ length: Math.max(1, count) }, () => loadApp(dir, options)));
  const loaded = loading.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  const failed = loading.find((attempt) => attempt.status === 'rejected');
  if (!failed) return loaded;
  await Promise.all(loaded.map((app) => app.close()));
  throw failed.reason;
}

function describeUnmatched(arg: string): string {
  return /[*?[\]{}]/.test(arg) ? 'no file matches this pattern' : 'no such file or folder, or a folder without *.json files';
}
