/**
 * "Break it on purpose": each test changes one thing in a real app run by the real SDK and
 * asserts the verdict, the sequence id and the runtime's message. The rules and their upstream
 * sources are listed in docs/runtime-rules.md (DurableTask.Core TaskOrchestrationContext.cs,
 * the extension's OutOfProcOrchestrationShim.cs, DurableTaskExtension.cs, RetryInterceptor.cs).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { EventType } from '../harness/history/events.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import type { ReplayResult } from '../harness/replay/result.js';
import { writeApp } from './helpers/apps.js';

const apps = new Map<string, Promise<ReplayApp>>();
afterAll(async () => {
  for (const app of apps.values()) await (await app).close();
});

async function replay(name: string, spec: Parameters<typeof writeApp>[1], history: unknown): Promise<ReplayResult> {
  let app = apps.get(name);
  if (!app) {
    app = loadApp(writeApp(name, spec), { userOutput: 'ignore' });
    apps.set(name, app);
  }
  const [result] = await (await app).replay([{ value: history, source: name }]);
  return result!;
}

const ACTIVITIES = ['A', 'B', 'C', 'X'];
/** A done, B pending: the most common in-flight shape. */
function aDoneBPending(name = 'Flow'): HistoryBuilder {
  const b = new HistoryBuilder({ instanceId: 'inst-1', name, input: 'in' });
  const a = b.activity('A');
  b.episode().completed(a, 'a');
  b.activity('B');
  return b.idle();
}
const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';

