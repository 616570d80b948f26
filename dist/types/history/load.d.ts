import { type HistoryEvent } from './events.js';
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
/** A payload the SDK moved to Blob Storage: the field holds a reference, not the value (blob:v1:<container>:<name>, blob:v2:<url>). */
export declare function isPayloadReference(value: unknown): value is string;
/**
 * What makes a history with references checkable: the blob each names, its text in the field.
 * blob:v2 names the blob's URL; blob:v1 a container and a blob in the storage account the app's
 * payload store uses. The SDK compresses them with gzip when its compression is on.
 */
export declare function referenceAdvice(reference: string, count?: number): string;
/**
 * The largest history file read: 256 MB. One instance's history is rarely more than a few MB
 * (large payloads go to blobs); a file this big is almost always a whole table export, and
 * reading it would take several times its size in memory (bytes, text, parsed events).
 */
export declare const MAX_HISTORY_BYTES: number;
/**
 * The deepest nesting of arrays and objects accepted. Events nest 3 or 4 levels and payloads a
 * few more; JSON.parse copes with any depth but JSON.stringify and structured clone (sending
 * the history to the SDK, to a worker) are recursive and overflow the stack at a few thousand.
 */
export declare const MAX_HISTORY_DEPTH = 1000;
/** Read one history file. Throws {@link HistoryError} naming the file (and event) when it cannot be used. */
export declare function readHistoryFile(path: string): Promise<LoadedHistory>;
/**
 * The text of a history file when it is a regular file of a sensible size in UTF-8, else
 * undefined: readHistoryFile then says what is wrong with it. For the replay worker, a process of
 * its own, where reading without leaving the thread costs a fraction of the four trips through
 * libuv's thread pool that an asynchronous read takes per file.
 */
export declare function readHistoryTextSync(path: string): string | undefined;
export declare function parseHistoryText(text: string, source: string): LoadedHistory;
/** Detect the form of `value` and convert it. */
export declare function parseHistory(value: unknown, source: string): LoadedHistory;
