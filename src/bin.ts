#!/usr/bin/env node
/**
 * The `durable-gate` executable (bundled to dist/cli/index.js). The same file also serves as the
 * replay worker: started as a replay worker process it runs the worker loop instead of the CLI.
 */
import { setWorkerScript } from '../harness/app/host.js';
import { isReplayWorker } from '../harness/app/worker.js';
import { runProcess } from './cli/main.js';
import { flushed } from './deadline.js';

if (!isReplayWorker()) {
  setWorkerScript(import.meta.url);
  const code = await runProcess(process.argv.slice(2));
  // The report is out: nothing (a request still open at a stalled service, a worker) keeps the process alive.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
