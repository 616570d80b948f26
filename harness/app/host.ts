/**
 * The caller's side of a loaded app: starts the replay worker, forwards what the user's code
 * prints to stderr (never stdout), and sends it histories in batches.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { AppLoadError, errorMessage } from '../errors.js';
import { parseHistory, parseHistoryText, readHistoryFile } from '../history/load.js';
import type { EngineOptions } from '../replay/engine.js';
import type { ReplayResult } from '../replay/result.js';
import type { AppInfo, StaleSource } from './types.js';
import { displayPath } from '../history/paths.js';
import { WORKER_ENV, type CallOutcome, type FromWorker, type HistoryItem, type ToWorker, type WorkerCall, type WorkerInit } from './worker.js';

const WORKER_SCRIPT = Symbol.for('durable-gate.worker-script');

/** Bundles (dist/) run themselves as the worker: their entry point registers its own URL here. */
export function setWorkerScript(url: string | URL): void {
  (globalThis as Record<symbol, unknown>)[WORKER_SCRIPT] = url;
}

function workerScript(file = './worker.js'): URL {
  const override = (globalThis as Record<symbol, unknown>)[WORKER_SCRIPT];
  // A parameter, not a literal: bundlers must not try to bundle the worker as an asset.
  return new URL(typeof override === 'string' || override instanceof URL ? override : file, import.meta.url);
}

export interface LoadAppOptions {
  /** Where the user's console output goes: 'stderr' (default) or 'ignore'. Never stdout. */
  userOutput?: 'stderr' | 'ignore';
  /**
   * How long one history may run before it is declared hung (an endless loop in the
   * orchestrator): its worker is replaced and the other histories go on. Default 30 s.
   */
  historyTimeoutMs?: number;
  /**
   * How long importing the app may take before it is declared hung (a module's top-level code
   * waiting on a connection or a promise that never settles). Default 60 s.
   */
  loadTimeoutMs?: number;
  /**
   * The replay worker's heap limit in MB. An orchestrator that allocates without bound stops the
   * worker at this limit; that history is reported and the others go on. Default 2048.
   */
  memoryLimitMb?: number;
  /**
   * Stops loading and replaying (a cancel, a deadline): the worker is stopped and the histories
   * not replayed yet come back as `error` results that say why.
   */
  signal?: AbortSignal;
  /**
   * Replay the app's compiled JavaScript even when its TypeScript (or other) sources changed after
   * it was built. By default such an app is refused: the replay would judge the code as it was
   * before those changes.
   */
  allowStaleBuild?: boolean;
  /**
   * The app will be replayed with perturb: the worker replaces the clock, randomness and the
   * environment before the app loads (harness/replay/perturb.ts), so that what the app captures
   * when it loads is seen too. Off: nothing is replaced, and replay runs at full speed.
   */
  perturb?: boolean;
}

export const DEFAULT_HISTORY_TIMEOUT_MS = 30_000;
export const DEFAULT_LOAD_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_LIMIT_MB = 2048;

