/**
 * `replay`'s settings, parsed once from either front end (the CLI's flags, the Action's inputs)
 * with the same checks and messages. The job itself is harness/replay/run.ts; the front ends
 * render its report and set the exit code or outputs.
 */
import { UsageError } from '../../harness/errors.js';
import { stopReason } from '../../harness/app/host.js';
import { FINISHED_POLICIES, type FinishedPolicy } from '../../harness/replay/engine.js';
import { REPLAY_SCHEMAS, type ReplaySchemaName } from '../../harness/replay/payload.js';
import { runReplayStreamed, type ReplayJob, type StreamedReport } from '../../harness/replay/run.js';
import { REPORT_FORMATS, type ReportFormat } from '../../harness/report/formats.js';
import { parseDuration } from './duration.js';
import { withDeadline } from '../deadline.js';
import { declaredInput, type CommandServices, type SettingsInput } from './input.js';

export const REPLAY_OPTIONS = {
  app: 'text',
  histories: 'list',
  format: 'text',
  quiet: 'flag',
  'allow-stale-build': 'flag',
  'fail-on-input-drift': 'flag',
  perturb: 'flag',
  'require-version-bump': 'flag',
  'version-file': 'text',
  timeout: 'text',
  'history-timeout': 'text',
  'history-memory': 'text',
  finished: 'text',
  schema: 'text',
} as const;

export interface ReplaySettings {
  /** The function app folder with the new code (host.json, package.json; TypeScript built). */
  app: string;
  /** History files, folders or globs. */
  histories: string[];
  /** The report format shown (the Action writes every format to files as well). */
  format: ReportFormat;
  /** The text format leaves out the line of each history that is ok: what broke and the totals stay. */
  quiet: boolean;
  /** Replay the app's built JavaScript even when sources changed after it was built (refused by default). */
  allowStaleBuild: boolean;
  /** A call made at its recorded step with another input than recorded fails the result (default: a warning). */
  failOnInputDrift: boolean;
  /** Run each history whose recorded steps match again with the clock, randomness and the environment answering otherwise (docs/lint.md, Perturbed replay). */
  perturb: boolean;
  /** When something breaks, require host.json defaultVersion (or versionFile) to move up a minor or major version. */
  requireVersionBump: boolean;
  versionFile?: string;
  /** The whole run's limit; histories not checked by then are reported as such. */
  timeoutMs: number;
  /** Why the run stops when the timeout passes, as the user wrote the option ("--timeout 5m passed"). */
  timeoutReason: string;
  /** One history's limits: an orchestrator that loops or allocates for ever is stopped there. */
  historyTimeoutMs?: number;
  memoryLimitMb?: number;
  /** Histories of finished instances: as the runtime treats them (ok, what breaks on their path as a warning), or judged as if in flight. */
  finished: FinishedPolicy;
  /** The replay schema the host advertises: V3 or V4; absent: V4 when a history proves it, else V3. */
  schema?: ReplaySchemaName;
}

