/**
 * The local Durable runtime (harness/testing/runtime.ts): the example app run forward writes the
 * histories the task hub demo writes (event by event), every construct run forward replays ok at
 * every episode boundary, and the test set-up's mistakes get messages that say what to pass.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { EventType, type HistoryEvent } from '../harness/history/events.js';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { LocalRuntime, LocalRuntimeError } from '../harness/testing/runtime.js';
import { approveOrderHistory, orderInput, processOrderHistory, reminderOrderHistory } from './support/orders.js';
import { repoRoot, writeApp } from './helpers/apps.js';

const ORDER_APP = join(repoRoot, 'examples', 'order-app');
const START = '2026-11-02T08:00:00.000Z';

/**
 * What must match event by event: the type, the sequence id and what it names or links to. An
 * entity's response is named after its request's id, which the extension makes from the episode's
 * time: it is shown as the request it answers.
 */
function shape(events: readonly HistoryEvent[]): string[] {
  const requests = new Map<string, number>();
  for (const e of events) {
    const id = e.EventType === EventType.EventSent ? (JSON.parse(e.Input ?? '{}') as { id?: string }).id : undefined;
    if (id) requests.set(id, e.EventId);
  }
  return events.map((e) =>
    [
      EventType[e.EventType],
      e.EventId,
      e.EventType === EventType.EventRaised && requests.has(e.Name ?? '') ? `response to ${requests.get(e.Name!)}` : (e.Name ?? ''),
      e.TaskScheduledId ?? '',
      e.TimerId ?? '',
      e.EventType === EventType.EventSent ? `${e.InstanceId} ${String((JSON.parse(e.Input ?? '{}') as { op?: string }).op ?? '')}` : '',
    ].join(' '),
  );
}

/** Every history the instance wrote, at every episode boundary and at its end, replays ok against `app`. */
async function replaysOk(app: ReplayApp, histories: unknown[]): Promise<void> {
  const results = await app.replay(histories.map((value, i) => ({ value, source: `history ${i}` })));
  for (const result of results)
    expect({ source: result.source, verdict: result.verdict, why: result.divergence?.explanation ?? result.failure?.message }).toMatchObject({ verdict: 'ok' });
}

