/**
 * DurableTask.Core history events as the runtime serializes them (Newtonsoft, PascalCase,
 * numeric EventType; the numbers are listed with their source in docs/runtime-rules.md §8).
 */
export declare enum EventType {
    ExecutionStarted = 0,
    ExecutionCompleted = 1,
    ExecutionFailed = 2,
    ExecutionTerminated = 3,
    TaskScheduled = 4,
    TaskCompleted = 5,
    TaskFailed = 6,
    SubOrchestrationInstanceCreated = 7,
    SubOrchestrationInstanceCompleted = 8,
    SubOrchestrationInstanceFailed = 9,
    TimerCreated = 10,
    TimerFired = 11,
    OrchestratorStarted = 12,
    OrchestratorCompleted = 13,
    EventSent = 14,
    EventRaised = 15,
    ContinueAsNew = 16,
    GenericEvent = 17,
    HistoryState = 18,
    ExecutionSuspended = 19,
    ExecutionResumed = 20,
    ExecutionRewound = 21
}
export type EventTypeName = keyof typeof EventType;
/** The event type for a name as the History table stores it ("TaskScheduled"), any letter case. */
export declare function eventTypeFromName(name: string): EventType | undefined;
export declare function eventTypeName(type: number): string;
export declare function isKnownEventType(type: unknown): type is EventType;
export interface OrchestrationInstanceRef {
    InstanceId?: string;
    ExecutionId?: string;
}
/** One history event. Only the fields the harness reads are typed; the rest pass through. */
export interface HistoryEvent {
    EventType: EventType;
    EventId: number;
    Timestamp: string;
    IsPlayed?: boolean;
    Name?: string;
    Version?: string | null;
    Input?: string | null;
    Result?: string | null;
    TaskScheduledId?: number;
    TimerId?: number;
    FireAt?: string;
    InstanceId?: string;
    OrchestrationInstance?: OrchestrationInstanceRef;
    ParentInstance?: {
        Name?: string;
        OrchestrationInstance?: OrchestrationInstanceRef;
    } | null;
    OrchestrationStatus?: number | string;
    Reason?: string;
    Details?: string;
    [field: string]: unknown;
}
/**
 * DurableTask.Core's OrchestrationStatus (docs/runtime-rules.md §9): ExecutionCompleted carries it,
 * as its number in serialized events and as its name in History table rows.
 */
export declare enum OrchestrationStatus {
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7
}
/** The status an ExecutionCompleted event carries, by name; undefined when it is not one. */
export declare function orchestrationStatusName(value: unknown): keyof typeof OrchestrationStatus | undefined;
/** What `record` writes and `replay` reads first (design.md, "History file"). */
export declare const HISTORY_SCHEMA = "durable-gate.history/v1";
export interface HistoryFile {
    schema: typeof HISTORY_SCHEMA;
    taskHub?: string;
    instanceId: string;
    executionId?: string;
    name: string;
    version?: string;
    runtimeStatus?: string;
    recordedAt?: string;
    history: HistoryEvent[];
}
