import type { EngineOptions } from '../replay/engine.js';
import type { ReplayResult } from '../replay/result.js';
import type { AppInfo } from './types.js';
import { type CallOutcome, type HistoryItem, type WorkerCall } from './worker.js';
/** Bundles (dist/) run themselves as the worker: their entry point registers its own URL here. */
export declare function setWorkerScript(url: string | URL): void;
export interface LoadAppOptions {
    /** Where the user's console output goes: 'stderr' (default) or 'ignore'. Never stdout. */
    userOutput?: 'stderr' | 'ignore';
    /**
     * How long one history may run before it is declared hung (an endless loop in the
     * orchestrator): its worker is replaced and the other histories go on. Default 30 s.
     */
    historyTimeoutMs?: number;
    /**
     * How long importing the app may take before it is declared hung (a module's top-level code
     * waiting on a connection or a promise that never settles). Default 60 s.
     */
    loadTimeoutMs?: number;
    /**
     * The replay worker's heap limit in MB. An orchestrator that allocates without bound stops the
     * worker at this limit; that history is reported and the others go on. Default 2048.
     */
    memoryLimitMb?: number;
    /**
     * Stops loading and replaying (a cancel, a deadline): the worker is stopped and the histories
     * not replayed yet come back as `error` results that say why.
     */
    signal?: AbortSignal;
    /**
     * Replay the app's compiled JavaScript even when its TypeScript (or other) sources changed after
     * it was built. By default such an app is refused: the replay would judge the code as it was
     * before those changes.
     */
    allowStaleBuild?: boolean;
    /**
     * The app will be replayed with perturb: the worker replaces the clock, randomness and the
     * environment before the app loads (harness/replay/perturb.ts), so that what the app captures
     * when it loads is seen too. Off: nothing is replaced, and replay runs at full speed.
     */
    perturb?: boolean;
}
export declare const DEFAULT_HISTORY_TIMEOUT_MS = 30000;
export declare const DEFAULT_LOAD_TIMEOUT_MS = 60000;
export declare const DEFAULT_MEMORY_LIMIT_MB = 2048;
export interface ReplayApp {
    readonly info: AppInfo;
    /** Replay histories; results come back in the order given. */
    replay(items: HistoryItem[], options?: EngineOptions): Promise<ReplayResult[]>;
    /**
     * One invocation in the worker, for the local runtime (harness/testing/). Code that hangs past
     * the history timeout, or ends the worker, rejects with an error saying so; the worker is
     * replaced for the next call.
     */
    call(call: WorkerCall): Promise<CallOutcome>;
    close(): Promise<void>;
}
/** Why a run was stopped, from its signal's reason: a cancel, or a deadline passed. */
export declare function stopReason(signal: AbortSignal | undefined): string;
export declare function loadApp(appDir: string, options?: LoadAppOptions): Promise<ReplayApp>;
