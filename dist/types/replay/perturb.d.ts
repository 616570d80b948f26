import type { InvocationOutcome } from '../app/types.js';
import { type SdkAction } from './actions.js';
import type { Divergence, SourceLocation } from './result.js';
export type PerturbSource = 'clock' | 'random' | 'env';
export declare const PERTURB_SOURCES: readonly PerturbSource[];
/** 400 days, 13 h 17 min 29.371 s: no calendar field (weekday, hour, minute, second, ms) stays put. */
export declare const CLOCK_SHIFT_MS: number;
/** A place where the user's code read a source, and how (through a package: the package's call, reached from that line). */
export interface SourceRead {
    what: string;
    location?: SourceLocation;
    throughPackage?: boolean;
}
/** What a run read, in order (for a later run to answer the same or otherwise), and where each source was first read. */
export interface Recording {
    /** The answers given, by kind: clock milliseconds, performance.now(), Math.random(), crypto's return values and filled bytes. */
    values: Record<'date' | 'perf' | 'random' | 'crypto', unknown[]>;
    envKeys: Map<string, string | undefined>;
    /** The places each source was read from (distinct, at most five), in order. */
    reads: Partial<Record<PerturbSource, SourceRead[]>>;
    /** Any read of each source, by the app or by libraries (the user's own frame may be out of reach). */
    used: Set<PerturbSource>;
}
export declare function newRecording(): Recording;
/**
 * For the replay worker of a perturbed replay: the replacements stay for the worker's life,
 * installed before the app loads, so that a function the app captures when it loads
 * (`const { randomUUID } = require('crypto')`, `const now = Date.now`) answers for the runs too.
 */
export declare function installSourcesForGood(): void;
/**
 * Runs `run` with the sources in `perturb` answering differently from `baseline` (a run recorded
 * with nothing perturbed) and the others answering exactly as they did in it, so that two runs
 * differ only by what is perturbed. Without a baseline nothing is replaced: the run is recorded.
 */
export declare function withSources<T>(appDir: string, perturb: ReadonlySet<PerturbSource>, baseline: Recording | undefined, run: () => Promise<T>): Promise<{
    value: T;
    recording: Recording;
}>;
/** How a source is named in messages. */
export declare function sourceName(source: PerturbSource): string;
/** Every action in the order the SDK produced them, compound children after their parent. */
export declare function flattenActions(actions: unknown[][]): SdkAction[];
/**
 * The perturbed replay of a history whose recorded steps matched: the orchestrator again with
 * the sources answering otherwise. A difference is told with its cause (each source alone,
 * checked by a run of its own) and every place the user's code read it; a difference between two
 * runs with nothing perturbed is something that changes between runs that the replay cannot hold
 * still (module state, I/O, a package that draws random ids ahead).
 */
export declare function perturbedDivergence(appDir: string, invoke: () => Promise<InvocationOutcome>, first: InvocationOutcome, baseline: Recording): Promise<Divergence | undefined>;
/**
 * For a history the new code diverges from: does the code schedule differently from one run to
 * the next with the same history? Then the divergence may come from that rather than from a
 * change; said, with where the code reads the clock, randomness or the environment.
 */
export declare function unsteadyRuns(appDir: string, invoke: () => Promise<InvocationOutcome>, first: InvocationOutcome, baseline: Recording): Promise<string | undefined>;
