/**
 * Entity request ids and suspension, as the runtime has them (docs/runtime-rules.md §16):
 * the Durable Functions extension's ContextImplementations/DurableOrchestrationContext.cs
 * (NewGuid, CallDurableTaskFunctionAsync, LockAsync, WaitForEntityResponse) and GuidManager.cs;
 * DurableTask.Core's TaskOrchestrationExecutor.cs (ProcessEvent) and TaskOrchestrationContext.cs
 * (HandleEventWhileSuspended, HandleExecutionResumedEvent, CreateTimer's cancellation callback).
 */
import { describe, expect, test } from '@jest/globals';
import type { ReplayApp } from '../harness/app/host.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { EventType, HISTORY_SCHEMA, type HistoryEvent } from '../harness/history/events.js';
import { extensionRequestId, roundTripTime, uuidV5 } from '../harness/history/request-ids.js';
import type { ReplayResult } from '../harness/replay/result.js';
import { replayApps } from './helpers/apps.js';

const apps = replayApps();
const { open } = apps;
/** The events as a history file of instance 'ent-1', the instance id the request ids are made from. */
const replayOne = (app: ReplayApp, history: HistoryEvent[]): Promise<ReplayResult> =>
  apps.replayOne(app, { schema: HISTORY_SCHEMA, instanceId: 'ent-1', name: 'Flow', history });

const A = "new df.EntityId('counter', 'a')";
const B = "new df.EntityId('counter', 'b')";