describe('activities', () => {
  test('an inserted activity is nondeterministic at its sequence id, with the runtime message and source line', async () => {
    const r = await replay(
      'inserted',
      {
        orchestrators: { Flow: "yield context.df.callActivity('A', 'in');\nyield context.df.callActivity('X');\nyield context.df.callActivity('B');" },
        activities: ACTIVITIES,
      },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.recorded).toEqual({ event: 'TaskScheduled', name: 'B', eventIndex: 6 });
    expect(r.divergence?.replayed).toEqual({ action: 'CallActivity', name: 'X' });
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence number 1 named 'B', but the current orchestration replay instead scheduled an activity task named 'X' with this sequence number.  ${TAIL}`,
    );
    expect(r.divergence?.location?.file).toMatch(/inserted[/\\]src[/\\]functions\.js$/);
    expect(r.divergence?.location?.line).toBe(5);
  });

  test('a renamed activity is nondeterministic', async () => {
    const r = await replay(
      'renamed',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('C');" }, activities: ACTIVITIES },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.message).toContain("named 'B', but the current orchestration replay instead scheduled an activity task named 'C'");
  });

  test('a rename in letter case only is ok: names compare case-insensitively', async () => {
    const r = await replay(
      'case-only',
      { orchestrators: { Flow: "yield context.df.callActivity('a');\nyield context.df.callActivity('b');" }, activities: ACTIVITIES },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a changed input is ok: inputs are never compared', async () => {
    const r = await replay(
      'input',
      { orchestrators: { Flow: "yield context.df.callActivity('A', { other: 1 });\nyield context.df.callActivity('B', 42);" }, activities: ACTIVITIES },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a timer where an activity was is nondeterministic (another action type)', async () => {
    const r = await replay(
      'timer-for-activity',
      {
        orchestrators: {
          Flow: "yield context.df.callActivity('A');\nyield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60000));",
        },
        activities: ACTIVITIES,
      },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.replayed?.action).toBe('CreateTimer');
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence number 1 named 'B', but the current orchestration replay instead produced a CreateTimerOrchestratorAction action with this sequence number. ${TAIL}`,
    );
  });

  test('a removed call is nondeterministic: the runtime finds nothing at that id', async () => {
    const r = await replay(
      'removed',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nreturn 'done';" }, activities: ACTIVITIES },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.replayed).toBeUndefined();
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence ID 1 and name 'B' (version ''), but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`,
    );
    expect(r.divergence?.location?.line).toBe(4);
  });

  test('a call appended after the end of the history is ok (new work)', async () => {
    const r = await replay(
      'appended',
      {
        orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');\nyield context.df.callActivity('C');" },
        activities: ACTIVITIES,
      },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('waiting for an external event before the first recorded call is nondeterministic at id 0', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    b.activity('A');
    const r = await replay(
      'event-first',
      { orchestrators: { Flow: "yield context.df.waitForExternalEvent('Go');\nyield context.df.callActivity('A');" }, activities: ACTIVITIES },
      b.idle().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.divergence?.message).toContain("sequence ID 0 and name 'A' (version ''), but the current replay execution hasn't (yet?) scheduled this task");
    expect(r.divergence?.location?.line).toBe(4);
  });

  test('awaiting in sequence what ran in parallel is nondeterministic (the shim feeds one action at a time)', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    b.activity('A');
    b.activity('B');
    const r = await replay(
      'parallel-to-sequence',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" }, activities: ACTIVITIES },
      b.idle().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.message).toContain("hasn't (yet?) scheduled this task");
  });
});

describe('fan-out', () => {
  const grown = {
    orchestrators: { Flow: "yield context.df.Task.all([1, 2, 3].map((i) => context.df.callActivity('A', i)));\nyield context.df.callActivity('B');" },
    activities: ACTIVITIES,
  };

  test('grown in a past episode: the extra branch takes the id of the next recorded call', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const ids = [b.activity('A'), b.activity('A')];
    b.episode();
    for (const id of ids) b.completed(id, 1);
    b.activity('B');
    const r = await replay('fanout', grown, b.idle().build());
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(2);
    expect(r.divergence?.message).toContain("named 'B', but the current orchestration replay instead scheduled an activity task named 'A'");
  });

  test('grown in the current episode: ok, the extra branch is new work', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    b.activity('A');
    b.activity('A');
    const r = await replay('fanout', grown, b.idle().build());
    expect(r.verdict).toBe('ok');
  });
});

describe('sub-orchestrations and timers', () => {
  function childPending(): unknown {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    b.subOrchestration('Child', 'inst-1:child');
    return b.idle().build();
  }

  test('a renamed sub-orchestration is nondeterministic (the new name is printed unquoted, as upstream does)', async () => {
    const r = await replay(
      'sub-renamed',
      { orchestrators: { Flow: "yield context.df.callSubOrchestrator('Child2', null, 'inst-1:child');", Child2: 'return 1;' } },
      childPending(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(0);
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a sub-orchestration task with sequence ID 0 and name 'Child' (version '', instance ID 'inst-1:child'), but the current orchestration replay instead scheduled a sub-orchestration task with name Child2 at this sequence number. ${TAIL}`,
    );
  });

  test("a sub-orchestration's instance id changed is ok", async () => {
    const r = await replay(
      'sub-id',
      { orchestrators: { Flow: "yield context.df.callSubOrchestrator('Child', null, 'another-id');", Child: 'return 1;' } },
      childPending(),
    );
    expect(r.verdict).toBe('ok');
  });

  test("a timer's FireAt changed is ok", async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    b.timer(new Date(b.currentTime.getTime() + 3600_000));
    const r = await replay(
      'fireat',
      { orchestrators: { Flow: 'yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 7200000));' } },
      b.idle().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a long timer split by the runtime replays cleanly', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const start = b.currentTime.getTime() - 7;
    const t0 = b.timer(new Date(start + 3 * 86_400_000));
    b.episode(3 * 86_400_000).fired(t0, new Date(start + 3 * 86_400_000));
    b.timer(new Date(b.currentTime.getTime() + 3 * 86_400_000));
    const r = await replay(
      'long-timer',
      {
        orchestrators: {
          Flow: "yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 10 * 86400000));\nyield context.df.callActivity('A');",
        },
        activities: ACTIVITIES,
      },
      b.idle().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a short timer where a long one was is nondeterministic once the pieces run out', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const start = b.currentTime.getTime() - 7;
    const t0 = b.timer(new Date(start + 3 * 86_400_000));
    b.episode(3 * 86_400_000).fired(t0, new Date(start + 3 * 86_400_000));
    b.timer(new Date(b.currentTime.getTime() + 3 * 86_400_000));
    const r = await replay(
      'long-to-short',
      {
        orchestrators: {
          Flow: "yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 86400000));\nyield context.df.callActivity('A');",
        },
        activities: ACTIVITIES,
      },
      b.idle().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.sequenceId).toBe(1);
    expect(r.divergence?.message).toContain(
      'scheduled a timer task with sequence number 1 named but the current orchestration replay instead produced a ScheduleTaskOrchestratorAction action',
    );
  });
});

