import { type LoadAppOptions, type ReplayApp } from './app/host.cjs';
import { type LoadedHistory } from './history/load.cjs';
import type { EngineOptions } from './replay/engine.cjs';
import type { ReplayResult } from './replay/result.cjs';
export { loadApp, setWorkerScript } from './app/host.cjs';
export type { LoadAppOptions, ReplayApp } from './app/host.cjs';
export type { AppInfo, RegisteredFunction, FunctionKind } from './app/types.cjs';
export * from './errors.cjs';
export { EventType, HISTORY_SCHEMA, type HistoryEvent, type HistoryFile } from './history/events.cjs';
export { parseHistory, parseHistoryText, type LoadedHistory, type HistoryFormat } from './history/load.cjs';
export { expandHistoryPaths } from './history/paths.cjs';
export { HistoryBuilder, type BuilderOptions } from './history/builder.cjs';
export type { EngineOptions } from './replay/engine.cjs';
export * from './replay/result.cjs';
export { buildReport, renderJson } from './report/json.cjs';
export { renderText } from './report/text.cjs';
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