describe('request ids', () => {
  test("version 5 UUIDs as RFC 9562 gives them, in the namespace of the extension's GuidManager", () => {
    // RFC 9562 Appendix A.4: the DNS namespace and "www.example.com".
    expect(uuidV5(Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex'), 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const id = extensionRequestId('order-1', '2026-11-02T08:00:00.1234567Z', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(extensionRequestId('order-1', '2026-11-02T08:00:00.1234567Z', 1)).not.toBe(id);
  });

  test("episode times print as .NET's round-trip format: seven fraction digits, ticks kept", () => {
    expect(roundTripTime('2026-11-02T08:00:00.1234567Z')).toBe('2026-11-02T08:00:00.1234567Z');
    expect(roundTripTime('2026-11-02T08:00:00Z')).toBe('2026-11-02T08:00:00.0000000Z');
    expect(roundTripTime('2026-11-02T08:00:00.5Z')).toBe('2026-11-02T08:00:00.5000000Z');
    expect(roundTripTime('2026-11-02T10:00:00.1234567+02:00')).toBe('2026-11-02T08:00:00.1234567Z');
    expect(roundTripTime(new Date('2026-11-02T08:00:00.042Z'))).toBe('2026-11-02T08:00:00.0420000Z');
    expect(roundTripTime('2026-11-02T08:00:00.1234567Z', '')).toBe('2026-11-02T08:00:00.1234567');
    expect(roundTripTime('not a time')).toBeUndefined();
  });
});

/** Sequential calls to two entities, each answered, then an activity: what the sequential code records. */
function sequentialCalls(options: { through: 'second-sent' | 'answered' | 'done' }): HistoryEvent[] {
  const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow', start: new Date('2026-11-02T08:00:00.1234567Z') });
  const first = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
  b.episode().entityResponse(first.requestId, 1);
  const second = b.entityOperation({ name: 'counter', key: 'b' }, 'add', 1);
  if (options.through !== 'second-sent') {
    b.episode().entityResponse(second.requestId, 1);
    if (options.through === 'done') b.activity('Done');
  }
  return b.idle().build();
}

describe('entity calls are matched by the ids the extension makes again', () => {
  const sequential = `yield context.df.callEntity(${A}, 'add', 1);\nyield context.df.callEntity(${B}, 'add', 1);\nyield context.df.callActivity('Done');`;
  const parallel = `yield context.df.Task.all([context.df.callEntity(${A}, 'add', 1), context.df.callEntity(${B}, 'add', 1)]);\nyield context.df.callActivity('Done');`;

  test('the unchanged code replays ok at every point: the ids it makes are the recorded ones', async () => {
    const app = await open('entity-seq', { orchestrators: { Flow: sequential }, activities: ['Done'], entities: ['counter'] });
    for (const through of ['second-sent', 'answered', 'done'] as const) {
      const r = await replayOne(app, sequentialCalls({ through }));
      expect([through, r.verdict, r.warnings]).toEqual([through, 'ok', undefined]);
    }
  });

  test('a call moved into a Task.all gets another id: its recorded answer never reaches it and the instance hangs', async () => {
    const app = await open('entity-all', { orchestrators: { Flow: parallel }, activities: ['Done'], entities: ['counter'] });
    // Waiting for (or just given) the answer: nothing more is recorded, and production logs nothing.
    for (const through of ['second-sent', 'answered'] as const) {
      const r = await replayOne(app, sequentialCalls({ through }));
      expect(r.verdict).toBe('nondeterministic');
      expect(r.divergence).toMatchObject({ sequenceId: 1, recorded: { event: 'EventSent', name: 'op' }, replayed: { action: 'CallEntity' } });
      expect(r.divergence?.message).toMatch(
        /^\(no error: the instance stays Running and never continues; the extension waits for the response '[0-9a-f-]{36}', and the entity answers request '[0-9a-f-]{36}'\)$/,
      );
      expect(r.divergence?.explanation).toContain('a call moved into or out of a Task.all');
      // The orchestrator's first line is line 4 of the generated functions.js.
      expect(r.divergence?.location?.line).toBe(4);
    }
    // With a later step recorded, the runtime meets it while the Task.all still waits: its own error.
    const done = await replayOne(app, sequentialCalls({ through: 'done' }));
    expect(done.verdict).toBe('nondeterministic');
    expect(done.divergence?.message).toContain(
      "scheduled an activity task with sequence ID 2 and name 'Done' (version ''), but the current replay execution hasn't (yet?) scheduled this task.",
    );
  });

  test('a signal and a call swapped: the call meets the recorded signal, which gets no answer', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const call = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
    b.episode().entityResponse(call.requestId, 1);
    b.entityOperation({ name: 'counter', key: 'x' }, 'reset', null, true);
    const history = b.idle().build();
    const same = await open('entity-signal', {
      orchestrators: { Flow: `yield context.df.callEntity(${A}, 'add', 1);\ncontext.df.signalEntity(new df.EntityId('counter', 'x'), 'reset');` },
      entities: ['counter'],
    });
    expect((await replayOne(same, history)).verdict).toBe('ok');
    // Both steps are EventSent 'op', which is all DurableTask.Core compares.
    const swapped = await open('entity-signal-swapped', {
      orchestrators: { Flow: `context.df.signalEntity(new df.EntityId('counter', 'x'), 'reset');\nyield context.df.callEntity(${A}, 'add', 1);` },
      entities: ['counter'],
    });
    const r = await replayOne(swapped, history);
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.message).toContain('to a request that was sent as a signal, which gets none');
  });

  test('a Task.all of calls taken out into sequence fails at the second request, as before', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const first = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
    const second = b.entityOperation({ name: 'counter', key: 'b' }, 'add', 1);
    b.episode().entityResponse(first.requestId, 1).entityResponse(second.requestId, 1);
    const history = b.idle().build();
    const app = await open('entity-all-same', { orchestrators: { Flow: parallel }, activities: ['Done'], entities: ['counter'] });
    expect((await replayOne(app, history)).verdict).toBe('ok');
    const seq = await open('entity-seq-2', { orchestrators: { Flow: sequential }, activities: ['Done'], entities: ['counter'] });
    const r = await replayOne(seq, history);
    expect([r.verdict, r.divergence?.sequenceId]).toEqual(['nondeterministic', 1]);
    expect(r.divergence?.message).toContain("send event task with sequence ID 1, type 'EventSent' name 'op'");
  });

  test("ids the history does not show to be the extension's (another runtime, times cut short) are taken as recorded", async () => {
    const history = sequentialCalls({ through: 'answered' });
    const otherIds = history.map((event) => {
      if (event.EventType === EventType.EventSent) {
        const request = JSON.parse(event.Input!) as { id: string };
        return { ...event, Input: JSON.stringify({ ...request, id: `${request.id.slice(0, -4)}0000` }) };
      }
      if (event.EventType === EventType.EventRaised) return { ...event, Name: `${event.Name!.slice(0, -4)}0000` };
      return event;
    });
    const app = await open('entity-all-trust', { orchestrators: { Flow: parallel }, activities: ['Done'], entities: ['counter'] });
    expect((await replayOne(app, otherIds)).verdict).toBe('ok');
  });
});

