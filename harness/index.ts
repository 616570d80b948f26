/**
 * durable-gate's library API.
 *
 *   const app = await loadApp('examples/order-app-next');
 *   await replayHistory(app, 'histories/order-1.json'); // throws NondeterminismError / ReplayFailure
 *   for await (const result of replayHistories(app, ['histories/'])) console.log(result.verdict);
 *   await app.close();
 */
import { HistoryError, NondeterminismError, ReplayFailure } from './errors.js';
import { loadApp, type LoadAppOptions, type ReplayApp } from './app/host.js';
import type { HistoryItem } from './app/worker.js';
import { parseHistory, parseHistoryText, readHistoryFile, type LoadedHistory } from './history/load.js';
import { expandHistoryPaths } from './history/paths.js';
import type { EngineOptions } from './replay/engine.js';
import type { ReplayResult } from './replay/result.js';
import { problemSummary, where } from './report/text.js';

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

/** A string that is the JSON text of a history, not a path: no history file's path starts so. */
function isJsonText(input: string): boolean {
  return /^\s*(\{|\[\s*[{\]])/.test(input);
}

/** Read and validate one history. Throws {@link HistoryError} naming the file and event. */
export async function loadHistory(input: HistoryInput, source?: string): Promise<LoadedHistory> {
  if (typeof input === 'string') return isJsonText(input) ? parseHistoryText(input, source ?? '<history>') : readHistoryFile(input);
  return parseHistory(input, source ?? '<history>');
}

function toItem(input: HistoryInput, index: number): HistoryItem {
  if (typeof input !== 'string') return { value: input, source: `<history ${index}>` };
  return isJsonText(input) ? { text: input, source: `<history ${index}>` } : { file: input };
}

async function withApp<T>(app: ReplayApp | string, options: LoadAppOptions | undefined, use: (app: ReplayApp) => Promise<T>): Promise<T> {
  if (typeof app !== 'string') return use(app);
  const loaded = await loadApp(app, options);
  try {
    return await use(loaded);
  } finally {
    await loaded.close();
  }
}

/** A one-line description of what went wrong, with the source line: used as error and test messages. */
export function describeProblem(result: ReplayResult): string {
  const head = `${result.instanceId || result.source} (${result.orchestrator || '?'}) is ${result.verdict}`;
  if (result.divergence?.perturbed)
    return `${result.instanceId || result.source} (${result.orchestrator || '?'}) is ${problemSummary(result)}.\n${result.divergence.explanation}`;
  if (result.divergence) {
    const d = result.divergence;
    const at = where(d.location);
    return `${head} at step ${d.sequenceId}: recorded ${d.recorded.event}${d.recorded.name ? ` '${d.recorded.name}'` : ''}, replayed ${d.replayed ? `${d.replayed.action}${d.replayed.name ? ` '${d.replayed.name}'` : ''}` : 'nothing'}${at ? ` (${at})` : ''}.\n${d.message}`;
  }
  if (result.failure) {
    const at = where(result.failure.location);
    return `${head}: ${result.failure.message}${at ? ` (${at})` : ''}${result.failure.runtimeMessage ? `\nProduction: ${result.failure.runtimeMessage}` : ''}`;
  }
  if (result.error) return `${head}: ${result.error.message}`;
  return head;
}

/**
 * Replay one history. Resolves with the result when the new code is compatible; throws
 * {@link NondeterminismError}, {@link ReplayFailure} or {@link HistoryError} otherwise.
 */
export async function replayHistory(app: ReplayApp | string, history: HistoryInput, options: EngineOptions & LoadAppOptions = {}): Promise<ReplayResult> {
  const [result] = await withApp(app, options, (a) => a.replay([toItem(history, 0)], options));
  if (!result) throw new Error('the replay worker returned no result');
  switch (result.verdict) {
    case 'ok':
      return result;
    case 'nondeterministic':
      throw new NondeterminismError(describeProblem(result), result);
    case 'failed':
      throw new ReplayFailure(describeProblem(result), result);
    case 'error':
      throw new HistoryError(result.source, (result.error?.message ?? 'could not be checked').replace(/^event \d+: /, ''), result.error?.eventIndex);
  }
}

export interface ReplayHistoriesOptions extends EngineOptions, LoadAppOptions {
  /** Histories sent to the worker at once. */
  batchSize?: number;
}

/**
 * Replay many histories: file paths, folders and globs are expanded; values are used as they are.
 * Yields one result per history, in order, and never throws for a bad history (verdict `error`).
 */
export async function* replayHistories(
  app: ReplayApp | string,
  histories: Iterable<HistoryInput> | AsyncIterable<HistoryInput>,
  options: ReplayHistoriesOptions = {},
): AsyncGenerator<ReplayResult> {
  const owned = typeof app === 'string' ? await loadApp(app, options) : undefined;
  const target = owned ?? (app as ReplayApp);
  const batchSize = options.batchSize ?? 250;
  try {
    let batch: HistoryItem[] = [];
    let index = 0;
    for await (const input of histories as AsyncIterable<HistoryInput>) {
      if (typeof input === 'string' && !isJsonText(input)) {
        const { files, unmatched } = await expandHistoryPaths([input]);
        // A path that matches nothing still gets its result, in order: the worker reports it.
        for (const file of [...files, ...unmatched]) batch.push({ file });
      } else {
        batch.push(toItem(input, index));
      }
      index += 1;
      while (batch.length >= batchSize) {
        yield* await target.replay(batch.splice(0, batchSize), options);
      }
    }
    if (batch.length > 0) {
      const rest = batch;
      batch = [];
      yield* await target.replay(rest, options);
    }
  } finally {
    await owned?.close();
  }
}
