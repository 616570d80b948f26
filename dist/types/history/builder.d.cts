/**
 * Builds histories in code, shaped as DurableTask.Core records them: episodes open with
 * OrchestratorStarted and close with OrchestratorCompleted; scheduling events take sequence ids
 * from one counter; completions refer to them. Public (`import { HistoryBuilder } from
 * 'durable-gate'`): write the histories of the instances a change must not break, without access
 * to production. Record the calls in the order the orchestrator makes them; see
 * docs/history-format.md.
 *
 *   const b = new HistoryBuilder({ instanceId: 'order-1', name: 'ProcessOrder', input: { orderId: 'order-1' } });
 *   const validate = b.activity('ValidateOrder', { orderId: 'order-1' }); // episode 1 schedules it
 *   b.episode().completed(validate, { ok: true });                        // episode 2: its result
 *   b.activity('ReserveItem');                                            // ... and the next call
 *   writeFileSync('histories/order-1.json', JSON.stringify(b.idle().toFile()));
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
    /**
     * The code calls an activity (TaskScheduled): returns its sequence id, for completed() or
     * failed(). With `input`, the input is recorded as a JavaScript app's call reaches the Azure
     * Storage provider: in an array of one ("[input]"), a string encoded once more as durable-functions
     * sends it; a replay compares it with the new code's (input drift). Without it nothing is
     * recorded and nothing compared.
     */
    activity(name: string, input?: unknown): number;
    /** The activity with this sequence id returned `result` (TaskCompleted). */
    completed(id: number, result: unknown): this;
    /** The activity with this sequence id threw (TaskFailed). */
    failed(id: number, reason: string, details?: string): this;
    /** The code creates a durable timer (TimerCreated): returns its sequence id, for fired(). */
    timer(fireAt: Date): number;
    /** The timer with this sequence id fired (TimerFired). */
    fired(id: number, fireAt: Date): this;
    /** The code starts a sub-orchestration (SubOrchestrationInstanceCreated): returns its sequence id. */
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
    /** An external event arrived (EventRaised), for waitForExternalEvent. */
    raised(name: string, input?: unknown): this;
    /** The orchestration returned `result` (ExecutionCompleted, Completed): a finished instance. */
    completeExecution(result: unknown): this;
    /** DurableTask.Core's ContinueAsNewEvent: an ExecutionCompleted of its own event type, status ContinuedAsNew. */
    continueAsNew(input: unknown): this;
    /** The events so far, as an array (a copy). */
    build(): HistoryEvent[];
    /** A durable-gate history file (docs/history-format.md) holding the events so far. */
    toFile(meta?: {
        taskHub?: string;
        runtimeStatus?: string;
        recordedAt?: string;
    }): HistoryFile;
}
/**
 * An activity's input as a JavaScript app's call reaches the Azure Storage provider's
 * TaskScheduled.Input: in an array of one, a string encoded once more as durable-functions sends it
 * (docs/runtime-rules.md §17).
 */
export declare function providerActivityInput(input: unknown): string;
/** Deterministic ids (32 hex digits): the same builder calls give the same history. */
export declare function deterministicHexId(seed: string): string;
