/** Histories more than one test file replays. */
import { HistoryBuilder } from '../../harness/history/builder.js';
import { EventType, type HistoryEvent } from '../../harness/history/events.js';

/**
 * An activity 'A' that failed the instance, rewound in place by the Azure Storage provider
 * (Tracking/AzureTableTrackingStore.cs, RewindHistoryAsync): the failed rows become GenericEvent
 * tombstones ("Rewound: <type>", ids kept), and the next episode schedules 'A' again as id 0.
 */
export function rewoundInPlace(instanceId: string, ticks?: string): HistoryEvent[] {
  const b = new HistoryBuilder({ instanceId, name: 'Flow', ...(ticks ? { ticks } : {}) });
  const a = b.activity('A');
  b.episode().failed(a, 'boom', 'Error: boom');
  const failedRun = b.completeExecution('x').build();
  const tomb = (e: HistoryEvent): HistoryEvent => ({ ...e, EventType: EventType.GenericEvent, Reason: `Rewound: ${EventType[e.EventType]}` });
  const rewound: HistoryEvent[] = failedRun.map((e) =>
    e.EventType === EventType.TaskScheduled || e.EventType === EventType.TaskFailed || e.EventType === EventType.ExecutionCompleted
      ? tomb({ ...e, ...(e.EventType === EventType.ExecutionCompleted ? { OrchestrationStatus: 'Failed' } : {}) })
      : e,
  );
  const at = failedRun.at(-1)!.Timestamp;
  rewound.push(
    { EventType: EventType.GenericEvent, EventId: -1, Reason: 'rewind requested', Timestamp: at },
    { EventType: EventType.OrchestratorStarted, EventId: -1, Timestamp: at },
    { EventType: EventType.TaskScheduled, EventId: 0, Name: 'A', Timestamp: at },
    { EventType: EventType.OrchestratorCompleted, EventId: -1, Timestamp: at },
  );
  return rewound;
}
