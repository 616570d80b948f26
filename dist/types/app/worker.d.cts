import { type EngineOptions } from '../replay/engine.cjs';
import type { ReplayResult } from '../replay/result.cjs';
import type { AppInfo, FunctionOutcome, InvocationOutcome } from './types.cjs';
export interface WorkerInit {
    durableGateWorker: true;
    appDir: string;
    /** The file the worker counts finished histories in (see countFinished). */
    progressFile: string;
    /** Replace the clock, randomness and the environment before the app loads (perturbed replay). */
    perturb?: boolean;
}
/** The environment variable that makes a process a replay worker, holding its WorkerInit as JSON. */
export declare const WORKER_ENV = "DURABLE_GATE_REPLAY_WORKER";
/** A history to replay: a file the worker reads, or a value the caller already holds. */
export type HistoryItem = {
    file: string;
} | {
    value: unknown;
    source: string;
} | {
    text: string;
    source: string;
};
/** One invocation for the local runtime (harness/testing/): an orchestrator episode, or an activity or entity call. */
export type WorkerCall = {
    kind: 'orchestrator';
    name: string;
    payload: object;
} | {
    kind: 'function';
    name: string;
    trigger: unknown;
};
export type CallOutcome = InvocationOutcome | FunctionOutcome;
export type ToWorker = {
    type: 'replay';
    id: number;
    items: HistoryItem[];
    options: EngineOptions;
} | {
    type: 'call';
    id: number;
    call: WorkerCall;
};
export type FromWorker = {
    type: 'ready';
    info: AppInfo;
} | {
    type: 'load-error';
    message: string;
    userStack?: string;
} | {
    type: 'results';
    id: number;
    results: ReplayResult[];
    finished: number;
} | {
    type: 'called';
    id: number;
    outcome: CallOutcome;
    finished: number;
} | {
    type: 'crash';
    id: number;
    message: string;
};
export declare function errorResult(source: string, error: unknown): ReplayResult;
export declare function runWorker(init: WorkerInit): Promise<void>;
/** True in a process started as a replay worker: the bundles' entry points then run no command. */
export declare function isReplayWorker(): boolean;
