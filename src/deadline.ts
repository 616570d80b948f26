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