export interface ReplayApp {
  readonly info: AppInfo;
  /** Replay histories; results come back in the order given. */
  replay(items: HistoryItem[], options?: EngineOptions): Promise<ReplayResult[]>;
  /**
   * One invocation in the worker, for the local runtime (harness/testing/). Code that hangs past
   * the history timeout, or ends the worker, rejects with an error saying so; the worker is
   * replaced for the next call.
   */
  call(call: WorkerCall): Promise<CallOutcome>;
  close(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * One replay worker with the app loaded: a child process, not a thread. An orchestrator that
 * allocates without bound hits the child's heap limit and ends the child only; a worker thread's
 * limit is best-effort in Node (some allocation patterns abort the whole process).
 */
class WorkerHandle {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;
  private readonly counter = Buffer.alloc(4);

  /** Histories finished by the worker when it last answered: exact, where the file may lag by a few milliseconds. */
  answered = 0;

  /** Histories finished by the worker so far: it counts them in its progress file (a few milliseconds late). */
  get progress(): number {
    readSync(this.progressFd, this.counter, 0, 4, 0);
    return this.counter.readInt32LE(0);
  }

  private constructor(
    private readonly child: ChildProcess,
    private readonly progressFd: number,
    private readonly progressPath: string,
    readonly info: AppInfo,
    private readonly stderrTail: () => string,
    private readonly memoryLimitMb: number,
  ) {
    child.removeAllListeners('exit');
    child.removeAllListeners('message');
    child.on('message', (message: FromWorker) => {
      if ('id' in message) {
        if (message.type === 'results' || message.type === 'called') this.answered = message.finished;
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiter?.resolve(message);
      }
    });
    child.on('exit', (code, signal) => this.failAll(workerExit(code, signal, this.stderrTail(), this.memoryLimitMb)));
    this.hold(false);
  }

  static async start(dir: string, options: LoadAppOptions): Promise<WorkerHandle> {
    if (options.signal?.aborted) throw new AppLoadError(dir, stopReason(options.signal));
    const progressPath = join(tmpdir(), `durable-gate-progress-${process.pid}-${randomUUID()}`);
    writeFileSync(progressPath, Buffer.alloc(4));
    const progressFd = openSync(progressPath, 'r');
    const init: WorkerInit = { durableGateWorker: true, appDir: dir, progressFile: progressPath, ...(options.perturb ? { perturb: true } : {}) };
    const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    const child = fork(fileURLToPath(workerScript()), [], {
      env: { ...process.env, [WORKER_ENV]: JSON.stringify(init) },
      execArgv: [`--max-old-space-size=${memoryLimitMb}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    // What the user's code prints goes to stderr (never stdout); the end of it tells an out-of-memory end.
    let tail = '';
    const forward = options.userOutput !== 'ignore';
    child.stdout!.on('data', (chunk: Buffer) => forward && process.stderr.write(chunk));
    let dying = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      // V8's report of a heap exhausted (GC traces, a native stack) is said in the verdict instead.
      dying ||= tail.includes('<--- Last few GCs --->');
      if (forward && !dying) process.stderr.write(chunk);
    });
    const loadTimeoutMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const info = await new Promise<AppInfo>((resolvePromise, reject) => {
      child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolvePromise(message.info);
        else if (message.type === 'load-error') reject(new AppLoadError(dir, message.message, message.userStack));
      });
      child.once('error', (error) => reject(new AppLoadError(dir, `could not start the replay worker: ${error.message}`)));
      child.once('exit', (code, signal) => {
        const ended = workerExit(code, signal, tail, memoryLimitMb);
        reject(
          new AppLoadError(
            dir,
            `the app's worker ended while loading (${ended.message.replace(/^the replay worker /, '')}); does the app call process.exit()?`,
          ),
        );
      });
      // An import that never finishes (top-level code waiting on a connection or a promise that never settles).
      timer = setTimeout(
        () =>
          reject(
            new AppLoadError(
              dir,
              `the app did not finish loading within ${Math.round(loadTimeoutMs / 1000)} s: a module's top-level code is still running or waiting (a connection, a top-level await, an endless loop). Orchestrator modules must load without I/O; move it into an activity or behind a function call.`,
            ),
          ),
        loadTimeoutMs,
      );
      onAbort = () =>
        reject(
          new AppLoadError(
            dir,
            `stopped while the app was still loading (${stopReason(options.signal)}). If loading takes long, a module's top-level code may be waiting on something (a connection, a top-level await) or looping.`,
          ),
        );
      options.signal?.addEventListener('abort', onAbort, { once: true });
    })
      .catch(async (error: unknown) => {
        await kill(child);
        closeSync(progressFd);
        rmSync(progressPath, { force: true });
        throw error;
      })
      .finally(() => {
        clearTimeout(timer);
        if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      });
    // Both sides hold the progress file open now: its name can go, so that nothing is left behind
    // even if this process is killed (where open files cannot be removed, it goes at terminate()).
    try {
      rmSync(progressPath, { force: true });
    } catch {
      // Windows keeps the name of an open file.
    }
    return new WorkerHandle(child, progressFd, progressPath, info, () => tail, memoryLimitMb);
  }

  /** An idle worker does not keep the caller's process alive (a library user who forgets close()). */
  private hold(busy: boolean): void {
    const handles = [this.child, this.child.channel, this.child.stdout, this.child.stderr] as ({ ref?: () => void; unref?: () => void } | null | undefined)[];
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
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
      this.hold(true);
      try {
        this.child.send({ ...message, id });
      } catch (error) {
        // The message could not be copied to the worker (a value nested too deep, or not
        // cloneable): the worker is fine; the histories in it are the problem.
        this.pending.delete(id);
        reject(new NotSent(errorMessage(error)));
      }
    }).finally(() => {
      if (this.pending.size === 0) this.hold(false);
    });
  }

  private terminated = false;

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.child.removeAllListeners('exit');
    // Held while it stops: an unreferenced child lets the process end mid-await (exit code 13).
    this.hold(true);
    this.failAll(new Error('the replay worker was stopped'));
    await kill(this.child);
    closeSync(this.progressFd);
    rmSync(this.progressPath, { force: true });
  }
}

/** Ends a worker process and waits until it is gone. */
function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

/** How a worker process ended, said plainly: running out of its heap limit is the usual one. */
function workerExit(code: number | null, signal: NodeJS.Signals | null, stderrTail: string, memoryLimitMb: number): Error {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail)) {
    return Object.assign(new Error(`the replay worker ran out of memory (its limit is ${memoryLimitMb} MB)`), { code: OUT_OF_MEMORY });
  }
  return new Error(`the replay worker exited (${signal ? `signal ${signal}` : `code ${code}`}); does the user's code call process.exit()?`);
}

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** A request that never reached the worker because its content could not be copied there. */
class NotSent extends Error {}

