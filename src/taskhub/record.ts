/**
 * `durable-gate record`: one canonical history file (design.md) per instance. Files are written
 * whole (temporary file, then rename), never over another instance's file; an instance whose
 * execution changes while it is read is read again, and reported if it keeps changing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stopReason } from '../../harness/app/host.js';
import { DurableGateError, HistoryError } from '../../harness/errors.js';
import { EventType, HISTORY_SCHEMA, type HistoryFile } from '../../harness/history/events.js';
import { parseHistory } from '../../harness/history/load.js';
import { writeWholeSync } from '../../harness/report/write.js';
import { redactHistory, type RedactPath } from './redact.js';
import { pruneHistories } from './retention.js';
import { ALL_STATUSES, type HistorySource, type InstanceQuery, type InstanceSummary } from './azure-tables.js';
import { fileNameFor } from './keys.js';

export interface RecordOptions {
  hub: HistorySource;
  outDir: string;
  query: InstanceQuery;
  /** At most this many instances. */
  limit?: number;
  /** Instances read at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  clock?: () => Date;
  /** Payload values replaced before a file is written (production data kept out of the folder). */
  redact?: RedactPath[];
  /** After recording: the folder pruned to this many files per orchestrator and this age. */
  retention?: { keepPerOrchestrator?: number; maxAgeMs?: number };
  /**
   * Stops the run (a cancel, the deadline): no new instance is started, reads under way end, and
   * what was not recorded is listed. Files are written whole or not at all.
   */
  signal?: AbortSignal;
}

export interface RecordSummary {
  instances: number;
  /** Files written for instances not recorded here before. */
  written: number;
  /** Files replaced with a newer history of the same instance. */
  updated: number;
  events: number;
  bytes: number;
  blobs: number;
  seconds: number;
  /** Pending instances: started, but the runtime has not written their history yet. */
  pendingWithoutHistory: string[];
  /** Instances whose execution changed while they were read (continue-as-new, restart): not written. */
  changed: string[];
  /** Instances gone (purged, or finished and cleaned up) between listing and reading: not written. */
  vanished: string[];
  /** Histories that could not be read or written: not recorded, with the reason. */
  unreadable: { instanceId: string; message: string }[];
  /** Instances named with --instance that are not recorded, and why (not found, other status, an entity). */
  skipped: { instanceId: string; reason: string }[];
  files: string[];
  /** True when `limit` cut the list. */
  truncated: boolean;
  /** Payload values replaced by --redact. */
  redacted: number;
  /** Recorded instances whose history holds Blob Storage references in place of payloads (the scheduler's SDKs move large ones out). */
  externalPayloads: { instanceId: string; count: number; reference: string }[];
  /** Files removed by the retention rules, with why. */
  pruned: { file: string; reason: string }[];
  /** Why the run stopped before every instance was read (a cancel, the deadline). */
  stopped?: string;
  /** Instances listed but not recorded because the run stopped. */
  notRecorded: string[];
  /** Temporary files of an earlier run that was killed mid-write, removed. */
  leftoversRemoved: number;
}

