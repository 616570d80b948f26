import { type LoadAppOptions } from '../app/host.cjs';
import type { FinishedPolicy, InputDriftPolicy } from './engine.cjs';
import type { ReplaySchemaName } from './payload.cjs';
import { type ReplayReport, type ReportView } from './result.cjs';
import { ResultStore } from './store.cjs';
import type { HistoryItem } from '../app/worker.cjs';
export interface ReplayJob extends LoadAppOptions {
    app: string;
    histories: string[];
    /** Histories in hand (values with a label), replayed after the files (check's generated histories). */
    items?: HistoryItem[];
    /** Paths are resolved against, and shown relative to, this folder. */
    cwd: string;
    /** Told about the app itself (e.g. a build older than its sources) before replaying. */
    onAppWarning?: (warning: string) => void;
    /** Called after each batch with (done, total). */
    onProgress?: (done: number, total: number) => void;
    batchSize?: number;
    /**
     * Replay workers (processes, each with the app loaded) run side by side; default: one per two cores
     * (os.availableParallelism()), up to 4, and no more than there are batches.
     */
    workers?: number;
    /** Breaking changes must move host.json defaultVersion (or versionFile) up a minor or major version. */
    requireVersionBump?: boolean;
    versionFile?: string;
    /** Histories of finished instances: as the runtime treats them (default), or judged as if in flight. */
    finished?: FinishedPolicy;
    /** The replay schema the host advertises (absent: V4 when a history proves it, else V3). */
    schema?: ReplaySchemaName;
    /** A call made at its recorded step with another input: a warning (default), or a failure. */
    inputDrift?: InputDriftPolicy;
    /** Perturbed replay: each history that matches is run again with the clock, randomness and the environment answering otherwise. */
    perturb?: boolean;
}
export declare function runReplay(job: ReplayJob): Promise<ReplayReport>;
/** A report whose results are read back one at a time: call `results.dispose()` when done with it. */
export type StreamedReport = ReportView & {
    results: ResultStore;
};
/**
 * runReplay for large runs: the results go to a ResultStore as the batches finish (on disk past a
 * few thousand), and the report holds the totals and the problems.
 */
export declare function runReplayStreamed(job: ReplayJob): Promise<StreamedReport>;
