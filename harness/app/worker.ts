/**
 * The replay worker: one thread per loaded app. It imports the user's code with Node's own
 * module loader (so it also works under jest, whose loader would intercept imports), keeps what
 * the user's modules print away from the caller's stdout, and can be terminated if user code hangs.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AppLoadError, HistoryError, errorMessage } from '../errors.js';
import { parseHistory, parseHistoryText, readHistoryFile, type LoadedHistory } from '../history/load.js';
import { replayLoadedHistory, type EngineOptions } from '../replay/engine.js';
import type { ReplayResult } from '../replay/result.js';
import { loadAppInThisThread, type LoadedApp } from './load.js';
import type { AppInfo } from './types.js';

export interface WorkerInit {
  durableGateWorker: true;
  appDir: string;
  /** One Int32: histories finished, read by the host's hang watchdog. */
  progress?: SharedArrayBuffer;
}

/** A history to replay: a file the worker reads, or a value the caller already holds. */
export type HistoryItem = { file: string } | { value: unknown; source: string } | { text: string; source: string };

export type ToWorker =
  | { type: 'replay'; id: number; items: HistoryItem[]; options: EngineOptions }
  | { type: 'floor'; id: number; histories: { name: string; text: string; payload: string }[] };

export type FromWorker =
  | { type: 'ready'; info: AppInfo }
  | { type: 'load-error'; message: string; userStack?: string }
  | { type: 'results'; id: number; results: ReplayResult[] }
  | { type: 'floor-done'; id: number; seconds: number }
  | { type: 'crash'; id: number; message: string };

async function loadItem(item: HistoryItem): Promise<LoadedHistory> {
  if ('file' in item) return readHistoryFile(item.file);
  return 'text' in item ? parseHistoryText(item.text, item.source) : parseHistory(item.value, item.source);
}

export function errorResult(source: string, error: unknown): ReplayResult {
  const eventIndex = error instanceof HistoryError ? error.eventIndex : undefined;
  return {
    source,
    instanceId: '',
    orchestrator: '',
    verdict: 'error',
    error: { message: error instanceof HistoryError ? error.detail : `internal error while replaying: ${errorMessage(error)}`, ...(eventIndex === undefined ? {} : { eventIndex }) },
  };
}

let progress: Int32Array | undefined;

async function replayItems(app: LoadedApp, items: HistoryItem[], options: EngineOptions): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const item of items) {
    results.push(await replayItem(app, item, options));
    if (progress) Atomics.add(progress, 0, 1);
  }
  return results;
}

async function replayItem(app: LoadedApp, item: HistoryItem, options: EngineOptions): Promise<ReplayResult> {
  const source = 'file' in item ? item.file : item.source;
  let history: LoadedHistory;
  try {
    history = await loadItem(item);
  } catch (error) {
    return errorResult(source, error);
  }
  try {
    return await replayLoadedHistory(app, history, options);
  } catch (error) {
    return { ...errorResult(source, error), instanceId: history.instanceId, orchestrator: history.orchestrator };
  }
}

/** The bench's floor: call the SDK's own handler on each payload, nothing else. */
async function floor(app: LoadedApp, histories: { name: string; payload: string }[]): Promise<number> {
  const handlers = new Map<string, (payload: unknown) => Promise<unknown>>();
  const started = process.hrtime.bigint();
  for (const history of histories) {
    let handler = handlers.get(history.name);
    if (!handler) {
      handler = app.bareHandler(history.name);
      if (!handler) continue;
      handlers.set(history.name, handler);
    }
    try {
      await handler(JSON.parse(history.payload));
    } catch {
      // A throwing orchestrator costs the same in the floor as in the harness.
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function runWorker(init: WorkerInit): Promise<void> {
  const port = parentPort!;
  if (init.progress) progress = new Int32Array(init.progress);
  let app: LoadedApp;
  try {
    app = await loadAppInThisThread(init.appDir);
  } catch (error) {
    const message: FromWorker = {
      type: 'load-error',
      message: errorMessage(error),
      ...(error instanceof AppLoadError && error.userStack ? { userStack: error.userStack } : {}),
    };
    port.postMessage(message);
    return;
  }
  port.on('message', (message: ToWorker) => {
    const reply = async (): Promise<FromWorker> => {
      try {
        if (message.type === 'replay') return { type: 'results', id: message.id, results: await replayItems(app, message.items, message.options) };
        return { type: 'floor-done', id: message.id, seconds: await floor(app, message.histories) };
      } catch (error) {
        return { type: 'crash', id: message.id, message: errorMessage(error) };
      }
    };
    void reply().then((answer) => port.postMessage(answer));
  });
  port.postMessage({ type: 'ready', info: app.info } satisfies FromWorker);
}

const data = workerData as Partial<WorkerInit> | undefined;
if (!isMainThread && data?.durableGateWorker === true && typeof data.appDir === 'string') {
  void runWorker(data as WorkerInit);
}