describe('the example app run forward', () => {
  let runtime: LocalRuntime;
  let replay: ReplayApp;
  beforeAll(async () => {
    replay = await loadApp(ORDER_APP, { userOutput: 'ignore' });
  });
  afterAll(async () => {
    await runtime?.close();
    await replay?.close();
  });

  test('ProcessOrder writes the same events as the task hub demo, at every stage, and each replays ok', async () => {
    runtime = await LocalRuntime.create({ app: ORDER_APP, appActivities: true, startTime: START, userOutput: 'ignore' });
    const spec = { orderId: 'order-7', items: 3, total: 300 };
    const order = await runtime.start('ProcessOrder', { input: orderInput({ ...spec, stage: 'done' }), instanceId: 'order-7' });
    await runtime.run();
    expect(order.status).toBe('Completed');
    expect(order.output).toEqual({ status: 'shipped', orderId: 'order-7', tracking: 'TRACK-order-7' });
    expect(shape(order.history())).toEqual(shape(processOrderHistory({ ...spec, stage: 'done' }).build()));
    // The instance in flight at each episode boundary is the demo's instance at that stage.
    const prefixes = order.inFlightHistories();
    const stages = ['validate', 'reserve', 'entity', 'charge', 'ship'] as const;
    expect(prefixes.map((file) => shape(file.history))).toEqual(stages.map((stage) => shape(processOrderHistory({ ...spec, stage }).build())));
    await replaysOk(replay, [...prefixes, order.toFile()]);
    // The entity ran from the app's own code: reserved 1 + 2 + 3, released on the way out.
    expect(runtime.entityState('inventory', 'main')).toBe(0);
    expect(order.calls.map((c) => c.activity)).toEqual(['ValidateOrder', 'ReserveItem', 'ReserveItem', 'ReserveItem', 'ChargePayment', 'ShipOrder']);
    await runtime.close();
  });

  test('a failed payment is retried after the retry timer, as the demo writes it; approvals run as a sub-orchestration', async () => {
    runtime = await LocalRuntime.create({
      app: ORDER_APP,
      appActivities: true,
      startTime: START,
      userOutput: 'ignore',
      activities: {
        ChargePayment: (() => {
          let calls = 0;
          return (input: { total: number }) => {
            if (calls++ === 0) throw new Error('card declined');
            return { charged: input.total };
          };
        })(),
      },
    });
    const spec = { orderId: 'order-8', items: 2, total: 1500, paymentFailures: 1 };
    const order = await runtime.start('ProcessOrder', { input: orderInput({ ...spec, stage: 'done' }), instanceId: 'order-8' });
    const approval = runtime.instance('order-8:approval');
    expect(approval?.status).toBe('Running');
    expect(shape(approval!.history())).toEqual(shape(approveOrderHistory('order-8').build()));
    await approval!.raiseEvent('Approval', true);
    expect(approval!.status).toBe('Completed');
    expect(shape(approval!.history())).toEqual(shape(approveOrderHistory('order-8', true).build()));
    await runtime.run();
    expect(order.status).toBe('Completed');
    expect(shape(order.history())).toEqual(shape(processOrderHistory({ ...spec, stage: 'done' }).build()));
    const failed = order.history().find((e) => e.EventType === EventType.TaskFailed)!;
    expect(failed.Reason).toContain('card declined');
    // The retry fires 5 s after the episode the failure resumed (its OrchestratorStarted).
    const events = order.history();
    const timerAt = events.findIndex((e) => e.EventType === EventType.TimerCreated);
    const episode = events.slice(0, timerAt).findLast((e) => e.EventType === EventType.OrchestratorStarted)!;
    expect(Date.parse(events[timerAt]!.FireAt!) - Date.parse(episode.Timestamp)).toBe(5000);
    await replaysOk(replay, [...order.inFlightHistories(), order.toFile(), ...approval!.inFlightHistories(), approval!.toFile()]);
    await runtime.close();
  });

  test('the approval times out when nothing else can happen; a 10-day reminder is split into 3-day timers', async () => {
    runtime = await LocalRuntime.create({ app: ORDER_APP, startTime: START, userOutput: 'ignore', activities: { SendReminder: () => undefined } });
    const approval = await runtime.start('ApproveOrder', { input: { orderId: 'order-9', total: 1500 }, instanceId: 'order-9:approval' });
    const reminder = await runtime.start('ReminderOrder', { input: { orderId: 'order-9', customer: 'c' }, instanceId: 'order-9:reminder' });
    await runtime.advance('24h');
    expect(approval.status).toBe('Running');
    await runtime.run();
    expect(approval.status).toBe('Completed');
    expect(approval.output).toEqual({ approved: false, reason: 'timeout' });
    expect(reminder.status).toBe('Completed');
    // Three pieces of 3 days, one of 1 day; then the activity.
    const fired = reminder.history().filter((e) => e.EventType === EventType.TimerCreated);
    expect(fired.map((e) => (Date.parse(e.FireAt!) - Date.parse(START)) / 86_400_000)).toEqual([3, 6, 9, 10]);
    expect(shape(reminder.inFlightHistories()[3]!.history)).toEqual(shape(reminderOrderHistory('order-9', 3).build()));
    expect(reminder.calls.map((c) => c.activity)).toEqual(['SendReminder']);
    await replaysOk(replay, [...reminder.inFlightHistories(), reminder.toFile(), ...approval.inFlightHistories(), approval.toFile()]);
    await runtime.close();
  });

  test('a missing activity result is named, with what to pass', async () => {
    runtime = await LocalRuntime.create({ app: ORDER_APP, startTime: START, userOutput: 'ignore' });
    const started = runtime.start('ProcessOrder', { input: orderInput({ orderId: 'order-10', stage: 'done' }), instanceId: 'order-10' });
    await expect(started).rejects.toThrow(LocalRuntimeError);
    await expect(started).rejects.toThrow(/calls the activity 'ValidateOrder'.*activities: \{ ValidateOrder: \(input\) => result \}.*appActivities: true/);
    await expect(runtime.start('ProcessOrders')).rejects.toThrow(
      "The app has no orchestrator named 'ProcessOrders'. Its orchestrators: ProcessOrder, ApproveOrder, ReminderOrder.",
    );
    await expect(runtime.start('ShipOrder')).rejects.toThrow("The app has no orchestrator named 'ShipOrder' ('ShipOrder' is an activity). Its orchestrators:");
    await runtime.close();
    await expect(LocalRuntime.create({ app: ORDER_APP, appActivities: ['ShipOrder', 'ReserveItems'], userOutput: 'ignore' })).rejects.toThrow(
      "appActivities names 'ReserveItems', which the app does not register as an activity. Its activities: ",
    );
  });
});

