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
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { lstat, open, readlink, type FileHandle } from 'node:fs/promises';
import { HistoryError } from '../errors.js';
import { EventType, HISTORY_SCHEMA, eventTypeFromName, eventTypeName, isKnownEventType, type HistoryEvent } from './events.js';

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
  /**
   * Payloads the SDK moved to Blob Storage, held as references (blob:v1:..., blob:v2:...) instead of
   * values: a Durable Task Scheduler history recorded without them. A replay hands the code the
   * reference, so a verdict that may rest on one cannot be trusted (replay/engine.ts).
   */
  externalPayloads?: ExternalPayload[];
}

/** A payload field holding a Blob Storage reference in place of its value. */
export interface ExternalPayload {
  eventIndex: number;
  /** The field, or the member of an entity message's JSON in it (`Input.result`). */
  field: string;
  reference: string;
  /** The SDK hands this field to the code (and parses it as JSON): a replay that reaches it cannot be trusted. */
  read: boolean;
}

/**
 * The fields that carry payloads, by event type, and whether the SDK hands them to the code (the
 * orchestration input, results, failures, raised events: durable-functions parses them) or only
 * keeps them (scheduled inputs, messages sent, the recorded output). Entity messages are JSON in
 * Input: the operation's input and the response's result are members of it.
 */
const PAYLOAD_FIELDS: Partial<Record<EventType, readonly { field: string; read: boolean; member?: string }[]>> = {
  [EventType.ExecutionStarted]: [{ field: 'Input', read: true }],
  [EventType.ExecutionCompleted]: [{ field: 'Result', read: false }],
  [EventType.ExecutionTerminated]: [{ field: 'Input', read: false }],
  [EventType.TaskScheduled]: [{ field: 'Input', read: false }],
  [EventType.TaskCompleted]: [{ field: 'Result', read: true }],
  [EventType.TaskFailed]: [
    { field: 'Reason', read: true },
    { field: 'Details', read: true },
  ],
  [EventType.SubOrchestrationInstanceCreated]: [{ field: 'Input', read: false }],
  [EventType.SubOrchestrationInstanceCompleted]: [{ field: 'Result', read: true }],
  [EventType.SubOrchestrationInstanceFailed]: [
    { field: 'Reason', read: true },
    { field: 'Details', read: true },
  ],
  [EventType.EventSent]: [
    { field: 'Input', read: false },
    { field: 'Input', member: 'input', read: false },
  ],
  [EventType.EventRaised]: [
    { field: 'Input', read: true },
    { field: 'Input', member: 'result', read: true },
  ],
  [EventType.GenericEvent]: [{ field: 'Data', read: false }],
  [EventType.ContinueAsNew]: [{ field: 'Result', read: false }],
  [EventType.ExecutionSuspended]: [{ field: 'Reason', read: false }],
  [EventType.ExecutionResumed]: [{ field: 'Reason', read: false }],
};

/** A payload the SDK moved to Blob Storage: the field holds a reference, not the value (blob:v1:<container>:<name>, blob:v2:<url>). */
export function isPayloadReference(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('blob:v') && /^blob:v[12]:/.test(value);
}

/**
 * What makes a history with references checkable: the blob each names, its text in the field.
 * blob:v2 names the blob's URL; blob:v1 a container and a blob in the storage account the app's
 * payload store uses. The SDK compresses them with gzip when its compression is on.
 */
export function referenceAdvice(reference: string, count = 1): string {
  const where = reference.startsWith('blob:v1:')
    ? `the blob ${reference.slice('blob:v1:'.length).replace(':', '/')} in the storage account the app keeps its payloads in`
    : `the blob at ${reference.slice('blob:v2:'.length)}`;
  return (
    `To check it, download ${count > 1 ? `each of the ${count} referenced blobs (the first: ${where})` : where}, gunzip it if it is compressed, put its text in the field in place of the reference, and replay again. ` +
    'Until then the instance counts as not checked: a gate waits for it to finish.'
  );
}

