/** The Action's `record` and `gate` commands: the same libraries as the CLI. */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { errorMessage } from '../../harness/errors.js';
import { writeWhole } from '../../harness/report/write.js';
import { withDeadline } from '../deadline.js';
import { parseCount, parseDuration, parseStatuses, parseTime, parseWaitFor, redact } from '../commands/options.js';
import { recordKeeping, recordReport, renderGateText } from '../commands/taskhub.js';
import { gateExitCode } from '../gate/gate.js';
import { runGateJob, type GateSource } from '../gate/job.js';
import { openTaskHub, type AzureTablesTaskHub } from '../taskhub/azure-tables.js';
import type { StorageConnection } from '../taskhub/connection.js';
import { recordHistories } from '../taskhub/record.js';
import { logData } from './log.js';

type GetInput = (name: string) => string;

const list = (value: string): string[] =>
  value
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);

function openHub(getInput: GetInput, workspace: string, signal: AbortSignal): { hub: AzureTablesTaskHub; connection: StorageConnection } {
  const taskHub = getInput('task-hub');
  if (!taskHub) throw new Error("Input 'task-hub' is required: the task hub name (host.json extensions.durableTask.hubName).");
  const setting = getInput('connection') || 'AzureWebJobsStorage';
  // Whatever the connection setting holds is a secret, whether or not it parses.
  const raw = process.env[setting];
  if (raw) core.setSecret(raw);
  const app = getInput('app');
  const prefix = getInput('table-prefix');
  const opened = openTaskHub({ taskHub, setting, signal, ...(app ? { appDir: resolve(workspace, app) } : {}), ...(prefix ? { tablePrefix: prefix } : {}) });
  for (const secret of opened.connection.secrets) core.setSecret(secret);
  return opened;
}

function storageSource(getInput: GetInput, workspace: string, signal: AbortSignal): GateSource {
  const { hub, connection } = openHub(getInput, workspace, signal);
  return { source: hub, hub, secrets: connection.secrets };
}

export async function runRecordAction(getInput: GetInput, workspace: string, signal: AbortSignal): Promise<void> {
  const out = getInput('out');
  if (!out) throw new Error("Input 'out' is required for command: record, the folder for the history files.");
  const statuses = parseStatuses('status', list(getInput('status')));
  const created = getInput('created-after');
  const limit = getInput('limit');
  const orchestrators = list(getInput('orchestrator'));
  const instances = list(getInput('instance'));
  const keeping = recordKeeping([getInput('redact')], getInput('keep-per-orchestrator'), getInput('max-age'), '');
  const timeout = getInput('timeout') || '30m';
  const deadline = withDeadline(signal, parseDuration('timeout', timeout), `the timeout (${timeout}) passed`);
  const { hub, connection } = openHub(getInput, workspace, deadline.signal);
  core.info(`Reading ${hub.describe}`);
  try {
    const summary = await recordHistories({
      signal: deadline.signal,
      hub,
      outDir: resolve(workspace, out),
      query: {
        statuses,
        ...(created ? { createdAfter: parseTime('created-after', created) } : {}),
        ...(orchestrators.length ? { names: orchestrators } : {}),
        ...(instances.length ? { instanceIds: instances } : {}),
      },
      ...(limit ? { limit: parseCount('limit', limit) } : {}),
      ...keeping,
    });
    const recorded = summary.written + summary.updated;
    const { headline, notes, missed } = recordReport(summary, out, connection.secrets);
    core.info(headline);
    core.setOutput('recorded', recorded);
    core.setOutput('in-flight', summary.instances);
    core.setOutput('out', resolve(workspace, out));
    for (const note of notes) core.info(note);
    await core.summary
      .addHeading('durable-gate record', 2)
      .addRaw(`Task hub ${hub.taskHub}: ${headline}`, true)
      .addList(notes)
      .write()
      .catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
    if (summary.stopped) core.setFailed(`Stopped (${summary.stopped}): ${summary.notRecorded.length} instance(s) not recorded; they are listed above.`);
    else if (missed > 0) core.setFailed(`${missed} instance(s) could not be recorded; they are listed above.`);
  } catch (error) {
    core.setFailed(redact(errorMessage(error), connection.secrets));
  } finally {
    deadline.clear();
  }
}

