/**
 * The replay worker: one child process per loaded app. It imports the user's code with Node's own
 * module loader (so it also works under jest, whose loader would intercept imports), keeps what
 * the user's modules print away from the caller's stdout, and can be killed if user code hangs or
 * exhausts its heap, without harm to the caller.
 */
import { openSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppLoadError, HistoryError, errorMessage } from '../errors.js';
import { parseHistory, parseHistoryText, readHistoryFile, readHistoryTextSync, type LoadedHistory } from '../history/load.js';
import { replayLoadedHistory, type EngineOptions } from '../replay/engine.js';
import type { ReplayResult } from '../replay/result.js';
import { loadAppInThisThread, type LoadedApp } from './load.js';
import { installSourcesForGood } from '../replay/perturb.js';
import type { AppInfo, FunctionOutcome, InvocationOutcome } from './types.js';

export interface WorkerInit {
  durableGateWorker: true;
  appDir: string;
  /** The file the worker counts finished histories in (see countFinished). */
  progressFile: string;
  /** Replace the clock, randomness and the environment before the app loads (perturbed replay). */
  perturb?: boolean;
}

/** The environment variable that makes a process a replay worker, holding its WorkerInit as JSON. */
export const WORKER_ENV = 'DURABLE_GATE_REPLAY_WORKER';

/**
 * Histories finished, as a 32-bit count at the start of a small file the host made, read by the
 * host's hang watchdog when it looks. The count lives in memory shared with the watcher thread
 * (see watchCaller), which copies it to the file every few milliseconds: the replay pays an
 * atomic add per history, not a system call, and the thread runs on while user code hangs the
 * main thread, so the file is exact by the time a hang is noticed. Each answer carries the count
 * as well: the host's starting point for the next request.
 */
const progress = new Int32Array(new SharedArrayBuffer(4));

function countFinished(): void {
  Atomics.add(progress, 0, 1);
}

/** A history to replay: a file the worker reads, or a value the caller already holds. */
export type HistoryItem = { file: string } | { value: unknown; source: string } | { text: string; source: string };

/** One invocation for the local runtime (harness/testing/): an orchestrator episode, or an activity or entity call. */
export type WorkerCall = { kind: 'orchestrator'; name: string; payload: object } | { kind: 'function'; name: string; trigger: unknown };

export type CallOutcome = InvocationOutcome | FunctionOutcome;

export type ToWorker = { type: 'replay'; id: number; items: HistoryItem[]; options: EngineOptions } | { type: 'call'; id: number; call: WorkerCall };

export type FromWorker =
  | { type: 'ready'; info: AppInfo }
  | { type: 'load-error'; message: string; userStack?: string }
  | { type: 'results'; id: number; results: ReplayResult[]; finished: number }
  | { type: 'called'; id: number; outcome: CallOutcome; finished: number }
  | { type: 'crash'; id: number; message: string };

async function loadItem(item: HistoryItem): Promise<LoadedHistory> {
  if ('file' in item) {
    const text = readHistoryTextSync(item.file);
    return text === undefined ? readHistoryFile(item.file) : parseHistoryText(text, item.file);
  }
  return 'text' in item ? parseHistoryText(item.text, item.source) : parseHistory(item.value, item.source);
}

export function errorResult(source: string, error: unknown): ReplayResult {
  const eventIndex = error instanceof HistoryError ? error.eventIndex : undefined;
  return {
    source,
    instanceId: '',
    orchestrator: '',
    verdict: 'error',
    error: {
      message: error instanceof HistoryError ? error.detail : `internal error while replaying: ${errorMessage(error)}`,
      ...(eventIndex === undefined ? {} : { eventIndex }),
    },
  };
}

async function replayItems(app: LoadedApp, items: HistoryItem[], options: EngineOptions): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const item of items) {
    results.push(await replayItem(app, item, options));
    countFinished();
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

function send(message: FromWorker): void {
  process.send!(message);
}

const WATCHER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const bytes = Buffer.alloc(4);
let written = 0;
setInterval(() => {
  const now = Atomics.load(workerData.progress, 0);
  if (now === written) return;
  bytes.writeInt32LE(now, 0);
  writeSync(workerData.progressFile, bytes, 0, 4, 0);
  written = now;
}, 10);
setInterval(() => { if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL'); }, 500);
`;

/**
 * A thread that never runs user code: it copies the progress count to its file (see
 * countFinished), and watches the caller, which may end without a word (SIGKILL) while this
 * process is stuck in user code that never yields: it then ends the process, so no replay outlives
 * its caller.
 */
function watchCaller(progressFile: number): void {
  const watcher = new Worker(WATCHER, { eval: true, workerData: { parent: process.ppid, progress, progressFile }, stdout: false, stderr: false });
  watcher.unref();
  // The caller closed the channel (it ended, or closed the app): nothing more will be asked.
  process.once('disconnect', () => process.exit(0));
}

export async function runWorker(init: WorkerInit): Promise<void> {
  const progressFile = openSync(init.progressFile, 'r+');
  watchCaller(progressFile);
  // A history that ends the process (process.exit, an uncaught error) ends it before the thread's
  // next copy: the count is written here on the way out, so the host names the right history.
  process.on('exit', () => {
    const bytes = Buffer.alloc(4);
    bytes.writeInt32LE(Atomics.load(progress, 0), 0);
    writeSync(progressFile, bytes, 0, 4, 0);
  });
  let app: LoadedApp;
  if (init.perturb) installSourcesForGood();
  try {
    app = await loadAppInThisThread(init.appDir);
  } catch (error) {
    send({
      type: 'load-error',
      message: errorMessage(error),
      ...(error instanceof AppLoadError && error.userStack ? { userStack: error.userStack } : {}),
    });
    return;
  }
  process.on('message', (message: ToWorker) => {
    const reply = async (): Promise<FromWorker> => {
      if (message.type === 'call') {
        try {
          const { call } = message;
          const outcome =
            call.kind === 'orchestrator' ? await app.invokeOrchestrator(call.name, call.payload) : await app.invokeFunction(call.name, call.trigger);
          countFinished();
          return { type: 'called', id: message.id, outcome, finished: Atomics.load(progress, 0) };
        } catch (error) {
          return { type: 'crash', id: message.id, message: errorMessage(error) };
        }
      }
      try {
        const results = await replayItems(app, message.items, message.options);
        return { type: 'results', id: message.id, results, finished: Atomics.load(progress, 0) };
      } catch (error) {
        return { type: 'crash', id: message.id, message: errorMessage(error) };
      }
    };
    void reply().then(send);
  });
  send({ type: 'ready', info: app.info });
}

let replayWorker = false;

/** True in a process started as a replay worker: the bundles' entry points then run no command. */
export function isReplayWorker(): boolean {
  return replayWorker;
}

const init = process.env[WORKER_ENV];
if (init !== undefined && typeof process.send === 'function') {
  // Not passed on to what the user's code may start.
  delete process.env[WORKER_ENV];
  replayWorker = true;
  void runWorker(JSON.parse(init) as WorkerInit);
}