function externalPayloadsOf(events: readonly HistoryEvent[]): ExternalPayload[] {
  const found: ExternalPayload[] = [];
  for (let i = 0; i < events.length; i++) {
    const fields = PAYLOAD_FIELDS[events[i]!.EventType];
    if (!fields) continue;
    const event = events[i] as unknown as Record<string, unknown>;
    for (const { field, member, read } of fields) {
      let value = event[field];
      if (member !== undefined) {
        // Only an entity message that mentions a reference is parsed.
        if (typeof value !== 'string' || !value.includes('"blob:v')) continue;
        value = memberOf(value, member);
      }
      if (isPayloadReference(value)) found.push({ eventIndex: i, field: member === undefined ? field : `${field}.${member}`, reference: value, read });
    }
  }
  return found;
}

function memberOf(json: string, member: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>)[member] : undefined;
  } catch {
    return undefined;
  }
}

const SHOW_HISTORY_ADVICE =
  'This looks like the HTTP management API\'s "showHistory" output. That form drops EventIds, ' +
  'TaskScheduledIds and OrchestratorStarted events and folds each TaskScheduled into its completion, ' +
  "so it cannot drive an exact replay. Export the instance's rows of the task hub's History table " +
  'as JSON instead, e.g. az storage entity query --table-name <TaskHub>History ' +
  '--filter "PartitionKey eq \'<instance id>\'" > <instance id>.json; durable-gate reads those rows as they are.';

/** Table and OData bookkeeping columns that are not event fields. */
const TABLE_COLUMNS = new Set(['PartitionKey', 'RowKey', 'Timestamp', 'ExecutionId', 'etag', 'odata.etag', '_Timestamp']);

/** Event fields the runtime stores as plain strings even when they hold JSON text. */
const STRING_FIELDS = new Set(['Input', 'Result', 'Reason', 'Details', 'Name', 'Version', 'InstanceId', 'Data', 'State', 'Output']);

const INTEGER_FIELDS = ['EventId', 'TaskScheduledId', 'TimerId', 'Generation'];

/**
 * The largest history file read: 256 MB. One instance's history is rarely more than a few MB
 * (large payloads go to blobs); a file this big is almost always a whole table export, and
 * reading it would take several times its size in memory (bytes, text, parsed events).
 */
export const MAX_HISTORY_BYTES = 256 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects accepted. Events nest 3 or 4 levels and payloads a
 * few more; JSON.parse copes with any depth but JSON.stringify and structured clone (sending
 * the history to the SDK, to a worker) are recursive and overflow the stack at a few thousand.
 */
export const MAX_HISTORY_DEPTH = 1000;

const EXPECTED = 'Expected a durable-gate history file, an array of history events or of History table rows, as UTF-8 JSON.';

/** Read one history file. Throws {@link HistoryError} naming the file (and event) when it cannot be used. */
export async function readHistoryFile(path: string): Promise<LoadedHistory> {
  return parseHistoryText(decodeHistoryBytes(await readHistoryBytes(path), path), path);
}

/**
 * The text of a history file when it is a regular file of a sensible size in UTF-8, else
 * undefined: readHistoryFile then says what is wrong with it. For the replay worker, a process of
 * its own, where reading without leaving the thread costs a fraction of the four trips through
 * libuv's thread pool that an asynchronous read takes per file.
 */
export function readHistoryTextSync(path: string): string | undefined {
  let fd: number | undefined;
  try {
    // Checked on the open file: a second lookup of the path (statSync) costs more than the read.
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_HISTORY_BYTES) return undefined;
    const text = readFileSync(fd, 'utf8');
    // Bytes that are not UTF-8 decode to U+FFFD: the strict path names the encoding instead.
    if (text.includes('\uFFFD')) return undefined;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readHistoryBytes(path: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory())
      throw new HistoryError(path, 'is a folder, not a history file. Pass folders to --histories (or replayHistories), which read every *.json below them.');
    if (info.size > MAX_HISTORY_BYTES) throw tooBig(path, info.size);
    if (info.isFile()) return await handle.readFile();
    // A pipe or device has no size: read it, but never more than the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > MAX_HISTORY_BYTES) throw tooBig(path, undefined);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    throw new HistoryError(path, await describeReadError(path, error as NodeJS.ErrnoException));
  } finally {
    await handle?.close();
  }
}