const HUNG = Symbol('hung');
const STOPPED = Symbol('stopped');

/** Why a run was stopped, from its signal's reason: a cancel, or a deadline passed. */
export function stopReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason.message;
  return 'the run was cancelled';
}

/** Why a stale build is refused, and the two ways on: rebuild, or accept the build as it is. */
function staleBuildMessage(dir: string, stale: StaleSource[]): string {
  const newest = stale[0]!;
  const others = new Set(stale.map((s) => s.source)).size - 1;
  let build = 'npx tsc';
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> };
    if (typeof pkg.scripts?.build === 'string') build = 'npm run build';
  } catch {
    // No package.json to read: the TypeScript compiler is the usual build.
  }
  return (
    `the app's build is older than its sources: ${displayPath(newest.source)} changed after ${displayPath(newest.built)} was built` +
    `${others > 0 ? ` (and ${others} more source file${others > 1 ? 's' : ''})` : ''}. The replay runs the built JavaScript, so it would judge the code as it was before that change. ` +
    `Rebuild the app (${build} in ${displayPath(dir)}) and replay again, or replay the build as it is (--allow-stale-build; Action input allow-stale-build: true; allowStaleBuild in the library).`
  );
}

/** The instance and orchestrator a history names, read again here for a history its worker could not finish. */
async function identify(item: HistoryItem): Promise<{ instanceId: string; orchestrator: string }> {
  try {
    const history =
      'file' in item ? await readHistoryFile(item.file) : 'text' in item ? parseHistoryText(item.text, item.source) : parseHistory(item.value, item.source);
    return { instanceId: history.instanceId, orchestrator: history.orchestrator };
  } catch {
    return { instanceId: '', orchestrator: '' };
  }
}