describe('suspension', () => {
  test("events that come while suspended are applied at the resume: a call made then takes the resume episode's time", async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().suspend();
    b.episode(60_000).completed(a, 'a');
    b.episode(3_600_000).resume();
    // Production made the request when the completion was applied: in the resume episode.
    const call = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
    b.episode().entityResponse(call.requestId, 1);
    b.activity('Done');
    const history = b.idle().build();
    const app = await open('suspend-entity', {
      orchestrators: { Flow: `yield context.df.callActivity('A');\nyield context.df.callEntity(${A}, 'add', 1);\nyield context.df.callActivity('Done');` },
      activities: ['A', 'Done'],
      entities: ['counter'],
    });
    expect(await replayOne(app, history)).toMatchObject({ verdict: 'ok' });
  });

  test('an instance still suspended is judged on what its resume does, with a warning that says so', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().suspend();
    b.episode().completed(a, 'a');
    const history = b.idle().build();
    const app = await open('suspend-held', {
      orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" },
      activities: ['A', 'B'],
    });
    const r = await replayOne(app, history);
    expect(r.verdict).toBe('ok');
    expect(r.warnings?.join('\n')).toContain('this instance is suspended');
    // The held completion reaches a call the new app lost: the resume would leave the instance waiting.
    const lost = await open('suspend-held-lost', {
      orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('C');" },
      activities: ['A'],
    });
    expect(await replayOne(lost, history)).toMatchObject({ verdict: 'failed', failure: { missingFunction: { name: 'C', kind: 'activity' } } });
  });
});

describe('timers', () => {
  // DurableTask.Core's TaskOrchestrationContext.CreateTimer drops the open task when its token is
  // cancelled; TaskOrchestrationExecutor completes the orchestration only with no open task left.
  const flow = (cancel: boolean): string =>
    [
      "const work = context.df.callActivity('A');",
      'const timeout = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3600000));',
      'const winner = yield context.df.Task.any([work, timeout]);',
      cancel ? 'if (winner === work) timeout.cancel();' : '',
      "return yield context.df.callActivity('B');",
    ].join('\n');

  test('a cancelled timer leaves the open tasks: its firing later is expected, not a duplicate', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const fireAt = new Date(b.currentTime.getTime() + 3_600_000);
    const a = b.activity('A');
    const timer = b.timer(fireAt);
    b.episode().completed(a, 'a');
    b.episode(3_600_000).fired(timer, fireAt);
    b.activity('B');
    const app = await open('timer-cancelled', { orchestrators: { Flow: flow(true) }, activities: ['A', 'B'] });
    const r = await replayOne(app, b.idle().build());
    expect([r.verdict, r.warnings]).toEqual(['ok', undefined]);
  });

  test('code that no longer cancels its timeout leaves it open: the runtime would complete the instance only when it fires', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const fireAt = new Date(b.currentTime.getTime() + 3_600_000);
    const a = b.activity('A');
    b.timer(fireAt);
    b.episode().completed(a, 'a');
    const next = b.activity('B');
    b.episode().completed(next, 'b');
    const history = b.completeExecution('b').build();
    const cancels = await open('timer-cancels', { orchestrators: { Flow: flow(true) }, activities: ['A', 'B'] });
    expect(await replayOne(cancels, history)).toMatchObject({ verdict: 'ok', finished: 'Completed' });
    expect((await replayOne(cancels, history)).warnings).toBeUndefined();
    const forgets = await open('timer-forgets', { orchestrators: { Flow: flow(false) }, activities: ['A', 'B'] });
    const r = await replayOne(forgets, history);
    expect(r.verdict).toBe('ok');
    expect(r.warnings?.join('\n')).toContain('leaves 1 durable task(s) open');
  });

  // The extension's DurableOrchestrationContext.CreateTimer keeps IsLongRunningTimer set after a long
  // timer loses a Task.any: the next timer runs the split loop, which takes no id when its time has passed.
  test('a timer made while a long timer that lost a Task.any is still running takes no id when its time has passed', async () => {
    const b = new HistoryBuilder({ instanceId: 'ent-1', name: 'Flow' });
    const start = b.currentTime.getTime();
    b.timer(new Date(start + 3 * 86_400_000));
    b.episode().raised('E', 1);
    b.activity('B');
    const app = await open('timer-long-flag', {
      orchestrators: {
        Flow: [
          'const start = context.df.currentUtcDateTime.getTime();',
          'const long = context.df.createTimer(new Date(start + 10 * 86400000));',
          "yield context.df.Task.any([long, context.df.waitForExternalEvent('E')]);",
          "yield context.df.Task.any([context.df.createTimer(new Date(start)), context.df.callActivity('B')]);",
        ].join('\n'),
      },
      activities: ['B'],
    });
    expect(await replayOne(app, b.idle().build())).toMatchObject({ verdict: 'ok' });
  });
});