function tooBig(path: string, size: number | undefined): HistoryError {
  return new HistoryError(
    path,
    `${size === undefined ? 'holds more than' : `is ${megabytes(size)}, more than`} the ${megabytes(MAX_HISTORY_BYTES)} durable-gate reads from one history file. ` +
      "One instance's history is rarely more than a few MB: if this is an export of a whole History table, write one file per instance (the rows of one PartitionKey) and replay those.",
  );
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

async function describeReadError(path: string, error: NodeJS.ErrnoException): Promise<string> {
  const link = await lstat(path).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (link && (error.code === 'ENOENT' || error.code === 'ELOOP')) {
    const target = await readlink(path).catch(() => '?');
    return error.code === 'ENOENT'
      ? `is a symbolic link to "${target}", which does not exist (a dangling link). Point the link at the history file, or remove it.`
      : `is a symbolic link to "${target}" that leads back to itself (a loop of links). Point the link at the history file, or remove it.`;
  }
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES' || error.code === 'EPERM')
    return 'cannot read it: permission denied (a history file, or a folder of them that cannot be listed). Give the user running durable-gate read access to it.';
  return `cannot read the file (${error.code ?? error.message})`;
}

/** UTF-8 with or without a byte order mark, validated: a file in another encoding is named, not misread. */
function decodeHistoryBytes(bytes: Buffer, path: string): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isUtf8(start === 0 ? bytes : bytes.subarray(start))) return bytes.toString('utf8', start);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new HistoryError(
      path,
      `is UTF-16 text (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), as Windows PowerShell's ">" writes it. Save it as UTF-8 (e.g. pipe to Out-File -Encoding utf8). ${EXPECTED}`,
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new HistoryError(path, `is gzip-compressed, not JSON text (large-message blobs are stored gzipped). Decompress it first (gunzip). ${EXPECTED}`);
  }
  const offset = firstInvalidUtf8(bytes, start);
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  throw new HistoryError(
    path,
    `is not UTF-8 text: the byte at offset ${offset} (line ${line}), ${hex(bytes[offset] ?? 0)}, does not begin a valid UTF-8 sequence. ` +
      `The file is in another encoding (such as Latin-1 or Windows-1252) or is not text. Convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8). ${EXPECTED}`,
  );
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The offset where the first ill-formed UTF-8 sequence starts (Unicode 15 table 3-7), or the length. */
function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

