/**
 * `durable-gate record`: one canonical history file (design.md) per instance. Files are written
 * whole (temporary file, then rename), never over another instance's file; an instance whose
 * execution changes while it is read is read again, and reported if it keeps changing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryError } from '../../harness/errors.js';
import { HISTORY_SCHEMA, type HistoryFile } from '../../harness/history/events.js';
import { parseHistory } from '../../harness/history/load.js';
import type { AzureTablesTaskHub, InstanceQuery, InstanceSummary } from './azure-tables.js';
import { fileNameFor } from './keys.js';

export interface RecordOptions {
  hub: AzureTablesTaskHub;
  outDir: string;
  query: InstanceQuery;
  /** At most this many instances. */
  limit?: number;
  /** Instances read at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  clock?: () => Date;
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
  /** Histories that could not be read as the runtime writes them: not written. */
  unreadable: { instanceId: string; message: string }[];
  files: string[];
  /** True when `limit` cut the list. */
  truncated: boolean;
}

export async function recordHistories(options: RecordOptions): Promise<RecordSummary> {
  const started = Date.now();
  const clock = options.clock ?? (() => new Date());
  await mkdir(options.outDir, { recursive: true });
  const instances: InstanceSummary[] = [];
  let truncated = false;
  for await (const instance of options.hub.instances(options.query)) {
    if (options.limit !== undefined && instances.length >= options.limit) {
      truncated = true;
      break;
    }
    instances.push(instance);
  }
  const summary: RecordSummary = {
    instances: instances.length,
    written: 0,
    updated: 0,
    events: 0,
    bytes: 0,
    blobs: 0,
    seconds: 0,
    pendingWithoutHistory: [],
    changed: [],
    vanished: [],
    unreadable: [],
    files: [],
    truncated,
  };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < instances.length) {
      const instance = instances[next++]!;
      await recordOne(options, instance, summary, clock);
      done += 1;
      options.onProgress?.(done, instances.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, Math.max(1, instances.length)) }, worker));
  summary.files.sort();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

async function recordOne(options: RecordOptions, instance: InstanceSummary, summary: RecordSummary, clock: () => Date): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { rows, blobs } = await options.hub.historyRows(instance.instanceId);
    const eventRows = rows.filter((r) => r.RowKey !== 'sentinel');
    if (eventRows.length === 0) {
      // No history: still Pending, or purged/deleted since it was listed.
      const [still] = await collect(options.hub.instances({ statuses: options.query.statuses, instanceIds: [instance.instanceId] }));
      if (still) summary.pendingWithoutHistory.push(instance.instanceId);
      else summary.vanished.push(instance.instanceId);
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
    const file: HistoryFile = {
      schema: HISTORY_SCHEMA,
      taskHub: options.hub.taskHub,
      instanceId: instance.instanceId,
      ...(history.executionId ? { executionId: history.executionId } : {}),
      name: history.orchestrator,
      version: history.version,
      runtimeStatus: instance.runtimeStatus,
      recordedAt: clock().toISOString(),
      history: history.events,
    };
    const text = JSON.stringify(file, null, 1) + '\n';
    const { path, replaced } = await targetFor(options.outDir, instance.instanceId);
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, text);
    await rename(temp, path);
    if (replaced) summary.updated += 1;
    else summary.written += 1;
    summary.events += history.events.length;
    summary.bytes += Buffer.byteLength(text);
    summary.blobs += blobs;
    summary.files.push(path);
    return;
  }
  summary.changed.push(instance.instanceId);
}

/** The instance's file; another instance's file of the same name (case-insensitive file systems) is never replaced. */
async function targetFor(dir: string, instanceId: string): Promise<{ path: string; replaced: boolean }> {
  const base = fileNameFor(instanceId);
  for (const name of [`${base}.json`, `${base}~${createHash('sha256').update(instanceId).digest('hex').slice(0, 10)}.json`]) {
    const path = join(dir, name);
    let existing: string;
    try {
      existing = await readFile(path, 'utf8');
    } catch {
      return { path, replaced: false };
    }
    let owner: unknown;
    try {
      owner = (JSON.parse(existing) as { instanceId?: unknown }).instanceId;
    } catch {
      owner = undefined;
    }
    if (owner === instanceId) return { path, replaced: true };
  }
  throw new Error(`cannot find a free file name for instance ${instanceId} in ${dir}: two other files already use its names.`);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
