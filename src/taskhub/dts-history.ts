/**
 * A Durable Task Scheduler history (protobuf HistoryEvents from StreamInstanceHistory, as
 * @grpc/proto-loader decodes them with keepCase, oneofs and longs as strings) turned into the
 * DurableTask.Core events the history file holds, as the scheduler's .NET client converts them
 * (microsoft/durabletask-dotnet src/Shared/Grpc/ProtoUtils.cs ConvertHistoryEvent; entity events
 * in src/Shared/Grpc/EntityConversions.cs, back to the EventSent/EventRaised JSON durable-functions
 * reads). docs/durable-task-scheduler.md lists the points where the two forms differ.
 */
import { EventType, type HistoryEvent } from '../../harness/history/events.js';

/** google.protobuf.StringValue: absent is null. */
type Wrapped = { value?: string } | null | undefined;
/** google.protobuf.Timestamp, seconds as a decimal string (longs: String). */
type Time = { seconds?: string | number; nanos?: number } | null | undefined;

interface FailureDetails {
  errorType?: string;
  errorMessage?: string;
  stackTrace?: Wrapped;
  innerFailure?: FailureDetails | null;
  isNonRetriable?: boolean;
}

interface Instance {
  instanceId?: string;
  executionId?: Wrapped;
}

/** A decoded HistoryEvent: its id, time, and the one case it holds (named by `eventType`). */
export interface DtsHistoryEvent {
  eventId?: number;
  timestamp?: Time;
  eventType?: string;
  [eventCase: string]: unknown;
}

/** A failure the history cannot be read past. */
export class DtsHistoryError extends Error {}

/** A Timestamp as the runtime writes times: ISO 8601 in UTC with seven fraction digits (100 ns ticks). */
export function isoTime(time: Time): string | null {
  if (!time || time.seconds === undefined) return null;
  const seconds = Number(time.seconds);
  const nanos = time.nanos ?? 0;
  // The events of an episode share their second: its text is made once.
  if (seconds !== lastSecond) {
    lastSecond = seconds;
    lastSecondText = new Date(seconds * 1000).toISOString().slice(0, 19);
  }
  return `${lastSecondText}.${String(Math.floor(nanos / 100)).padStart(7, '0')}Z`;
}

let lastSecond = Number.NaN;
let lastSecondText = '';

const text = (wrapped: Wrapped): string | null => (wrapped && typeof wrapped.value === 'string' ? wrapped.value : null);

function failure(details: FailureDetails | null | undefined): Record<string, unknown> | null {
  if (!details) return null;
  return {
    ErrorType: details.errorType ?? '',
    ErrorMessage: details.errorMessage ?? '',
    StackTrace: text(details.stackTrace),
    InnerFailure: failure(details.innerFailure),
    IsNonRetriable: details.isNonRetriable === true,
  };
}

/** The scheduler keeps a failure's details only: Reason and Details (what durable-functions reads) come from them. */
function failed(details: FailureDetails | null | undefined): Record<string, unknown> {
  return { Reason: details?.errorMessage ?? null, Details: text(details?.stackTrace), FailureDetails: failure(details) };
}

function instance(value: Instance | null | undefined): Record<string, unknown> | null {
  return value ? { InstanceId: value.instanceId ?? '', ExecutionId: text(value.executionId) } : null;
}

/** "@name@key" as the entity's id in the legacy JSON ({ name, key }). */
function entityId(schedulerId: string): { name: string; key: string } {
  const match = /^@([^@]*)@(.*)$/.exec(schedulerId);
  return match ? { name: match[1]!, key: match[2]! } : { name: schedulerId, key: '' };
}

/** What a conversion needs from the events before: the orchestration's own instance, for entity calls. */
interface Conversion {
  instanceId?: string;
  executionId?: string | null;
}

