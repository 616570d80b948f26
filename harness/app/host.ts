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
  /**
   * How long one history may run before it is declared hung (an endless loop in the
   * orchestrator): its worker is replaced and the other histories go on. Default 30 s.
   */
  historyTimeoutMs?: number;
}

export interface ReplayApp {
  readonly info: AppInfo;
  /** Replay histories; results come back in the order given. */
  replay(items: HistoryItem[], options?: EngineOptions): Promise<ReplayResult[]>;
  /** The bench's floor: the SDK's own handler called on each payload, timed inside the worker. */
  floor(histories: { name: string; text: string; payload: string }[]): Promise<number>;
  close(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** One replay worker with the app loaded. */
class WorkerHandle {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;
  /** Histories finished by the worker so far (it counts them in shared memory, no messages). */
  readonly progress: Int32Array;

  private constructor(
    private readonly worker: Worker,
    progress: SharedArrayBuffer,
    readonly info: AppInfo,
  ) {
    this.progress = new Int32Array(progress);
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.on('message', (message: FromWorker) => {
      if ('id' in message) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiter?.resolve(message);
      }
    });
    worker.on('error', (error) => this.failAll(new Error(`the replay worker crashed: ${error.message}`)));
    worker.on('exit', (code) => this.failAll(new Error(`the replay worker exited (code ${code}); does the user's code call process.exit()?`)));
    worker.unref();
  }

  static async start(dir: string, options: LoadAppOptions): Promise<WorkerHandle> {
    const progress = new SharedArrayBuffer(4);
    const init: WorkerInit = { durableGateWorker: true, appDir: dir, progress };
    const worker = new Worker(workerScript(), { workerData: init, stdout: true, stderr: true });
    if (options.userOutput === 'ignore') {
      worker.stdout.resume();
      worker.stderr.resume();
    } else {
      worker.stdout.pipe(process.stderr, { end: false });
      worker.stderr.pipe(process.stderr, { end: false });
    }
    const info = await new Promise<AppInfo>((resolvePromise, reject) => {
      worker.once('message', (message: FromWorker) => {
        if (message.type === 'ready') resolvePromise(message.info);
        else if (message.type === 'load-error') reject(new AppLoadError(dir, message.message, message.userStack));
      });
      worker.once('error', (error) => reject(new AppLoadError(dir, `loading the app crashed its worker: ${error.message}`, error.stack)));
      worker.once('exit', (code) => reject(new AppLoadError(dir, `the app's worker exited (code ${code}) while loading; does the app call process.exit()?`)));
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new WorkerHandle(worker, progress, info);
  }

  private failAll(error: Error): void {
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  request(message: WithoutId<ToWorker>): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise<FromWorker>((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id } as ToWorker);
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.failAll(new Error('the replay worker was stopped'));
    await this.worker.terminate();
  }
}

const HUNG = Symbol('hung');

export async function loadApp(appDir: string, options: LoadAppOptions = {}): Promise<ReplayApp> {
  const dir = resolve(appDir);
  const timeoutMs = options.historyTimeoutMs ?? 30_000;
  let handle = await WorkerHandle.start(dir, options);

  /** Resolves with the answer, or HUNG when the worker stops making progress on one history. */
  const watch = (answer: Promise<FromWorker>): Promise<FromWorker | typeof HUNG> =>
    new Promise((resolvePromise, reject) => {
      let seen = Atomics.load(handle.progress, 0);
      let since = Date.now();
      const timer = setInterval(() => {
        const now = Atomics.load(handle.progress, 0);
        if (now !== seen) {
          seen = now;
          since = Date.now();
        } else if (Date.now() - since >= timeoutMs) {
          clearInterval(timer);
          resolvePromise(HUNG);
        }
      }, Math.min(1000, Math.max(50, timeoutMs / 10)));
      answer.then(
        (value) => {
          clearInterval(timer);
          resolvePromise(value);
        },
        (error: unknown) => {
          clearInterval(timer);
          reject(error);
        },
      );
    });

  const replay = async (items: HistoryItem[], engineOptions: EngineOptions): Promise<ReplayResult[]> => {
    if (items.length === 0) return [];
    const before = Atomics.load(handle.progress, 0);
    let answer: FromWorker | typeof HUNG | Error;
    try {
      answer = await watch(handle.request({ type: 'replay', items, options: engineOptions }));
    } catch (error) {
      // The worker is gone (the user's code called process.exit, or crashed it).
      answer = error instanceof Error ? error : new Error(String(error));
    }
    if (answer !== HUNG && !(answer instanceof Error)) {
      if (answer.type === 'results') return answer.results;
      throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
    }
    // One history never came back: replace the worker, redo those before it, report it, go on.
    const stuckAt = Atomics.load(handle.progress, 0) - before;
    await handle.terminate();
    handle = await WorkerHandle.start(dir, options);
    const done = await replay(items.slice(0, stuckAt), engineOptions);
    const item = items[stuckAt]!;
    const failure: ReplayResult['failure'] =
      answer === HUNG
        ? {
            message: `The orchestrator did not return within ${Math.round(timeoutMs / 1000)} s while replaying this history: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`,
            runtimeMessage: 'The invocation would run until the function timeout; the instance would make no progress.',
            advice: 'Look for a loop whose exit depends on a value that no longer changes, or an await of a non-durable promise, in the code reached by this history.',
          }
        : {
            message: `Replaying this history ended the app's process (${answer.message.replace(/^the replay worker /, '')}).`,
            runtimeMessage: 'The Functions host would restart the worker and the instance would fail or retry without progress.',
            advice: 'Find the process.exit() or the crash in the code this history reaches; orchestrators must not end the process.',
          };
    const stuck: ReplayResult = { source: 'file' in item ? item.file : item.source, instanceId: '', orchestrator: '', verdict: 'failed', failure };
    const rest = await replay(items.slice(stuckAt + 1), engineOptions);
    return [...done, stuck, ...rest];
  };

  return {
    get info() {
      return handle.info;
    },
    replay: (items, engineOptions = {}) => replay(items, engineOptions),
    async floor(histories) {
      const answer = await handle.request({ type: 'floor', histories });
      if (answer.type === 'floor-done') return answer.seconds;
      throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
    },
    close: () => handle.terminate(),
  };
}
