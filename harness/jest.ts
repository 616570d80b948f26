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
import type { EngineOptions } from './replay/engine.js';
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

/** What replayFolder takes besides the folders: the runner's functions, and the replay's options. */
export interface ReplayFolderOptions extends Pick<EngineOptions, 'inputDrift' | 'finished' | 'schema'> {
  /** The test runner's functions (default: jest's globals). */
  globals?: TestGlobals;
  /** Replay a build older than its sources (refused by default). */
  allowStaleBuild?: boolean;
  historyTimeoutMs?: number;
  memoryLimitMb?: number;
}

/**
 * One test per history file below `historiesDir`, each failing with what breaks and where. An ok
 * history with warnings (input drift, a completion the replay never scheduled) passes and prints
 * them with console.warn. The third argument is the runner's functions (as before) or options.
 */
export function replayFolder(appDir: string, historiesDir: string, options: TestGlobals | ReplayFolderOptions = {}): void {
  const given: ReplayFolderOptions = 'describe' in options ? { globals: options } : options;
  const { describe, test, beforeAll, afterAll } = given.globals ?? globalThis;
  const engine: EngineOptions = {
    ...(given.inputDrift ? { inputDrift: given.inputDrift } : {}),
    ...(given.finished ? { finished: given.finished } : {}),
    ...(given.schema ? { schema: given.schema } : {}),
  };
  describe(`replay ${relative(process.cwd(), historiesDir) || historiesDir} against ${relative(process.cwd(), appDir) || appDir}`, () => {
    let app: ReplayApp | undefined;
    beforeAll(async () => {
      app = await loadApp(appDir, {
        userOutput: 'ignore',
        ...(given.allowStaleBuild ? { allowStaleBuild: true } : {}),
        ...(given.historyTimeoutMs ? { historyTimeoutMs: given.historyTimeoutMs } : {}),
        ...(given.memoryLimitMb ? { memoryLimitMb: given.memoryLimitMb } : {}),
      });
      for (const warning of app.info.warnings) console.warn(`durable-gate: ${warning}`);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });
    for (const file of files(historiesDir)) {
      test(relative(historiesDir, file), async () => {
        const [result] = await app!.replay([{ file }], engine);
        if (!result || result.verdict !== 'ok') throw new Error(result ? describeProblem(result) : `no result for ${file}`);
        for (const warning of result.warnings ?? []) console.warn(`durable-gate: ${relative(historiesDir, file)}: ${warning}`);
      });
    }
  });
}