export async function recordHistories(options: RecordOptions): Promise<RecordSummary> {
  const started = Date.now();
  const clock = options.clock ?? (() => new Date());
  const instances: InstanceSummary[] = [];
  const seen = new Set<string>();
  let truncated = false;
  try {
    for await (const instance of options.hub.instances(options.query)) {
      if (seen.has(instance.instanceId)) continue;
      if (options.limit !== undefined && instances.length >= options.limit) {
        truncated = true;
        break;
      }
      seen.add(instance.instanceId);
      instances.push(instance);
    }
  } catch (error) {
    // A cancel or the deadline while listing: said as such, not as the aborted request's error.
    if (options.signal?.aborted)
      throw new DurableGateError(`stopped before the instances in flight were listed (${stopReason(options.signal)}): nothing was recorded.`);
    throw error;
  }
  // Listing succeeded, so the hub exists: only now is the folder created.
  await mkdir(options.outDir, { recursive: true });
  const leftoversRemoved = await removeLeftovers(options.outDir);
  const summary: RecordSummary = {
    instances: instances.length,
    written: 0,
    updated: 0,
    events: 0,
    bytes: 0,
    blobs: 0,
    seconds: 0,
    pendingWithoutHistory: [],
    externalPayloads: [],
    changed: [],
    vanished: [],
    unreadable: [],
    skipped: await explainMissing(options, seen),
    files: [],
    truncated,
    redacted: 0,
    pruned: [],
    notRecorded: [],
    leftoversRemoved,
  };
  // File names are chosen before any is written, so two instances can never race for one.
  const targets = await chooseTargets(
    options.outDir,
    instances.map((i) => i.instanceId),
  );
  let next = 0;
  let done = 0;
  const concurrency = Math.min(options.concurrency ?? 16, Math.max(1, instances.length));
  const worker = async (): Promise<void> => {
    while (next < instances.length && !options.signal?.aborted) {
      const instance = instances[next++]!;
      try {
        await recordOne(options, instance, summary, clock, targets.get(instance.instanceId)!);
      } catch (error) {
        // One instance never stops the others: it is reported and the run goes on.
        if (options.signal?.aborted) summary.notRecorded.push(instance.instanceId);
        else summary.unreadable.push({ instanceId: instance.instanceId, message: error instanceof Error && error.message ? error.message : String(error) });
      }
      done += 1;
      options.onProgress?.(done, instances.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (options.signal?.aborted) {
    summary.stopped = stopReason(options.signal);
    summary.notRecorded.push(...instances.slice(next).map((i) => i.instanceId));
  }
  summary.files.sort();
  if (options.retention && (options.retention.keepPerOrchestrator !== undefined || options.retention.maxAgeMs !== undefined)) {
    summary.pruned = (await pruneHistories(options.outDir, { ...options.retention, now: clock() })).removed;
    const gone = new Set(summary.pruned.map((p) => p.file));
    summary.files = summary.files.filter((f) => !gone.has(f));
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** A temporary file as writeWhole names it: `<file>.json.<pid>.<random>.tmp`. */
const TEMP_FILE = /\.json\.(\d+)\.[a-z0-9]+\.tmp$/;

/** Temporary files left by a run that was killed mid-write (its process is gone): removed, never read as histories. */
async function removeLeftovers(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** For each instance the user named that was not listed: why. */
async function explainMissing(options: RecordOptions, found: Set<string>): Promise<RecordSummary['skipped']> {
  const skipped: RecordSummary['skipped'] = [];
  for (const id of new Set(options.query.instanceIds ?? [])) {
    if (found.has(id)) continue;
    if (id.startsWith('@')) {
      skipped.push({ instanceId: id, reason: 'is a durable entity, not an orchestration: entities have no history to replay' });
      continue;
    }
    const [any] = await collect(options.hub.instances({ statuses: ALL_STATUSES, instanceIds: [id] }));
    skipped.push({
      instanceId: id,
      reason: any ? `is ${any.runtimeStatus}, not one of the statuses asked for (${options.query.statuses.join(', ')})` : 'no such instance in the task hub',
    });
  }
  return skipped;
}

async function recordOne(
  options: RecordOptions,
  instance: InstanceSummary,
  summary: RecordSummary,
  clock: () => Date,
  target: { path: string; replaced: boolean },
): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { rows, blobs } = await options.hub.historyRows(instance.instanceId);
    const eventRows = rows.filter((r) => r.RowKey !== 'sentinel');
    if (eventRows.length === 0) {
      // No history: still Pending, or purged/deleted since it was listed. The runtime writes history
      // before an instance runs, so a running one without rows is a history that could not be read.
      const [still] = await collect(options.hub.instances({ statuses: options.query.statuses, instanceIds: [instance.instanceId] }));
      if (!still) summary.vanished.push(instance.instanceId);
      else if (still.runtimeStatus === 'Pending') summary.pendingWithoutHistory.push(instance.instanceId);
      else
        summary.unreadable.push({
          instanceId: instance.instanceId,
          message: `the task hub returned no history rows for this ${still.runtimeStatus} instance (the runtime writes them before an instance runs); record it again.`,
        });
      return;
    }
    let history;
    try {
      history = parseHistory(rows, `${options.hub.historyTable}/${instance.instanceId}`);
    } catch (error) {
      summary.unreadable.push({ instanceId: instance.instanceId, message: error instanceof HistoryError ? error.detail : String(error) });
      return;
    }
    // The Instances row and the history must describe the same execution.
    if (instance.executionId && history.executionId && instance.executionId !== history.executionId) {
      const [again] = await collect(options.hub.instances({ statuses: options.query.statuses, instanceIds: [instance.instanceId] }));
      if (!again) {
        summary.changed.push(instance.instanceId);
        return;
      }
      instance = again;
      continue;
    }
    let file: HistoryFile = {
      schema: HISTORY_SCHEMA,
      taskHub: options.hub.taskHub,
      instanceId: instance.instanceId,
      ...(history.executionId ? { executionId: history.executionId } : {}),
      name: history.orchestrator,
      version: history.version,
      runtimeStatus: finishedStatus(history.events) ?? instance.runtimeStatus,
      recordedAt: clock().toISOString(),
      history: history.events,
    };
    if (options.redact?.length) {
      const redacted = redactHistory(file, options.redact);
      file = redacted.file;
      summary.redacted += redacted.redacted;
    }
    const text = JSON.stringify(file, null, 1) + '\n';
    const { path, replaced } = target;
    const events = history.events.length;
    // Written in this thread, while the other readers' queries are in flight: writing a history
    // file takes well under a millisecond, and a fraction of the CPU that trips through libuv's
    // thread pool cost (measured on 1,000 files of 5 KB: 0.03-0.3 CPU-s against 0.2-0.65).
    try {
      writeWholeSync(path, text);
    } catch (error) {
      summary.unreadable.push({
        instanceId: instance.instanceId,
        message: `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      });
      return;
    }
    if (replaced) summary.updated += 1;
    else summary.written += 1;
    const references = history.externalPayloads;
    if (references) summary.externalPayloads.push({ instanceId: instance.instanceId, count: references.length, reference: references[0]!.reference });
    summary.events += events;
    summary.bytes += Buffer.byteLength(text);
    summary.blobs += blobs;
    summary.files.push(path);
    return;
  }
  summary.changed.push(instance.instanceId);
}

/**
 * Each instance's file. Another instance's file is never replaced, and names that differ only in
 * letter case count as the same (case-insensitive file systems): the later one gets a suffix.
 */
async function chooseTargets(dir: string, instanceIds: string[]): Promise<Map<string, { path: string; replaced: boolean }>> {
  // Existing files by lower-case name: on a case-insensitive file system "A.json" is "a.json".
  const existing = new Map((await readdir(dir)).map((name) => [name.toLowerCase(), name]));
  const claimed = new Set<string>();
  const targets = new Map<string, { path: string; replaced: boolean }>();
  for (const instanceId of instanceIds) {
    const base = fileNameFor(instanceId);
    const candidates = [`${base}.json`, `${base}~${createHash('sha256').update(instanceId).digest('hex').slice(0, 10)}.json`];
    const owners = await Promise.all(
      candidates.map(async (name) => {
        const actual = existing.get(name.toLowerCase());
        return actual === undefined ? undefined : ownerOf(join(dir, actual));
      }),
    );
    // The file this instance already has wins; else the first name nobody holds.
    let index = owners.findIndex((owner, i) => owner === instanceId && !claimed.has(candidates[i]!.toLowerCase()));
    if (index < 0) index = owners.findIndex((owner, i) => owner === undefined && !claimed.has(candidates[i]!.toLowerCase()));
    if (index < 0) throw new Error(`cannot find a free file name for instance ${instanceId} in ${dir}: other instances' files already use its names.`);
    const name = existing.get(candidates[index]!.toLowerCase()) ?? candidates[index]!;
    claimed.add(name.toLowerCase());
    targets.set(instanceId, { path: join(dir, name), replaced: owners[index] === instanceId });
  }
  return targets;
}

/** The instance id a history file holds; undefined when there is no file; null when the name is taken by something else. */
async function ownerOf(path: string): Promise<string | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  try {
    const owner = (JSON.parse(text) as { instanceId?: unknown }).instanceId;
    return typeof owner === 'string' ? owner : null;
  } catch {
    return null;
  }
}

const STATUS_NAMES = ['Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Pending', 'Suspended'];

/** An instance that finished while it was being read says so in its history. */
function finishedStatus(events: readonly { EventType: EventType; OrchestrationStatus?: number | string }[]): string | undefined {
  const completed = events.find((e) => e.EventType === EventType.ExecutionCompleted);
  if (!completed) return undefined;
  const status = completed.OrchestrationStatus;
  return typeof status === 'number' ? STATUS_NAMES[status] : typeof status === 'string' ? status : undefined;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
