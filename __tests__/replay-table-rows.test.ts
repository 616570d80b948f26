/**
 * Each construct of docs/runtime-rules.md, recorded as History-table rows the way
 * DurableTask.AzureStorage writes them (Tracking/AzureTableTrackingStore.cs; timestamps with
 * DateTime ticks), replays to the same verdict as the same history given as events: the unchanged
 * code is ok, the changed code gets the runtime's verdict.
 */
import { describe, expect, test } from '@jest/globals';
import type { ReplayApp } from '../harness/app/host.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { HISTORY_SCHEMA, type HistoryEvent } from '../harness/history/events.js';
import type { Verdict } from '../harness/replay/result.js';
import { replayApps, type AppSpec } from './helpers/apps.js';
import { rewoundInPlace } from './helpers/histories.js';
import { providerRows } from './helpers/table-rows.js';

const { open, replayOne } = replayApps();

interface Construct {
  name: string;
  /** The rule's upstream source, as docs/runtime-rules.md names it. */
  source: string;
  history: (b: HistoryBuilder) => void;
  app: Omit<AppSpec, 'orchestrators'>;
  unchanged: string;
  changed: string;
  /** The runtime's verdict on the changed code (the unchanged code is always ok). */
  verdict: Verdict;
}

const A = "new df.EntityId('counter', 'a')";
const B = "new df.EntityId('counter', 'b')";
const DAY = 86_400_000;

