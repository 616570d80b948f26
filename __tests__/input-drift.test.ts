/**
 * Input drift: the call the history recorded at a step, made with another input. The runtime
 * matches steps by sequence id, kind and name only (DurableTask.Core TaskOrchestrationExecutor),
 * so the verdict stays ok; the result warns with both inputs, and inputDrift 'fail' makes it a
 * failure. The Azure Storage provider records an activity's input as a one-element array
 * (DurableTask.Core TaskOrchestrationContext.ScheduleTaskInternal serializes the parameters array;
 * the extension's DurableActivityContext.GetInputAsJson unwraps it when inputsAreArrays).
 */
import { describe, expect, test } from '@jest/globals';
import { EventType, type HistoryEvent } from '../harness/history/events.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { replayApps } from './helpers/apps.js';

const { open, replayOne } = replayApps();

const spec = {
  orchestrators: {
    Flow: "const a = yield context.df.callActivity('Charge', { orderId: context.df.getInput().orderId, at: '2026-11-20T09:00:00.000Z', items: [1, 2] });\nreturn a;",
  },
  activities: ['Charge'],
};

/** A Flow instance waiting on its Charge call, recorded with this Input text. */
function recordedWith(input: string | null): unknown {
  const b = new HistoryBuilder({ instanceId: 'drift-1', name: 'Flow', input: { orderId: 'o-1' } });
  b.activity('Charge');
  const file = b.idle().toFile() as { history: HistoryEvent[] };
  const scheduled = file.history.find((e) => e.EventType === EventType.TaskScheduled)!;
  scheduled.Input = input;
  return file;
}

const asRecorded = (value: unknown): string => JSON.stringify([value]);

describe('input drift', () => {
  test('the same input, as the provider records it (in an array, a time in another form, or plain), is no drift', async () => {
    const app = await open('drift', spec);
    for (const input of [
      asRecorded({ orderId: 'o-1', at: '2026-11-20T09:00:00Z', items: [1, 2] }),
      JSON.stringify({ orderId: 'o-1', at: '2026-11-20T09:00:00.000Z', items: [1, 2] }),
      asRecorded({ orderId: '[redacted]', at: '2026-11-20T09:00:00.000Z', items: '[redacted]' }),
      '[redacted]',
      null,
    ]) {
      const result = await replayOne(app, recordedWith(input));
      expect({ input, verdict: result.verdict, warnings: result.warnings }).toEqual({ input, verdict: 'ok', warnings: undefined });
    }
  });

  test('another input: ok, as the runtime carries on, with a warning showing both (redacted where the history was)', async () => {
    const app = await open('drift', spec);
    const result = await replayOne(app, recordedWith(asRecorded({ orderId: 'o-2', at: '2026-11-20T09:00:00.000Z', items: [1, 2] })));
    expect(result.verdict).toBe('ok');
    expect(result.warnings).toEqual([
      'step 0: CallActivity \'Charge\' is the call the history recorded there, with another input (recorded {"orderId":"o-2","at":"2026-11-20T09:00:00.000Z","items":[1,2]}, now {"orderId":"o-1","at":"2026-11-20T09:00:00.000Z","items":[1,2]}). The runtime does not compare inputs, so this replays ok, but the instance goes on with other data than it started with.',
    ]);
    const redacted = await replayOne(app, recordedWith(asRecorded({ orderId: '[redacted]', at: '2025-01-01T00:00:00Z', items: [1, 2] })));
    expect(redacted.warnings?.[0]).toContain(
      '(recorded {"orderId":"[redacted]","at":"2025-01-01T00:00:00Z","items":[1,2]}, now {"orderId":"[redacted]","at":"2026-11-20T09:00:00.000Z","items":[1,2]})',
    );
    const shape = await replayOne(app, recordedWith(asRecorded({ orderId: 'o-1', at: '2026-11-20T09:00:00.000Z', items: [1, 2], extra: true })));
    expect(shape.warnings?.[0]).toContain('"extra":true');
  });

  test("inputDrift 'fail' makes it a failure at the call's line", async () => {
    const app = await open('drift', spec);
    const [result] = await app.replay([{ value: recordedWith(asRecorded({ orderId: 'o-2' })), source: 'drift' }], { inputDrift: 'fail' });
    expect(result!.verdict).toBe('failed');
    expect(result!.failure?.message).toBe(
      'Input drift (failed on request: the runtime would carry on): at step 0, CallActivity \'Charge\' has another input than the history recorded: recorded {"orderId":"o-2"}, now {"orderId":"o-1","at":"2026-11-20T09:00:00.000Z","items":[1,2]}.',
    );
    expect(result!.failure?.runtimeMessage).toBeUndefined();
    expect(result!.failure?.location?.file).toMatch(/drift\/src\/functions\.js$/);
    // Line 4 of the written app: the require, a blank line, the orchestration, then the call.
    expect(result!.failure?.location?.line).toBe(4);
  });

  test('a string input, which durable-functions encodes once more (Utils.processInput), in either recorded form', async () => {
    const app = await open('drift-string', { orchestrators: { Greet: "return yield context.df.callActivity('Hello', 'Tokyo');" }, activities: ['Hello'] });
    const greeting = (input: string | undefined, raw?: string) => {
      const b = new HistoryBuilder({ instanceId: 'greet-1', name: 'Greet' });
      b.activity('Hello', input);
      const file = b.idle().toFile() as { history: HistoryEvent[] };
      if (raw !== undefined) file.history.find((e) => e.EventType === EventType.TaskScheduled)!.Input = raw;
      return file;
    };
    // What a JavaScript app's call records (the builder writes it so), and a plain string.
    expect(greeting('Tokyo').history.find((e) => e.EventType === EventType.TaskScheduled)!.Input).toBe('["\\"Tokyo\\""]');
    for (const history of [greeting('Tokyo'), greeting(undefined, '["Tokyo"]')]) expect((await replayOne(app, history)).warnings).toBeUndefined();
    const moved = await replayOne(app, greeting('Paris'));
    expect(moved.verdict).toBe('ok');
    expect(moved.warnings?.[0]).toContain('(recorded "Paris", now "Tokyo")');
  });
});
