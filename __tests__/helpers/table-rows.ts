/**
 * History events as DurableTask.AzureStorage writes them to the History table and the Table
 * service returns them (docs/runtime-rules.md §7; Tracking/AzureTableTrackingStore.cs,
 * TableEntityConverter.cs, KeySanitation.cs): the escaped instance id as PartitionKey, the
 * event's index as 16 upper-case hex digits for RowKey, an ExecutionId column, enums by name,
 * Timestamp as `_Timestamp`, complex values as JSON strings, and the sentinel row.
 */
import { EventType, orchestrationStatusName, type HistoryEvent } from '../../harness/history/events.js';
import { escapePartitionKey } from '../../src/taskhub/keys.js';

export function providerRows(events: readonly HistoryEvent[], instanceId: string, executionId: string): Record<string, unknown>[] {
  const partition = escapePartitionKey(instanceId);
  const rows = events.map((event, index) => {
    const row: Record<string, unknown> = { PartitionKey: partition, RowKey: index.toString(16).toUpperCase().padStart(16, '0'), ExecutionId: executionId };
    for (const [key, value] of Object.entries(event)) {
      // Table storage keeps no null properties: the provider's rows simply lack them.
      if (value === undefined || value === null) continue;
      if (key === 'Timestamp') row._Timestamp = value;
      else if (key === 'EventType') row.EventType = EventType[value as EventType];
      else if (key === 'OrchestrationStatus') row.OrchestrationStatus = orchestrationStatusName(value) ?? value;
      else if (value !== null && typeof value === 'object') row[key] = JSON.stringify(value);
      else row[key] = value;
    }
    return row;
  });
  const last = events.at(-1)?.Timestamp;
  return [...rows, { PartitionKey: partition, RowKey: 'sentinel', ExecutionId: executionId, IsCheckpointComplete: true, CheckpointCompletedTimestamp: last }];
}
