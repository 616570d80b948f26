/**
 * The app's own durable-functions is what runs: the same histories replayed through every 3.x
 * release on the registry (the v4 model) and the oldest 2.x (the function.json model), each a
 * fixture app under __tests__/fixtures/apps/sdk-*, installed by npm ci like the user's own.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import type { HistoryEvent } from '../harness/history/events.js';
import { repoRoot } from './helpers/apps.js';

const apps: ReplayApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

const fixture = (name: string): string => join(repoRoot, '__tests__', 'fixtures', 'apps', name);

/** An instance of Flow that went through an activity, a retried activity, a timer, an event, (a child,) and is in a fan-out. */
function flowHistory(withChild: boolean): HistoryEvent[] {
  const b = new HistoryBuilder({ instanceId: 'flow-1', name: 'Flow', input: 'in' });
  const first = b.activity('Step');
  b.episode().completed(first, 'done in');
  const retried = b.activity('Step');
  b.episode().completed(retried, 'done retried');
  const fireAt = new Date(b.currentTime.getTime() + 60_000);
  const timer = b.timer(fireAt);
  b.episode().fired(timer, fireAt);
  b.episode().raised('Approval', 'yes');
  if (withChild) {
    const child = b.subOrchestration('Child', 'flow-1:4', 'yes');
    b.episode().subCompleted(child, 'done yes');
  }
  const x = b.activity('Step');
  b.activity('Step');
  b.episode().completed(x, 'done x');
  return b.idle().build();
}

/** The same history, with the first call recorded under another name: the code no longer matches it. */
function renamed(events: HistoryEvent[]): HistoryEvent[] {
  let done = false;
  return events.map((e) => (!done && e.Name === 'Step' && (done = true) ? { ...e, Name: 'OldStep' } : e));
}

const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';

describe.each([
  ['3.0.0', true],
  ['3.1.0', true],
  ['3.2.0', true],
  ['3.3.1', true],
  ['2.0.2', false],
])('durable-functions %s', (version, v4) => {
  test('the installed SDK is that version; an unchanged orchestrator replays ok, a renamed step is nondeterministic with the runtime message', async () => {
    const dir = fixture(`sdk-${version}`);
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'durable-functions', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(version);
    const app = await loadApp(dir, { userOutput: 'ignore' });
    apps.push(app);
    const history = flowHistory(v4);
    const [ok, changed] = await app.replay([
      { value: history, source: 'flow' },
      { value: renamed(history), source: 'renamed' },
    ]);
    expect([ok!.verdict, ok!.divergence, ok!.failure]).toEqual(['ok', undefined, undefined]);
    expect(changed!.verdict).toBe('nondeterministic');
    expect(changed!.divergence?.message).toBe(
      `Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence number 0 named 'OldStep', but the current orchestration replay instead scheduled an activity task named 'Step' with this sequence number.  ${TAIL}`,
    );
  });
});
