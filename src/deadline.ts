/**
 * Command deadlines (one signal that ends a command's work on a cancel or when its time is up),
 * and the process rules the CLI and the Action share.
 */

/** How long a command may take to stop after SIGINT/SIGTERM before the process ends anyway. */
export const STOP_GRACE_MS = 2000;

/** Resolves when what was written to the stream has been handed to the system. */
export function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolvePromise) => {
    if (!stream.write('', () => resolvePromise())) stream.once('drain', () => resolvePromise());
  });
}

/**
 * Runs a front end's work under the process rules: the process stays up while it awaits (work
 * held only by unreferenced handles would otherwise let it end mid-await, with no report);
 * SIGINT/SIGTERM abort the signal it is given, so that it stops and says what it had done; a
 * second signal, or work not stopped STOP_GRACE_MS later, ends the process with `failedCode`.
 */
export async function withProcessSignals<T>(
  work: (signal: AbortSignal) => Promise<T>,
  say: { stopping: (message: string) => void; ending: (message: string) => void },
  failedCode: number,
): Promise<T> {
  const controller = new AbortController();
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      say.ending(`${name} again: ending now. What was not finished is not done.`);
      process.exit(failedCode);
    }
    say.stopping(`${name} received: stopping.`);
    controller.abort(`the run was cancelled (${name})`);
    setTimeout(() => {
      say.ending(`not stopped ${STOP_GRACE_MS / 1000} s after ${name}: ending now. What was not finished is not done.`);
      process.exit(failedCode);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    clearInterval(keepAlive);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export interface Deadline {
  signal: AbortSignal;
  /** Ends the work now (the command has decided): its requests are aborted with this reason. */
  abort(reason: string): void;
  clear(): void;
}

/**
 * A signal aborted by the caller's signal (its reason passed on), or `ms` from now with `reason`
 * (e.g. "--timeout 5m passed"). Requests, workers and loops given this signal stop with it.
 */
export function withDeadline(parent: AbortSignal | undefined, ms: number | undefined, reason: string): Deadline {
  const controller = new AbortController();
  const onParent = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(reason), Math.min(ms, 2_000_000_000));
  return {
    signal: controller.signal,
    abort(why) {
      controller.abort(why);
    },
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}
