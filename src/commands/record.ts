/**
 * `record`: its settings, parsed once from either front end, and the job: export the histories of
 * in-flight instances, one history file per instance, within the timeout.
 */
import { basename, resolve } from 'node:path';
import { DurableGateError, UsageError, errorMessage } from '../../harness/errors.js';
import { displayPath } from '../../harness/history/paths.js';
import { withDeadline } from '../deadline.js';
import { recordHistories, type RecordOptions, type RecordSummary } from '../taskhub/record.js';
import { parseRedactPath } from '../taskhub/redact.js';
import { HUB_OPTIONS, openHistorySource, readHubSettings, type HubSettings } from './hub.js';
import { declaredInput, type CommandEvents, type CommandServices, type SettingsInput } from './input.js';
import { parseCount, parseDuration, parseStatuses, parseTime, printable, redact } from './options.js';

export const RECORD_OPTIONS = {
  ...HUB_OPTIONS,
  out: 'text',
  status: 'list',
  orchestrator: 'list',
  instance: 'list',
  'created-after': 'text',
  limit: 'text',
  redact: 'list',
  'keep-per-orchestrator': 'text',
  'max-age': 'text',
  timeout: 'text',
} as const;

export interface RecordSettings extends Pick<RecordOptions, 'redact' | 'retention' | 'limit'> {
  hub: HubSettings;
  /** The folder for the history files (created if missing). */
  out: string;
  statuses: string[];
  /** Only instances of these orchestrators (any letter case). */
  names?: string[];
  instanceIds?: string[];
  createdAfter?: Date;
  timeoutMs: number;
  /** Why the run stops when the timeout passes, as the user wrote the option. */
  timeoutReason: string;
}

export function readRecordSettings(given: SettingsInput): RecordSettings {
  const input = declaredInput('record', RECORD_OPTIONS, given);
  const out = input.text('out');
  if (!out) throw new UsageError(`missing ${input.label('out')}: the folder for the history files.`);
  const hub = readHubSettings(input, 'the task hub to record from');
  const created = input.text('created-after');
  const limit = input.text('limit');
  // Function names cannot hold a comma: "A,B" names two, as one per line does.
  const names = input.list('orchestrator').flatMap(splitCommas);
  const instanceIds = input
    .list('instance')
    .map((id) => id.trim())
    .filter(Boolean);
  const redactPaths = input.list('redact').flatMap(splitLines).map(parseRedactPath);
  const keep = input.text('keep-per-orchestrator');
  const maxAge = input.text('max-age');
  const keepPerOrchestrator = keep ? parseCount(input.label('keep-per-orchestrator'), keep) : undefined;
  const maxAgeMs = maxAge ? parseDuration(input.label('max-age'), maxAge) : undefined;
  const timeoutText = input.text('timeout') ?? '30m';
  return {
    hub,
    out,
    statuses: parseStatuses(input.label('status'), input.list('status')),
    ...(names.length ? { names } : {}),
    ...(instanceIds.length ? { instanceIds } : {}),
    ...(created ? { createdAfter: parseTime(input.label('created-after'), created) } : {}),
    ...(limit ? { limit: parseCount(input.label('limit'), limit) } : {}),
    ...(redactPaths.length ? { redact: redactPaths } : {}),
    ...(keepPerOrchestrator !== undefined || maxAgeMs !== undefined
      ? { retention: { ...(keepPerOrchestrator !== undefined ? { keepPerOrchestrator } : {}), ...(maxAgeMs !== undefined ? { maxAgeMs } : {}) } }
      : {}),
    timeoutMs: parseDuration(input.label('timeout'), timeoutText),
    timeoutReason: input.passed('timeout', timeoutText),
  };
}

const splitCommas = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const splitLines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);

export interface RecordEvents extends CommandEvents {
  /** Instances recorded of those listed. */
  onProgress?: (done: number, total: number) => void;
}

/** What a record run did, said the same way by both front ends. Ids are escaped, secrets redacted. */
export interface RecordReport {
  taskHub: string;
  /** The folder, absolute. */
  out: string;
  summary: RecordSummary;
  headline: string;
  notes: string[];
  /** Instances that could not be recorded whole. */
  missed: number;
  /** 0 recorded; 1 some instances could not be recorded whole; 2 stopped by the timeout or a cancel. */
  exitCode: 0 | 1 | 2;
}

/**
 * Records within the timeout. An error reading the hub (it cannot be reached, refuses, answers
 * nonsense) is thrown with secrets redacted: nothing was recorded.
 */
export async function runRecord(settings: RecordSettings, services: CommandServices, events: RecordEvents = {}): Promise<RecordReport> {
  const deadline = withDeadline(services.signal, settings.timeoutMs, settings.timeoutReason);
  const { hub, connection, resolved, close } = await openHistorySource(settings.hub, services, deadline.signal);
  events.onNotice?.(`reading ${hub.describe}${resolved.origin ? ` (${resolved.origin})` : ''}`);
  const outDir = resolve(services.cwd, settings.out);
  try {
    const summary = await recordHistories({
      signal: deadline.signal,
      hub,
      outDir,
      query: {
        statuses: settings.statuses,
        ...(settings.createdAfter ? { createdAfter: settings.createdAfter } : {}),
        ...(settings.names ? { names: settings.names } : {}),
        ...(settings.instanceIds ? { instanceIds: settings.instanceIds } : {}),
      },
      ...(settings.limit ? { limit: settings.limit } : {}),
      ...(settings.redact ? { redact: settings.redact } : {}),
      ...(settings.retention ? { retention: settings.retention } : {}),
      ...(events.onProgress ? { onProgress: events.onProgress } : {}),
    });
    const text = recordText(summary, displayPath(outDir, services.cwd), connection.secrets);
    return { taskHub: resolved.taskHub, out: outDir, summary, ...text, exitCode: summary.stopped ? 2 : text.missed > 0 ? 1 : 0 };
  } catch (error) {
    throw new DurableGateError(redact(errorMessage(error), connection.secrets));
  } finally {
    close();
    deadline.clear();
  }
}

function recordText(summary: RecordSummary, out: string, secrets: readonly string[]): { headline: string; notes: string[]; missed: number } {
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
    ...(summary.externalPayloads.length
      ? [
          `Recorded with references: ${summary.externalPayloads.length} instance(s) hold payloads the SDK kept in Blob Storage, with only a reference in the history (the first: ${summary.externalPayloads[0]!.reference}); a replay says when its verdict would rest on one: ${listSome(summary.externalPayloads.map(({ instanceId, count }) => `${instanceId} (${count})`))}`,
        ]
      : []),
    ...summary.pruned.map(({ file, reason }) => `Removed ${basename(file)}: ${reason}.`),
  ].map(printable);
  return { headline, notes, missed: summary.changed.length + summary.unreadable.length + summary.skipped.length };
}

/** Up to `shown` ids, then how many more. */
function listSome(ids: readonly string[], shown = 20): string {
  return ids.slice(0, shown).join(', ') + (ids.length > shown ? ` and ${ids.length - shown} more` : '');
}
