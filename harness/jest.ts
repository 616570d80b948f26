/**
 * A jest helper: one test per history file of a folder, each failing with the divergence.
 *
 *   import { replayFolder } from 'durable-gate/jest';   // or require('durable-gate/jest')
 *   replayFolder('./my-app', './histories');
 *
 * Under vitest (or any runner with describe/test/beforeAll/afterAll), pass its functions:
 *
 *   import { describe, test, beforeAll, afterAll } from 'vitest';
 *   replayFolder('./my-app', './histories', { describe, test, beforeAll, afterAll });
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadApp, type ReplayApp } from './app/host.js';
import { describeProblem } from './index.js';

/** The test runner's functions replayFolder declares its tests with (jest's globals by default). */
export interface TestGlobals {
  describe: (name: string, fn: () => void) => void;
  test: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterAll: (fn: () => Promise<void>) => void;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
    });
}

export function replayFolder(appDir: string, historiesDir: string, globals: TestGlobals = globalThis): void {
  const { describe, test, beforeAll, afterAll } = globals;
  describe(`replay ${relative(process.cwd(), historiesDir) || historiesDir} against ${relative(process.cwd(), appDir) || appDir}`, () => {
    let app: ReplayApp | undefined;
    beforeAll(async () => {
      app = await loadApp(appDir, { userOutput: 'ignore' });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });
    for (const file of files(historiesDir)) {
      test(relative(historiesDir, file), async () => {
        const [result] = await app!.replay([{ file }]);
        if (!result || result.verdict !== 'ok') throw new Error(result ? describeProblem(result) : `no result for ${file}`);
      });
    }
  });
}
