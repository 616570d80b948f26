/**
 * Reads a history in any of the accepted forms, detected from content, and normalises it to the
 * event list the runtime would hand the orchestrator:
 * - the canonical history file (design.md): `{ "schema": "durable-gate.history/v1", ... }`;
 * - a bare array of DurableTask.Core events (numeric EventType);
 * - History table rows as DurableTask.AzureStorage stores them (string EventType, hex RowKey,
 *   `_Timestamp`, complex fields as JSON strings, optional sentinel row);
 * - `{ "history": [...] }`.
 * The HTTP API's `showHistory` form is refused: it drops EventIds and folds events together.
 */
import { readFile } from 'node:fs/promises';
import { HistoryError } from '../errors.js';
import {
  EventType,
  HISTORY_SCHEMA,
  eventTypeFromName,
  eventTypeName,
  isKnownEventType,
  type HistoryEvent,
} from './events.js';

export type HistoryFormat = 'history-file' | 'event-array' | 'table-rows' | 'history-object';

export interface LoadedHistory {
  /** Where it came from: a file path, or a label for in-memory histories. */
  source: string;
  format: HistoryFormat;
  instanceId: string;
  executionId?: string;
  /** The orchestrator's name, from ExecutionStarted. */
  orchestrator: string;
  /** ExecutionStarted.Version: what `context.df.version` returns. */
  version: string;
  runtimeStatus?: string;
  taskHub?: string;
  events: HistoryEvent[];
  /** Normalisations applied while reading (said once per history, never silently). */
  notes: string[];
}

const SHOW_HISTORY_ADVICE =
  'This looks like the HTTP management API\'s "showHistory" output. That form drops EventIds, ' +
  'TaskScheduledIds and OrchestratorStarted events and folds each TaskScheduled into its completion, ' +
  'so it cannot drive an exact replay. Export the instance\'s rows of the task hub\'s History table ' +
  'as JSON instead, e.g. az storage entity query --table-name <TaskHub>History ' +
  '--filter "PartitionKey eq \'<instance id>\'" > <instance id>.json; durable-gate reads those rows as they are.';

/** Table and OData bookkeeping columns that are not event fields. */
const TABLE_COLUMNS = new Set(['PartitionKey', 'RowKey', 'Timestamp', 'ExecutionId', 'etag', 'odata.etag', '_Timestamp']);

/** Event fields the runtime stores as plain strings even when they hold JSON text. */
const STRING_FIELDS = new Set(['Input', 'Result', 'Reason', 'Details', 'Name', 'Version', 'InstanceId', 'Data', 'State', 'Output']);

const INTEGER_FIELDS = ['EventId', 'TaskScheduledId', 'TimerId', 'Generation'];