describe('every construct run forward replays ok', () => {
  const app = writeApp('local-runtime-constructs', {
    orchestrators: {
      Http: [
        "const res = yield context.df.callHttp({ method: 'POST', url: 'https://example.invalid/jobs', body: { n: 1 } });",
        "yield context.df.callActivity('A', res.statusCode);",
        'return res.content;',
      ].join('\n'),
      Loop: [
        'const n = context.df.getInput();',
        "yield context.df.callActivity('A', n);",
        'if (n < 3) { context.df.continueAsNew(n + 1); return; }',
        "return 'done';",
      ].join('\n'),
      Locked: [
        "const a = new df.EntityId('counter', 'a');",
        "const b = new df.EntityId('counter', 'b');",
        'const lock = yield context.df.lock([b, a]);',
        "const x = yield context.df.callEntity(a, 'add', 2);",
        "yield context.df.callActivity('A', x);",
        'lock.release();',
        "context.df.signalEntity(b, 'add', 5);",
        'return x;',
      ].join('\n'),
      Waits: [
        "const first = yield context.df.waitForExternalEvent('Go');",
        'context.df.setCustomStatus({ got: first });',
        "const r = yield context.df.callActivityWithRetry('Flaky', new df.RetryOptions(1000, 3), first);",
        "const fanned = yield context.df.Task.all([1, 2, 3].map((i) => context.df.callActivity('A', i)));",
        "const child = yield context.df.callSubOrchestrator('Child', r);",
        'return [r, fanned, child];',
      ].join('\n'),
      Child: [
        'const t = new Date(context.df.currentUtcDateTime.getTime() + 60000);',
        'yield context.df.createTimer(t);',
        'return context.df.getInput() * 2;',
      ].join('\n'),
      Missing: [
        "yield context.df.Task.any([context.df.callActivity('A', 1), context.df.callActivity('Nope', 2)]);",
        "yield context.df.callActivity('A', 3);",
        "yield context.df.callActivity('A', 4);",
        "return 'went on';",
      ].join('\n'),
      Eternal: [
        'for (;;) {',
        '  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3600000));',
        "  yield context.df.callActivity('A', 0);",
        '}',
      ].join('\n'),
      Throws: ["yield context.df.callActivity('A', 1);", "throw new Error('boom');"].join('\n'),
    },
    activities: ['A', 'Flaky'],
    entities: ['counter'],
  });
  let runtime: LocalRuntime;
  let replay: ReplayApp;
  const counters = new Map<string, number>();
  beforeAll(async () => {
    replay = await loadApp(app, { userOutput: 'ignore', allowStaleBuild: true });
  });
  afterAll(async () => {
    await runtime?.close();
    await replay?.close();
  });

  const create = async (schema?: 'V4'): Promise<LocalRuntime> =>
    LocalRuntime.create({
      app,
      startTime: START,
      userOutput: 'ignore',
      ...(schema ? { schema } : {}),
      appActivities: ['A'],
      activities: {
        Flaky: (n: number) => {
          const tries = (counters.get('Flaky') ?? 0) + 1;
          counters.set('Flaky', tries);
          if (tries < 3) throw new Error(`try ${tries} failed`);
          return n * 10;
        },
      },
      entities: {
        counter: ({ operation, input, state }) => {
          if (operation !== 'add') throw new Error(`unknown operation ${operation}`);
          const next = ((state as number | undefined) ?? 0) + (input as number);
          return { state: next, result: next };
        },
      },
      http: (request) =>
        request.poll
          ? { statusCode: 200, content: 'finished' }
          : { statusCode: 202, headers: { Location: 'https://example.invalid/jobs/1', 'Retry-After': '5' } },
    });

  test('callHttp with 202 polling: the poll waits Retry-After and GETs the Location', async () => {
    runtime = await create();
    const instance = await runtime.start('Http', { instanceId: 'http-1' });
    await runtime.run();
    expect(instance.status).toBe('Completed');
    expect(instance.output).toBe('finished');
    expect(instance.calls.map((c) => [c.activity, (c.input as { method?: string }).method ?? c.input])).toEqual([
      ['BuiltIn::HttpActivity', 'POST'],
      ['BuiltIn::HttpActivity', 'GET'],
      ['A', 200],
    ]);
    const timer = instance.history().find((e) => e.EventType === EventType.TimerCreated)!;
    expect(Date.parse(timer.FireAt!) - Date.parse(timer.Timestamp)).toBe(5000);
    await replaysOk(replay, [...instance.inFlightHistories(), instance.toFile()]);
    await runtime.close();
  });

  test('continueAsNew starts a new generation with the new input; each generation replays ok', async () => {
    runtime = await create();
    const instance = await runtime.start('Loop', { input: 1, instanceId: 'loop-1' });
    await runtime.run();
    expect(instance.status).toBe('Completed');
    expect(instance.output).toBe('done');
    expect(instance.generation).toBe(2);
    expect(instance.generations.map((g) => g.runtimeStatus)).toEqual(['ContinuedAsNew', 'ContinuedAsNew']);
    const started = instance.history().find((e) => e.EventType === EventType.ExecutionStarted)!;
    // A generation continued as new starts with Generation unset, as DurableTask.Core writes it.
    expect([started.Input, started.Generation]).toEqual(['3', null]);
    expect(instance.generations[0]!.history.at(-2)).toMatchObject({ EventType: EventType.ContinueAsNew, Result: '2' });
    await replaysOk(replay, [...instance.inFlightHistories(), ...instance.generations, instance.toFile()]);
    await runtime.close();
  });

  test('locks, entity calls inside them, releases and signals (schema V4)', async () => {
    runtime = await create('V4');
    const instance = await runtime.start('Locked', { instanceId: 'lock-1' });
    await runtime.run();
    expect(instance.status).toBe('Completed');
    expect(instance.output).toBe(2);
    expect([runtime.entityState('counter', 'a'), runtime.entityState('counter', 'b')]).toEqual([2, 5]);
    const sent = instance.history().filter((e) => e.EventType === EventType.EventSent);
    expect(sent.map((e) => `${e.Name} ${e.InstanceId}`)).toEqual([
      'op @counter@a',
      'op @counter@a',
      'release @counter@a',
      'release @counter@b',
      'op @counter@b',
    ]);
    await replaysOk(replay, [...instance.inFlightHistories(), instance.toFile()]);
    await runtime.close();
  });

  test('events, retries, fan-out, sub-orchestrations, custom status, suspend and resume', async () => {
    counters.clear();
    runtime = await create();
    const instance = await runtime.start('Waits', { instanceId: 'waits-1' });
    expect(instance.status).toBe('Running');
    await instance.suspend();
    expect(instance.status).toBe('Suspended');
    await instance.raiseEvent('Go', 4);
    // Held while suspended: the runtime schedules nothing (the code, handed the whole history,
    // has seen the event: its custom status says so, as the extension would set it).
    expect(instance.history().some((e) => e.EventType === EventType.TaskScheduled)).toBe(false);
    await instance.resume();
    expect(
      instance
        .history()
        .filter((e) => e.EventType === EventType.TaskScheduled)
        .map((e) => e.Name),
    ).toEqual(['Flaky']);
    expect(instance.customStatus).toEqual({ got: 4 });
    await runtime.run();
    expect(instance.status).toBe('Completed');
    expect(instance.output).toEqual([40, [1, 2, 3], 80]);
    expect(instance.history().filter((e) => e.EventType === EventType.TaskFailed)).toHaveLength(2);
    const child = runtime.allInstances.find((i) => i.name === 'Child');
    // No id given: the parent's execution id and the call's sequence id.
    expect(child?.instanceId).toMatch(new RegExp(`^${instance.executionId}:\\d+$`));
    expect(child?.status).toBe('Completed');
    await replaysOk(replay, [...instance.inFlightHistories(), instance.toFile(), ...child!.inFlightHistories(), child!.toFile()]);
    await runtime.close();
  });

  test('a call to a function the app does not register is dropped as production drops it (a problem, said once); bad durations are named', async () => {
    runtime = await create();
    const missing = await runtime.start('Missing', { instanceId: 'missing-1' });
    await runtime.run();
    // The dropped call takes no id in the extension but one in the SDK: the next completion goes to
    // the SDK's wrong task, and the instance waits for ever, as in production.
    expect(missing.status).toBe('Running');
    expect(missing.problems).toEqual([
      "Missing (missing-1) calls the activity 'Nope', which the app does not register and the test does not mock: production drops the call, and the instance waits for ever.",
    ]);
    expect(
      missing
        .history()
        .filter((e) => e.EventType === EventType.TaskScheduled)
        .map((e) => e.EventId),
    ).toEqual([0, 1]);
    // Replay says the same of these histories.
    const results = await replay.replay(missing.inFlightHistories().map((value, i) => ({ value, source: `m${i}` })));
    expect(results.map((r) => [r.verdict, r.failure?.missingFunction?.name])).toEqual(results.map(() => ['failed', 'Nope']));
    await expect(runtime.advance('three days')).rejects.toThrow(
      "advance(\"three days\"): expected milliseconds (a number >= 0) or a duration such as '90s', '72h', '10d'.",
    );
    await expect(runtime.run({ until: 'soon' })).rejects.toThrow(/run\(\{ until: "soon" \}\): expected a time/);
    await runtime.close();
  });

  test('an eternal orchestration: run() stops at maxEpisodes with a message, or at `until`', async () => {
    runtime = await LocalRuntime.create({ app, startTime: START, userOutput: 'ignore', appActivities: ['A'], maxEpisodes: 20 });
    const eternal = await runtime.start('Eternal', { instanceId: 'eternal-1' });
    await expect(runtime.run()).rejects.toThrow(
      /^run\(\) stopped after 20 episodes with timers still pending \(eternal-1 \(Eternal\)\): an eternal orchestration never ends\. Pass run\(\{ until: '30d' \}\)/,
    );
    const at = runtime.now.getTime();
    await runtime.run({ until: '5h' });
    expect(runtime.now.getTime() - at).toBe(5 * 3_600_000);
    expect(eternal.status).toBe('Running');
    await runtime.close();
  });

  test('a thrown error fails the instance with the message production records; terminate ends one', async () => {
    runtime = await create();
    const throws = await runtime.start('Throws', { instanceId: 'throws-1' });
    expect(throws.status).toBe('Failed');
    expect(throws.failure?.message).toBe("Orchestrator function 'Throws' failed: boom");
    expect(throws.history().at(-2)).toMatchObject({ EventType: EventType.ExecutionCompleted, OrchestrationStatus: 3 });
    const waits = await runtime.start('Waits', { instanceId: 'waits-2' });
    await waits.terminate('no longer needed');
    expect(waits.status).toBe('Terminated');
    await replaysOk(replay, [...throws.inFlightHistories(), throws.toFile(), waits.toFile()]);
    await runtime.close();
  });
});

