/**
 * The orchestration trigger payload the Durable Functions extension sends a JavaScript
 * orchestrator (RemoteOrchestratorContext in Azure/azure-functions-durable-extension,
 * serialized by OutOfProcMiddleware / the JS worker binding).
 *
 * Schema version: `upperSchemaVersion` is 1 (V2) for old SDKs; `upperSchemaVersionNew` is what
 * current SDKs read. We send 3 (V4), what current extensions send by default and what
 * `context.df.lock()` needs (durable-functions 3.5 refuses entity locks below V4). The SDK takes
 * min(what it supports, what we send), so older SDKs replay in their own latest schema.
 *
 * Timer settings are the Azure Storage provider's defaults: maximum short timer 6 days, long
 * timers split into 3-day intervals (DurableTaskOptions / AzureStorageDurabilityProvider).
 */
import { EventType } from '../history/events.js';
import type { LoadedHistory } from '../history/load.js';

export const DEFAULT_UPPER_SCHEMA_VERSION_NEW = 3;

export interface PayloadOptions {
  upperSchemaVersionNew?: number;
  maximumShortTimerDuration?: string;
  longRunningTimerIntervalDuration?: string;
}

/** The payload as JSON text: the worker parses it with JSON.parse, giving each run a fresh copy. */
export function buildPayloadText(history: LoadedHistory, historyText: string, options: PayloadOptions = {}): string {
  const started = history.events.find((e) => e.EventType === EventType.ExecutionStarted);
  const input = started?.Input;
  const parent = started?.ParentInstance?.OrchestrationInstance?.InstanceId;
  const lastStarted = lastIndexOf(history, EventType.OrchestratorStarted);
  // The extension reports isReplaying true when the batch starts with events already played.
  const isReplaying = lastStarted > 0 && history.events.slice(0, lastStarted).some((e) => e.EventType === EventType.ExecutionStarted);
  return (
    `{"history":${historyText}` +
    `,"input":${typeof input === 'string' && input !== '' ? input : 'null'}` +
    `,"instanceId":${JSON.stringify(history.instanceId)}` +
    `,"isReplaying":${isReplaying}` +
    `,"parentInstanceId":${parent ? JSON.stringify(parent) : 'null'}` +
    `,"upperSchemaVersion":1` +
    `,"upperSchemaVersionNew":${options.upperSchemaVersionNew ?? DEFAULT_UPPER_SCHEMA_VERSION_NEW}` +
    `,"longRunningTimerIntervalDuration":${JSON.stringify(options.longRunningTimerIntervalDuration ?? '3.00:00:00')}` +
    `,"maximumShortTimerDuration":${JSON.stringify(options.maximumShortTimerDuration ?? '6.00:00:00')}` +
    `,"defaultHttpAsyncRequestSleepTimeMillseconds":30000}`
  );
}

function lastIndexOf(history: LoadedHistory, type: EventType): number {
  for (let i = history.events.length - 1; i >= 0; i--) if (history.events[i]!.EventType === type) return i;
  return -1;
}
