/**
 * More of the runtime's shapes: HTTP calls, signals, continue-as-new, suspension, ids out of
 * order, sub-orchestrations with retry; and the library API's typed errors.
 */
import { describe, expect, test } from '@jest/globals';
import { EventType, OrchestrationStatus, orchestrationStatusName, type HistoryEvent } from '../harness/history/events.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { ActionType, type SdkAction } from '../harness/replay/actions.js';
import { DEFAULT_RUNTIME_OPTIONS, simulate } from '../harness/replay/runtime.js';
import { HistoryError, NondeterminismError, ReplayFailure, loadHistory, replayHistories, replayHistory } from '../harness/index.js';
import { replayApps } from './helpers/apps.js';
import { rewoundInPlace } from './helpers/histories.js';

const { open, replayOne } = replayApps();

const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';

describe('shapes', () => {
  test('callHttp runs as the built-in HTTP activity', async () => {
    const b = new HistoryBuilder({ instanceId: 'h', name: 'Flow' });
    const http = b.activity('BuiltIn::HttpActivity');
    b.episode().completed(http, { statusCode: 200, headers: {}, content: 'pong' });
    b.activity('A');
    const history = b.idle().build();
    const same = await open('http', {
      orchestrators: { Flow: "yield context.df.callHttp({ method: 'GET', url: 'https://example.invalid/ping' });\nyield context.df.callActivity('A');" },
      activities: ['A'],
    });
    expect((await replayOne(same, history)).verdict).toBe('ok');
    const replaced = await open('http-replaced', {
      orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('A');" },
      activities: ['A'],
    });
    const r = await replayOne(replaced, history);
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.divergence?.message).toContain("named 'BuiltIn::HttpActivity', but the current orchestration replay instead scheduled an activity task named 'A'");
  });

  test('a signal takes an id (EventSent "op"); removing it is nondeterministic with the runtime\'s EventSent message', async () => {
    const b = new HistoryBuilder({ instanceId: 's', name: 'Flow' });
    b.entityOperation({ name: 'counter', key: 'k' }, 'add', 1, true);
    b.activity('A');
    const history = b.idle().build();
    const same = await open('signal', {
      orchestrators: { Flow: "context.df.signalEntity(new df.EntityId('counter', 'k'), 'add', 1);\nyield context.df.callActivity('A');" },
      activities: ['A'],
      entities: ['counter'],
    });
    expect((await replayOne(same, history)).verdict).toBe('ok');
    const replaced = await open('signal-replaced', {
      orchestrators: { Flow: "yield context.df.callActivity('A');" },
      activities: ['A'],
      entities: ['counter'],
    });
    const r = await replayOne(replaced, history);
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a send event task with sequence ID 0, type 'EventSent', name 'op', instance ID '@counter@k', but the current orchestration replay instead scheduled a ScheduleTaskOrchestratorAction task at this sequence number. ${TAIL}`,
    );
    const removed = await open('signal-removed', {
      orchestrators: { Flow: "yield context.df.waitForExternalEvent('Go');" },
      activities: ['A'],
      entities: ['counter'],
    });
    const gone = await replayOne(removed, history);
    expect(gone.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a send event task with sequence ID 0, type 'EventSent' name 'op', instance ID '@counter@k', but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`,
    );
  });

  // DurableTask.Core src/DurableTask.Core/History/ContinueAsNewEvent.cs: recorded as EventType
  // ContinueAsNew (an ExecutionCompleted with status ContinuedAsNew), which the builder writes.
  test('continue-as-new replays; code that stops continuing gets a warning', async () => {
    const b = new HistoryBuilder({ instanceId: 'c', name: 'Flow', input: 1 });
    const a = b.activity('A');
    b.episode().completed(a, 'a');
    b.continueAsNew(2);
    const history = b.build();
    const loop = await open('continue', {
      orchestrators: { Flow: "const n = context.df.getInput();\nyield context.df.callActivity('A');\ncontext.df.continueAsNew(n + 1);" },
      activities: ['A'],
    });
    const ok = await replayOne(loop, history);
    expect(ok.verdict).toBe('ok');
    expect(ok.warnings).toBeUndefined();
    const stops = await open('continue-stops', { orchestrators: { Flow: "yield context.df.callActivity('A');\nreturn 'done';" }, activities: ['A'] });
    const warned = await replayOne(stops, history);
    expect(warned.verdict).toBe('ok');
    expect(warned.warnings?.join()).toContain('no longer calls continueAsNew');
  });

  test('suspension and resumption do not change the replay', async () => {
    const b = new HistoryBuilder({ instanceId: 'p', name: 'Flow' });
    const a = b.activity('A');
    b.episode();
    b.events.push({ EventType: EventType.ExecutionSuspended, EventId: -1, Reason: 'maintenance', Timestamp: b.currentTime.toISOString() });
    b.episode();
    b.events.push({ EventType: EventType.ExecutionResumed, EventId: -1, Reason: 'done', Timestamp: b.currentTime.toISOString() });
    b.completed(a, 'a');
    b.activity('B');
    const app = await open('suspend', {
      orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" },
      activities: ['A', 'B'],
    });
    expect((await replayOne(app, b.idle().build())).verdict).toBe('ok');
  });

  test('EventIds out of order are matched by id, as DurableTask.Core does', async () => {
    const b = new HistoryBuilder({ instanceId: 'o', name: 'Flow' });
    b.activity('A');
    b.activity('B');
    const events = b.idle().build();
    const [first, second] = [events.findIndex((e) => e.Name === 'A'), events.findIndex((e) => e.Name === 'B')];
    [events[first], events[second]] = [events[second]!, events[first]!];
    const app = await open('out-of-order', {
      orchestrators: { Flow: "yield context.df.Task.all([context.df.callActivity('A'), context.df.callActivity('B')]);" },
      activities: ['A', 'B'],
    });
    expect((await replayOne(app, events)).verdict).toBe('ok');
  });

  test('a sub-orchestration with retry: attempts and retry timers take ids', async () => {
    const b = new HistoryBuilder({ instanceId: 'r', name: 'Flow' });
    const s = b.subOrchestration('Child', 'r:child');
    b.episode().subFailed(s, 'child failed', 'Error: child failed');
    const t = b.timer(new Date(b.currentTime.getTime() + 1000));
    b.episode(1000).fired(t, b.currentTime);
    b.subOrchestration('Child', 'r:child');
    const app = await open('sub-retry', {
      orchestrators: { Flow: "yield context.df.callSubOrchestratorWithRetry('Child', new df.RetryOptions(1000, 3), null, 'r:child');", Child: 'return 1;' },
    });
    expect((await replayOne(app, b.idle().build())).verdict).toBe('ok');
  });
});

