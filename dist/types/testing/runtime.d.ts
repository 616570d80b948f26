/**
 * A local Durable runtime for tests: runs an app's orchestrators through its own durable-functions
 * SDK (in the replay worker), completes what they schedule (activities, timers, sub-orchestrations,
 * entities, callHttp, events) and writes the history the Durable Task runtime would write.
 *
 * It is the replay model driven forward. Each episode appends the new messages to the history,
 * invokes the orchestrator as the extension does, and hands the actions it returns to the same
 * model of DurableTask.Core and the extension that judges replays (replay/runtime.ts): what that
 * model registers past the history is the new work the runtime schedules, with the sequence ids,
 * timer times and entity request ids production would give it. So every history it writes replays
 * ok against the same code, by construction and by test.
 *
 * Time is virtual: timers fire when the test advances the clock, or, in run(), when nothing else
 * can happen. Each episode of an instance starts at least 1 ms after its previous one, as real
 * episodes never share a time (entity request ids are made from it).
 */
import type { ReplayApp } from '../app/host.js';
import { type LoadAppOptions } from '../app/host.js';
import { type HistoryEvent, type HistoryFile } from '../history/events.js';
import { type ReplaySchemaName } from '../replay/payload.js';
/** What an activity mock gets besides its input. */
export interface ActivityCall {
    instanceId: string;
    orchestrator: string;
    /** The sequence id the runtime gave the call. */
    sequenceId: number;
    /** The virtual time it runs at. */
    now: Date;
}
/** Completes an activity: its return value is the result; throwing makes the activity fail. */
export type ActivityMock = (input: any, call: ActivityCall) => unknown;
/** A sub-orchestration answered without running it: its return value is the result; throwing fails it. */
export type SubOrchestrationMock = (input: any, call: {
    instanceId: string;
    parentInstanceId: string;
}) => unknown;
/** One entity operation answered by the test: return the new state (absent: unchanged) and the result. */
export type EntityMock = (operation: {
    key: string;
    operation: string;
    input: any;
    state: any;
}) => {
    state?: unknown;
    result?: unknown;
} | void | Promise<{
    state?: unknown;
    result?: unknown;
} | void>;
/** A callHttp request as the orchestrator made it (DurableHttpRequest). */
export interface HttpRequestInfo {
    method: string;
    uri: string;
    headers?: Record<string, string>;
    content?: string;
    /** True for the polls that follow a 202 (a GET of its Location). */
    poll: boolean;
}
export interface HttpAnswer {
    statusCode: number;
    headers?: Record<string, string>;
    content?: string;
}
export interface LocalRuntimeOptions extends Pick<LoadAppOptions, 'allowStaleBuild' | 'historyTimeoutMs' | 'memoryLimitMb' | 'userOutput'> {
    /** The function app's folder, built, as replay takes it. */
    app: string;
    /** Activity results by activity name (any letter case). */
    activities?: Record<string, ActivityMock>;
    /** Run the app's own activity code: for every activity without a mock (true), or for these names. */
    appActivities?: boolean | string[];
    /** Sub-orchestrations answered by the test instead of run from the app. */
    subOrchestrations?: Record<string, SubOrchestrationMock>;
    /** Entities answered by the test instead of the app's own entity functions, by entity name. */
    entities?: Record<string, EntityMock>;
    /** Answers callHttp requests (and their 202 polls). */
    http?: (request: HttpRequestInfo) => HttpAnswer | Promise<HttpAnswer>;
    /** Where the virtual clock starts. Default 2026-01-01T00:00:00Z. */
    startTime?: Date | string;
    /** The replay schema the host advertises (V4 for context.df.lock()). Default V3, as the replay's. */
    schema?: ReplaySchemaName;
    /** Task hub name written into history files. Default TestHubName. */
    taskHub?: string;
    /** Episodes one run() may take before it stops with an error (an eternal orchestration). Default 10,000. */
    maxEpisodes?: number;
    /**
     * Write activity and sub-orchestration inputs into TaskScheduled and SubOrchestrationInstanceCreated,
     * as the extension does only with host.json storeInputsInOrchestrationHistory: true. Default: the
     * app's host.json (false when absent, so Input is null, as in production by default).
     */
    storeInputs?: boolean;
}
export type InstanceStatus = 'Pending' | 'Running' | 'Suspended' | 'Completed' | 'Failed' | 'Terminated';
/** An error of the test set-up (a missing mock, an unknown orchestrator), not of the code under test. */
export declare class LocalRuntimeError extends Error {
    name: string;
}
interface Message {
    at: number;
    /** When it was sent: its Timestamp (a TimerFired keeps the time its timer was created). */
    sent: number;
    seq: number;
    /** The first message of a generation started by continueAsNew: it runs in the work item that ended the last one. */
    continued?: boolean;
    target: string;
    event: Omit<HistoryEvent, 'Timestamp' | 'EventId'> & {
        EventId?: number;
    };
}
export declare class LocalRuntime {
    readonly app: ReplayApp;
    private readonly options;
    /** close() closes the app: false when the app is shared (runs of check's scenarios over one loaded app). */
    private readonly ownsApp;
    private clock;
    private seq;
    private messages;
    private readonly instances;
    private readonly entities;
    private episodesRun;
    private readonly storeInputs;
    private constructor();
    /** Loads the app (in a worker process of its own) and starts the clock. Call close() when done. */
    static create(options: LocalRuntimeOptions): Promise<LocalRuntime>;
    /** A runtime over an app loaded already (loadApp), which it leaves open: for many short runs. */
    static over(app: ReplayApp, options: Omit<LocalRuntimeOptions, 'app'>): LocalRuntime;
    close(): Promise<void>;
    /** The virtual time. */
    get now(): Date;
    /** Every instance started so far (sub-orchestrations included), in start order. */
    get allInstances(): TestInstance[];
    instance(instanceId: string): TestInstance | undefined;
    /** An entity's state as the runtime holds it (undefined when it has none). */
    entityState(name: string, key: string): unknown;
    /**
     * Starts an orchestration and runs it as far as it goes without the clock moving (settle()):
     * its first episodes, the activities they call, until it waits on a timer or an event, or ends.
     */
    start(name: string, options?: {
        input?: unknown;
        instanceId?: string;
    }): Promise<TestInstance>;
    /** Delivers every message due now (completions, responses, events), episode by episode, without moving the clock. */
    settle(): Promise<void>;
    /** Moves the clock forward (milliseconds, or a duration such as '90s', '72h', '10d'), firing timers in time order. */
    advance(by: number | string): Promise<void>;
    advanceTo(time: Date | number): Promise<void>;
    /**
     * Runs until nothing is left to happen: delivers what is due, and when nothing else can happen,
     * moves the clock to the next timer. Stops when no message is pending (instances ended, or
     * waiting for an event only the test can raise), or at `until`.
     */
    run(options?: {
        until?: Date | string | number;
    }): Promise<void>;
    private nextMessageTime;
    /** @internal */
    send(target: string, event: Message['event'], at?: number, continued?: boolean): void;
    private createInstance;
    private runEpisode;
    /**
     * The episode's messages go out after its history is written, also when it ended the instance
     * (a signal sent on the way out still reaches its entity); completions for an ended instance are
     * dropped when they arrive.
     */
    private dispatchAll;
    /** The instance ended (ExecutionCompleted takes the next sequence id): its last episode closes, and a parent hears of it. */
    private finish;
    private exists;
    /** The event DurableTask.Core writes for new work (docs/runtime-rules.md §2, §3, §11, §16). */
    private schedulingEvent;
    /** An entity request or release as the extension sends it (RequestMessage, ReleaseMessage). */
    private sentEvent;
    /** Runs or queues the new work of an episode. */
    private dispatch;
    private runActivity;
    private runsAppActivity;
    private runHttp;
    private runEntity;
    private runOperation;
}
export declare class TestInstance {
    private readonly runtime;
    readonly name: string;
    readonly instanceId: string;
    private readonly taskHub;
    /** @internal */
    readonly parent?: {
        instanceId: string;
        executionId: string;
        sequenceId: number;
        name: string;
    } | undefined;
    status: InstanceStatus;
    output: unknown;
    customStatus: unknown;
    /** Failed: the message production records, the code's own error and its stack; Terminated: the reason. */
    failure: {
        message: string;
        error?: string;
        stack?: string;
    } | undefined;
    /** Activities (and callHttp requests) it called, in order, with their inputs as the activity received them. */
    readonly calls: {
        activity: string;
        input: unknown;
        sequenceId: number;
        at: Date;
    }[];
    /** Calls production would drop or refuse (a function the app does not register, a retry interval too long). */
    readonly problems: string[];
    /** @internal timer-only episodes in a row, each due within a second (a fire time that moves: see CHASE_LIMIT) */
    chasing: number;
    /** @internal the current generation's events, appended in place */
    events: HistoryEvent[];
    /** @internal */
    lastEpisode: number;
    executionId: string;
    generation: number;
    /** Earlier generations, with the history's length at each episode that ended waiting. */
    private readonly earlier;
    private boundaries;
    /** @internal */
    constructor(runtime: LocalRuntime, name: string, instanceId: string, taskHub: string, 
    /** @internal */
    parent?: {
        instanceId: string;
        executionId: string;
        sequenceId: number;
        name: string;
    } | undefined);
    /** @internal */
    get ended(): boolean;
    /** The current generation's history (a copy). */
    history(): HistoryEvent[];
    /** The current generation as a durable-gate history file, as `record` writes one. */
    toFile(): HistoryFile;
    /** Earlier generations (continueAsNew), oldest first. */
    get generations(): HistoryFile[];
    /**
     * The history at every point the instance was in flight (each episode that ended with it
     * waiting), of every generation: the histories a deployment can meet. Oldest first.
     */
    inFlightHistories(): HistoryFile[];
    /** Raises an external event and delivers it (settle()). */
    raiseEvent(name: string, data?: unknown): Promise<void>;
    suspend(reason?: string): Promise<void>;
    resume(reason?: string): Promise<void>;
    terminate(reason?: string): Promise<void>;
    /** @internal an episode ended with the instance waiting */
    markBoundary(): void;
    /** @internal continueAsNew: the history so far becomes an earlier generation */
    nextGeneration(): void;
    private fileOf;
}
export {};
