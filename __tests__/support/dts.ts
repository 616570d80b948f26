/**
 * The Durable Task Scheduler's side of tests: a history event written in the form its
 * StreamInstanceHistory sends (as @grpc/proto-loader decodes it), from a DurableTask.Core event
 * the example's builders write.
 */
import { EventType, type HistoryEvent } from '../../harness/history/events.js';
import type { DtsHistoryEvent } from '../../src/taskhub/dts-history.js';

export const time = (iso: string) => {
  const ms = Date.parse(iso);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
};
const wrap = (value: unknown) => (typeof value === 'string' ? { value } : undefined);

/** A Core event in the scheduler's form (what StreamInstanceHistory sends for it), for the cases the example uses. */
export function toDts(e: HistoryEvent): DtsHistoryEvent {
  const r = e as unknown as Record<string, unknown>;
  const head = { eventId: e.EventId, timestamp: time(e.Timestamp) };
  switch (e.EventType) {
    case EventType.ExecutionStarted: {
      const instance = r.OrchestrationInstance as { InstanceId: string; ExecutionId: string };
      return {
        ...head,
        eventType: 'executionStarted',
        executionStarted: {
          name: r.Name,
          version: wrap(r.Version),
          input: wrap(r.Input),
          orchestrationInstance: { instanceId: instance.InstanceId, executionId: wrap(instance.ExecutionId) },
        },
      };
    }
    case EventType.TaskScheduled:
      return { ...head, eventType: 'taskScheduled', taskScheduled: { name: r.Name, version: wrap(r.Version), input: wrap(r.Input) } };
    case EventType.TaskCompleted:
      return { ...head, eventType: 'taskCompleted', taskCompleted: { taskScheduledId: r.TaskScheduledId, result: wrap(r.Result) } };
    case EventType.TaskFailed:
      return {
        ...head,
        eventType: 'taskFailed',
        taskFailed: { taskScheduledId: r.TaskScheduledId, failureDetails: { errorType: 'Error', errorMessage: r.Reason, stackTrace: wrap(r.Details) } },
      };
    case EventType.TimerCreated:
      return { ...head, eventType: 'timerCreated', timerCreated: { fireAt: time(r.FireAt as string) } };
    case EventType.TimerFired:
      return { ...head, eventType: 'timerFired', timerFired: { fireAt: time(r.FireAt as string), timerId: r.TimerId } };
    case EventType.OrchestratorStarted:
      return { ...head, eventType: 'orchestratorStarted', orchestratorStarted: {} };
    case EventType.OrchestratorCompleted:
      return { ...head, eventType: 'orchestratorCompleted', orchestratorCompleted: {} };
    case EventType.EventSent:
      return { ...head, eventType: 'eventSent', eventSent: { instanceId: r.InstanceId, name: r.Name, input: wrap(r.Input) } };
    case EventType.EventRaised:
      return { ...head, eventType: 'eventRaised', eventRaised: { name: r.Name, input: wrap(r.Input) } };
    case EventType.SubOrchestrationInstanceCreated:
      return {
        ...head,
        eventType: 'subOrchestrationInstanceCreated',
        subOrchestrationInstanceCreated: { instanceId: r.InstanceId, name: r.Name, input: wrap(r.Input) },
      };
    case EventType.SubOrchestrationInstanceCompleted:
      return {
        ...head,
        eventType: 'subOrchestrationInstanceCompleted',
        subOrchestrationInstanceCompleted: { taskScheduledId: r.TaskScheduledId, result: wrap(r.Result) },
      };
    case EventType.ExecutionCompleted:
    case EventType.ExecutionFailed:
    case EventType.ExecutionTerminated:
    case EventType.SubOrchestrationInstanceFailed:
    case EventType.ContinueAsNew:
    case EventType.GenericEvent:
    case EventType.HistoryState:
    case EventType.ExecutionSuspended:
    case EventType.ExecutionResumed:
    case EventType.ExecutionRewound:
      throw new Error(`no scheduler form written for ${e.EventType} in this test (the cases below convert them one by one)`);
  }
}
