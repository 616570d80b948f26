/** `durable-gate record` and `durable-gate gate` over an Azure Storage task hub. */
import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import { UsageError, errorMessage } from '../../harness/errors.js';
import { displayPath } from '../../harness/history/paths.js';
import { gateExitCode, type GateReport } from '../gate/gate.js';
import { runGateJob, type GateSource } from '../gate/job.js';
import { openTaskHub, type AzureTablesTaskHub } from '../taskhub/azure-tables.js';
import { HttpApiSource } from '../taskhub/http-api.js';
import type { StorageConnection } from '../taskhub/connection.js';
import { recordHistories, type RecordOptions, type RecordSummary } from '../taskhub/record.js';
import { parseRedactPath } from '../taskhub/redact.js';
import { withDeadline } from '../deadline.js';
import { parseCount, parseDuration, parseStatuses, parseTime, parseWaitFor, printable, redact } from './options.js';
import { AZURE_HELP, AZURE_OPTIONS } from './azure-options.js';

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const CONNECTION_HELP = `  --task-hub <name>      The task hub (host.json extensions.durableTask.hubName).
  --connection <name>    The app setting with the storage connection (default AzureWebJobsStorage):
                         an environment variable holding a connection string (UseDevelopmentStorage=true
                         for Azurite), or identity-based settings <name>__accountName,
                         <name>__tableServiceUri, <name>__credential=managedidentity, <name>__clientId.
  --app <dir>            Also read the app's local.settings.json Values (the environment wins).
  --table-prefix <name>  The tables' prefix when the tracking store is shared (default: the task hub).`;

export const RECORD_USAGE = `Usage: durable-gate record --task-hub <name> --out <dir> [options]

Exports the histories of in-flight instances, one durable-gate history file per instance.

Options:
${CONNECTION_HELP}
  --out <dir>            Where the files go (created if missing). Another instance's file is never
                         replaced; the same instance's file is updated.
  --status <list>        Statuses to record (default Pending,Running,Suspended,ContinuedAsNew).
  --orchestrator <name>  Only instances of this orchestrator (repeatable; any letter case).
  --instance <id>        Only this instance (repeatable).
  --created-after <time> Only instances created at or after this time (ISO 8601).
  --limit <n>            At most n instances.
  --redact <path>        Replace a payload value before writing (repeatable): $.customer.email,
                         input:$.card, result:$.token, $..email, $.items[*].sku. Redacting a value the
                         orchestrator branches on can change what replay finds: redact personal
                         data, not the values the code decides on.
  --keep-per-orchestrator <n>
                         After recording, keep only the n most recently recorded files per
                         orchestrator in --out (a folder kept for pull-request checks).
  --max-age <duration>   After recording, remove files in --out recorded longer ago than this (7d).
  --timeout <duration>   Stop after this long (default 30m): instances not recorded by then are
                         listed. Files are written whole or not at all.
  -h, --help             Show this help.

Exit codes: 0 recorded; 1 some instances could not be recorded whole (they are listed); 2 could not
read the task hub, bad options, or stopped by --timeout or a cancel (what was not recorded is listed).
`;

export const GATE_USAGE = `Usage: durable-gate gate --task-hub <name> [options]
       durable-gate gate --slot <slot> --app <dir> --app-name <name> --resource-group <name> [options]

Waits until nothing is in flight in the task hub, or the timeout passes. With --slot, the task
hub and its storage are discovered from the slot's app settings (through Azure Resource Manager)
and the app's host.json: no storage secret is needed.

Options:
${CONNECTION_HELP}
  --timeout <duration>   How long to wait (default 30m). Durations: 90s, 30m, 2h, 1h30m.
  --interval <duration>  Time between polls (default 15s).
  --status <list>        Statuses that block (default Pending,Running,Suspended,ContinuedAsNew:
                         suspended instances resume on the new code).
  --http-endpoint <url>  Instead of the storage tables, ask the app's Durable Functions HTTP API
                         (any storage backend). The durabletask_extension system key is read from
                         the environment variable named by --http-key-env (default
                         DURABLE_GATE_SYSTEM_KEY).
  --http-key-env <name>  The environment variable holding that system key.
  --wait-for <what>      all (default): wait for every instance in flight. breaking: replay the
                         in-flight histories against the new code (--app, built) at each poll and
                         wait only for the instances it breaks or cannot check; the others go on
                         running on the new code. One more poll confirms before the gate passes.
  --stale-after <dur>    Mark instances not updated for this long as possibly stuck.
  --ignore-stale         Let possibly stuck instances pass (needs --stale-after; the report says so).
  --format text|json     Report format on stdout (default text).
  --slot <name>          Discover the hub bound to this slot (e.g. staging); --app gives host.json.
${AZURE_HELP}
  -h, --help             Show this help.

Exit codes: 0 drained; 1 timed out (what blocks is listed); 2 could not query the task hub,
cancelled (SIGINT/SIGTERM), or bad options. The gate fails closed.
`;

