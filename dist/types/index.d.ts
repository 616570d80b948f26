import { type LoadAppOptions, type ReplayApp } from './app/host.js';
import { type LoadedHistory } from './history/load.js';
import type { EngineOptions } from './replay/engine.js';
import type { ReplayResult } from './replay/result.js';
export { loadApp, setWorkerScript } from './app/host.js';
export type { LoadAppOptions, ReplayApp } from './app/host.js';
export type { AppInfo, RegisteredFunction, FunctionKind } from './app/types.js';
export * from './errors.js';
export { EventType, HISTORY_SCHEMA, type HistoryEvent, type HistoryFile } from './history/events.js';
export { parseHistory, parseHistoryText, type LoadedHistory, type HistoryFormat } from './history/load.js';
export { expandHistoryPaths } from './history/paths.js';
export { HistoryBuilder, type BuilderOptions } from './history/builder.js';
export type { EngineOptions } from './replay/engine.js';
export * from './replay/result.js';
export { buildReport, renderJson } from './report/json.js';
export { renderText } from './report/text.js';
/**
 * A history: a file path, the JSON text of a history (a string that starts with `{`, or with `[`
 * followed by `{` or `]`), or a value in any accepted form (history file object, event array,
 * table rows).
 */
export type HistoryInput = unknown;
/** Read and validate one history. Throws {@link HistoryError} naming the file and event. */
export declare function loadHistory(input: HistoryInput, source?: string): Promise<LoadedHistory>;
/** A one-line description of what went wrong, with the source line: used as error and test messages. */
export declare function describeProblem(result: ReplayResult): string;
/**
 * Replay one history. Resolves with the result when the new code is compatible; throws
 * {@link NondeterminismError}, {@link ReplayFailure} or {@link HistoryError} otherwise.
 */
export declare function replayHistory(app: ReplayApp | string, history: HistoryInput, options?: EngineOptions & LoadAppOptions): Promise<ReplayResult>;
export interface ReplayHistoriesOptions extends EngineOptions, LoadAppOptions {
    /** Histories sent to the worker at once. */
    batchSize?: number;
}
/**
 * Replay many histories: file paths, folders and globs are expanded; values are used as they are.
 * Yields one result per history, in order, and never throws for a bad history (verdict `error`).
 */
export declare function replayHistories(app: ReplayApp | string, histories: Iterable<HistoryInput> | AsyncIterable<HistoryInput>, options?: ReplayHistoriesOptions): AsyncGenerator<ReplayResult>;
