/**
 * Histories that hold Blob Storage references in place of large payloads (the Durable Task
 * Scheduler's SDKs move them out and write blob:v1:<container>:<name> or blob:v2:<url> in the field:
 * durabletask-dotnet src/Extensions/AzureBlobPayloads/PayloadStore/BlobPayloadStore.cs). The code is
 * handed the reference, not the value: a verdict that may rest on one is not given (error, with
 * what to do); one reached before the code reads a reference stands, and references in fields
 * nobody reads (a scheduled call's input) change nothing but a warning.
 */
import { describe, expect, test } from '@jest/globals';
import { EventType, type HistoryEvent } from '../harness/history/events.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { fromDtsHistory } from '../src/taskhub/dts-history.js';
import { replayApps } from './helpers/apps.js';
import { time, toDts } from './support/dts.js';

const { open, replayOne } = replayApps();

const REFERENCE = 'blob:v2:https://account.blob.core.windows.net/durabletask-payloads/8f1c2a9e';

const spec = {
  orchestrators: {
    Flow: [
      "const order = yield context.df.callActivity('Load', context.df.getInput().orderId);",
      "if (order.items.length > 10) yield context.df.callActivity('Split', order);",
      "return yield context.df.callActivity('Ship', order);",
    ].join('\n'),
  },
  activities: ['Load', 'Split', 'Ship'],
};

/** Flow with Load done (a small order), Ship scheduled; `edit` changes the recorded events. */
function history(edit: (events: HistoryEvent[]) => void): unknown {
  const b = new HistoryBuilder({ instanceId: 'ref-1', name: 'Flow', input: { orderId: 'o-1' } });
  const load = b.activity('Load', 'o-1');
  b.completed(load, { items: [1, 2] });
  b.activity('Ship', { items: [1, 2] });
  const file = b.idle().toFile() as { history: HistoryEvent[] };
  edit(file.history);
  return file;
}

describe('payloads stored as Blob Storage references', () => {
  test('a result the code reads is a reference: the verdict cannot be given, and the message says what to do', async () => {
    const app = await open('payload-refs', spec);
    const result = await replayOne(
      app,
      history((events) => {
        events.find((e) => e.EventType === EventType.TaskCompleted)!.Result = REFERENCE;
      }),
    );
    expect(result.verdict).toBe('error');
    expect(result.error?.message).toMatch(
      /^cannot check: 1 payload\(s\) in this history are Blob Storage references the SDK wrote in place of large values \(Result of event \d+: blob:v2:https:\/\/account.blob.core.windows.net\/durabletask-payloads\/8f1c2a9e\)\. The replay handed the code the reference, not the value, and nothing the code did before it reads it decides the verdict\. To check it, download the blob at https:\/\/account.blob.core.windows.net\/durabletask-payloads\/8f1c2a9e, gunzip it if it is compressed, .* Until then the instance counts as not checked: a gate waits for it to finish\.$/,
    );
    expect(result.divergence).toBeUndefined();
    expect(result.failure).toBeUndefined();
  });

  test('a reference in a field nobody reads (the scheduled call input) leaves the verdict as it is, with a warning', async () => {
    const app = await open('payload-refs', spec);
    const result = await replayOne(
      app,
      history((events) => {
        events.find((e) => e.EventType === EventType.TaskScheduled && e.Name === 'Ship')!.Input = REFERENCE;
      }),
    );
    expect(result.verdict).toBe('ok');
    expect(result.warnings).toEqual([expect.stringContaining('none is in a field the code reads (input drift and output checks leave them out)')]);
  });

  test('a divergence before the code reads the first reference stands', async () => {
    const app = await open('payload-refs', spec);
    // Recorded: 'Fetch' where the code now calls 'Load'; the reference comes later, in Ship's result.
    const b = new HistoryBuilder({ instanceId: 'ref-2', name: 'Flow', input: { orderId: 'o-1' } });
    b.completed(b.activity('Fetch', 'o-1'), { items: [1, 2] });
    b.completed(b.activity('Ship', { items: [1, 2] }), 'shipped');
    const file = b.idle().toFile() as { history: HistoryEvent[] };
    const shipped = file.history.findLastIndex((e) => e.EventType === EventType.TaskCompleted);
    file.history[shipped]!.Result = REFERENCE;
    const result = await replayOne(app, file);
    expect(result.verdict).toBe('nondeterministic');
    expect(result.divergence?.recorded).toMatchObject({ name: 'Fetch', eventIndex: 2 });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `(Result of event ${shipped}: ${REFERENCE}): the verdict comes from what the code did before it reads one (replayed up to that event).`,
        ),
      ]),
    );
    // In Fetch's own result, read by the call that already diverged (at its scheduling): the same verdict.
    file.history[shipped]!.Result = JSON.stringify('shipped');
    file.history[file.history.findIndex((e) => e.EventType === EventType.TaskCompleted)]!.Result = REFERENCE;
    expect((await replayOne(app, file)).divergence?.recorded).toMatchObject({ name: 'Fetch', eventIndex: 2 });
  });

  test('verdicts the reference has no part in stand: the orchestrator gone, a call to a function the new app lacks', async () => {
    const app = await open('payload-refs', spec);
    const gone = history((events) => {
      events.find((e) => e.EventType === EventType.TaskCompleted)!.Result = REFERENCE;
      events.find((e) => e.EventType === EventType.ExecutionStarted)!.Name = 'Retired';
    });
    const retired = await replayOne(app, gone);
    expect(retired.verdict).toBe('failed');
    expect(retired.failure?.missingFunction).toEqual({ name: 'Retired', kind: 'orchestration' });
    expect(retired.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining("the orchestrator is gone from the new app, so the code's replay has no part in the verdict")]),
    );
    // The new code calls Audit first, which the new app does not register: decided before Load's result is read.
    const audited = await open('payload-refs-audit', {
      orchestrators: { Flow: `yield context.df.callActivity('Audit');\n${spec.orchestrators.Flow}` },
      activities: ['Load', 'Split', 'Ship'],
    });
    const b = new HistoryBuilder({ instanceId: 'ref-3', name: 'Flow', input: { orderId: 'o-1' } });
    b.completed(b.activity('Audit'), null);
    b.completed(b.activity('Load', 'o-1'), { items: [1, 2] });
    const file = b.idle().toFile() as { history: HistoryEvent[] };
    file.history.findLast((e) => e.EventType === EventType.TaskCompleted)!.Result = REFERENCE;
    const missing = await replayOne(audited, file);
    expect(missing.verdict).toBe('failed');
    expect(missing.failure?.message).toBe("The new code calls the activity 'Audit', which the new app does not register.");
  });

  test('an orchestration input that is a reference: nothing the code does can be trusted', async () => {
    const app = await open('payload-refs', spec);
    const result = await replayOne(
      app,
      history((events) => {
        events.find((e) => e.EventType === EventType.ExecutionStarted)!.Input = REFERENCE;
      }),
    );
    expect(result.verdict).toBe('error');
    expect(result.error?.message).toBe(
      `event 1: ExecutionStarted.Input is a Blob Storage reference the SDK wrote in place of a large input (${REFERENCE}), not the input: the code cannot run without it. To check it, download the blob at https://account.blob.core.windows.net/durabletask-payloads/8f1c2a9e, gunzip it if it is compressed, put its text in the field in place of the reference, and replay again. Until then the instance counts as not checked: a gate waits for it to finish.`,
    );
  });
});