const CONSTRUCTS: Construct[] = [
  {
    name: 'callHttp polled through a 202',
    source: 'Ext DurableOrchestrationContext.cs (CallHttpAsync)',
    history: (b) => {
      const start = b.activity('BuiltIn::HttpActivity');
      b.episode().completed(start, { statusCode: 202, headers: { Location: ['https://example.invalid/s'], 'Retry-After': ['5'] }, content: '' });
      const fireAt = new Date(b.currentTime.getTime() + 5000);
      const timer = b.timer(fireAt);
      b.episode(5000).fired(timer, fireAt);
      const poll = b.activity('BuiltIn::HttpActivity');
      b.episode().completed(poll, { statusCode: 200, headers: {}, content: 'done' });
      b.activity('A');
    },
    app: { activities: ['A'] },
    unchanged: "yield context.df.callHttp({ method: 'GET', url: 'https://example.invalid/start' });\nyield context.df.callActivity('A');",
    changed: "yield context.df.callHttp({ method: 'GET', url: 'https://example.invalid/start', enablePolling: false });\nyield context.df.callActivity('A');",
    verdict: 'nondeterministic',
  },
  {
    name: 'an event served to the newest waiter',
    source: 'Ext DurableOrchestrationContext.cs (RaiseEvent)',
    history: (b) => {
      const fireAt = new Date(b.currentTime.getTime() + 60_000);
      const timer = b.timer(fireAt);
      b.episode(60_000).fired(timer, fireAt);
      b.episode().raised('E', 1);
      b.activity('A');
    },
    app: { activities: ['A', 'Z'] },
    unchanged:
      "const t = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60000));\nyield context.df.Task.any([context.df.waitForExternalEvent('E'), t]);\nyield context.df.waitForExternalEvent('E');\nyield context.df.callActivity('A');",
    changed:
      "const t = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60000));\nyield context.df.Task.any([context.df.waitForExternalEvent('E'), t]);\nyield context.df.waitForExternalEvent('E');\nyield context.df.callActivity('Z');",
    verdict: 'nondeterministic',
  },
  {
    name: 'entity calls, their ids made from the episode ticks',
    source: 'Ext DurableOrchestrationContext.cs (NewGuid), GuidManager.cs',
    history: (b) => {
      const first = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
      b.episode().entityResponse(first.requestId, 1);
      const second = b.entityOperation({ name: 'counter', key: 'b' }, 'add', 1);
      b.episode().entityResponse(second.requestId, 1);
    },
    app: { activities: ['Done'], entities: ['counter'] },
    unchanged: `yield context.df.callEntity(${A}, 'add', 1);\nyield context.df.callEntity(${B}, 'add', 1);\nyield context.df.callActivity('Done');`,
    changed: `yield context.df.Task.all([context.df.callEntity(${A}, 'add', 1), context.df.callEntity(${B}, 'add', 1)]);\nyield context.df.callActivity('Done');`,
    verdict: 'nondeterministic',
  },
  {
    name: 'a critical section (schema V4 proven by the rows)',
    source: 'Ext DurableOrchestrationContext.cs (LockAsync, ReleaseLocks)',
    history: (b) => {
      const lock = b.lockRequest([{ name: 'counter', key: 'a' }]);
      b.episode().raised(lock.requestId, { result: null });
      b.eventSent('@counter@a', 'release', {});
      b.activity('A');
    },
    app: { activities: ['A'], entities: ['counter'] },
    unchanged: `const lock = yield context.df.lock([${A}]);\nlock.release();\nyield context.df.callActivity('A');`,
    changed: "yield context.df.callActivity('A');",
    verdict: 'nondeterministic',
  },
  {
    name: 'a retry: failed attempt, retry timer, second attempt',
    source: 'DTFx RetryInterceptor.cs (Invoke)',
    history: (b) => {
      const first = b.activity('A');
      b.episode().failed(first, 'boom');
      const fireAt = new Date(b.currentTime.getTime() + 1000);
      const timer = b.timer(fireAt);
      b.episode(1000).fired(timer, fireAt);
      const second = b.activity('A');
      b.episode().completed(second, 'a');
      b.activity('B');
    },
    app: { activities: ['A', 'B'] },
    unchanged: "yield context.df.callActivityWithRetry('A', new df.RetryOptions(1000, 3));\nyield context.df.callActivity('B');",
    changed: "yield context.df.callActivityWithRetry('A', new df.RetryOptions(1000, 1));\nyield context.df.callActivity('B');",
    verdict: 'nondeterministic',
  },
  {
    name: 'events held while suspended, then an entity call at the resume',
    source: 'DTFx TaskOrchestrationExecutor.cs (ProcessEvent), TaskOrchestrationContext.cs (HandleExecutionResumedEvent)',
    history: (b) => {
      const a = b.activity('A');
      b.episode().suspend();
      b.episode(60_000).completed(a, 'a');
      b.episode(3_600_000).resume();
      const call = b.entityOperation({ name: 'counter', key: 'a' }, 'add', 1);
      b.episode().entityResponse(call.requestId, 1);
      b.activity('Done');
    },
    app: { activities: ['A', 'Done', 'Z'], entities: ['counter'] },
    unchanged: `yield context.df.callActivity('A');\nyield context.df.callEntity(${A}, 'add', 1);\nyield context.df.callActivity('Done');`,
    changed: `yield context.df.callActivity('A');\nyield context.df.callEntity(${A}, 'add', 1);\nyield context.df.callActivity('Z');`,
    verdict: 'nondeterministic',
  },
  {
    name: 'a timeout timer cancelled after the work won, fired later',
    source: 'DTFx TaskOrchestrationContext.cs (CreateTimer)',
    history: (b) => {
      const fireAt = new Date(b.currentTime.getTime() + 3_600_000);
      const a = b.activity('A');
      const timer = b.timer(fireAt);
      b.episode().completed(a, 'a');
      b.activity('B');
      b.episode(3_600_000).fired(timer, fireAt);
    },
    app: { activities: ['A', 'B'] },
    unchanged:
      "const work = context.df.callActivity('A');\nconst timeout = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3600000));\nif ((yield context.df.Task.any([work, timeout])) === work) timeout.cancel();\nyield context.df.callActivity('B');",
    changed:
      "const work = context.df.callActivity('A');\nconst timeout = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3600000));\nyield context.df.Task.all([work, timeout]);\nyield context.df.callActivity('B');",
    verdict: 'nondeterministic',
  },
  {
    name: 'a 10-day timer split into pieces',
    source: 'Ext DurableOrchestrationContext.cs (CreateTimer), AzureStorageDurabilityProvider.cs',
    history: (b) => {
      const end = b.currentTime.getTime() + 10 * DAY;
      for (;;) {
        const fireAt = new Date(Math.min(b.currentTime.getTime() + 3 * DAY, end));
        const piece = b.timer(fireAt);
        b.episode(fireAt.getTime() - b.currentTime.getTime()).fired(piece, fireAt);
        if (b.currentTime.getTime() >= end) break;
      }
      b.activity('B');
    },
    app: { activities: ['B'] },
    unchanged: "yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 10 * 86400000));\nyield context.df.callActivity('B');",
    changed: "yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 2 * 86400000));\nyield context.df.callActivity('B');",
    verdict: 'nondeterministic',
  },
  {
    name: 'a finished instance',
    source: 'DurableTask.AzureStorage AzureStorageOrchestrationService.cs (IsExecutableInstance)',
    history: (b) => {
      const a = b.activity('A');
      b.episode().completed(a, 'a');
      b.completeExecution('a');
    },
    app: { activities: ['A', 'Z'] },
    unchanged: "return yield context.df.callActivity('A');",
    changed: "return yield context.df.callActivity('Z');",
    verdict: 'ok',
  },
];

