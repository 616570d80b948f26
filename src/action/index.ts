/** The Action's entry (bundled to dist/index.js); the same file serves as the replay worker. */
import { isMainThread } from 'node:worker_threads';
import { setWorkerScript } from '../../harness/app/host.js';
import '../../harness/app/worker.js';
import { run } from './main.js';

if (isMainThread) {
  setWorkerScript(import.meta.url);
  await run();
}
