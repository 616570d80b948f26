/**
 * The caller's side of a loaded app: starts the replay worker, forwards what the user's code
 * prints to stderr (never stdout), and sends it histories in batches.
 */
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { AppLoadError } from '../errors.js';
import type { EngineOptions } from '../replay/engine.js';
import type { ReplayResult } from '../replay/result.js';
import type { AppInfo } from './types.js';
import type { FromWorker, HistoryItem, ToWorker, WorkerInit } from './worker.js';

const WORKER_SCRIPT = Symbol.for('durable-gate.worker-script');

/** Bundles (dist/) run themselves as the worker: their entry point registers its own URL here. */
export function setWorkerScript(url: string | URL): void {
  (globalThis as Record<symbol, unknown>)[WORKER_SCRIPT] = url;
}

function workerScript(file = './worker.js'): URL {
  const override = (globalThis as Record<symbol, unknown>)[WORKER_SCRIPT];
  // A parameter, not a literal: bundlers must not try to bundle the worker as an asset.
  return new URL(override ? String(override) : file, import.meta.url);
}

export interface LoadAppOptions {
  /** Where the user's console output goes: 'stderr' (default) or 'ignore'. Never stdout. */
  userOutput?: 'stderr' | 'ignore';
}

export interface ReplayApp {
  readonly info: AppInfo;
  /** Replay histories; results come back in the order given. */
  replay(items: HistoryItem[], options?: EngineOptions): Promise<ReplayResult[]>;
  /** The bench's floor: the SDK's own handler called on each payload, timed inside the worker. */
  floor(histories: { name: string; text: string; payload: string }[]): Promise<number>;
  close(): Promise<void>;
}

export async function loadApp(appDir: string, options: LoadAppOptions = {}): Promise<ReplayApp> {
  const dir = resolve(appDir);
  const init: WorkerInit = { durableGateWorker: true, appDir: dir };
  const worker = new Worker(workerScript(), { workerData: init, stdout: true, stderr: true });
  if (options.userOutput === 'ignore') {
    worker.stdout.resume();
    worker.stderr.resume();
  } else {
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
  }
  let nextId = 0;
  const pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const info = await new Promise<AppInfo>((resolvePromise, reject) => {
    const onMessage = (message: FromWorker): void => {
      if (message.type === 'ready') resolvePromise(message.info);
      else if (message.type === 'load-error') reject(new AppLoadError(dir, message.message, message.userStack));
    };
    worker.once('message', onMessage);
    worker.once('error', (error) => reject(new AppLoadError(dir, `loading the app crashed its worker: ${error.message}`, error.stack)));
    worker.once('exit', (code) => reject(new AppLoadError(dir, `the app's worker exited (code ${code}) while loading; does the app call process.exit()?`)));
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.on('message', (message: FromWorker) => {
    if ('id' in message) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      waiter?.resolve(message);
    }
  });
  worker.on('error', (error) => failAll(new Error(`the replay worker crashed: ${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`the replay worker exited (code ${code}); did the user's code call process.exit()?`)));
  worker.unref();

  const request = (message: ToWorker): Promise<FromWorker> => {
    if (failure) return Promise.reject(failure);
    return new Promise((resolvePromise, reject) => {
      pending.set(message.id, { resolve: resolvePromise, reject });
      worker.ref();
      worker.postMessage(message);
    }).finally(() => {
      if (pending.size === 0) worker.unref();
    }) as Promise<FromWorker>;
  };

  return {
    info,
    async replay(items, engineOptions = {}) {
      const answer = await request({ type: 'replay', id: ++nextId, items, options: engineOptions });
      if (answer.type === 'results') return answer.results;
      throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
    },
    async floor(histories) {
      const answer = await request({ type: 'floor', id: ++nextId, histories });
      if (answer.type === 'floor-done') return answer.seconds;
      throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