/** Read one history file. Throws {@link HistoryError} naming the file (and event) when it cannot be used. */
export async function readHistoryFile(path: string): Promise<LoadedHistory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HistoryError(path, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`);
  }
  return parseHistoryText(text, path);
}

export function parseHistoryText(text: string, source: string): LoadedHistory {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ').replace(/"(.{40}).*?" is not valid JSON/, '"$1..." is not valid JSON');
    throw new HistoryError(source, `not valid JSON (${reason}). Expected a durable-gate history file, an array of history events or of History table rows.`);
  }
  return parseHistory(value, source);
}

/** Detect the form of `value` and convert it. */
export function parseHistory(value: unknown, source: string): LoadedHistory {
  if (Array.isArray(value)) {
    return fromEventArray(value, source, undefined);
  }
  if (!isRecord(value)) {
    throw new HistoryError(source, `expected a JSON object or array, got ${describe(value)}.`);
  }
  if ('historyEvents' in value) {
    throw new HistoryError(source, SHOW_HISTORY_ADVICE);
  }
  if (typeof value.schema === 'string' && value.schema !== HISTORY_SCHEMA) {
    throw new HistoryError(source, `schema "${value.schema}" is not supported; this version of durable-gate reads "${HISTORY_SCHEMA}".`);
  }
  // Table query results: `az storage entity query` gives { items: [...] }, the Table REST API { value: [...] }.
  for (const key of ['items', 'value'] as const) {
    const rows = value[key];
    if (value.history === undefined && Array.isArray(rows) && rows.some((r) => isRecord(r) && typeof r.RowKey === 'string')) {
      return fromEventArray(rows, source, undefined);
    }
  }
  if (!Array.isArray(value.history)) {
    throw new HistoryError(source, 'expected a "history" array (a durable-gate history file or { "history": [...] }), an array of history events, or an array of History table rows.');
  }
  const meta: FileMeta = {
    format: value.schema === HISTORY_SCHEMA ? 'history-file' : 'history-object',
    instanceId: stringOr(value.instanceId),
    executionId: stringOr(value.executionId),
    runtimeStatus: stringOr(value.runtimeStatus),
    taskHub: stringOr(value.taskHub),
  };
  return fromEventArray(value.history, source, meta);
}

interface FileMeta {
  format: HistoryFormat;
  instanceId?: string;
  executionId?: string;
  runtimeStatus?: string;
  taskHub?: string;
}

function fromEventArray(items: unknown[], source: string, meta: FileMeta | undefined): LoadedHistory {
  const notes: string[] = [];
  if (items.length === 0) throw new HistoryError(source, 'the history is empty: it has no ExecutionStarted event.');
  const records = items.map((item, index) => {
    if (!isRecord(item)) throw new HistoryError(source, `expected an event object, got ${describe(item)}.`, index);
    return item;
  });
  const stringTypes = records.some((r) => typeof r.EventType === 'string');
  let events: HistoryEvent[];
  let executionId = meta?.executionId;
  let format: HistoryFormat = meta?.format ?? 'event-array';
  if (stringTypes) {
    const hasRowKeys = records.some((r) => typeof r.RowKey === 'string');
    const hasEventIds = records.some((r) => r.EventId !== undefined);
    if (!hasRowKeys && !hasEventIds) {
      // showHistory events: event type names, a FunctionName or Timestamp, no ids of any kind.
      const looksLikeShowHistory = records.every((r) => typeof r.EventType === 'string' && eventTypeFromName(r.EventType) !== undefined) && records.some((r) => 'FunctionName' in r || 'Timestamp' in r);
      if (looksLikeShowHistory) throw new HistoryError(source, SHOW_HISTORY_ADVICE);
      const unknown = records.findIndex((r) => typeof r.EventType !== 'string' || eventTypeFromName(r.EventType) === undefined);
      if (unknown >= 0) throw new HistoryError(source, `EventType ${JSON.stringify(records[unknown]!.EventType)} is not a DurableTask.Core event type; the runtime cannot load this history.`, unknown);
      throw new HistoryError(source, 'events with EventType names but neither RowKey nor EventId: expected History table rows (with RowKey) or DurableTask.Core events (numeric EventType, EventId).');
    }
    const rows = fromTableRows(records, source, notes);
    events = rows.events;
    executionId = executionId ?? rows.executionId;
    if (!meta) format = 'table-rows';
  } else {
    events = records.map((record, index) => normaliseEvent(record, index, source, notes));
  }
  return finish(events, source, format, meta, executionId, notes);
}

/** History table rows: sentinel, RowKey order, one execution, `_Timestamp`, JSON-string columns. */
function fromTableRows(rows: Record<string, unknown>[], source: string, notes: string[]): { events: HistoryEvent[]; executionId?: string } {
  const sentinel = rows.find((r) => r.RowKey === 'sentinel');
  const eventRows = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.RowKey !== 'sentinel');
  if (eventRows.some(({ row }) => typeof row.RowKey === 'string')) {
    for (const { row, index } of eventRows) {
      if (typeof row.RowKey !== 'string' || !/^[0-9A-Fa-f]+$/.test(row.RowKey)) {
        throw new HistoryError(source, `RowKey ${JSON.stringify(row.RowKey)} is not a sequence number in hex (History table rows have RowKeys like "000000000000000A").`, index);
      }
    }
    eventRows.sort((a, b) => parseInt(a.row.RowKey as string, 16) - parseInt(b.row.RowKey as string, 16));
  }
  const executionId = stringOr(sentinel?.ExecutionId) ?? stringOr(eventRows[0]?.row.ExecutionId);
  const events: HistoryEvent[] = [];
  let leftovers = 0;
  for (let i = 0; i < eventRows.length; i++) {
    const { row, index } = eventRows[i]!;
    const rowExecution = stringOr(row.ExecutionId);
    if (executionId !== undefined && rowExecution !== undefined && rowExecution !== executionId) {
      leftovers = eventRows.length - i;
      break;
    }
    const blobColumn = Object.keys(row).find((key) => key.endsWith('BlobName') && typeof row[key] === 'string' && row[key] !== '');
    if (blobColumn) {
      const prop = blobColumn.slice(0, -'BlobName'.length);
      throw new HistoryError(source, `column ${blobColumn} says the event's ${prop} was moved to the large-message blob "${String(row[blobColumn])}" (container <taskhub>-largemessages), which this file does not hold. Download that blob, gunzip it, put its text in the row's ${prop} column and remove ${blobColumn}.`, index);
    }
    const event: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(row)) {
      if (TABLE_COLUMNS.has(key) || key.includes('@odata')) continue;
      event[key] = STRING_FIELDS.has(key) ? raw : parseJsonColumn(raw);
    }
    const typeName = row.EventType;
    const type = typeof typeName === 'string' ? eventTypeFromName(typeName) : typeName;
    if (type === undefined) {
      throw new HistoryError(source, `EventType "${String(typeName)}" is not a DurableTask.Core event type; the runtime cannot load this history.`, index);
    }
    event.EventType = type;
    if (row._Timestamp !== undefined) event.Timestamp = row._Timestamp;
    events.push(normaliseEvent(event, index, source, notes));
  }
  if (leftovers > 0) {
    notes.push(`ignored ${leftovers} row(s) of an earlier execution left behind by continue-as-new (the runtime ignores them too)`);
  }
  return { events, ...(executionId === undefined ? {} : { executionId }) };
}

function parseJsonColumn(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const first = raw.trimStart()[0];
  if (first !== '{' && first !== '[') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** ISO 8601 in UTC, as the runtime writes it ("2026-11-02T08:00:00.1234567Z"): no conversion needed. */
function isUtcIso(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 20 && value.charCodeAt(value.length - 1) === 90 && value.charCodeAt(10) === 84 && value.charCodeAt(4) === 45;
}

function normaliseEvent(event: Record<string, unknown>, index: number, source: string, notes: string[]): HistoryEvent {
  const type = event.EventType;
  // Fast path: what the runtime and `record` write needs no conversion.
  if (
    isKnownEventType(type) &&
    typeof event.EventId === 'number' &&
    isUtcIso(event.Timestamp) &&
    (event.FireAt === undefined || isUtcIso(event.FireAt)) &&
    (event.TaskScheduledId === undefined || typeof event.TaskScheduledId === 'number') &&
    (event.TimerId === undefined || typeof event.TimerId === 'number') &&
    event.ScheduledStartTime == null
  ) {
    return event as HistoryEvent;
  }
  event = { ...event };
  if (!isKnownEventType(type)) {
    throw new HistoryError(source, `EventType ${JSON.stringify(type)} is not a DurableTask.Core event type (0 to 21); the runtime cannot load this history.`, index);
  }
  for (const field of INTEGER_FIELDS) {
    const raw = event[field];
    if (typeof raw === 'string' && /^-?\d+$/.test(raw)) event[field] = Number(raw);
    else if (raw !== undefined && raw !== null && !Number.isInteger(raw)) {
      throw new HistoryError(source, `${eventTypeName(type)}.${field} is ${JSON.stringify(raw)}; expected an integer.`, index);
    }
  }
  if (event.EventId === undefined || event.EventId === null) event.EventId = -1;
  if (event.IsPlayed === 'true' || event.IsPlayed === 'false') event.IsPlayed = event.IsPlayed === 'true';
  event.Timestamp = normaliseTime(event.Timestamp, 'Timestamp', index, source, notes);
  if (event.FireAt !== undefined) event.FireAt = normaliseTime(event.FireAt, 'FireAt', index, source, notes);
  if (event.ScheduledStartTime !== undefined && event.ScheduledStartTime !== null) {
    event.ScheduledStartTime = normaliseTime(event.ScheduledStartTime, 'ScheduledStartTime', index, source, notes);
  }
  return event as HistoryEvent;
}

const ZONE = /(Z|[+-]\d\d:?\d\d)$/i;
const zoneNoteText = 'timestamps without a time zone were read as UTC, as the runtime writes them';

function normaliseTime(raw: unknown, field: string, index: number, source: string, notes: string[]): string {
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw !== 'string' || raw === '') {
    throw new HistoryError(source, `${field} is ${raw === undefined ? 'missing' : JSON.stringify(raw)}; expected an ISO 8601 time such as 2024-05-01T10:00:00.000Z.`, index);
  }
  let text = raw.trim();
  if (/^\d{4}-\d\d-\d\dT[\d:.]+$/.test(text)) {
    text += 'Z';
    if (!notes.includes(zoneNoteText)) notes.push(zoneNoteText);
  }
  if (!ZONE.test(text) || Number.isNaN(Date.parse(text))) {
    throw new HistoryError(source, `${field} "${raw}" is not an ISO 8601 time; expected a time such as 2024-05-01T10:00:00.000Z.`, index);
  }
  return text;
}

function finish(events: HistoryEvent[], source: string, format: HistoryFormat, meta: FileMeta | undefined, executionId: string | undefined, notes: string[]): LoadedHistory {
  let startedIndex = -1;
  let second = -1;
  let orchestratorStarted = false;
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.EventType;
    if (type === EventType.ExecutionStarted) {
      if (startedIndex < 0) startedIndex = i;
      else if (second < 0) second = i;
    } else if (type === EventType.OrchestratorStarted) orchestratorStarted = true;
  }
  if (startedIndex < 0) {
    throw new HistoryError(source, 'the history has no ExecutionStarted event, so the orchestrator and its input are unknown. A history cut at the front cannot be replayed: export the whole instance.');
  }
  if (second >= 0) {
    throw new HistoryError(source, 'a second ExecutionStarted event: the history mixes two executions. Keep the events of one execution (History table rows of the sentinel\'s ExecutionId).', second);
  }
  if (!orchestratorStarted) {
    throw new HistoryError(source, 'the history has no OrchestratorStarted event; the runtime always writes one before ExecutionStarted, and the SDK cannot run without it.');
  }
  const started = events[startedIndex]!;
  if (typeof started.Name !== 'string' || started.Name === '') {
    throw new HistoryError(source, 'ExecutionStarted has no Name: the orchestrator is unknown.', startedIndex);
  }
  const instanceId = started.OrchestrationInstance?.InstanceId ?? meta?.instanceId;
  if (!instanceId) {
    throw new HistoryError(source, 'ExecutionStarted has no OrchestrationInstance.InstanceId and the file names no instanceId.', startedIndex);
  }
  const execution = started.OrchestrationInstance?.ExecutionId ?? executionId;
  return {
    source,
    format,
    instanceId,
    ...(execution ? { executionId: execution } : {}),
    orchestrator: started.Name,
    version: typeof started.Version === 'string' ? started.Version : '',
    ...(meta?.runtimeStatus ? { runtimeStatus: meta.runtimeStatus } : {}),
    ...(meta?.taskHub ? { taskHub: meta.taskHub } : {}),
    events,
    notes,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