async function verdicts(app: ReplayApp, events: HistoryEvent[], instanceId: string, executionId: string): Promise<[Verdict, Verdict]> {
  const file = await replayOne(app, { schema: HISTORY_SCHEMA, instanceId, name: 'Flow', history: events });
  const rows = await replayOne(app, providerRows(events, instanceId, executionId));
  return [file.verdict, rows.verdict];
}

describe('History-table rows, one construct at a time', () => {
  test.each(CONSTRUCTS.map((c, i) => [c.name, c, i] as const))('%s', async (_name, construct, index) => {
    // Instance ids with a '/' are escaped in PartitionKey ('^0'); ticks make the request ids depend on all seven digits.
    const b = new HistoryBuilder({ instanceId: `rows/${index}`, name: 'Flow', ticks: '4567' });
    construct.history(b);
    const events = b.idle().build();
    const same = await open(`rows-${index}-same`, { ...construct.app, orchestrators: { Flow: construct.unchanged } });
    expect(await verdicts(same, events, b.instanceId, b.executionId)).toEqual(['ok', 'ok']);
    const changed = await open(`rows-${index}-changed`, { ...construct.app, orchestrators: { Flow: construct.changed } });
    expect(await verdicts(changed, events, b.instanceId, b.executionId)).toEqual([construct.verdict, construct.verdict]);
  });

  test('a history the provider rewound in place (GenericEvent tombstones)', async () => {
    const events = rewoundInPlace('rows/rewound', '4321');
    const same = await open('rows-rewound', { orchestrators: { Flow: "return yield context.df.callActivity('A');" }, activities: ['A'] });
    expect(await verdicts(same, events, 'rows/rewound', 'E1')).toEqual(['ok', 'ok']);
    const changed = await open('rows-rewound-z', { orchestrators: { Flow: "return yield context.df.callActivity('Z');" }, activities: ['Z'] });
    expect(await verdicts(changed, events, 'rows/rewound', 'E1')).toEqual(['nondeterministic', 'nondeterministic']);
  });

  test('the rows carry the ticks, the escaped instance id and the enum names the provider writes', () => {
    const b = new HistoryBuilder({ instanceId: 'rows/x', name: 'Flow', ticks: '4567' });
    b.completeExecution('done');
    const rows = providerRows(b.build(), b.instanceId, b.executionId);
    expect(rows[0]).toMatchObject({
      PartitionKey: 'rows^0x',
      RowKey: '0000000000000000',
      EventType: 'OrchestratorStarted',
      _Timestamp: '2026-11-02T08:00:00.0004567Z',
    });
    expect(rows.find((r) => r.EventType === 'ExecutionCompleted')).toMatchObject({ OrchestrationStatus: 'Completed' });
    expect(rows.at(-1)).toMatchObject({ RowKey: 'sentinel', IsCheckpointComplete: true });
  });
});
