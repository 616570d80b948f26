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
import { replayApps } from './helpers/apps.js';

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
      /^cannot check: 1 payload\(s\) in this history are Blob Storage references the SDK wrote in place of large values \(Result of event \d+: blob:v2:https:\/\/account.blob.core.windows.net\/durabletask-payloads\/8f1c2a9e\)\. The replay handed the code the reference, not the value, and the code diverges nowhere before it reads it\. Download each blob/,
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
          `(Result of event ${shipped}: ${REFERENCE}): the code diverges from the history before it reads one (replayed up to that event).`,
        ),
      ]),
    );
    // In Fetch's own result, read by the call that already diverged (at its scheduling): the same verdict.
    file.history[shipped]!.Result = JSON.stringify('shipped');
    file.history[file.history.findIndex((e) => e.EventType === EventType.TaskCompleted)]!.Result = REFERENCE;
    expect((await replayOne(app, file)).divergence?.recorded).toMatchObject({ name: 'Fetch', eventIndex: 2 });
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
      `event 1: ExecutionStarted.Input is a Blob Storage reference the SDK wrote in place of a large input (${REFERENCE}), not the input: the code cannot run without it. Download the blob (gzip-compressed), put its text in the field, and replay again.`,
    );
  });
});
