/**
 * Retention for a folder of recorded histories: removes history files recorded longer ago than
 * `maxAgeMs`, then keeps only the `keepPerOrchestrator` most recently recorded files of each
 * orchestrator (equal `recordedAt`: the file name first in sort order is kept). Only `*.json`
 * files holding a durable-gate history file (schema, name and a valid recordedAt) are
 * candidates; anything else, including JSON that cannot be parsed, is never touched. A file
 * that changed since it was read (a `record` run replaced it) is not removed.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import { HISTORY_SCHEMA } from '../../harness/history/events.js';

export interface PruneOptions {
  /** Keep at most this many files per orchestrator name (an integer, 1 or more). */
  keepPerOrchestrator?: number;
  /** Remove files whose recordedAt is more than this many milliseconds before `now`. */
  maxAgeMs?: number;
  now?: Date;
}

export interface PruneSummary {
  /** History files left in place. */
  kept: number;
  /** Paths removed, with the reason. */
  removed: { file: string; reason: string }[];
  /** `*.json` files left alone because they are not usable history files, with the reason. */
  skipped: { file: string; reason: string }[];
}

interface Candidate {
  file: string;
  text: string;
  name: string;
  recordedAt: number;
}

export async function pruneHistories(dir: string, options: PruneOptions): Promise<PruneSummary> {
  const { keepPerOrchestrator: keep, maxAgeMs } = options;
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
    throw new UsageError(`keep per orchestrator must be a whole number of 1 or more, not ${keep}.`);
  if (maxAgeMs !== undefined && !(maxAgeMs > 0 && Number.isFinite(maxAgeMs))) throw new UsageError(`max age must be a positive duration, not ${maxAgeMs} ms.`);
  const now = (options.now ?? new Date()).getTime();
  const summary: PruneSummary = { kept: 0, removed: [], skipped: [] };
  const candidates: Candidate[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = join(dir, entry.name);
    const read = await readCandidate(file);
    if (typeof read === 'string') summary.skipped.push({ file, reason: read });
    else candidates.push(read);
  }
  const doomed = new Map<Candidate, string>();
  for (const c of candidates) {
    if (maxAgeMs !== undefined && now - c.recordedAt > maxAgeMs) {
      doomed.set(c, `recorded ${duration(now - c.recordedAt, Math.ceil)} ago, older than --max-age ${duration(maxAgeMs)}`);
    }
  }
  if (keep !== undefined) {
    const byName = new Map<string, Candidate[]>();
    for (const c of candidates) if (!doomed.has(c)) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    for (const [name, group] of byName) {
      group.sort((a, b) => b.recordedAt - a.recordedAt || compare(a.file, b.file));
      for (const c of group.slice(keep)) doomed.set(c, `more than ${keep} of ${name}: ${keep} recorded later are kept`);
    }
  }
  for (const c of candidates) {
    const reason = doomed.get(c);
    if (reason === undefined || !(await unchanged(c))) {
      summary.kept += 1;
      continue;
    }
    try {
      await rm(c.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new Error(`cannot remove ${c.file}: ${code ?? String(error)}`);
    }
    summary.removed.push({ file: c.file, reason });
  }
  return summary;
}

/** The history file's facts, or why it is left alone. */
async function readCandidate(file: string): Promise<Candidate | string> {
  let text: string;
  let value: unknown;
  try {
    text = await readFile(file, 'utf8');
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return error instanceof SyntaxError ? 'not valid JSON' : `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (record.schema !== HISTORY_SCHEMA) return `not a durable-gate history file (no "schema": "${HISTORY_SCHEMA}")`;
  if (typeof record.name !== 'string' || record.name === '') return 'the history file names no orchestrator ("name")';
  const recordedAt = typeof record.recordedAt === 'string' ? Date.parse(record.recordedAt) : NaN;
  if (Number.isNaN(recordedAt)) return 'the history file has no valid "recordedAt" time';
  return { file, text, name: record.name, recordedAt };
}

async function unchanged(c: Candidate): Promise<boolean> {
  return readFile(c.file, 'utf8').then(
    (text) => text === c.text,
    () => false,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** 9d, 1.5d, 20h, 45s: the largest unit with at least 1, at most one decimal (rounded up for ages). */
function duration(ms: number, round: (x: number) => number = Math.round): string {
  const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? ['ms', 1];
  return `${round((ms / size) * 10) / 10}${unit}`;
}