export async function runGateAction(getInput: GetInput, workspace: string, signal: AbortSignal): Promise<void> {
  const timeoutMs = parseDuration('timeout', getInput('timeout') || '30m');
  const intervalMs = parseDuration('interval', getInput('interval') || '15s');
  const staleInput = getInput('stale-after');
  const staleAfterMs = staleInput ? parseDuration('stale-after', staleInput) : undefined;
  const ignoreStale = (getInput('ignore-stale') || 'false').toLowerCase() === 'true';
  if (ignoreStale && staleAfterMs === undefined) throw new Error("Input 'ignore-stale' needs 'stale-after': it says which instances count as possibly stuck.");
  const statuses = parseStatuses('status', list(getInput('status')));
  const waitFor = parseWaitFor(getInput('wait-for'));
  const appInput = getInput('app');
  if (waitFor === 'breaking' && !appInput)
    throw new Error(
      "Input 'wait-for: breaking' needs 'app': the function app folder with the new code (built), whose replay decides which instances must finish first.",
    );
  const { report, found } = await runGateJob({
    open: async (requests) =>
      getInput('slot') ? (await import('./azure.js')).slotGateSource(getInput, workspace, signal, timeoutMs) : storageSource(getInput, workspace, requests),
    statuses,
    timeoutMs,
    timeoutReason: `the timeout (${getInput('timeout') || '30m'}) passed`,
    intervalMs,
    ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
    ...(ignoreStale ? { ignoreStale } : {}),
    ...(waitFor === 'breaking' ? { appDir: resolve(workspace, appInput) } : {}),
    signal,
    onStart: ({ source }) => core.info(`Gating on ${source.describe}; waiting for ${statuses.join(', ')} instances to finish.`),
    onWarning: (warning) => core.warning(warning),
    onPoll: (poll, judged) =>
      core.info(
        `poll ${poll.poll}: ${poll.inFlight} in flight${poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`}${poll.stale ? `, ${poll.stale} possibly stuck` : ''}` +
          (judged ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check` : ''),
      ),
  });
  const { hub, secrets } = found;
  const judged = waitFor === 'breaking';
  if (hub?.neverRan) core.info(`${hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.`);
  if (report.error) report.error = redact(report.error, secrets);
  logData(getInput('format') === 'json' ? JSON.stringify(report, null, 2) : renderGateText(report));
  const reportPath = join(process.env.RUNNER_TEMP || workspace, 'durable-gate-gate.json');
  await writeWhole(reportPath, JSON.stringify(report, null, 2) + '\n');
  core.setOutput('drained', report.drained);
  core.setOutput('in-flight', report.inFlight.length);
  core.setOutput('report-path', reportPath);
  const summary = core.summary.addHeading('durable-gate gate', 2).addRaw(renderGateText(report).split('\n')[0]!, true);
  const shown = report.waitFor === 'breaking' ? (report.blocking ?? []) : report.inFlight;
  if (!report.drained && shown.length > 0) {
    summary.addTable([
      ['Instance', 'Orchestrator', 'Status', 'Created', 'Last updated', ...(judged ? ['Verdict', 'Why it blocks'] : [])].map((data) => ({
        data,
        header: true,
      })),
      ...shown.map((i) => [
        i.instanceId,
        i.name,
        i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
        i.createdTime ?? '',
        i.lastUpdatedTime ?? '',
        ...(judged ? [i.verdict ?? 'not checked', i.reason ?? ''] : []),
      ]),
    ]);
  }
  if (report.safe?.length) {
    summary.addRaw(`${report.safe.length} instance(s) in flight replay cleanly on the new code and were not waited for:`, true);
    summary.addList(report.safe.map((i) => `${i.instanceId} (${i.name}, ${i.runtimeStatus}): ${i.reason ?? ''}`));
  }
  await summary.write().catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
  const code = gateExitCode(report);
  if (code !== 0) core.setFailed(renderGateText(report).split('\n')[0]!);
}