export function parseHistoryText(text: string, source: string): LoadedHistory {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new HistoryError(source, `the file is empty. ${EXPECTED}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof RangeError) {
      // Not seen with V8's iterative parser, but a stack or memory limit must name the file, not crash the batch.
      throw new HistoryError(source, `could not be parsed (${message}): it is too large or too deeply nested. ${EXPECTED}`);
    }
    const reason = message.replace(/\s+/g, ' ').replace(/"(.{40}).*?" is not valid JSON/, '"$1..." is not valid JSON');
    const position = /at position (\d+)/.exec(message)?.[1];
    if (/Unexpected end of JSON input|Unterminated string/.test(message) || (position !== undefined && Number(position) >= text.trimEnd().length)) {
      throw new HistoryError(
        source,
        `is truncated: the JSON stops in the middle of a value after ${text.length} characters (${reason}). The file was cut short while it was written or copied: record or copy it again. ${EXPECTED}`,
      );
    }
    const line = position === undefined || /\(line \d+/.test(message) ? '' : `, line ${lineAt(text, Number(position))}`;
    throw new HistoryError(
      source,
      `not valid JSON (${reason}${line}). Expected a durable-gate history file, an array of history events or of History table rows.`,
    );
  }
  return parseHistory(value, source);
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where `value` nests deeper than `limit` (a path such as `history[3].Input.a`, cut after a few
 * steps), or undefined. Iterative: it must not overflow the stack on the input it guards against.
 * The walk keeps only depths; the path is found again for the rare value that is too deep.
 */
function tooDeep(value: unknown, limit: number): string | undefined {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const item = values.pop();
    const depth = depths.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return pathTo(value, item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child: unknown = item[i];
        if (typeof child !== 'object' || child === null) continue;
        values.push(child);
        depths.push(depth + 1);
      }
    } else {
      for (const key in item) {
        const child = (item as Record<string, unknown>)[key];
        if (typeof child !== 'object' || child === null) continue;
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/** The path from `root` to `target` (its first four steps), breadth first: `target` is one value tooDeep found. */
function pathTo(root: unknown, target: unknown): string {
  const queue: { item: unknown; at: string; depth: number }[] = [{ item: root, at: '', depth: 0 }];
  for (let head = 0; head < queue.length; head++) {
    const { item, at, depth } = queue[head]!;
    if (item === target) return at || 'the top';
    if (typeof item !== 'object' || item === null) continue;
    const named = depth < 4;
    for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
      if (typeof child !== 'object' || child === null) continue;
      const step = Array.isArray(item) ? `[${key}]` : at ? `.${key}` : key;
      queue.push({ item: child, at: named ? `${at}${step}` : at, depth: depth + 1 });
    }
  }
  return 'the top';
}

/** Detect the form of `value` and convert it. */
export function parseHistory(value: unknown, source: string): LoadedHistory {
  const deep = tooDeep(value, MAX_HISTORY_DEPTH);
  if (deep !== undefined) {
    throw new HistoryError(
      source,
      `arrays and objects are nested more than ${MAX_HISTORY_DEPTH} levels deep (under ${deep}); no history event nests that deep, and replaying it would overflow the stack. ${EXPECTED}`,
    );
  }
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
    throw new HistoryError(
      source,
      'expected a "history" array (a durable-gate history file or { "history": [...] }), an array of history events, or an array of History table rows.',
    );
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
      const looksLikeShowHistory =
        records.every((r) => typeof r.EventType === 'string' && eventTypeFromName(r.EventType) !== undefined) &&
        records.some((r) => 'FunctionName' in r || 'Timestamp' in r);
      if (looksLikeShowHistory) throw new HistoryError(source, SHOW_HISTORY_ADVICE);
      const unknown = records.findIndex((r) => typeof r.EventType !== 'string' || eventTypeFromName(r.EventType) === undefined);
      if (unknown >= 0)
        throw new HistoryError(
          source,
          `EventType ${JSON.stringify(records[unknown]!.EventType)} is not a DurableTask.Core event type; the runtime cannot load this history.`,
          unknown,
        );
      throw new HistoryError(
        source,
        'events with EventType names but neither RowKey nor EventId: expected History table rows (with RowKey) or DurableTask.Core events (numeric EventType, EventId).',
      );
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
  const eventRows = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.RowKey !== 'sentinel');
  if (eventRows.some(({ row }) => typeof row.RowKey === 'string')) {
    for (const { row, index } of eventRows) {
      if (typeof row.RowKey !== 'string' || !/^[0-9A-Fa-f]+$/.test(row.RowKey)) {
        throw new HistoryError(
          source,
          `RowKey ${JSON.stringify(row.RowKey)} is not a sequence number in hex (History table rows have RowKeys like "000000000000000A").`,
          index,
        );
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
      throw new HistoryError(
        source,
        `column ${blobColumn} says the event's ${prop} was moved to the large-message blob "${String(row[blobColumn])}" (container <taskhub>-largemessages), which this file does not hold. Download that blob, gunzip it, put its text in the row's ${prop} column and remove ${blobColumn}.`,
        index,
      );
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
  return (
    typeof value === 'string' && value.length >= 20 && value.charCodeAt(value.length - 1) === 90 && value.charCodeAt(10) === 84 && value.charCodeAt(4) === 45
  );
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
    throw new HistoryError(
      source,
      `EventType ${JSON.stringify(type)} is not a DurableTask.Core event type (0 to 21); the runtime cannot load this history.`,
      index,
    );
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
    throw new HistoryError(
      source,
      `${field} is ${raw === undefined ? 'missing' : JSON.stringify(raw)}; expected an ISO 8601 time such as 2024-05-01T10:00:00.000Z.`,
      index,
    );
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

function finish(
  events: HistoryEvent[],
  source: string,
  format: HistoryFormat,
  meta: FileMeta | undefined,
  executionId: string | undefined,
  notes: string[],
): LoadedHistory {
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
    throw new HistoryError(
      source,
      'the history has no ExecutionStarted event, so the orchestrator and its input are unknown. A history cut at the front cannot be replayed: export the whole instance.',
    );
  }
  if (second >= 0) {
    throw new HistoryError(
      source,
      "a second ExecutionStarted event: the history mixes two executions. Keep the events of one execution (History table rows of the sentinel's ExecutionId).",
      second,
    );
  }
  if (!orchestratorStarted) {
    throw new HistoryError(
      source,
      'the history has no OrchestratorStarted event; the runtime always writes one before ExecutionStarted, and the SDK cannot run without it.',
    );
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
  const externalPayloads = externalPayloadsOf(events);
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
    ...(externalPayloads.length > 0 ? { externalPayloads } : {}),
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
