/**
 * The end-to-end floor (scripts/bench.mjs), not part of the library: a bare process that reads
 * the same history files the CLI reads and calls the SDK's own handler on each, nothing else. The
 * bench times it as a whole process beside `durable-gate replay` on the same folder.
 *
 *   node lib/harness/bench/floor-files.js <app dir> <folder of history files>
 *
 * Prints one JSON line: files read, and seconds from the first file read to the last handled.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppInThisThread } from '../app/load.js';

interface FileShape {
  instanceId?: string;
  history: { EventType: number; Input?: string | null }[];
}

async function main(appDir: string, folder: string): Promise<void> {
  const app = await loadAppInThisThread(appDir);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const handlers = new Map<string, ((payload: unknown) => Promise<unknown>) | undefined>();
  const started = process.hrtime.bigint();
  for (const name of files) {
    const file = JSON.parse(readFileSync(join(folder, name), 'utf8')) as FileShape & { name: string };
    let handler = handlers.get(file.name);
    if (!handlers.has(file.name)) handlers.set(file.name, (handler = app.bareHandler(file.name)));
    if (!handler) continue;
    // The payload the host sends (the fields the SDK reads), built the plainest way.
    const started = file.history.find((event) => event.EventType === 0);
    const payload = {
      history: file.history,
      input: started?.Input ? (JSON.parse(started.Input) as unknown) : null,
      instanceId: file.instanceId,
      isReplaying: true,
      parentInstanceId: null,
      upperSchemaVersion: 1,
      upperSchemaVersionNew: 2,
      longRunningTimerIntervalDuration: '3.00:00:00',
      maximumShortTimerDuration: '6.00:00:00',
      defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
    };
    try {
      await handler(payload);
    } catch {
      // A throwing orchestrator costs the same here as in a replay.
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds })}\n`);
}

const [appDir, folder] = process.argv.slice(2);
if (appDir && folder) {
  main(appDir, folder).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
