/**
 * DurableTask.Core history events as the runtime serializes them (Newtonsoft, PascalCase,
 * numeric EventType; the numbers are listed with their source in docs/runtime-rules.md §8).
 */
export enum EventType {
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
  ExecutionRewound = 21,
}

export type EventTypeName = keyof typeof EventType;

const NAMES = new Map<string, EventType>(
  Object.entries(EventType)
    .filter((entry): entry is [string, EventType] => typeof entry[1] === 'number')
    .map(([name, value]) => [name.toLowerCase(), value]),
);

/** The event type for a name as the History table stores it ("TaskScheduled"), any letter case. */
export function eventTypeFromName(name: string): EventType | undefined {
  return NAMES.get(name.toLowerCase());
}

export function eventTypeName(type: number): string {
  return EventType[type] ?? `EventType ${type}`;
}

export function isKnownEventType(type: unknown): type is EventType {
  return typeof type === 'number' && Number.isInteger(type) && EventType[type] !== undefined;
}

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
  ParentInstance?: { Name?: string; OrchestrationInstance?: OrchestrationInstanceRef } | null;
  OrchestrationStatus?: number | string;
  Reason?: string;
  Details?: string;
  [field: string]: unknown;
}

/**
 * DurableTask.Core's OrchestrationStatus (docs/runtime-rules.md §9): ExecutionCompleted carries it,
 * as its number in serialized events and as its name in History table rows.
 */
export enum OrchestrationStatus {
  Running = 0,
  Completed = 1,
  ContinuedAsNew = 2,
  Failed = 3,
  Canceled = 4,
  Terminated = 5,
  Pending = 6,
  Suspended = 7,
}

/** The status an ExecutionCompleted event carries, by name; undefined when it is not one. */
export function orchestrationStatusName(value: unknown): keyof typeof OrchestrationStatus | undefined {
  if (typeof value === 'number') return OrchestrationStatus[value] as keyof typeof OrchestrationStatus | undefined;
  if (typeof value !== 'string') return undefined;
  const name = Object.keys(OrchestrationStatus).find((key) => key.toLowerCase() === value.toLowerCase() && Number.isNaN(Number(key)));
  return name as keyof typeof OrchestrationStatus | undefined;
}

/** What `record` writes and `replay` reads first (design.md, "History file"). */
export const HISTORY_SCHEMA = 'durable-gate.history/v1';

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