const CONNECTION_OPTIONS = {
  'task-hub': { type: 'string' },
  connection: { type: 'string' },
  app: { type: 'string' },
  'table-prefix': { type: 'string' },
  status: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
type Parsed<T extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>;

/** node:util parseArgs, its errors said as usage errors that point at the command's help. */
export function parse<T extends OptionSpec>(command: string, args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = errorMessage(error).split('\n')[0]!;
    throw new UsageError(`${message.replace(/\. To specify.*$/, '').replace(/\.?$/, '.')} Run 'durable-gate ${command} --help'.`);
  }
}

function openHub(
  values: { 'task-hub'?: string; connection?: string; app?: string; 'table-prefix'?: string },
  io: CommandIo,
  command: string,
  signal: AbortSignal,
): { hub: AzureTablesTaskHub; connection: StorageConnection } {
  if (!values['task-hub'])
    throw new UsageError(`missing --task-hub <name>: the task hub to read (host.json extensions.durableTask.hubName). Run 'durable-gate ${command} --help'.`);
  return openTaskHub({
    taskHub: values['task-hub'],
    env: io.env,
    ...(values.connection ? { setting: values.connection } : {}),
    ...(values.app ? { appDir: resolve(io.cwd, values.app) } : {}),
    ...(values['table-prefix'] ? { tablePrefix: values['table-prefix'] } : {}),
    signal,
  });
}