export async function loadApp(appDir: string, options: LoadAppOptions = {}): Promise<ReplayApp> {
  const dir = resolve(appDir);
  const timeoutMs = options.historyTimeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
  const signal = options.signal;
  let handle = await WorkerHandle.start(dir, options);
  const stale = handle.info.staleBuild ?? [];
  if (stale.length > 0) {
    if (!options.allowStaleBuild) {
      await handle.terminate();
      throw new AppLoadError(dir, staleBuildMessage(dir, stale));
    }
    handle.info.warnings.push(
      `replaying the build as it is (stale builds allowed): ${displayPath(stale[0]!.source)} changed after ${displayPath(stale[0]!.built)} was built.`,
    );
  }

  /** Resolves with the answer; HUNG when the worker stops making progress on one history; STOPPED on the signal. */
  const watch = (answer: Promise<FromWorker>): Promise<FromWorker | typeof HUNG | typeof STOPPED> =>
    new Promise((resolvePromise, reject) => {
      let seen = handle.progress;
      let since = Date.now();
      const stop = (): void => resolvePromise(STOPPED);
      signal?.addEventListener('abort', stop, { once: true });
      const timer = setInterval(
        () => {
          const now = handle.progress;
          if (now !== seen) {
            seen = now;
            since = Date.now();
          } else if (Date.now() - since >= timeoutMs) {
            resolvePromise(HUNG);
          }
        },
        Math.min(1000, Math.max(50, timeoutMs / 10)),
      );
      answer.then(resolvePromise, reject).finally(() => {
        clearInterval(timer);
        signal?.removeEventListener('abort', stop);
      });
      if (signal?.aborted) stop();
    });

  const notReplayed = (item: HistoryItem): ReplayResult => ({
    source: 'file' in item ? item.file : item.source,
    instanceId: '',
    orchestrator: '',
    verdict: 'error',
    error: { message: `not checked: ${stopReason(signal)} before its replay finished.` },
  });

  const replay = async (items: HistoryItem[], engineOptions: EngineOptions): Promise<ReplayResult[]> => {
    if (items.length === 0) return [];
    if (signal?.aborted) return items.map(notReplayed);
    const before = handle.answered;
    let answer: FromWorker | typeof HUNG | typeof STOPPED | Error;
    try {
      answer = await watch(handle.request({ type: 'replay', items, options: engineOptions }));
    } catch (error) {
      // The worker is gone (the user's code called process.exit, ran out of memory, or crashed it).
      answer = error instanceof Error ? error : new Error(String(error));
    }
    if (answer instanceof NotSent) {
      // Find the history that cannot be sent: one at a time, each alone.
      if (items.length > 1) {
        const results: ReplayResult[] = [];
        for (const item of items) results.push(...(await replay([item], engineOptions)));
        return results;
      }
      const item = items[0]!;
      return [
        {
          source: 'file' in item ? item.file : item.source,
          instanceId: '',
          orchestrator: '',
          verdict: 'error',
          error: {
            message: `this history could not be handed to the replay worker (${answer.message}): is it nested deeper than a history can be, or does it hold values that are not JSON?`,
          },
        },
      ];
    }
    if (answer === STOPPED) {
      // The worker holds this batch's results until its end: the batch counts as not checked.
      const at = handle.progress - before;
      await handle.terminate();
      const results = items.map(notReplayed);
      const current = items[at];
      if (current) {
        results[at] = {
          ...results[at]!,
          ...(await identify(current)),
          error: {
            message: `not checked: it was still replaying when ${stopReason(signal)}. If that took long, the orchestrator may loop or wait for ever on this history (--history-timeout bounds one history).`,
          },
        };
      }
      return results;
    }
    if (answer !== HUNG && !(answer instanceof Error)) {
      if (answer.type === 'results') return answer.results;
      throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
    }
    // One history never came back: replace the worker, redo those before it, report it, go on.
    const stuckAt = handle.progress - before;
    await handle.terminate();
    handle = await WorkerHandle.start(dir, options);
    const done = await replay(items.slice(0, stuckAt), engineOptions);
    const item = items[stuckAt]!;
    const outOfMemory = answer instanceof Error && (answer as NodeJS.ErrnoException).code === OUT_OF_MEMORY;
    const failure: ReplayResult['failure'] =
      answer === HUNG
        ? {
            message: `The orchestrator did not return within ${Math.round(timeoutMs / 1000)} s while replaying this history: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`,
            runtimeMessage: 'The invocation would run until the function timeout; the instance would make no progress.',
            advice:
              'Look for a loop whose exit depends on a value that no longer changes, or an await of a non-durable promise, in the code reached by this history.',
          }
        : outOfMemory
          ? {
              message: `Replaying this history made the orchestrator use more memory than the replay worker's limit (${options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB} MB): it allocates without bound.`,
              runtimeMessage: 'The Functions host worker would run out of memory and restart; the instance would fail or retry without progress.',
              advice: 'Look for a loop that keeps growing an array, string or map in the code reached by this history.',
            }
          : {
              message: `Replaying this history ended the app's process (${answer.message.replace(/^the replay worker /, '')}).`,
              runtimeMessage: 'The Functions host would restart the worker and the instance would fail or retry without progress.',
              advice: 'Find the process.exit() or the crash in the code this history reaches; orchestrators must not end the process.',
            };
    const stuck: ReplayResult = { source: 'file' in item ? item.file : item.source, ...(await identify(item)), verdict: 'failed', failure };
    const rest = await replay(items.slice(stuckAt + 1), engineOptions);
    return [...done, stuck, ...rest];
  };

  const call = async (what: WorkerCall): Promise<CallOutcome> => {
    const label = `${what.kind === 'orchestrator' ? 'the orchestrator' : 'the function'} '${what.name}'`;
    if (signal?.aborted) throw new Error(`${label} was not run: ${stopReason(signal)}`);
    let answer: FromWorker | typeof HUNG | typeof STOPPED | Error;
    try {
      answer = await watch(handle.request({ type: 'call', call: what }));
    } catch (error) {
      answer = error instanceof Error ? error : new Error(String(error));
    }
    if (answer instanceof NotSent) throw new Error(`${label} could not be given its input: ${answer.message} (only JSON values can be passed)`);
    if (answer === HUNG || answer === STOPPED || answer instanceof Error) {
      await handle.terminate();
      if (answer !== STOPPED) handle = await WorkerHandle.start(dir, options);
      if (answer === HUNG)
        throw new Error(
          `${label} did not return within ${Math.round(timeoutMs / 1000)} s: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`,
        );
      if (answer === STOPPED) throw new Error(`${label} was stopped: ${stopReason(signal)}`);
      throw new Error(`${label} ended the app's process (${answer.message.replace(/^the replay worker /, '')}).`);
    }
    if (answer.type === 'called') return answer.outcome;
    throw new Error(answer.type === 'crash' ? `${label}: ${answer.message}` : `unexpected answer ${answer.type}`);
  };

  return {
    get info() {
      return handle.info;
    },
    replay: (items, engineOptions = {}) => {
      // What the app took when it loaded (const { randomUUID } = require('crypto')) answers for a perturbed run only when the worker replaced it first.
      if (engineOptions.perturb && !options.perturb)
        return Promise.reject(
          new Error(
            'perturbed replay needs the app loaded for it: loadApp(dir, { perturb: true }), so that the clock, randomness and the environment are replaced before the app loads.',
          ),
        );
      return replay(items, engineOptions);
    },
    call,
    close: () => handle.terminate(),
  };
}
