import { type ReplayResult, type ReplaySummary } from './result.cjs';
export declare class ResultStore implements Iterable<ReplayResult> {
    private readonly inMemory;
    readonly summary: ReplaySummary;
    /** The results that are not plain ok (broken, unreadable, ok with warnings), in order. */
    readonly problems: ReplayResult[];
    private held;
    private spool;
    private disposed;
    constructor(inMemory?: number);
    add(results: readonly ReplayResult[]): void;
    private write;
    [Symbol.iterator](): Iterator<ReplayResult>;
    /** Every result in memory: for callers that asked for an array (the library's runReplay). */
    toArray(): ReplayResult[];
    dispose(): void;
    private readonly removeSpool;
}
