/**
 * The bench's floor (scripts/bench.mjs), not part of the library: neither harness/index.ts nor
 * package.json's "exports" reach this folder, and its "files" leave it out of the package.
 *
 * The floor is what replaying cannot go below: the SDK's own handler called on each trigger
 * payload, nothing else. It runs in a child process with the app loaded, as the replay worker
 * (harness/app/worker.ts) does, and gets its payloads the same way (batches over IPC with the
 * same serialization), so that the bench times both paths alike from its own process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { DEFAULT_MEMORY_LIMIT_MB } from '../app/host.js';
import type { FloorAnswer, FloorHistory, FloorInit, FloorRequest } from './floor-worker.js';

export type { FloorHistory } from './floor-worker.js';

export interface Floor {
  /** Seconds the SDK's handler took on these payloads, timed inside the child. */
  run(histories: FloorHistory[]): Promise<number>;
  close(): Promise<void>;
}

/** Starts the floor's child process with the app in `appDir` loaded. */
export async function startFloor(appDir: string): Promise<Floor> {
  const init: FloorInit = { appDir: resolve(appDir) };
  const child: ChildProcess = fork(fileURLToPath(new URL('./floor-worker.js', import.meta.url)), [JSON.stringify(init)], {
    execArgv: [`--max-old-space-size=${DEFAULT_MEMORY_LIMIT_MB}`],
    // What the app prints is dropped, as the bench asks of the replay worker (userOutput: 'ignore').
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  const waiting = new Map<number, { resolve: (seconds: number) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const ended = new Promise<void>((resolveEnded) => child.once('exit', () => resolveEnded()));
  const ready = new Promise<void>((resolveReady, reject) => {
    child.once('exit', (code, signal) => {
      const error = new Error(`the floor's process ended (${signal ? `signal ${signal}` : `code ${code}`})`);
      reject(error);
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
    });
    child.on('message', (answer: FloorAnswer) => {
      if (answer.type === 'ready') return resolveReady();
      if (answer.type === 'load-error') return reject(new Error(answer.message));
      const waiter = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (answer.type === 'done') waiter?.resolve(answer.seconds);
      else waiter?.reject(new Error(answer.message));
    });
  });
  await ready;
  return {
    run(histories) {
      const id = nextId++;
      const request: FloorRequest = { id, histories };
      return new Promise((resolveRun, reject) => {
        waiting.set(id, { resolve: resolveRun, reject });
        child.send(request);
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.disconnect();
      await ended;
    },
  };
}