describe('retries', () => {
  function failedOnce(): unknown {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().failed(a, 'boom', 'Error: boom');
    const t = b.timer(new Date(b.currentTime.getTime() + 1000));
    b.episode(1000).fired(t, b.currentTime);
    const a2 = b.activity('A');
    b.episode().completed(a2, 'a');
    b.activity('B');
    return b.idle().build();
  }

  // DurableTask.Core src/DurableTask.Core/RetryInterceptor.cs (Invoke): after a failed attempt the last
  // attempt is checked first, and then a "Dummy timer for back-compat" is always created, even when
  // the retry timeout has passed; ComputeNextDelay (with the timeout) runs only for earlier attempts.
  test('the last attempt still waits on its back-compat timer after the retry timeout has passed', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const first = b.activity('A');
    b.episode().failed(first, 'boom', 'Error: boom');
    const wait = b.timer(new Date(b.currentTime.getTime() + 1000));
    b.episode(1000).fired(wait, b.currentTime);
    const second = b.activity('A');
    b.episode(30_000).failed(second, 'boom', 'Error: boom');
    const dummy = b.timer(b.currentTime);
    b.episode().fired(dummy, b.currentTime);
    b.activity('Fallback');
    const r = await replay(
      'retry-timeout-last',
      {
        orchestrators: {
          Flow: "const retry = new df.RetryOptions(1000, 2);\nretry.retryTimeoutInMilliseconds = 10000;\ntry { yield context.df.callActivityWithRetry('A', retry); } catch (e) { yield context.df.callActivity('Fallback'); }",
        },
        activities: [...ACTIVITIES, 'Fallback'],
      },
      b.idle().build(),
    );
    expect([r.verdict, r.divergence?.message]).toEqual(['ok', undefined]);
  });

  test('a retry added to an activity is ok', async () => {
    const r = await replay(
      'retry-added',
      {
        orchestrators: { Flow: "yield context.df.callActivityWithRetry('A', new df.RetryOptions(1000, 3));\nyield context.df.callActivity('B');" },
        activities: ACTIVITIES,
      },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a retried activity: each attempt and retry timer takes an id', async () => {
    const r = await replay(
      'retry-kept',
      {
        orchestrators: { Flow: "yield context.df.callActivityWithRetry('A', new df.RetryOptions(1000, 3));\nyield context.df.callActivity('B');" },
        activities: ACTIVITIES,
      },
      failedOnce(),
    );
    expect(r.verdict).toBe('ok');
  });

  test('a retry removed after a recorded failure: the code now throws, and production reports the timer it no longer creates', async () => {
    const r = await replay(
      'retry-removed',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" }, activities: ACTIVITIES },
      failedOnce(),
    );
    // The code throws at the recorded failure; the runtime goes on applying the history and fails the
    // instance at the retry timer it no longer creates (DurableTask.Core TaskOrchestrationExecutor.cs,
    // the extension's OutOfProcOrchestrationShim.cs ScheduleDurableTaskEvents).
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.explanation).toContain('boom');
    expect(r.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a timer task with sequence number 1 but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`,
    );
  });
});

describe('missing functions and thrown errors', () => {
  test('an orchestrator removed from the app fails the instance', async () => {
    const r = await replay('orchestrator-removed', { orchestrators: { Other: 'return 1;' }, activities: ACTIVITIES }, aDoneBPending().build());
    expect(r.verdict).toBe('failed');
    expect(r.failure?.missingFunction).toEqual({ name: 'Flow', kind: 'orchestration' });
    expect(r.failure?.runtimeMessage).toBe(
      "Orchestrator function 'Flow' failed: The function 'Flow' doesn't exist, is disabled, or is not an orchestrator function. Additional info: The following are the known orchestrator functions: 'Other'.",
    );
  });

  test('an activity removed while an instance has it pending fails', async () => {
    const r = await replay(
      'activity-removed',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" }, activities: ['A'] },
      aDoneBPending().build(),
    );
    expect(r.verdict).toBe('failed');
    expect(r.failure?.missingFunction).toEqual({ name: 'B', kind: 'activity' });
    expect(r.failure?.message).toContain("calls the activity 'B', which the new app does not register");
    // The extension drops the call (its existence check fails inside an async method whose
    // exception the shim swallows), so no id is taken and the runtime reports the gap.
    expect(r.failure?.runtimeMessage).toContain("sequence ID 1 and name 'B' (version ''), but the current replay execution hasn't (yet?) scheduled this task");
  });

  // DurableTask.Core TaskOrchestrationExecutor.cs keeps applying the history after the code faults: the
  // recorded TaskScheduled 'B' finds no action, and the instance fails with the nondeterminism error,
  // not the TypeError (the extension's OutOfProcOrchestrationShim.cs replays the actions first).
  test('a result whose type changed makes the code throw before a recorded step: nondeterministic, at the line that throws', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().completed(a, true);
    b.activity('B');
    const r = await replay(
      'type-changed',
      {
        orchestrators: { Flow: "const r = yield context.df.callActivity('A');\nyield context.df.callActivity('B', r.toUpperCase());" },
        activities: ACTIVITIES,
      },
      b.idle().build(),
    );
    expect(r.verdict).toBe('nondeterministic');
    expect(r.divergence?.explanation).toContain('The new code throws (r.toUpperCase is not a function) before it schedules the step the history recorded next');
    expect(r.divergence?.location?.line).toBe(5);
    expect(r.divergence?.message).toContain(
      "scheduled an activity task with sequence ID 1 and name 'B' (version ''), but the current replay execution hasn't (yet?) scheduled this task",
    );
  });
});

describe('versions, entities, completion', () => {
  const branching = {
    orchestrators: {
      Flow: "yield context.df.callActivity('A');\nif (context.df.version === '2.0') { yield context.df.callActivity('X'); }\nyield context.df.callActivity('B');",
    },
    activities: ACTIVITIES,
  };

  test('a version-branching orchestrator replays histories of both versions', async () => {
    const v1 = aDoneBPending().build();
    const b = new HistoryBuilder({ instanceId: 'inst-2', name: 'Flow', version: '2.0' });
    const a = b.activity('A');
    b.episode().completed(a, 'a');
    b.activity('X');
    expect((await replay('versions', branching, v1)).verdict).toBe('ok');
    const r2 = await replay('versions', branching, b.idle().build());
    expect(r2.verdict).toBe('ok');
    expect(r2.version).toBe('2.0');
  });

  test('an entity call replays, and an activity in its place is nondeterministic', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const call = b.entityOperation({ name: 'counter', key: 'k' }, 'add', 1);
    b.episode().entityResponse(call.requestId, 1);
    b.activity('A');
    const history = b.idle().build();
    const same = await replay(
      'entity',
      {
        orchestrators: { Flow: "yield context.df.callEntity(new df.EntityId('counter', 'k'), 'add', 1);\nyield context.df.callActivity('A');" },
        activities: ACTIVITIES,
        entities: ['counter'],
      },
      history,
    );
    expect(same.verdict).toBe('ok');
    const changed = await replay(
      'entity-replaced',
      { orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');" }, activities: ACTIVITIES, entities: ['counter'] },
      history,
    );
    expect(changed.verdict).toBe('nondeterministic');
    expect(changed.divergence?.sequenceId).toBe(0);
    expect(changed.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a send event task with sequence ID 0, type 'EventSent', name 'op', instance ID '@counter@k', but the current orchestration replay instead scheduled a ScheduleTaskOrchestratorAction task at this sequence number. ${TAIL}`,
    );
  });

  test('a completed instance whose output changed gets a warning, not a failure', async () => {
    const b = new HistoryBuilder({ instanceId: 'inst-1', name: 'Flow' });
    const a = b.activity('A');
    b.episode().completed(a, 'a');
    b.completeExecution('old output');
    const r = await replay(
      'output-changed',
      { orchestrators: { Flow: "const r = yield context.df.callActivity('A');\nreturn r + ' new';" }, activities: ACTIVITIES },
      b.build(),
    );
    expect(r.verdict).toBe('ok');
    expect(r.warnings?.join('\n')).toContain('returns a different output');
  });

  test('a completion for a task never scheduled is only a warning, as the runtime logs it', async () => {
    const b = aDoneBPending();
    const events = b.build();
    events.push({ EventType: EventType.TaskCompleted, EventId: -1, TaskScheduledId: 9, Result: '1', Timestamp: '2026-11-02T09:00:00.000Z' });
    const r = await replay(
      'appended',
      {
        orchestrators: { Flow: "yield context.df.callActivity('A');\nyield context.df.callActivity('B');\nyield context.df.callActivity('C');" },
        activities: ACTIVITIES,
      },
      events,
    );
    expect(r.verdict).toBe('ok');
    expect(r.warnings?.join('\n')).toContain('Duplicate TaskCompleted Event: 9');
  });
});
