/**
 * A Durable Task Scheduler history (protobuf HistoryEvents as @grpc/proto-loader decodes them:
 * keepCase, oneofs, longs as strings, StringValue as { value }, Timestamp as { seconds, nanos })
 * turned into DurableTask.Core events the way durabletask-dotnet's ProtoUtils.ConvertHistoryEvent
 * (src/Shared/Grpc/ProtoUtils.cs) and EntityConversions.cs do. The example's histories, written
 * here in the scheduler's form, convert back to the events Azure Storage holds and replay with the
 * same verdicts, the new code's break at the same line.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { EventType, type HistoryEvent } from '../harness/history/events.js';
import { fromDtsEvent, fromDtsHistory, isoTime } from '../src/taskhub/dts-history.js';
import { isPayloadReference } from '../harness/history/load.js';
import { repoRoot } from './helpers/apps.js';
import { approveOrderHistory, processOrderHistory } from './support/orders.js';
import { time, toDts } from './support/dts.js';

let next: ReplayApp;
let old: ReplayApp;

beforeAll(async () => {
  [next, old] = await Promise.all([
    loadApp(join(repoRoot, 'examples', 'order-app-next'), { userOutput: 'ignore' }),
    loadApp(join(repoRoot, 'examples', 'order-app'), { userOutput: 'ignore' }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([next?.close(), old?.close()]);
});

describe('a scheduler history in the history file form', () => {
  const builders = {
    charged: processOrderHistory({ orderId: 'dts-1', stage: 'charge', items: 2, paymentFailures: 1 }),
    approval: approveOrderHistory('dts-2'),
  };

  test.each(Object.keys(builders))('%s: converted back, the events replay reads are those Azure Storage holds', (name) => {
    const file = builders[name as keyof typeof builders].toFile();
    const converted = fromDtsHistory(file.history.map(toDts));
    const keep = (events: HistoryEvent[]) =>
      events.map((e) => {
        const r = e as unknown as Record<string, unknown>;
        return [
          e.EventType,
          e.EventType === EventType.TimerFired ? -1 : e.EventId,
          r.Name ?? null,
          r.Input ?? null,
          r.Result ?? null,
          r.TaskScheduledId ?? null,
          r.TimerId ?? null,
          r.FireAt ?? null,
        ];
      });
    // Times carry seven fraction digits, as the runtime writes them.
    expect(converted[0]!.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    const fireAt = (events: HistoryEvent[]) => events.flatMap((e) => ((e as { FireAt?: string }).FireAt ? [Date.parse((e as { FireAt: string }).FireAt)] : []));
    expect(fireAt(converted)).toEqual(fireAt(file.history));
    expect(keep(converted).map((k) => k.slice(0, 7))).toEqual(keep(file.history).map((k) => k.slice(0, 7)));
  });

  test('it replays with the same verdicts as the Azure Storage form: ok on the old code, the new code nondeterministic at the same line', async () => {
    const file = builders.charged.toFile();
    const dts = { ...file, history: fromDtsHistory(file.history.map(toDts)) };
    const [fromStorage] = await next.replay([{ value: file, source: 'storage.json' }]);
    const [fromScheduler] = await next.replay([{ value: dts, source: 'scheduler.json' }]);
    expect(fromScheduler!.verdict).toBe('nondeterministic');
    expect(fromScheduler!.divergence).toEqual(fromStorage!.divergence);
    const [onOld] = await old.replay([{ value: dts, source: 'scheduler.json' }]);
    expect(onOld!.verdict).toBe('ok');
  });

  test('where the forms differ: TimerFired, continue-as-new, failures, the parent, suspend and resume', () => {
    const at = time('2026-11-20T09:00:00.123Z');
    expect(fromDtsEvent({ eventId: 7, timestamp: at, eventType: 'timerFired', timerFired: { fireAt: at, timerId: 3 } })).toMatchObject({
      EventType: EventType.TimerFired,
      EventId: -1,
      TimerId: 3,
      FireAt: '2026-11-20T09:00:00.1230000Z',
    });
    expect(fromDtsEvent({ eventId: 9, timestamp: at, eventType: 'continueAsNew', continueAsNew: { input: { value: '{"n":2}' } } })).toMatchObject({
      EventType: EventType.ContinueAsNew,
      Result: '{"n":2}',
    });
    expect(
      fromDtsEvent({
        eventId: 4,
        timestamp: at,
        eventType: 'taskFailed',
        taskFailed: {
          taskScheduledId: 1,
          failureDetails: { errorType: 'Error', errorMessage: 'card declined', stackTrace: { value: 'Error: card declined\n    at charge' } },
        },
      }),
    ).toMatchObject({
      EventType: EventType.TaskFailed,
      TaskScheduledId: 1,
      Reason: 'card declined',
      Details: 'Error: card declined\n    at charge',
      FailureDetails: { ErrorMessage: 'card declined' },
    });
    expect(
      fromDtsEvent({
        eventId: -1,
        timestamp: at,
        eventType: 'executionStarted',
        executionStarted: {
          name: 'Child',
          input: { value: '1' },
          orchestrationInstance: { instanceId: 'c', executionId: { value: 'e2' } },
          parentInstance: { taskScheduledId: 5, name: { value: 'Parent' }, orchestrationInstance: { instanceId: 'p', executionId: { value: 'e1' } } },
        },
      }),
    ).toMatchObject({ Name: 'Child', ParentInstance: { Name: 'Parent', TaskScheduleId: 5, OrchestrationInstance: { InstanceId: 'p', ExecutionId: 'e1' } } });
    expect(
      fromDtsEvent({ eventId: 11, timestamp: at, eventType: 'executionSuspended', executionSuspended: { input: { value: 'maintenance' } } }),
    ).toMatchObject({
      EventType: EventType.ExecutionSuspended,
      Reason: 'maintenance',
    });
  });

  test("entity operations become the EventSent and EventRaised JSON durable-functions reads, the parent taken from the orchestration's start", () => {
    const at = time('2026-11-20T09:00:00Z');
    const [, called, done, signaled] = fromDtsHistory([
      {
        eventId: -1,
        timestamp: at,
        eventType: 'executionStarted',
        executionStarted: { name: 'O', orchestrationInstance: { instanceId: 'o-1', executionId: { value: 'x1' } } },
      },
      {
        eventId: 0,
        timestamp: at,
        eventType: 'entityOperationCalled',
        entityOperationCalled: { requestId: 'r1', operation: 'reserve', input: { value: '3' }, targetInstanceId: { value: '@inventory@main' } },
      },
      { eventId: -1, timestamp: at, eventType: 'entityOperationCompleted', entityOperationCompleted: { requestId: 'r1', output: { value: '7' } } },
      {
        eventId: 1,
        timestamp: at,
        eventType: 'entityOperationSignaled',
        entityOperationSignaled: { requestId: 'r2', operation: 'release', targetInstanceId: { value: '@inventory@main' } },
      },
    ]);
    expect(called).toMatchObject({ EventType: EventType.EventSent, InstanceId: '@inventory@main', Name: 'op' });
    // The operation's input and result stay JSON text inside the message, as durabletask-dotnet
    // src/Shared/Grpc/EntityConversions.cs writes them (RequestMessage.Input, ResponseMessage.Result
    // are strings) and durable-functions reads them (ResponseMessage: a string "result", parsed).
    expect(JSON.parse((called as { Input: string }).Input)).toEqual({ op: 'reserve', input: '3', id: 'r1', parent: 'o-1', parentExecution: 'x1' });
    expect(done).toMatchObject({ EventType: EventType.EventRaised, Name: 'r1', Input: '{"result":"7"}' });
    expect(JSON.parse((signaled as { Input: string }).Input)).toEqual({ op: 'release', signal: true, id: 'r2' });
  });

  test('an event type it does not know is named; large payload tokens are recognised; times keep their ticks', () => {
    expect(() => fromDtsEvent({ eventId: 3, timestamp: time('2026-01-01T00:00:00Z'), eventType: 'somethingNew', somethingNew: {} })).toThrow(
      'event 3 has the event type somethingNew, which this version of durable-gate does not know',
    );
    expect(isPayloadReference('blob:v2:https://account.blob.core.windows.net/durabletask-payloads/abc')).toBe(true);
    expect(isPayloadReference('blob:v1:durabletask-payloads:abc')).toBe(true);
    expect(isPayloadReference('{"blob":"v1"}')).toBe(false);
    expect(isoTime({ seconds: '1764000000', nanos: 123456789 })).toBe('2025-11-24T16:00:00.1234567Z');
  });
});
