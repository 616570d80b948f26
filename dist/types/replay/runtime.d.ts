/**
 * A model of what production does with the actions a JavaScript orchestrator returns: the
 * extension's OutOfProcOrchestrationShim feeds them to DurableTask.Core one at a time (awaiting
 * each before the next), while DurableTask.Core's TaskOrchestrationExecutor walks the history in
 * order and checks every recorded scheduling event against the actions registered so far, by
 * sequence id. Continuations run inline (SynchronousTaskScheduler), so a completion event resumes
 * the shim before the next event is processed. See docs/runtime-rules.md for each rule's source.
 */
import { type HistoryEvent } from '../history/events.js';
import { type RoundTripZone } from '../history/request-ids.js';
import { type SdkAction } from './actions.js';
import { type DtfxActionClass, type MismatchCase } from './messages.js';
/**
 * What the extension puts in the scheduling event of new work beyond its class and name: a
 * timer's time (a piece of a long timer, a retry's delay, callHttp's polling interval), an entity
 * request's id, the entity a release frees. The local runtime (harness/testing/) writes these.
 */
export interface NewWorkDetail {
    /** CreateTimerOrchestratorAction: when it fires (ms since the epoch). */
    fireAt?: number;
    /** An entity call, signal or lock request: the id NewGuid gives it (its response is the EventRaised named so), made when asked. */
    requestId?: () => string | undefined;
    /** A release: the entity it frees ("@name@key"). */
    target?: string;
    /** A lock request: the entities locked, sorted. */
    lockSet?: string[];
    /** callHttp's polling call: the Location it polls (a GET). */
    pollLocation?: string;
}
export interface NewWork {
    id: number;
    cls: DtfxActionClass;
    name: string;
    source: SdkAction;
    detail?: NewWorkDetail;
}
export interface Mismatch {
    sequenceId: number;
    eventIndex: number;
    event: HistoryEvent;
    mismatch: MismatchCase;
    /** The JS action registered at that id, if any. */
    action?: SdkAction;
    /** The full text production records as the instance's output. */
    message: string;
}
/** An entity call or lock whose response the extension waits for under an id the history never used. */
export interface StrandedResponse {
    sequenceId: number;
    eventIndex: number;
    event: HistoryEvent;
    action: SdkAction;
    /** The request id the history's EventSent carries: the entity answers under this one. */
    recordedId: string;
    /** The id the extension gives the request in this replay, and waits for. */
    requestId: string;
    /** The recorded request is a signal: the entity sends no answer at all. */
    recordedSignal: boolean;
}
export interface FunctionUse {
    name: string;
    kind: 'activity' | 'orchestrator' | 'entity';
    action: SdkAction;
}
export interface RuntimeOutcome {
    mismatch?: Mismatch;
    warnings: string[];
    /** The shim fed every action to the runtime and each one's task completed. */
    shimFinished: boolean;
    /** Actions registered past the recorded history: the new work the next episode schedules. */
    newWork: NewWork[];
    /** Every function the replay asks the runtime to call, to check against the new app. */
    uses: FunctionUse[];
    /** Calls the extension refused before taking an id (it drops them: the code waits for ever). */
    refusals: {
        action: SdkAction;
        reason: string;
    }[];
    /** Warnings for the report that are not the runtime's log lines. */
    notes: string[];
    /**
     * The code waits, at the end of the history, on an entity response that can never come (the
     * extension regenerates request ids, and this one differs from the recorded one): the instance
     * stays Running for ever, with no error.
     */
    stranded?: StrandedResponse;
    /** The history leaves the instance suspended: the held events were judged as if it resumed at the last episode. */
    suspended: boolean;
    /**
     * Tasks still open at the end (a Task.any's losers the code did not cancel): DurableTask.Core
     * completes an orchestration only when none is left (TaskOrchestrationExecutor, HasOpenTasks).
     */
    openTasks: number;
    /** Activity and sub-orchestration calls that matched their recorded event: their inputs are compared by the engine. */
    matched: {
        sequenceId: number;
        event: HistoryEvent;
        action: SdkAction;
    }[];
}
export interface RuntimeOptions {
    maximumShortTimerMs: number;
    longTimerIntervalMs: number;
    /** callHttp's wait between polls when a 202 carries no Retry-After (defaultHttpAsyncRequestSleepTimeMillseconds). */
    httpPollingIntervalMs: number;
    /** Is a function of this kind registered in the new app? Unregistered calls take no id. */
    exists(name: string, kind: FunctionUse['kind']): boolean;
    /** The instance and its parent, for the extension's checks of sub-orchestration ids. */
    instanceId?: string;
    parentInstanceId?: string;
    /**
     * Each event's Timestamp as recorded, by index: the SDK turns the payload's Timestamps into
     * Dates (milliseconds), and entity request ids are made from all seven fraction digits.
     */
    recordedTimestamps?: readonly unknown[];
    /**
     * How episode times are printed into new request ids when the history does not show it (the
     * local runtime, which writes its own histories: 'Z', as a UTC DateTime prints). Unset, a replay
     * trusts recorded ids it cannot reproduce.
     */
    requestIdZone?: RoundTripZone;
    /**
     * A history that leaves the instance suspended keeps its held events held (the local runtime:
     * nothing is scheduled until it is resumed). Unset, a replay judges them as if it resumed.
     */
    holdWhileSuspended?: boolean;
}
export declare const DEFAULT_RUNTIME_OPTIONS: Omit<RuntimeOptions, 'exists'>;
/** Run the model over one history with the action list the SDK returned. */
export declare function simulate(events: readonly HistoryEvent[], actions: unknown[][], schemaVersion: number, options: RuntimeOptions): RuntimeOutcome;
/** What the extension throws at the orchestrator's answer before it replays any action. */
export interface StateRejection {
    /** The exception's message: production records "Orchestrator function '<name>' failed: <message>". */
    message: string;
    /** Why, for the report. */
    reason: string;
    /** The action that carries the bad value, when one does. */
    action?: SdkAction;
}
/**
 * OutOfProcOrchestrationShim.ScheduleDurableTaskEvents reads the whole answer first
 * (RetryOptionsConverter reads each retry field as a 32-bit int: a larger value is an
 * OverflowException), then sets the custom status (MessagePayloadDataConverter: at most 16 KB in
 * UTF-16), and only then replays the actions. Either exception fails the orchestration with no
 * action taken (docs/runtime-rules.md §13).
 */
export declare function stateRejection(state: {
    actions: unknown[][];
    customStatus?: unknown;
}): StateRejection | undefined;
