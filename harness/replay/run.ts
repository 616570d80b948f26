/**
 * The replay job both entry points run (CLI and Action): expand the history arguments, load the
 * app once, replay in batches, and build the report. A path that matches nothing is reported
 * as an `error` result, never dropped.
 */
import { resolve } from 'node:path';
import { loadApp, type LoadAppOptions } from '../app/host.js';
import { UsageError } from '../errors.js';
import { displayPath, expandHistoryPaths } from '../history/paths.js';
import { readHostConfig, type DurableHostConfig } from '../app/host-json.js';
import { adviseOn, checkVersionBump, readVersionFile } from '../report/advice.js';
import { buildReport } from '../report/json.js';
import type { FinishedPolicy } from './engine.js';
import type { ReplaySchemaName } from './payload.js';
import type { ReplayReport, ReplayResult } from './result.js';

export interface ReplayJob extends LoadAppOptions {
  app: string;
  histories: string[];
  /** Paths are resolved against, and shown relative to, this folder. */
  cwd: string;
  /** Told about the app itself (e.g. a build older than its sources) before replaying. */
  onAppWarning?: (warning: string) => void;
  /** Called after each batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
  /** Breaking changes must move host.json defaultVersion (or versionFile) up a minor or major version. */
  requireVersionBump?: boolean;
  versionFile?: string;
  /** Histories of finished instances: as the runtime treats them (default), or judged as if in flight. */
  finished?: FinishedPolicy;
  /** The replay schema the host advertises (absent: V4 when a history proves it, else V3). */
  schema?: ReplaySchemaName;
}

export async function runReplay(job: ReplayJob): Promise<ReplayReport> {
  const { files, unmatched } = await expandHistoryPaths(job.histories, job.cwd);
  if (files.length === 0) {
    const why = job.histories.map((arg) => `${arg}: ${describeUnmatched(arg)}`).join('; ');
    throw new UsageError(
      `--histories found no history file (${why}). Expected history files (*.json), folders holding them, or globs such as 'histories/**/*.json'.`,
    );
  }
  const app = await loadApp(resolve(job.cwd, job.app), job);
  for (const warning of app.info.warnings) job.onAppWarning?.(warning);
  const results: ReplayResult[] = [];
  try {
    const batchSize = job.batchSize ?? 200;
    for (let start = 0; start < files.length; start += batchSize) {
      results.push(
        ...(await app.replay(
          files.slice(start, start + batchSize).map((file) => ({ file })),
          { ...(job.finished ? { finished: job.finished } : {}), ...(job.schema ? { schema: job.schema } : {}) },
        )),
      );
      job.onProgress?.(results.length, files.length);
    }
  } finally {
    await app.close();
  }
  for (const result of results) result.source = displayPath(result.source, job.cwd);
  for (const arg of unmatched) {
    results.push({ source: arg, instanceId: '', orchestrator: '', verdict: 'error', error: { message: describeUnmatched(arg) } });
  }
  for (const result of results) {
    for (const location of [
      result.divergence?.location,
      result.failure?.location,
      result.finishedPath?.divergence?.location,
      result.finishedPath?.failure?.location,
    ])
      if (location) location.file = displayPath(location.file, job.cwd);
  }
  const appShown = displayPath(app.info.dir, job.cwd);
  const report = buildReport(results, appShown);
  let host: DurableHostConfig | undefined;
  try {
    host = readHostConfig(app.info.dir);
  } catch {
    // A host.json the loader accepted but that does not parse: the advice uses the defaults.
  }
  const advice = adviseOn(report, host, appShown);
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
}

function describeUnmatched(arg: string): string {
  return /[*?[\]{}]/.test(arg) ? 'no file matches this pattern' : 'no such file or folder, or a folder without *.json files';
}