export async function recordCommand(args: string[], io: CommandIo, signal?: AbortSignal): Promise<number> {
  if (args.some((a) => a === '--http-endpoint' || a.startsWith('--http-endpoint='))) {
    throw new UsageError(
      "record cannot use --http-endpoint: the HTTP API's history (showHistory) drops the sequence ids and events a replay needs. Record from the task hub's storage with --connection.",
    );
  }
  const { values } = parse('record', args, {
    ...CONNECTION_OPTIONS,
    out: { type: 'string' },
    orchestrator: { type: 'string', multiple: true },
    instance: { type: 'string', multiple: true },
    'created-after': { type: 'string' },
    limit: { type: 'string' },
    redact: { type: 'string', multiple: true },
    'keep-per-orchestrator': { type: 'string' },
    'max-age': { type: 'string' },
    timeout: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(RECORD_USAGE);
    return 0;
  }
  if (!values.out) throw new UsageError("missing --out <dir>: the folder for the history files. Run 'durable-gate record --help'.");
  const statuses = parseStatuses('--status', values.status);
  const createdAfter = values['created-after'] ? parseTime('--created-after', values['created-after']) : undefined;
  const limit = values.limit !== undefined ? parseCount('--limit', values.limit) : undefined;
  const keeping = recordKeeping(values.redact ?? [], values['keep-per-orchestrator'], values['max-age'], '--');
  const timeout = values.timeout ?? '30m';
  const deadline = withDeadline(signal, parseDuration('--timeout', timeout), `--timeout ${timeout} passed`);
  const { hub, connection } = openHub(values, io, 'record', deadline.signal);
  io.stderr.write(`durable-gate: reading ${hub.describe}\n`);
  const progress = io.stderr.isTTY === true;
  try {
    const summary = await recordHistories({
      signal: deadline.signal,
      hub,
      outDir: resolve(io.cwd, values.out),
      query: {
        statuses,
        ...(createdAfter ? { createdAfter } : {}),
        ...(values.orchestrator ? { names: values.orchestrator } : {}),
        ...(values.instance ? { instanceIds: values.instance } : {}),
      },
      ...(limit ? { limit } : {}),
      ...keeping,
      onProgress: (done, total) => {
        if (progress && total >= 20) io.stderr.write(done < total ? `\rrecorded ${done}/${total}` : '\r\u001b[K');
      },
    });
    const report = recordReport(summary, displayPath(resolve(io.cwd, values.out), io.cwd), connection.secrets);
    io.stdout.write([report.headline, ...report.notes].join('\n') + '\n');
    return summary.stopped ? 2 : report.missed > 0 ? 1 : 0;
  } catch (error) {
    io.stderr.write(`durable-gate: ${redact(errorMessage(error), connection.secrets)}\n`);
    return 2;
  } finally {
    deadline.clear();
  }
}

/** --redact, --keep-per-orchestrator and --max-age, parsed once for the CLI and the Action. */
export function recordKeeping(
  redact: string[],
  keep: string | undefined,
  maxAge: string | undefined,
  prefix: string,
): Pick<RecordOptions, 'redact' | 'retention'> {
  const paths = redact
    .flatMap((line) => line.split(/\r?\n/))
    .map((p) => p.trim())
    .filter(Boolean)
    .map(parseRedactPath);
  const keepPerOrchestrator = keep ? parseCount(`${prefix}keep-per-orchestrator`, keep) : undefined;
  const maxAgeMs = maxAge ? parseDuration(`${prefix}max-age`, maxAge) : undefined;
  return {
    ...(paths.length ? { redact: paths } : {}),
    ...(keepPerOrchestrator !== undefined || maxAgeMs !== undefined
      ? { retention: { ...(keepPerOrchestrator !== undefined ? { keepPerOrchestrator } : {}), ...(maxAgeMs !== undefined ? { maxAgeMs } : {}) } }
      : {}),
  };
}

/** What a record run says, the same for the CLI and the Action. Ids are escaped, secrets redacted. */
export function recordReport(summary: RecordSummary, out: string, secrets: readonly string[]): { headline: string; notes: string[]; missed: number } {
  const headline =
    `Recorded ${summary.written + summary.updated} of ${summary.instances} instance(s) to ${out}: ${summary.written} new, ${summary.updated} updated, ` +
    `${summary.events} events, ${summary.bytes} bytes${summary.blobs ? `, ${summary.blobs} large values fetched from blobs` : ''}, ${summary.seconds.toFixed(1)} s.`;
  const notes = [
    ...(summary.stopped
      ? [
          `Stopped: ${summary.stopped}. ${summary.notRecorded.length} instance(s) not recorded (no partial file was left; run record again to finish): ${listSome(summary.notRecorded)}`,
        ]
      : []),
    ...(summary.leftoversRemoved ? [`Removed ${summary.leftoversRemoved} temporary file(s) left by an earlier run that was stopped mid-write.`] : []),
    ...(summary.truncated ? ['Stopped at the limit: more instances match.'] : []),
    ...summary.pendingWithoutHistory.map((id) => `Pending, no history yet (nothing to replay): ${id}`),
    ...summary.vanished.map((id) => `Not recorded: ${id} was gone by the time its history was read (purged, or no longer in flight).`),
    ...summary.changed.map((id) => `Not recorded: ${id} changed execution while it was read (continue-as-new or restart); record again.`),
    ...summary.unreadable.map(({ instanceId, message }) => `Not recorded: ${instanceId}: ${redact(message, secrets)}`),
    ...summary.skipped.map(({ instanceId, reason }) => `Not recorded: instance ${instanceId} ${reason}.`),
    ...(summary.redacted ? [`Redacted ${summary.redacted} payload value(s); each file lists the paths applied in "redacted".`] : []),
    ...summary.pruned.map(({ file, reason }) => `Removed ${basename(file)}: ${reason}.`),
  ].map(printable);
  return { headline, notes, missed: summary.changed.length + summary.unreadable.length + summary.skipped.length };
}

/** Up to `shown` ids, then how many more. */
function listSome(ids: readonly string[], shown = 20): string {
  return ids.slice(0, shown).join(', ') + (ids.length > shown ? ` and ${ids.length - shown} more` : '');
}

export type { GateSource } from '../gate/job.js';

function storageSource(values: Parameters<typeof openHub>[0], io: CommandIo, signal: AbortSignal): GateSource {
  const { hub, connection } = openHub(values, io, 'gate', signal);
  return { source: hub, hub, secrets: connection.secrets };
}

function httpSource(endpoint: string, keyEnv: string | undefined, io: CommandIo, signal: AbortSignal): GateSource {
  const variable = keyEnv ?? 'DURABLE_GATE_SYSTEM_KEY';
  const systemKey = io.env[variable];
  if (!systemKey)
    throw new UsageError(
      `--http-endpoint needs the durabletask_extension system key in the environment variable ${variable} (see az functionapp keys list). Secrets are never taken as flags.`,
    );
  return { source: new HttpApiSource({ endpoint, systemKey, signal }), secrets: [systemKey] };
}

function ago(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}

export function renderGateText(report: GateReport): string {
  const lines: string[] = [];
  switch (report.outcome) {
    case 'drained':
      if (report.waitFor === 'breaking' && report.safe?.length) {
        const passed = report.ignoredStale.length
          ? `Nothing in flight that the new code breaks, except ${report.ignoredStale.length} possibly stuck instance(s) let through by --ignore-stale (${report.ignoredStale.map(printable).join(', ')}): they will fail on the new code if they ever resume`
          : 'Nothing in flight that the new code breaks';
        lines.push(
          `${passed}, after ${report.polls} poll(s), ${report.waitedSeconds} s: the deployment may go on. ${report.safe.length} instance(s) still in flight replay cleanly on the new code and continue on it:`,
        );
        for (const i of report.safe) lines.push(`  ${printable(i.instanceId)} (${printable(i.name)}, ${i.runtimeStatus}): ${i.reason ?? ''}`);
        break;
      }
      lines.push(`Drained after ${report.polls} poll(s), ${report.waitedSeconds} s: nothing in flight blocks the deployment.`);
      if (report.ignoredStale.length) lines.push(`Let through as possibly stuck (--ignore-stale): ${report.ignoredStale.map(printable).join(', ')}`);
      break;
    case 'timeout':
      lines.push(
        report.waitFor === 'breaking'
          ? `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.blocking?.length ?? 0} instance(s) in flight that the new code breaks (or that could not be checked) have not finished. Do not deploy over this task hub yet: let them finish, or see the advice of durable-gate replay.`
          : `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.inFlight.length} instance(s) still in flight. Do not deploy over this task hub yet.`,
      );
      break;
    case 'cancelled':
      lines.push(`Cancelled after ${report.polls} poll(s): nothing was decided; do not deploy.`);
      break;
    case 'error':
      lines.push(`Could not query the task hub (the gate fails closed; do not deploy): ${report.error ?? ''}`);
      break;
  }
  const shown = report.waitFor === 'breaking' ? (report.blocking ?? []) : report.inFlight;
  if (report.outcome !== 'drained' && shown.length > 0) {
    const selective = report.waitFor === 'breaking';
    const rows = [
      ['instance', 'orchestrator', 'status', 'created', 'last updated', 'age', ...(selective ? ['verdict', 'why it blocks'] : [])],
      ...shown.map((i) => [
        printable(i.instanceId),
        printable(i.name),
        i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
        i.createdTime ?? '',
        i.lastUpdatedTime ?? '',
        ago(i.ageSeconds),
        ...(selective ? [i.verdict ?? 'not checked', printable(i.reason ?? '')] : []),
      ]),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const row of rows)
      lines.push(
        row
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd(),
      );
    if (shown.some((i) => i.possiblyStuck)) lines.push('Possibly stuck: not updated for longer than --stale-after. Check them; --ignore-stale lets them pass.');
    if (selective && report.safe?.length) lines.push(`${report.safe.length} other instance(s) in flight replay cleanly on the new code: not waited for.`);
  }
  return lines.join('\n') + '\n';
}

export async function gateCommand(args: string[], io: CommandIo, signal?: AbortSignal): Promise<number> {
  const { values } = parse('gate', args, {
    ...CONNECTION_OPTIONS,
    timeout: { type: 'string' },
    interval: { type: 'string' },
    'stale-after': { type: 'string' },
    'ignore-stale': { type: 'boolean' },
    format: { type: 'string' },
    'http-endpoint': { type: 'string' },
    'http-key-env': { type: 'string' },
    'wait-for': { type: 'string' },
    ...AZURE_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(GATE_USAGE);
    return 0;
  }
  const timeoutMs = parseDuration('--timeout', values.timeout ?? '30m');
  const intervalMs = parseDuration('--interval', values.interval ?? '15s');
  const staleAfterMs = values['stale-after'] ? parseDuration('--stale-after', values['stale-after']) : undefined;
  if (values['ignore-stale'] && staleAfterMs === undefined)
    throw new UsageError('--ignore-stale needs --stale-after <duration>: it says which instances count as possibly stuck.');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Invalid --format '${format}'. Expected text or json.`);
  const statuses = parseStatuses('--status', values.status);
  if (values.slot && (values['task-hub'] || values['http-endpoint'] || values.connection)) {
    throw new UsageError('--slot discovers the task hub and its storage from the slot; leave out --task-hub, --connection and --http-endpoint.');
  }
  const waitFor = parseWaitFor(values['wait-for']);
  if (waitFor === 'breaking' && !values.app)
    throw new UsageError(
      '--wait-for breaking needs --app <dir>: the function app folder with the new code (built), whose replay decides which instances must finish first.',
    );
  if (waitFor === 'breaking' && values['http-endpoint'])
    throw new UsageError(
      "--wait-for breaking reads the in-flight histories from the task hub's storage; the HTTP API's history is lossy. Use --task-hub (or --slot) instead of --http-endpoint.",
    );
  const what = waitFor === 'breaking' ? `the ${statuses.join(', ')} instances that the new code in ${values.app} breaks` : `${statuses.join(', ')} instances`;
  const { report, found } = await runGateJob({
    open: async (requests) =>
      values.slot
        ? (await import('./azure.js')).slotSource(values, io, signal, timeoutMs)
        : values['http-endpoint']
          ? httpSource(values['http-endpoint'], values['http-key-env'], io, requests)
          : storageSource(values, io, requests),
    statuses,
    timeoutMs,
    timeoutReason: `--timeout ${values.timeout ?? '30m'} passed`,
    intervalMs,
    ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
    ...(values['ignore-stale'] ? { ignoreStale: true } : {}),
    ...(waitFor === 'breaking' ? { appDir: resolve(io.cwd, values.app!) } : {}),
    ...(signal ? { signal } : {}),
    onStart: ({ source }) =>
      io.stderr.write(`durable-gate: gating on ${source.describe}; waiting for ${what} to finish (timeout ${values.timeout ?? '30m'})\n`),
    onWarning: (warning) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
    onPoll: (poll, judged) => {
      const oldest = poll.oldest
        ? `, oldest ${printable(poll.oldest.instanceId)} (${printable(poll.oldest.name)}, ${poll.oldest.runtimeStatus} since ${poll.oldest.createdTime ?? '?'})`
        : '';
      const change = poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`;
      const stale = poll.stale ? `, ${poll.stale} possibly stuck` : '';
      const breaking = judged
        ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check, ${poll.inFlight - (poll.breaking ?? poll.blocking)} replay cleanly`
        : '';
      io.stderr.write(`poll ${poll.poll}: ${poll.inFlight} in flight${oldest}${change}${stale}${breaking}\n`);
    },
  });
  const { hub, secrets } = found;
  if (hub?.neverRan)
    io.stderr.write(
      `durable-gate: ${hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.\n`,
    );
  if (report.error) report.error = redact(report.error, secrets);
  io.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderGateText(report));
  return gateExitCode(report);
}