/** One event; entity cases become the EventSent/EventRaised the extension's older form writes. */
export function fromDtsEvent(event: DtsHistoryEvent, state: Conversion = {}): HistoryEvent {
  const kind = event.eventType;
  if (!kind) throw new DtsHistoryError(`event ${event.eventId ?? '?'} has no event type`);
  const body = (event[kind] ?? {}) as Record<string, unknown>;
  const head = { EventId: typeof event.eventId === 'number' ? event.eventId : -1, Timestamp: isoTime(event.timestamp) ?? '' };
  const str = (key: string): string => (typeof body[key] === 'string' ? body[key] : '');
  const wrapped = (key: string): string | null => text(body[key] as Wrapped);
  const num = (key: string): number => (typeof body[key] === 'number' ? body[key] : Number(body[key] ?? 0));
  const make = (type: EventType, fields: Record<string, unknown>): HistoryEvent => ({ ...head, EventType: type, ...fields });
  switch (kind) {
    case 'executionStarted': {
      const started = body as {
        orchestrationInstance?: Instance;
        parentInstance?: { taskScheduledId?: number; name?: Wrapped; version?: Wrapped; orchestrationInstance?: Instance } | null;
      };
      state.instanceId = started.orchestrationInstance?.instanceId;
      state.executionId = text(started.orchestrationInstance?.executionId);
      const parent = started.parentInstance;
      return make(EventType.ExecutionStarted, {
        Name: str('name'),
        Version: wrapped('version'),
        Input: wrapped('input'),
        OrchestrationInstance: instance(started.orchestrationInstance),
        // DurableTask.Core spells the parent's field TaskScheduleId.
        ParentInstance: parent
          ? {
              Name: text(parent.name),
              Version: text(parent.version),
              OrchestrationInstance: instance(parent.orchestrationInstance),
              TaskScheduleId: parent.taskScheduledId ?? 0,
            }
          : null,
        ScheduledStartTime: isoTime(body.scheduledStartTimestamp as Time),
      });
    }
    case 'executionCompleted':
      return make(EventType.ExecutionCompleted, {
        OrchestrationStatus: num('orchestrationStatus'),
        Result: wrapped('result'),
        FailureDetails: failure(body.failureDetails as FailureDetails),
      });
    case 'executionTerminated':
      return make(EventType.ExecutionTerminated, { Input: wrapped('input') });
    case 'taskScheduled':
      return make(EventType.TaskScheduled, { Name: str('name'), Version: wrapped('version'), Input: wrapped('input') });
    case 'taskCompleted':
      return make(EventType.TaskCompleted, { TaskScheduledId: num('taskScheduledId'), Result: wrapped('result') });
    case 'taskFailed':
      return make(EventType.TaskFailed, { TaskScheduledId: num('taskScheduledId'), ...failed(body.failureDetails as FailureDetails) });
    case 'subOrchestrationInstanceCreated':
      return make(EventType.SubOrchestrationInstanceCreated, {
        InstanceId: str('instanceId'),
        Name: str('name'),
        Version: wrapped('version'),
        Input: wrapped('input'),
      });
    case 'subOrchestrationInstanceCompleted':
      return make(EventType.SubOrchestrationInstanceCompleted, { TaskScheduledId: num('taskScheduledId'), Result: wrapped('result') });
    case 'subOrchestrationInstanceFailed':
      return make(EventType.SubOrchestrationInstanceFailed, { TaskScheduledId: num('taskScheduledId'), ...failed(body.failureDetails as FailureDetails) });
    case 'timerCreated':
      return make(EventType.TimerCreated, { FireAt: isoTime(body.fireAt as Time) });
    case 'timerFired':
      // ProtoUtils gives TimerFired the id -1, as DurableTask.Core's TimerFiredEvent has.
      return { ...make(EventType.TimerFired, { FireAt: isoTime(body.fireAt as Time), TimerId: num('timerId') }), EventId: -1 };
    case 'orchestratorStarted':
      return make(EventType.OrchestratorStarted, {});
    case 'orchestratorCompleted':
      return make(EventType.OrchestratorCompleted, {});
    case 'eventSent':
      return make(EventType.EventSent, { InstanceId: str('instanceId'), Name: str('name'), Input: wrapped('input') });
    case 'eventRaised':
      return make(EventType.EventRaised, { Name: str('name'), Input: wrapped('input') });
    case 'genericEvent':
      return make(EventType.GenericEvent, { Data: wrapped('data') });
    case 'continueAsNew':
      // ContinueAsNewEvent derives from ExecutionCompletedEvent: the new input is its Result.
      return make(EventType.ContinueAsNew, { Result: wrapped('input'), OrchestrationStatus: 2 });
    case 'executionSuspended':
      return make(EventType.ExecutionSuspended, { Reason: wrapped('input') });
    case 'executionResumed':
      return make(EventType.ExecutionResumed, { Reason: wrapped('input') });
    case 'executionRewound':
      return make(EventType.ExecutionRewound, { Reason: wrapped('reason') });
    case 'entityOperationSignaled':
    case 'entityOperationCalled': {
      const signal = kind === 'entityOperationSignaled';
      const scheduled = isoTime(body.scheduledTime as Time);
      // RequestMessage.input and ResponseMessage.result are JSON text inside the JSON (EntityConversions.cs): durable-functions parses them.
      const input = wrapped('input');
      const request = {
        op: str('operation'),
        ...(signal ? { signal: true } : {}),
        ...(input !== null ? { input } : {}),
        id: str('requestId'),
        ...(signal
          ? {}
          : { parent: wrapped('parentInstanceId') ?? state.instanceId ?? null, parentExecution: wrapped('parentExecutionId') ?? state.executionId ?? null }),
        ...(scheduled ? { due: scheduled } : {}),
      };
      return make(EventType.EventSent, {
        InstanceId: wrapped('targetInstanceId') ?? '',
        Name: scheduled ? `op@${scheduled}` : 'op',
        Input: JSON.stringify(request),
      });
    }
    case 'entityOperationCompleted':
      return make(EventType.EventRaised, { Name: str('requestId'), Input: JSON.stringify({ result: wrapped('output') }) });
    case 'entityOperationFailed': {
      const details = body.failureDetails as FailureDetails | undefined;
      return make(EventType.EventRaised, {
        Name: str('requestId'),
        Input: JSON.stringify({ result: details?.errorMessage ?? null, exceptionType: details?.errorType ?? null, failureDetails: failure(details) }),
      });
    }
    case 'entityLockRequested': {
      const lockSet = Array.isArray(body.lockSet) ? (body.lockSet as string[]) : [];
      const position = num('position');
      return make(EventType.EventSent, {
        InstanceId: lockSet[position] ?? '',
        Name: 'op',
        Input: JSON.stringify({
          op: null,
          id: str('criticalSectionId'),
          parent: wrapped('parentInstanceId') ?? state.instanceId ?? null,
          lockset: lockSet.map(entityId),
          pos: position,
        }),
      });
    }
    case 'entityLockGranted':
      return make(EventType.EventRaised, { Name: str('criticalSectionId'), Input: JSON.stringify({ result: 'Lock Acquisition Completed' }) });
    case 'entityUnlockSent':
      return make(EventType.EventSent, {
        InstanceId: wrapped('targetInstanceId') ?? '',
        Name: 'release',
        Input: JSON.stringify({ parent: wrapped('parentInstanceId') ?? state.instanceId ?? null, id: str('criticalSectionId') }),
      });
    case 'historyState':
      return make(EventType.HistoryState, {});
    default:
      throw new DtsHistoryError(
        `event ${head.EventId} has the event type ${kind}, which this version of durable-gate does not know: update durable-gate, or record this instance again later.`,
      );
  }
}

/** A whole history, in order (the chunks of StreamInstanceHistory concatenated). */
export function fromDtsHistory(events: readonly DtsHistoryEvent[]): HistoryEvent[] {
  const state: Conversion = {};
  return events.map((event) => fromDtsEvent(event, state));
}
