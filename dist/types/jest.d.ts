import type { EngineOptions } from './replay/engine.js';
/** The test runner's functions replayFolder declares its tests with (jest's globals by default). */
export interface TestGlobals {
    describe: (name: string, fn: () => void) => void;
    test: (name: string, fn: () => Promise<void>, timeout?: number) => void;
    beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
    afterAll: (fn: () => Promise<void>) => void;
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
export declare function replayFolder(appDir: string, historiesDir: string, options?: TestGlobals | ReplayFolderOptions): void;
/**
 * One test per scenario below `scenariosDir` (*.json, *.js, *.mjs, *.cjs; docs/testing.md,
 * "Scenarios"): the scenario runs on the old code (`baseDir`), and the new code (`appDir`) must
 * replay the history of every point at which an instance waited; a test fails with what breaks
 * and where. Options as replayFolder's.
 *
 *   checkScenarios('../base/my-app', '.', './scenarios');
 */
export declare function checkScenarios(baseDir: string, appDir: string, scenariosDir: string, options?: TestGlobals | ReplayFolderOptions): void;
