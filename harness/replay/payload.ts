/**
 * The orchestration trigger payload the Durable Functions extension sends a JavaScript
 * orchestrator (docs/runtime-rules.md §5).
 *
 * Schema version (docs/runtime-rules.md §12): `upperSchemaVersion` is 1 (V2) for old SDKs;
 * `upperSchemaVersionNew` is what current SDKs read: 2 (V3) from extensions 2.7 to 3.12 (what
 * the generally available extension bundles carry), 3 (V4) from 3.13, which `context.df.lock()`
 * needs. Unless told, we send V4 when the history proves it (a lock was requested) and V3
 * otherwise. The SDK takes min(what it supports, what we send).
 *
 * Timer settings are the Azure Storage provider's defaults: maximum short timer 6 days, long
 * timers split into 3-day intervals (DurableTaskOptions / AzureStorageDurabilityProvider).
 */
import { HistoryError } from '../errors.js';
import { EventType } from '../history/events.js';
import { isPayloadReference, referenceAdvice, type LoadedHistory } from '../history/load.js';

/** The replay schemas an extension advertises in upperSchemaVersionNew. */
export const REPLAY_SCHEMAS = { V3: 2, V4: 3 } as const;
export type ReplaySchemaName = keyof typeof REPLAY_SCHEMAS;

export interface PayloadOptions {
  /** The schema the host advertises: V3 or V4; by default what the history proves (V4 after a lock request), else V3. */
  schema?: ReplaySchemaName;
  /** The raw upperSchemaVersionNew, for tests of other values; wins over `schema`. */
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
  if (isPayloadReference(started?.Input)) {
    throw new HistoryError(
      history.source,
      `ExecutionStarted.Input is a Blob Storage reference the SDK wrote in place of a large input (${started.Input}), not the input: the code cannot run without it. ${referenceAdvice(started.Input)}`,
      startedIndex,
    );
  }
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
    upperSchemaVersionNew: options.upperSchemaVersionNew ?? REPLAY_SCHEMAS[replaySchemaFor(history, options)],
    longRunningTimerIntervalDuration: options.longRunningTimerIntervalDuration ?? '3.00:00:00',
    maximumShortTimerDuration: options.maximumShortTimerDuration ?? '6.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
}

/** The payload as JSON text, the form the host sends over the wire. */
export function buildPayloadText(history: LoadedHistory, options: PayloadOptions = {}): string {
  return JSON.stringify(buildPayload(history, options));
}

/** The schema a replay of this history advertises: the one asked for, else V4 when the history proves it, else V3. */
export function replaySchemaFor(history: LoadedHistory, options: PayloadOptions = {}): ReplaySchemaName {
  return options.schema ?? (provesSchemaV4(history) ? 'V4' : 'V3');
}

/**
 * Only schema V4 hosts take lock requests: an EventSent 'op' whose request names a lock set, or a
 * 'release', proves the host advertised V4. Nothing else in a history records the schema.
 */
export function provesSchemaV4(history: LoadedHistory): boolean {
  return history.events.some((event) => {
    if (event.EventType !== EventType.EventSent) return false;
    if (event.Name === 'release') return true;
    return event.Name === 'op' && typeof event.Input === 'string' && /"lockset"\s*:\s*\[/i.test(event.Input);
  });
}
