/**
 * Builds histories in code, shaped as DurableTask.Core records them: episodes open with
 * OrchestratorStarted and close with OrchestratorCompleted; scheduling events take sequence ids
 * from one counter; completions refer to them. For tests, examples and the bench.
 */
import { type HistoryEvent, type HistoryFile } from './events.cjs';
export interface BuilderOptions {
    instanceId: string;
    name: string;
    input?: unknown;
    version?: string;
    executionId?: string;
    parentInstanceId?: string;
    /** Time of the first episode. */
    start?: Date;
    /**
     * Four more fraction digits for every Timestamp ("2026-11-02T08:00:00.1234567Z"), as the History
     * table holds them (DateTime ticks); without them Timestamps have milliseconds only.
     */
    ticks?: string;
}
export declare class HistoryBuilder {
    readonly events: HistoryEvent[];
    private nextId;
    private now;
    private inEpisode;
    /** Request ids taken so far, and the current episode's start: the extension's NewGuid inputs. */
    private guidCounter;
    private episodeStart;
    private readonly ticks;
    readonly instanceId: string;
    readonly executionId: string;
    readonly name: string;
    readonly version: string;
    constructor(options: BuilderOptions);
    private push;
    private beginEpisode;
    /** Close the current episode and open the next one `afterMs` later (a new message arrived). */
    episode(afterMs?: number): this;
    /** Close the last episode (an instance waiting for its next message). */
    idle(): this;
    get currentTime(): Date;
    activity(name: string): number;
    completed(id: number, result: unknown): this;
    failed(id: number, reason: string, details?: string): this;
    timer(fireAt: Date): number;
    fired(id: number, fireAt: Date): this;
    subOrchestration(name: string, instanceId: string, input?: unknown): number;
    subCompleted(id: number, result: unknown): this;
    subFailed(id: number, reason: string, details?: string): this;
    /** An entity operation sent as event "op" (a call when `signal` is false). Returns its id and request id. */
    entityOperation(entity: {
        name: string;
        key: string;
    }, operation: string, input?: unknown, signal?: boolean): {
        id: number;
        requestId: string;
    };
    /** Any EventSent (entity lock requests, releases, raw events to other instances). */
    eventSent(targetInstanceId: string, name: string, input?: unknown): number;
    /** A lock request for a critical section: sent as "op" to the first entity, sorted. */
    lockRequest(entities: {
        name: string;
        key: string;
    }[]): {
        id: number;
        requestId: string;
    };
    /** The id the extension gives the next entity request sent in this episode. */
    private newRequestId;
    /** ExecutionSuspended: the runtime holds later events until ExecutionResumed. */
    suspend(reason?: string): this;
    resume(reason?: string): this;
    /** The entity's answer to a call: an EventRaised named after the request id. */
    entityResponse(requestId: string, result: unknown): this;
    raised(name: string, input?: unknown): this;
    completeExecution(result: unknown): this;
    /** DurableTask.Core's ContinueAsNewEvent: an ExecutionCompleted of its own event type, status ContinuedAsNew. */
    continueAsNew(input: unknown): this;
    build(): HistoryEvent[];
    toFile(meta?: {
        taskHub?: string;
        runtimeStatus?: string;
        recordedAt?: string;
    }): HistoryFile;
}
