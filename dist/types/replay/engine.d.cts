/**
 * Replays one history against a loaded app: runs the orchestrator through the app's own SDK
 * with the payload the host sends, feeds the returned actions to the runtime model, and turns the
 * outcome into a verdict. Runs inside the replay worker.
 */
import type { LoadedApp } from '../app/load.cjs';
import { type HistoryEvent } from '../history/events.cjs';
import { type LoadedHistory } from '../history/load.cjs';
import { type PayloadOptions } from './payload.cjs';
import type { ReplayResult } from './result.cjs';
export interface EngineOptions extends PayloadOptions {
    /** Find source lines of divergences (a second, instrumented run). Default true. */
    locate?: boolean;
    /**
     * Histories of finished instances (Completed, Failed, Terminated): `runtime` (default) judges
     * them as the runtime treats them, never replayed again, so ok, with what the new code does on
     * their path said as a warning; `judge` judges them as if they were still in flight.
     */
    finished?: FinishedPolicy;
    /**
     * A call made at its recorded step with another input than recorded (the runtime does not
     * compare inputs): `warn` (default) says so on an ok result; `fail` makes the result failed.
     */
    inputDrift?: InputDriftPolicy;
    /**
     * Perturbed replay: a history whose recorded steps match is run again with the wall clock,
     * randomness and the environment answering otherwise, and everything the two runs scheduled is
     * compared (perturb.ts). Off by default.
     */
    perturb?: boolean;
}
export type InputDriftPolicy = 'warn' | 'fail';
export type FinishedPolicy = 'runtime' | 'judge';
export declare const FINISHED_POLICIES: readonly FinishedPolicy[];
export declare function replayLoadedHistory(app: LoadedApp, history: LoadedHistory, options?: EngineOptions): Promise<ReplayResult>;
/**
 * The status of a finished instance (the last ExecutionCompleted says Completed, Failed or
 * Terminated); undefined while it is in flight or continued as new.
 */
export declare function finishedStatus(events: readonly HistoryEvent[]): ReplayResult['finished'];