describe('a function.json app (durable-functions 2.x)', () => {
  const legacy = join(repoRoot, '__tests__', 'fixtures', 'apps', 'legacy-app');

  test("runs its own activities, which get a string input decoded; stored inputs are the provider's form and replay without drift", async () => {
    const runtime = await LocalRuntime.create({ app: legacy, appActivities: true, storeInputs: true, startTime: START, userOutput: 'ignore' });
    const replay = await loadApp(legacy, { userOutput: 'ignore' });
    try {
      const hello = await runtime.start('Hello', { instanceId: 'hello-1' });
      await runtime.run();
      expect(hello.status).toBe('Completed');
      expect(hello.output).toEqual(['Hello Tokyo!', 'Hello Seattle!']);
      const scheduled = hello.history().filter((e) => e.EventType === EventType.TaskScheduled);
      expect(scheduled.map((e) => e.Input)).toEqual(['["\\"Tokyo\\""]', '["\\"Seattle\\""]']);
      const results = await replay.replay([...hello.inFlightHistories(), hello.toFile()].map((value, i) => ({ value, source: `h${i}` })));
      expect(results.map((r) => [r.verdict, r.warnings ?? []])).toEqual(results.map(() => ['ok', []]));
    } finally {
      await runtime.close();
      await replay.close();
    }
  });
});
