/**
 * The orchestration trigger payload the Durable Functions extension sends a JavaScript
 * orchestrator (docs/runtime-rules.md §5).
 *
 * Schema version: `upperSchemaVersion` is 1 (V2) for old SDKs; `upperSchemaVersionNew` is what
 * current SDKs read. We send 3 (V4), what current extensions send by default and what
 * `context.df.lock()` needs (durable-functions 3.5 refuses entity locks below V4). The SDK takes
 * min(what it supports, what we send), so older SDKs replay in their own latest schema.
 *
 * Timer settings are the Azure Storage provider's defaults: maximum short timer 6 days, long
 * timers split into 3-day intervals (DurableTaskOptions / AzureStorageDurabilityProvider).
 */
import { HistoryError } from '../errors.js';
import { EventType } from '../history/events.js';
import type { LoadedHistory } from '../history/load.js';

export const DEFAULT_UPPER_SCHEMA_VERSION_NEW = 3;

export interface PayloadOptions {
  upperSchemaVersionNew?: number;
  maximumShortTimerDuration?: string;
  longRunningTimerIntervalDuration?: string;
}

/**
 * The payload as the worker hands it to the orchestrator: the parsed form of what the host sends.
 * The SDK converts Timestamp strings in it to Dates in place, so a payload serves one run.
 */
export function buildPayload(history: LoadedHistory, options: PayloadOptions = {}): Record<string, unknown> {
  const events = history.events;
  let startedIndex = -1;
  let isReplaying = false;
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.EventType;
    if (type === EventType.ExecutionStarted && startedIndex < 0) startedIndex = i;
    // The extension reports isReplaying when the batch starts with events already played.
    else if (type === EventType.OrchestratorStarted && startedIndex >= 0) isReplaying = true;
  }
  const started = events[startedIndex];
  const parent = started?.ParentInstance?.OrchestrationInstance?.InstanceId;
  let input: unknown = null;
  if (typeof started?.Input === 'string' && started.Input !== '') {
    try {
      input = JSON.parse(started.Input);
    } catch {
      throw new HistoryError(
        history.source,
        'ExecutionStarted.Input is not valid JSON text; the runtime stores the orchestration input as JSON.',
        startedIndex,
      );
    }
  }
  return {
    history: history.events,
    input,
    instanceId: history.instanceId,
    isReplaying,
    parentInstanceId: parent ?? null,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: options.upperSchemaVersionNew ?? DEFAULT_UPPER_SCHEMA_VERSION_NEW,
    longRunningTimerIntervalDuration: options.longRunningTimerIntervalDuration ?? '3.00:00:00',
    maximumShortTimerDuration: options.maximumShortTimerDuration ?? '6.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
}

/** The payload as JSON text, the form the host sends over the wire. */
export function buildPayloadText(history: LoadedHistory, options: PayloadOptions = {}): string {
  return JSON.stringify(buildPayload(history, options));
}
