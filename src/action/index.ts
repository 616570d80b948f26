/** The Action's entry (bundled to dist/index.js); the same file serves as the replay worker. */
import { setWorkerScript } from '../../harness/app/host.js';
import { isReplayWorker } from '../../harness/app/worker.js';
import { flushed } from '../deadline.js';
import { runAction } from './main.js';

if (!isReplayWorker()) {
  setWorkerScript(import.meta.url);
  await runAction();
  // The outputs and the summary are written: nothing (a request left open, a worker) keeps the step alive.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(process.exitCode ?? 0);
}