/** `check` reads the same settings, its histories optional (scenarios may stand in for them). */
export function readReplaySettings(given: SettingsInput, { historiesRequired = true, command = 'replay' } = {}): ReplaySettings {
  const input = declaredInput(command, REPLAY_OPTIONS, given);
  const app = input.text('app');
  if (!app) throw new UsageError(`missing ${input.label('app')}: the function app folder with the new code (it holds host.json and package.json).`);
  const histories = input.list('histories');
  if (historiesRequired && histories.length === 0) throw new UsageError(`missing ${input.label('histories')}: history files, folders or globs to replay.`);
  const versionFile = input.text('version-file');
  const requireVersionBump = input.flag('require-version-bump');
  if (versionFile && !requireVersionBump) {
    throw new UsageError(`${input.label('version-file')} goes with ${input.label('require-version-bump')}: it names where the version to check is.`);
  }
  const format = input.text('format') ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`invalid ${input.label('format')} '${format}'. Expected ${REPORT_FORMATS.join(', ')}.`);
  const timeoutText = input.text('timeout') ?? '30m';
  const historyTimeout = input.text('history-timeout');
  const historyMemory = input.text('history-memory');
  const finished = (input.text('finished') ?? 'runtime').toLowerCase();
  if (!(FINISHED_POLICIES as readonly string[]).includes(finished))
    throw new UsageError(
      `Invalid ${input.label('finished')} '${finished}'. Expected runtime (finished instances are ok, as the runtime never replays them; what breaks on their path is a warning) or judge (judge them as if still in flight).`,
    );
  const schemaText = input.text('schema') ?? 'auto';
  const schema = schemaText.toUpperCase();
  if (schema !== 'AUTO' && !(schema in REPLAY_SCHEMAS))
    throw new UsageError(
      `Invalid ${input.label('schema')} '${schemaText}'. Expected auto (V4 when a history holds a lock request, else V3), V3 (extension bundles up to Microsoft.Azure.WebJobs.Extensions.DurableTask 3.12) or V4 (3.13 and later).`,
    );
  return {
    app,
    histories,
    format: format as ReportFormat,
    quiet: input.flag('quiet'),
    allowStaleBuild: input.flag('allow-stale-build'),
    failOnInputDrift: input.flag('fail-on-input-drift'),
    perturb: input.flag('perturb'),
    requireVersionBump,
    ...(versionFile ? { versionFile } : {}),
    timeoutMs: parseDuration(input.label('timeout'), timeoutText),
    timeoutReason: input.passed('timeout', timeoutText),
    ...(historyTimeout ? { historyTimeoutMs: parseDuration(input.label('history-timeout'), historyTimeout) } : {}),
    ...(historyMemory ? { memoryLimitMb: parseMegabytes(input.label('history-memory'), historyMemory) } : {}),
    finished: finished as FinishedPolicy,
    ...(schema !== 'AUTO' ? { schema: schema as ReplaySchemaName } : {}),
  };
}

export interface ReplayEvents {
  /** A warning about the app itself (a build older than its sources). */
  onAppWarning?: (warning: string) => void;
  /** After each batch: histories done of the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replay with these settings: the whole run ends at the timeout or with `signal` (a cancel).
 * `stopped` says why when it ended early: the histories not checked are in the report as such.
 * The report's results are read back from disk once there are many: dispose of them when done.
 */
export async function runReplaySettings(
  settings: ReplaySettings,
  services: Pick<CommandServices, 'cwd' | 'signal'>,
  events: ReplayEvents = {},
): Promise<{ report: StreamedReport; stopped?: string }> {
  return withReplayJob(settings, services, events, runReplayStreamed);
}

/** The replay job these settings describe, run under their timeout (and `services.signal`) by `run`. */
export async function withReplayJob<R extends StreamedReport>(
  settings: ReplaySettings,
  services: Pick<CommandServices, 'cwd' | 'signal'>,
  events: ReplayEvents,
  run: (job: ReplayJob) => Promise<R>,
): Promise<{ report: R; stopped?: string }> {
  const deadline = withDeadline(services.signal, settings.timeoutMs, settings.timeoutReason);
  try {
    const report = await run({
      app: settings.app,
      histories: settings.histories,
      cwd: services.cwd,
      userOutput: 'stderr',
      signal: deadline.signal,
      allowStaleBuild: settings.allowStaleBuild,
      ...(settings.failOnInputDrift ? { inputDrift: 'fail' as const } : {}),
      ...(settings.perturb ? { perturb: true } : {}),
      ...(settings.historyTimeoutMs ? { historyTimeoutMs: settings.historyTimeoutMs } : {}),
      ...(settings.memoryLimitMb ? { memoryLimitMb: settings.memoryLimitMb } : {}),
      requireVersionBump: settings.requireVersionBump,
      ...(settings.versionFile ? { versionFile: settings.versionFile } : {}),
      finished: settings.finished,
      ...(settings.schema ? { schema: settings.schema } : {}),
      ...events,
    });
    return { report, ...(deadline.signal.aborted ? { stopped: stopReason(deadline.signal) } : {}) };
  } finally {
    deadline.clear();
  }
}

/** A heap size in MB: at least 64 (below that the SDK itself does not load). */
function parseMegabytes(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 64)
    throw new UsageError(`Invalid ${option} '${text}'. Expected a number of megabytes, 64 or more, such as 2048.`);
  return Number(text);
}