describe('entity calls read from the Durable Task Scheduler', () => {
  const counter = { name: 'counter', key: 'c1' };
  const entitySpec = {
    orchestrators: {
      Tally: [
        "const state = yield context.df.callEntity(new df.EntityId('counter', 'c1'), 'get');",
        "yield context.df.callActivity(state.count > 5 ? 'Big' : 'Small');",
      ].join('\n'),
    },
    activities: ['Big', 'Small'],
    entities: ['counter'],
  };

  /** Tally's history with the call answered { count: 7 } and Big scheduled, its entity events in the scheduler's form and converted. */
  function converted(output: string): HistoryEvent[] {
    const b = new HistoryBuilder({ instanceId: 'tally-1', name: 'Tally', input: null });
    const { id, requestId } = b.entityOperation(counter, 'get');
    b.episode();
    b.entityResponse(requestId, { count: 7 });
    b.activity('Big');
    const events = b.idle().build();
    const dts = events.map((event) => {
      if (event.EventType === EventType.EventSent)
        return {
          eventId: id,
          timestamp: time(event.Timestamp),
          eventType: 'entityOperationCalled',
          entityOperationCalled: { requestId, operation: 'get', targetInstanceId: { value: '@counter@c1' } },
        };
      if (event.EventType === EventType.EventRaised)
        return {
          eventId: -1,
          timestamp: time(event.Timestamp),
          eventType: 'entityOperationCompleted',
          entityOperationCompleted: { requestId, output: { value: output } },
        };
      return toDts(event);
    });
    return fromDtsHistory(dts);
  }

  test("the entity's answer reaches the code as the value it returned (its JSON text inside the response, as the extension writes it)", async () => {
    const app = await open('payload-entities', entitySpec);
    const result = await replayOne(app, { instanceId: 'tally-1', history: converted(JSON.stringify({ count: 7 })) });
    expect(result.verdict).toBe('ok');
  });

  test("an entity's answer kept as a Blob Storage reference is found inside the message, and the verdict is not given on it", async () => {
    const app = await open('payload-entities', entitySpec);
    const result = await replayOne(app, { instanceId: 'tally-1', history: converted(REFERENCE) });
    expect(result.verdict).toBe('error');
    expect(result.error?.message).toMatch(/^cannot check: 1 payload\(s\) .* \(Input\.result of event \d+: blob:v2:/);
  });
});

describe('a finished instance whose input is a reference', () => {
  test('is not replayed, as the runtime never replays it, and says so', async () => {
    const app = await open('payload-refs', spec);
    const b = new HistoryBuilder({ instanceId: 'done-1', name: 'Flow', input: { orderId: 'o-1' } });
    b.completed(b.activity('Load', 'o-1'), { items: [1, 2] });
    b.completed(b.activity('Ship', { items: [1, 2] }), 'shipped');
    b.completeExecution('shipped');
    const file = b.toFile() as { history: HistoryEvent[] };
    file.history.find((e) => e.EventType === EventType.ExecutionStarted)!.Input = REFERENCE;
    const result = await replayOne(app, file);
    expect(result).toMatchObject({ verdict: 'ok', finished: 'Completed' });
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^not replayed: event \d+: ExecutionStarted\.Input is a Blob Storage reference .* The runtime never replays a finished instance\.$/,
      ),
    ]);
  });
});