describe('verdict precedence', () => {
  test('calls swapped: the recorded failure reaches the wrong call and the code throws, but the divergence comes first', async () => {
    const b = new HistoryBuilder({ instanceId: 'sw', name: 'Flow' });
    const a = b.activity('A');
    b.episode().failed(a, 'Card declined', 'PaymentError: card declined');
    b.activity('B');
    const app = await open('swapped', {
      orchestrators: {
        Flow: "yield context.df.callActivity('B');\ntry { yield context.df.callActivity('A'); } catch (e) { yield context.df.callActivity('B'); }",
      },
      activities: ['A', 'B'],
    });
    const r = await replayOne(app, b.idle().build());
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.divergence?.location?.line).toBe(4);
    expect(r.warnings?.join()).toContain('also throws');
  });
});

describe('library API', () => {
  const spec = { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('X');" }, activities: ['A', 'B', 'X'] };
  function inFlight(): unknown {
    const b = new HistoryBuilder({ instanceId: 'lib-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().completed(a, 'a');
    b.activity('B');
    return b.idle().toFile();
  }

  test('replayHistory throws a NondeterminismError carrying the result; ok resolves', async () => {
    const app = await open('library', spec);
    const error = await replayHistory(app, inFlight()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NondeterminismError);
    expect((error as NondeterminismError).name).toBe('NondeterminismError');
    expect((error as NondeterminismError).result.divergence?.sequenceId).toBe(1);
    expect((error as Error).message).toMatch(
      /lib-1 \(Flow\) is nondeterministic at step 1: recorded TaskScheduled 'B', replayed CallActivity 'X' \(.*functions\.js:5:\d+\)/,
    );
    const okHistory = new HistoryBuilder({ instanceId: 'lib-2', name: 'Flow' });
    okHistory.activity('A');
    await expect(replayHistory(app, okHistory.idle().build())).resolves.toMatchObject({ verdict: 'ok' });
  });

  test('replayHistory throws ReplayFailure and HistoryError', async () => {
    const app = await open('library-failures', { orchestrators: { Other: 'return 1;' } });
    await expect(replayHistory(app, inFlight())).rejects.toBeInstanceOf(ReplayFailure);
    await expect(replayHistory(app, { history: [] })).rejects.toBeInstanceOf(HistoryError);
  });

  test('replayHistories yields one result per history, never throwing for a bad one', async () => {
    const app = await open('library-many', spec);
    const verdicts: string[] = [];
    for await (const result of replayHistories(app, [inFlight(), { nope: true }, '/no/such/file.json'])) verdicts.push(result.verdict);
    expect(verdicts).toEqual(['nondeterministic', 'error', 'error']);
  });

  test('a string holding the JSON text of a history is replayed as that history, not read as a path', async () => {
    const app = await open('library-text', spec);
    const text = JSON.stringify(inFlight(), null, 2);
    const error = await replayHistory(app, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NondeterminismError);
    await expect(loadHistory(`  ${text}`)).resolves.toMatchObject({ instanceId: 'lib-1' });
    await expect(loadHistory(JSON.stringify((inFlight() as { history: unknown[] }).history))).resolves.toMatchObject({ orchestrator: 'Flow' });
    const verdicts: string[] = [];
    for await (const result of replayHistories(app, [text, '{"history": [] }'])) verdicts.push(result.verdict);
    expect(verdicts).toEqual(['nondeterministic', 'error']);
    // Anything else is a path, and a missing one says so.
    await expect(loadHistory('histories/[x].json')).rejects.toThrow(/histories\/\[x\]\.json/);
  });
});

describe('robustness', () => {
  test('an orchestrator that never returns is reported as failed and the other histories go on', async () => {
    const spec = {
      orchestrators: {
        Flow: "const r = yield context.df.callActivity('A');\nif (r === 'loop') { while (true) { /* spins */ } }\nyield context.df.callActivity('B');",
      },
      activities: ['A', 'B'],
    };
    const app = await open('endless', spec, { historyTimeoutMs: 1000 });
    const history = (result: string): unknown => {
      const b = new HistoryBuilder({ instanceId: `e-${result}`, name: 'Flow' });
      const a = b.activity('A');
      b.episode().completed(a, result);
      b.activity('B');
      return b.idle().build();
    };
    const results = await app.replay([
      { value: history('fine'), source: 'first' },
      { value: history('loop'), source: 'spins' },
      { value: history('fine'), source: 'third' },
    ]);
    expect(results.map((r) => r.verdict)).toEqual(['ok', 'failed', 'ok']);
    expect(results[1]!.source).toBe('spins');
    expect(results[1]!.failure?.message).toContain('did not return within 1 s');
  }, 30_000);

  test('an orchestrator that calls process.exit is reported as failed and the other histories go on', async () => {
    const app = await open('exits', {
      orchestrators: { Flow: "const r = yield context.df.callActivity('A');\nif (r === 'exit') process.exit(3);\nyield context.df.callActivity('B');" },
      activities: ['A', 'B'],
    });
    const history = (result: string): unknown => {
      const b = new HistoryBuilder({ instanceId: `x-${result}`, name: 'Flow' });
      const a = b.activity('A');
      b.episode().completed(a, result);
      b.activity('B');
      return b.idle().build();
    };
    const results = await app.replay([
      { value: history('fine'), source: 'first' },
      { value: history('exit'), source: 'exits' },
      { value: history('fine'), source: 'third' },
    ]);
    expect(results.map((r) => r.verdict)).toEqual(['ok', 'failed', 'ok']);
    expect(results[1]!.failure?.message).toContain("ended the app's process");
  }, 30_000);
});

describe('entity locks (schema V4)', () => {
  test('a critical section replays: lock request, a call inside it, one release per entity', async () => {
    const b = new HistoryBuilder({ instanceId: 'l', name: 'Flow' });
    const lock = b.lockRequest([
      { name: 'counter', key: 'a' },
      { name: 'counter', key: 'b' },
    ]);
    b.episode().raised(lock.requestId, { result: null });
    const call = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
    b.episode().entityResponse(call.requestId, 1);
    b.eventSent('@counter@a', 'release', {});
    b.eventSent('@counter@b', 'release', {});
    b.activity('A');
    const history = b.idle().build();
    const app = await open('locks', {
      orchestrators: {
        Flow: [
          "const a = new df.EntityId('counter', 'a');",
          "const lock = yield context.df.lock([a, new df.EntityId('counter', 'b')]);",
          "yield context.df.callEntity(a, 'add', 1);",
          'lock.release();',
          "yield context.df.callActivity('A');",
        ].join('\n'),
      },
      activities: ['A'],
      entities: ['counter'],
    });
    const r = await replayOne(app, history);
    expect(r.verdict).toBe('ok');
    // Without the lock (the section removed) the lock request's id now holds the call.
    const unlocked = await open('locks-removed', {
      orchestrators: { Flow: "yield context.df.callEntity(new df.EntityId('counter', 'a'), 'add', 1);\nyield context.df.callActivity('A');" },
      activities: ['A'],
      entities: ['counter'],
    });
    const r2 = await replayOne(unlocked, history);
    expect(r2.verdict).toBe('nondeterministic');
    expect(r.replaySchema).toBe('V4');
  });

  // durable-functions' DurableOrchestrationContext.lock refuses below schema V4, which extension bundles
  // up to the Durable extension 3.12 advertise (Bindings/OrchestrationTriggerAttributeBindingProvider.cs).
  test('a lock added where no history proves schema V4 fails as on those hosts, naming the schema option; V4 when asked', async () => {
    const b = new HistoryBuilder({ instanceId: 'n', name: 'Flow' });
    b.activity('A');
    const history = b.idle().build();
    const app = await open('lock-added', {
      orchestrators: {
        Flow: "const lock = yield context.df.lock([new df.EntityId('counter', 'a')]);\nyield context.df.callActivity('A');\nlock.release();",
      },
      activities: ['A'],
      entities: ['counter'],
    });
    const v3 = await replayOne(app, history);
    // The lock throws before the recorded step: the runtime's nondeterminism error (item 6), said with the schema.
    expect([v3.replaySchema, v3.verdict]).toEqual(['V3', 'nondeterministic']);
    expect(v3.divergence?.explanation).toContain('lock requires a Durable Functions extension that supports OOProc schema V4');
    expect(v3.divergence?.explanation).toContain('replay with the schema option set to V4');
    const [v4] = await app.replay([{ value: history, source: 'n' }], { schema: 'V4' });
    expect([v4!.replaySchema, v4!.verdict]).toEqual(['V4', 'nondeterministic']);
  });
});

describe('payload and internal timers', () => {
  // The extension's Bindings/OrchestrationTriggerAttributeBindingProvider.cs advertises V3
  // (upperSchemaVersionNew 2) up to 3.12, V4 (3) from 3.13; only V4 hosts take lock requests.
  test('the payload advertises replay schema V3, V4 when the history proves it or when asked, and the Azure Storage timer limits', async () => {
    const { buildPayload } = await import('../harness/replay/payload.js');
    const { parseHistory } = await import('../harness/history/load.js');
    const b = new HistoryBuilder({ instanceId: 'p1', name: 'Flow', input: { a: 1 } });
    b.activity('A');
    const plain = parseHistory(b.idle().build(), 'p');
    expect(buildPayload(plain)).toMatchObject({
      instanceId: 'p1',
      input: { a: 1 },
      upperSchemaVersion: 1,
      upperSchemaVersionNew: 2,
      maximumShortTimerDuration: '6.00:00:00',
      longRunningTimerIntervalDuration: '3.00:00:00',
    });
    expect(buildPayload(plain, { schema: 'V4' })).toMatchObject({ upperSchemaVersionNew: 3 });
    const locked = new HistoryBuilder({ instanceId: 'p2', name: 'Flow' });
    locked.lockRequest([{ name: 'counter', key: 'k' }]);
    expect(buildPayload(parseHistory(locked.idle().build(), 'p'))).toMatchObject({ upperSchemaVersionNew: 3 });
  });

  test('a TimerCreated with EventId -100 (the dispatcher splitting a large batch) is skipped unchecked', async () => {
    // DurableTask.Core FrameworkConstants.FakeTimerIdToSplitDecision; TaskOrchestrationContext.HandleTimerCreatedEvent.
    const b = new HistoryBuilder({ instanceId: 't', name: 'Flow' });
    const a = b.activity('A');
    b.events.push({ EventType: EventType.TimerCreated, EventId: -100, FireAt: b.currentTime.toISOString(), Timestamp: b.currentTime.toISOString() });
    b.episode();
    b.events.push({ EventType: EventType.TimerFired, EventId: -1, TimerId: -100, FireAt: b.currentTime.toISOString(), Timestamp: b.currentTime.toISOString() });
    b.completed(a, 'a');
    b.activity('B');
    const app = await open('fake-timer', {
      orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" },
      activities: ['A', 'B'],
    });
    const r = await replayOne(app, b.idle().build());
    expect(r.verdict).toBe('ok');
    expect(r.warnings?.join()).toContain('Duplicate TimerFired Event: -100');
  });
});

describe('History table rows through the engine', () => {
  test('rows after continue-as-new, with leftovers of the previous execution, replay as the current execution only', async () => {
    const rowsOf = (events: HistoryEvent[], executionId: string): Record<string, unknown>[] =>
      events.map((e, i) => {
        const { EventType: type, Timestamp, OrchestrationInstance, ...rest } = e;
        return {
          PartitionKey: 'loop',
          RowKey: i.toString(16).toUpperCase().padStart(16, '0'),
          ExecutionId: executionId,
          EventType: EventType[type],
          _Timestamp: Timestamp,
          ...rest,
          ...(OrchestrationInstance ? { OrchestrationInstance: JSON.stringify({ ...OrchestrationInstance, ExecutionId: executionId }) } : {}),
        };
      });
    // The first execution ran two activities; the second (after continue-as-new) has one pending.
    const first = new HistoryBuilder({ instanceId: 'loop', name: 'Flow', input: 1 });
    const a = first.activity('A');
    first.episode().completed(a, 'a');
    const b2 = first.activity('B');
    first.episode().completed(b2, 'b');
    first.continueAsNew(2);
    const second = new HistoryBuilder({ instanceId: 'loop', name: 'Flow', input: 2, start: new Date('2026-11-03T00:00:00Z') });
    second.activity('A');
    const current = rowsOf(second.idle().build(), 'E2');
    const leftovers = rowsOf(first.build(), 'E1').slice(current.length);
    const rows = [{ PartitionKey: 'loop', RowKey: 'sentinel', ExecutionId: 'E2' }, ...current, ...leftovers];
    const app = await open('table-rows', {
      orchestrators: {
        Flow: "const n = context.df.getInput();\nyield context.df.callActivity('A');\nyield context.df.callActivity('B');\nif (n < 3) context.df.continueAsNew(n + 1);",
      },
      activities: ['A', 'B'],
    });
    const r = await replayOne(app, rows);
    expect(r.verdict).toBe('ok');
    expect(r.instanceId).toBe('loop');
    expect(r.warnings?.join()).toContain('earlier execution left behind by continue-as-new');
  });
});

describe('callHttp with the asynchronous 202 pattern', () => {
  // The extension's DurableOrchestrationContext.cs (CallHttpAsync): while the answer is 202 and the
  // pattern is on, it creates a timer (Retry-After seconds, or HttpOptions' 30 s default) and
  // schedules BuiltIn::HttpActivity again for the Location, each taking an id, all inside the one
  // CallHttp action; durable-functions' CallHttpWithPollingTask tracks the same ids.
  const accepted = { statusCode: 202, headers: { Location: ['https://example.invalid/status/1'], 'Retry-After': ['10'] }, content: '' };
  function polled(stage: 'mid' | 'second' | 'after'): HistoryEvent[] {
    const b = new HistoryBuilder({ instanceId: 'poll', name: 'Flow' });
    const start = b.activity('BuiltIn::HttpActivity');
    b.episode().completed(start, accepted);
    const fireAt = new Date(b.currentTime.getTime() + 10_000);
    const timer = b.timer(fireAt);
    if (stage === 'mid') return b.idle().build();
    b.episode(10_000).fired(timer, fireAt);
    const status = b.activity('BuiltIn::HttpActivity');
    if (stage === 'second') return b.idle().build();
    b.episode().completed(status, { statusCode: 200, headers: {}, content: 'done' });
    b.activity('A');
    return b.idle().build();
  }
  const code = (options = '') =>
    `const r = yield context.df.callHttp({ method: 'GET', url: 'https://example.invalid/start'${options} });\nyield context.df.callActivity('A', r.statusCode);`;

  test('an unchanged orchestrator whose instance polled replays ok: mid-poll, at the second request and after', async () => {
    const app = await open('http-poll', { orchestrators: { Flow: code() }, activities: ['A'] });
    for (const stage of ['mid', 'second', 'after'] as const) expect([stage, (await replayOne(app, polled(stage))).verdict]).toEqual([stage, 'ok']);
  });

  test('with polling switched off a 202 is the answer: one id, and a recorded poll is nondeterministic', async () => {
    const app = await open('http-no-poll', { orchestrators: { Flow: code(', enablePolling: false') }, activities: ['A'] });
    const r = await replayOne(app, polled('after'));
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
  });
});

describe('calls the extension refuses before taking an id', () => {
  // The extension's DurableOrchestrationContext.cs (CallDurableTaskFunctionAsync) validates the retry
  // intervals against the provider's longest timer (AzureStorageDurabilityProvider.cs: 6 days) and
  // a sub-orchestration's id (not its own, not its parent's, not '@...') before it takes a sequence
  // id; the exception lands in the task the shim swallows, so later calls shift down by one.
  test('a retry interval over 6 days: a recorded call is nondeterministic, a new one is dropped (failed)', async () => {
    const b = new HistoryBuilder({ instanceId: 'r', name: 'Flow' });
    b.activity('A');
    const recorded = b.idle().build();
    const app = await open('refused-retry', {
      orchestrators: { Flow: "yield context.df.callActivityWithRetry('A', new df.RetryOptions(7 * 24 * 3600 * 1000, 3));" },
      activities: ['A'],
    });
    const shifted = await replayOne(app, recorded);
    expect(shifted.verdict).toBe('nondeterministic');
    expect(shifted.warnings?.join('\n')).toContain('The Azure Storage provider supports a maximum of 6 days for time-based delays');
    const fresh = new HistoryBuilder({ instanceId: 'r2', name: 'Flow' }).idle().build();
    const dropped = await replayOne(app, fresh);
    expect(dropped.verdict).toBe('failed');
    expect(dropped.failure?.message).toContain("The extension refuses CallActivityWithRetry 'A': its retry option firstRetryIntervalInMilliseconds");
  });

  test("a sub-orchestration with the instance's own id takes no id: the next call takes the recorded one", async () => {
    const b = new HistoryBuilder({ instanceId: 'own', name: 'Flow' });
    b.subOrchestration('Child', 'child-1');
    b.activity('B');
    const app = await open('refused-sub', {
      orchestrators: {
        Flow: "yield context.df.Task.all([context.df.callSubOrchestrator('Child', null, context.df.instanceId), context.df.callActivity('B')]);",
        Child: 'return 1;',
      },
      activities: ['B'],
    });
    const r = await replayOne(app, b.idle().build());
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.warnings?.join('\n')).toContain("its instance id 'own' is the orchestration's own");
  });
});

describe('answers the extension rejects before replaying any call', () => {
  // The extension's Listener/OutOfProcOrchestrationShim.cs (ScheduleDurableTaskEvents) reads the whole
  // answer first (RetryOptionsConverter.cs reads each retry field with Value<int>()), then sets the
  // custom status (MessagePayloadDataConverter.cs: at most 16 KB in UTF-16), and only then replays the
  // actions; Listener/TaskOrchestrationShim.cs (InvokeUserCodeAndHandleResults) wraps the exception.
  test('a retry timeout over 2^31 ms: no call is taken, so a recorded step is nondeterministic and a fresh instance fails', async () => {
    const app = await open('rejected-retry', {
      orchestrators: {
        Flow: "const o = new df.RetryOptions(1000, 3);\no.retryTimeoutInMilliseconds = 30 * 24 * 3600 * 1000;\nyield context.df.callActivityWithRetry('A', o);",
      },
      activities: ['A'],
    });
    const b = new HistoryBuilder({ instanceId: 'big', name: 'Flow' });
    b.activity('A');
    const recorded = await replayOne(app, b.idle().build());
    expect(recorded.verdict).toBe('nondeterministic');
    expect(recorded.divergence?.sequenceId).toBe(0);
    expect(recorded.divergence?.explanation).toContain('retryTimeoutInMilliseconds (2592000000) does not fit the 32-bit integer');
    expect(recorded.divergence?.location?.line).toBe(6);
    const fresh = await replayOne(app, new HistoryBuilder({ instanceId: 'big2', name: 'Flow' }).idle().build());
    expect(fresh.verdict).toBe('failed');
    expect(fresh.failure?.runtimeMessage).toBe("Orchestrator function 'Flow' failed: Value was either too large or too small for an Int32.");
  });

  test('a custom status over 16 KB in UTF-16 fails the instance; 16 KB and a little more is still taken', async () => {
    const status = (chars: number): string => `context.df.setCustomStatus('x'.repeat(${chars}));\nyield context.df.callActivity('A');`;
    const fresh = new HistoryBuilder({ instanceId: 'cs', name: 'Flow' }).idle().build();
    // 8701 characters and two quotes: 17406 bytes, which the extension counts as 16 KB.
    const under = await open('status-16', { orchestrators: { Flow: status(8701) }, activities: ['A'] });
    expect((await replayOne(under, fresh)).verdict).toBe('ok');
    const over = await open('status-17', { orchestrators: { Flow: status(8702) }, activities: ['A'] });
    const r = await replayOne(over, fresh);
    expect(r.verdict).toBe('failed');
    expect(r.failure?.runtimeMessage).toBe(
      "Orchestrator function 'Flow' failed: The UTF-16 size of the JSON-serialized payload must not exceed 16 KB. The current payload size is 17 KB.",
    );
  });

  // DurableTask.Core RetryInterceptor.cs (Invoke): the attempt loop runs while retryCount < MaxNumberOfAttempts.
  test('a retry with no attempts takes no id and succeeds at once: the next call takes the id', async () => {
    const b = new HistoryBuilder({ instanceId: 'zero', name: 'Flow' });
    b.activity('B');
    const app = await open('retry-zero', {
      orchestrators: {
        Flow: "yield context.df.Task.any([context.df.callActivityWithRetry('A', new df.RetryOptions(1000, 0)), context.df.callActivity('B')]);",
      },
      activities: ['A', 'B'],
    });
    expect(await replayOne(app, b.idle().build())).toMatchObject({ verdict: 'ok' });
  });

  // DurableTaskExtension.cs (GetInvalidEntityFunctionMessage) picks its sentence by the count of known
  // orchestrators; the shim's SignalEntity waits synchronously, so the exception leaves its loop.
  test('a signal to an entity the app lacks stops the replay of later calls, with the entity message in its list form', async () => {
    const b = new HistoryBuilder({ instanceId: 'ghost', name: 'Flow' });
    b.activity('B');
    const app = await open('signal-missing', {
      orchestrators: { Flow: "context.df.signalEntity(new df.EntityId('ghost', 'k'), 'poke');\nyield context.df.callActivity('B');" },
      activities: ['B'],
    });
    const r = await replayOne(app, b.idle().build());
    expect(r.verdict).toBe('failed');
    expect(r.failure?.missingFunction).toEqual({ name: 'ghost', kind: 'entity' });
    // B is never scheduled: the recorded step meets no call.
    expect(r.failure?.runtimeMessage).toContain("scheduled an activity task with sequence ID 0 and name 'B'");
    const fresh = await replayOne(app, new HistoryBuilder({ instanceId: 'ghost2', name: 'Flow' }).idle().build());
    expect(fresh.failure?.runtimeMessage).toBe(
      "Orchestrator function 'Flow' failed: The function 'ghost' doesn't exist, is disabled, or is not an entity function. Additional info: The following are the known entity functions: ''.",
    );
  });
});

describe('retry options as the extension reads them', () => {
  // RetryOptionsConverter.cs takes a field the SDK sent as it is, zero included; RetryOptions.cs
  // defaults MaxRetryInterval to 6 days; RetryInterceptor.cs (ComputeNextDelay) ends the retries on a
  // zero delay or an expired timeout, with no timer.
  const failedOnce = (): HistoryEvent[] => {
    const b = new HistoryBuilder({ instanceId: 'zeroes', name: 'Flow' });
    const a = b.activity('A');
    b.episode().failed(a, 'boom');
    return b.idle().build();
  };
  const retry = (fields: Record<string, number>): SdkAction[][] => [
    [
      {
        actionType: ActionType.CallActivityWithRetry,
        functionName: 'A',
        retryOptions: { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 3, ...fields },
      },
    ],
  ];
  const next = (fields: Record<string, number>): string[] =>
    simulate(failedOnce(), retry(fields), 2, { ...DEFAULT_RUNTIME_OPTIONS, exists: () => true }).newWork.map((w) => w.cls);

  test('after a failed attempt: a retry timer unless a timeout or maximum interval of zero was sent', () => {
    expect(next({})).toEqual(['CreateTimerOrchestratorAction']);
    expect(next({ retryTimeoutInMilliseconds: 0 })).toEqual([]);
    expect(next({ maxRetryIntervalInMilliseconds: 0 })).toEqual([]);
    expect(next({ retryTimeoutInMilliseconds: 60_000, maxRetryIntervalInMilliseconds: 500 })).toEqual(['CreateTimerOrchestratorAction']);
    expect(next({ backoffCoefficient: 0 })).toEqual(['CreateTimerOrchestratorAction']);
  });
});

describe('rewound instances', () => {
  // DurableTask.AzureStorage Tracking/AzureTableTrackingStore.cs (RewindHistoryAsync) rewrites the failed
  // rows in place as GenericEvent tombstones ("Rewound: <type>", ids kept) and the replay schedules the
  // call again under the same id; DurableTask.Core TaskOrchestrationExecutor.cs has no case for
  // GenericEvent, so the tombstones are skipped.
  test('a history rewound by the Azure Storage provider replays ok; the call scheduled again is checked against the app', async () => {
    const rewound = rewoundInPlace('rw');
    const app = await open('rewound', { orchestrators: { Flow: "return yield context.df.callActivity('A');" }, activities: ['A'] });
    const r = await replayOne(app, rewound);
    expect([r.verdict, r.finished]).toEqual(['ok', undefined]);
    // The re-scheduled call is pending: with its activity gone from the app, the instance waits for ever.
    const gone = await open('rewound-gone', { orchestrators: { Flow: "return yield context.df.callActivity('A');" }, activities: [] });
    expect(await replayOne(gone, rewound)).toMatchObject({ verdict: 'failed', failure: { missingFunction: { name: 'A', kind: 'activity' } } });
  });
});

describe('external events', () => {
  // The extension's DurableOrchestrationContext.cs (RaiseEvent: pendingExternalEvents is a stack per
  // name, compared OrdinalIgnoreCase) and durable-functions' TaskOrchestrationExecutor (setTaskValue:
  // openEvents[name].pop()) both hand an event to the newest waiter: the Task.any-in-a-loop pattern.
  test('an event goes to the newest waiter: a wait abandoned when a timer won does not swallow it', async () => {
    const b = new HistoryBuilder({ instanceId: 'e', name: 'Flow' });
    const fireAt = new Date(b.currentTime.getTime() + 60_000);
    const timer = b.timer(fireAt);
    b.episode(60_000).fired(timer, fireAt);
    b.episode().raised('E', 1);
    b.activity('A');
    const app = await open('lifo', {
      orchestrators: {
        Flow: "const w1 = context.df.waitForExternalEvent('E');\nconst t = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60000));\nyield context.df.Task.any([w1, t]);\nconst v = yield context.df.waitForExternalEvent('E');\nyield context.df.callActivity('A', v);",
      },
      activities: ['A'],
    });
    expect(await replayOne(app, b.idle().build())).toMatchObject({ verdict: 'ok' });
  });

  // The extension's pendingExternalEvents and buffer compare names OrdinalIgnoreCase; durable-functions'
  // TaskOrchestrationExecutor keys its waits by the exact name: a wait renamed only in case never sees the event.
  test('an event whose name differs from its wait only in letter case: the code never sees it, and the report says so', async () => {
    const b = new HistoryBuilder({ instanceId: 'c', name: 'Flow' });
    b.episode().raised('Approval', true);
    const app = await open('event-case', {
      orchestrators: { Flow: "yield context.df.waitForExternalEvent('approval');\nyield context.df.callActivity('A');" },
      activities: ['A'],
    });
    const r = await replayOne(app, b.idle().build());
    expect(r.warnings?.join('\n')).toContain("the event 'Approval' reaches the wait for 'approval' in the extension");
    const same = await open('event-same', {
      orchestrators: { Flow: "yield context.df.waitForExternalEvent('Approval');\nyield context.df.callActivity('A');" },
      activities: ['A'],
    });
    expect((await replayOne(same, b.idle().build())).warnings).toBeUndefined();
  });
});

describe('finished instances', () => {
  // DurableTask.Core src/DurableTask.Core/OrchestrationStatus.cs: the numbers ExecutionCompleted carries.
  test('OrchestrationStatus has the runtime numbers, and names in either letter case', () => {
    expect([OrchestrationStatus.Running, OrchestrationStatus.Completed, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Failed]).toEqual([0, 1, 2, 3]);
    expect([OrchestrationStatus.Canceled, OrchestrationStatus.Terminated, OrchestrationStatus.Pending, OrchestrationStatus.Suspended]).toEqual([4, 5, 6, 7]);
    expect([orchestrationStatusName(2), orchestrationStatusName('terminated'), orchestrationStatusName(9), orchestrationStatusName('2')]).toEqual([
      'ContinuedAsNew',
      'Terminated',
      undefined,
      undefined,
    ]);
  });

  // DurableTask.AzureStorage src/DurableTask.AzureStorage/AzureStorageOrchestrationService.cs
  // (IsExecutableInstance): messages for an instance that is neither Running nor Pending are
  // discarded ("Instance is Completed"), so a finished instance's history is never replayed again.
  test('a finished instance is ok as the runtime treats it, with its path said as a warning; judge counts it', async () => {
    const b = new HistoryBuilder({ instanceId: 'done-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().completed(a, 'a');
    const events = b.completeExecution('done').build();
    const app = await open('finished', {
      orchestrators: { Flow: "yield context.df.callActivity('X');\nyield context.df.callActivity('A');\nreturn 'done';" },
      activities: ['A', 'X'],
    });
    const [asRuntime, judged] = [await replayOne(app, events), (await app.replay([{ value: events, source: 'test' }], { finished: 'judge' }))[0]!];
    expect(asRuntime).toMatchObject({ verdict: 'ok', finished: 'Completed', finishedPath: { verdict: 'nondeterministic', divergence: { sequenceId: 0 } } });
    expect(asRuntime.divergence).toBeUndefined();
    expect(asRuntime.warnings?.join('\n')).toContain('this instance is Completed, and the runtime never replays a finished instance');
    expect(asRuntime.warnings?.join('\n')).toContain('On its path the new code is nondeterministic: The history recorded TaskScheduled');
    expect(asRuntime.finishedPath?.divergence?.location?.file).toMatch(/finished[/\\]src[/\\]functions\.js$/);
    expect(judged).toMatchObject({ verdict: 'nondeterministic', finished: 'Completed' });
    // A failed or terminated instance, as History table rows name the status: finished too.
    const failed = events.map((e) => (e.EventType === EventType.ExecutionCompleted ? { ...e, OrchestrationStatus: 'Failed' } : e));
    expect(await replayOne(app, failed)).toMatchObject({ verdict: 'ok', finished: 'Failed' });
    // Continued as new is not finished: the next generation runs on the new code.
    const continued = events.map((e) => (e.EventType === EventType.ExecutionCompleted ? { ...e, OrchestrationStatus: OrchestrationStatus.ContinuedAsNew } : e));
    expect(await replayOne(app, continued)).toMatchObject({ verdict: 'nondeterministic' });
  });
});
