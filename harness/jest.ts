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
import { loadApp, type LoadAppOptions, type ReplayApp } from './app/host.js';
import type { EngineOptions } from './replay/engine.js';
import { describeProblem } from './index.js';
import { readScenarios, runScenario } from './testing/scenario.js';

/** The test runner's functions replayFolder declares its tests with (jest's globals by default). */
export interface TestGlobals {
  describe: (name: string, fn: () => void) => void;
  test: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterAll: (fn: () => Promise<void>) => void;
}

function files(dir: string, pattern = /\.json$/): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
    });
}

function loadOptionsOf(given: ReplayFolderOptions): LoadAppOptions {
  return {
    userOutput: 'ignore',
    ...(given.allowStaleBuild ? { allowStaleBuild: true } : {}),
    ...(given.historyTimeoutMs ? { historyTimeoutMs: given.historyTimeoutMs } : {}),
    ...(given.memoryLimitMb ? { memoryLimitMb: given.memoryLimitMb } : {}),
  };
}

function engineOptionsOf(given: ReplayFolderOptions): EngineOptions {
  return {
    ...(given.inputDrift ? { inputDrift: given.inputDrift } : {}),
    ...(given.finished ? { finished: given.finished } : {}),
    ...(given.schema ? { schema: given.schema } : {}),
  };
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
  const engine = engineOptionsOf(given);
  describe(`replay ${relative(process.cwd(), historiesDir) || historiesDir} against ${relative(process.cwd(), appDir) || appDir}`, () => {
    let app: ReplayApp | undefined;
    beforeAll(async () => {
      app = await loadApp(appDir, loadOptionsOf(given));
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

/**
 * One test per scenario below `scenariosDir` (*.json, *.js, *.mjs, *.cjs; docs/testing.md,
 * "Scenarios"): the scenario runs on the old code (`baseDir`), and the new code (`appDir`) must
 * replay the history of every point at which an instance waited; a test fails with what breaks
 * and where. Options as replayFolder's.
 *
 *   checkScenarios('../base/my-app', '.', './scenarios');
 */
export function checkScenarios(baseDir: string, appDir: string, scenariosDir: string, options: TestGlobals | ReplayFolderOptions = {}): void {
  const given: ReplayFolderOptions = 'describe' in options ? { globals: options } : options;
  const { describe, test, beforeAll, afterAll } = given.globals ?? globalThis;
  const loading = loadOptionsOf(given);
  describe(`scenarios ${relative(process.cwd(), scenariosDir) || scenariosDir}: ${relative(process.cwd(), appDir) || appDir} against ${relative(process.cwd(), baseDir) || baseDir}`, () => {
    let base: ReplayApp | undefined;
    let app: ReplayApp | undefined;
    beforeAll(async () => {
      [base, app] = await Promise.all([loadApp(baseDir, loading), loadApp(appDir, loading)]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([base?.close(), app?.close()]);
    });
    for (const file of files(scenariosDir, /\.(json|c?js|mjs)$/)) {
      test(relative(scenariosDir, file), async () => {
        const problems: string[] = [];
        for (const scenario of await readScenarios([file], process.cwd())) {
          const points = await runScenario(base!, scenario);
          for (const result of await app!.replay(points, engineOptionsOf(given))) if (result.verdict !== 'ok') problems.push(describeProblem(result));
        }
        if (problems.length > 0) throw new Error(problems.join('\n\n'));
      });
    }
  });
}
