import type { Advice, VersionBump } from '../report/advice.js';
/** Replay results are data; renderers and the exit code are functions of them. */
export type Verdict = 'ok' | 'nondeterministic' | 'failed' | 'error';
/** A recorded scheduling event, as the report shows it (no payloads). */
export interface RecordedStep {
    event: string;
    name?: string;
    eventIndex: number;
}
/** What the new code did at that sequence id. */
export interface ReplayedStep {
    action: string;
    name?: string;
}
export interface SourceLocation {
    file: string;
    line: number;
    column?: number;
}
export interface Divergence {
    sequenceId: number;
    recorded: RecordedStep;
    /** Absent when the new code scheduled nothing with that sequence id. */
    replayed?: ReplayedStep;
    /** What the runtime would print (the instance's output once it fails). */
    message: string;
    /** A plain explanation for the person reading the report. */
    explanation: string;
    /** The call in the new code that diverged, or where the code stopped short of the recorded step. */
    location?: SourceLocation;
    /** What to do about it. */
    advice: string;
    /**
     * Found by perturbed replay (--perturb): the recorded steps matched, but a second run with the
     * clock, randomness or the environment answering otherwise schedules differently. `sequenceId`
     * is then the index of the action in the run (compound actions and their children counted), and `recorded` what the first run scheduled.
     */
    perturbed?: {
        /** The sources that make the difference; none: two runs with nothing changed differ (state that outlives a run). */
        sources: ('clock' | 'random' | 'env')[];
        first: string;
        second: string;
        what: string;
        /** How the source was read where `location` points (Date.now(), Math.random(), process.env.X). */
        read?: string;
    };
}
export interface FailureInfo {
    /** Why the instance would fail. */
    message: string;
    /** What production would record as the instance's failure. */
    runtimeMessage?: string;
    /** The error thrown by the user's code, with its stack. */
    stack?: string;
    location?: SourceLocation;
    /** A function the replay needs but the new app does not register. */
    missingFunction?: {
        name: string;
        kind: 'orchestration' | 'activity' | 'entity';
    };
    advice: string;
}
export interface ReplayResult {
    source: string;
    instanceId: string;
    orchestrator: string;
    version?: string;
    runtimeStatus?: string;
    /** The replay schema the host was taken to advertise: V3, or V4 (asked for, or proved by a lock request in the history). */
    replaySchema?: 'V3' | 'V4';
    verdict: Verdict;
    divergence?: Divergence;
    failure?: FailureInfo;
    /** For verdict `error`: why the history could not be checked. */
    error?: {
        message: string;
        eventIndex?: number;
    };
    /** Things worth knowing that do not change the verdict. */
    warnings?: string[];
    /** The instance had finished when its history was recorded: the runtime never replays it again. */
    finished?: 'Completed' | 'Failed' | 'Terminated';
    /**
     * A finished instance judged as the runtime treats it (verdict ok): what the new code does on its
     * path, for the instances in flight that may still take it.
     */
    finishedPath?: {
        verdict: 'nondeterministic' | 'failed';
        divergence?: Divergence;
        failure?: FailureInfo;
    };
    /** Number of history events checked. */
    events?: number;
}
export interface ReplaySummary {
    total: number;
    ok: number;
    nondeterministic: number;
    failed: number;
    error: number;
}
export declare const REPLAY_REPORT_SCHEMA = "durable-gate.replay-report/v1";
export interface ReplayReport {
    schema: typeof REPLAY_REPORT_SCHEMA;
    app?: string;
    summary: ReplaySummary;
    results: ReplayResult[];
    /** When something breaks: the ways out, said for this change. */
    advice?: Advice;
    /** With --require-version-bump, when something breaks: whether the version moved up. */
    versionBump?: VersionBump;
}
/**
 * A report as the renderers read it: `results` may be read back from disk one at a time (a
 * ResultStore), and `problems` holds those that are not plain ok, in memory.
 */
export interface ReportView extends Omit<ReplayReport, 'results'> {
    results: Iterable<ReplayResult>;
    problems: readonly ReplayResult[];
}
export type AnyReport = ReplayReport | ReportView;
/** Not plain ok: broken, not checked, or ok with warnings. */
export declare function isProblem(result: ReplayResult): boolean;
/** The results a report has to explain (see isProblem), in order. */
export declare function problemsOf(report: AnyReport): readonly ReplayResult[];
export declare function summarize(results: readonly ReplayResult[]): ReplaySummary;
/**
 * Exit code of `replay` (design.md): 0 all ok; 1 the new code breaks an instance
 * (nondeterministic or failed); 2 a history could not be checked. 1 wins over 2.
 */
export declare function exitCodeFor(summary: ReplaySummary): 0 | 1 | 2;
