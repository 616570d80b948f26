#!/usr/bin/env node
/**
 * The `durable-gate` executable (bundled to dist/cli/index.js). The same file also serves as the
 * replay worker: started as a worker thread it runs the worker loop instead of the CLI.
 */
import { isMainThread } from 'node:worker_threads';
import { setWorkerScript } from '../harness/app/host.js';
import '../harness/app/worker.js';
import { main } from './cli.js';

if (isMainThread) {
  setWorkerScript(import.meta.url);
  process.exitCode = await main(process.argv.slice(2));
}
