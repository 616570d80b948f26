/** The jest helper users call: one test per history file. */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { HistoryBuilder } from '../harness/history/builder.js';
import { join } from 'node:path';
import { checkScenarios, replayFolder } from '../harness/jest.js';
import { repoRoot, writeApp } from './helpers/apps.js';

replayFolder(join(repoRoot, 'examples', 'order-app'), join(repoRoot, 'examples', 'histories'), { describe, test, beforeAll, afterAll });

/** A test runner that only records what the helpers declare, for the test to run it. */
function recordingRunner() {
  const registered: { name: string; fn: () => Promise<void> }[] = [];
  const hooks: (() => Promise<void>)[] = [];
  const closers: (() => Promise<void>)[] = [];
  const globals = {
    describe: (_name: string, fn: () => void) => fn(),
    test: (name: string, fn: () => Promise<void>) => void registered.push({ name, fn }),
    beforeAll: (fn: () => Promise<void>) => void hooks.push(fn),
    afterAll: (fn: () => Promise<void>) => void closers.push(fn),
  };
  return { registered, hooks, closers, globals };
}

describe('replayFolder against the breaking version', () => {
  test('registers a test per file that fails with the divergence', async () => {
    const { registered, hooks, closers, globals } = recordingRunner();
    replayFolder(join(repoRoot, 'examples', 'order-app-next'), join(repoRoot, 'examples', 'histories'), globals);
    for (const hook of hooks) await hook();
    try {
      expect(registered).toHaveLength(7);
      const breaking = registered.find((t) => t.name === 'order-1002.json')!;
      await expect(breaking.fn()).rejects.toThrow(
        /order-1002 \(ProcessOrder\) is nondeterministic at step 1: recorded TaskScheduled 'ReserveItem', replayed CallActivity 'CheckFraud' \(.*orchestrators\.ts:39:22\)/,
      );
      await expect(registered.find((t) => t.name === 'order-1001.json')!.fn()).resolves.toBeUndefined();
    } finally {
      for (const close of closers) await close();
    }
  });
});

describe('replayFolder options', () => {
  test('input drift is printed on a passing test, and fails it with inputDrift: fail; the runner given among the options', async () => {
    const dir = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', 'jest-drift');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const app = writeApp('jest-drift-app', { orchestrators: { Greet: "return yield context.df.callActivity('Hello', 'Tokyo');" }, activities: ['Hello'] });
    const b = new HistoryBuilder({ instanceId: 'greet-1', name: 'Greet' });
    b.activity('Hello', 'Paris');
    writeFileSync(join(dir, 'greet-1.json'), JSON.stringify(b.idle().toFile()));
    const declare = (options: Record<string, unknown>) => {
      const { registered, hooks, closers, globals } = recordingRunner();
      replayFolder(app, dir, { globals, ...options });
      return { registered, hooks, closers };
    };
    const warned: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((message: unknown) => void warned.push(String(message)));
    for (const [options, outcome] of [
      [{}, 'passes'],
      [{ inputDrift: 'fail' }, 'fails'],
    ] as const) {
      const { registered, hooks, closers } = declare(options);
      try {
        for (const hook of hooks) await hook();
        const run = registered[0]!.fn();
        if (outcome === 'passes') await expect(run).resolves.toBeUndefined();
        else await expect(run).rejects.toThrow(/greet-1 \(Greet\) is failed: Input drift/);
      } finally {
        for (const close of closers) await close();
      }
    }
    warn.mockRestore();
    expect(warned).toEqual([
      expect.stringContaining(
        'durable-gate: greet-1.json: step 0: CallActivity \'Hello\' is the call the history recorded there, with another input (recorded "Paris", now "Tokyo")',
      ),
    ]);
  }, 60_000);
});

describe('checkScenarios', () => {
  test('one test per scenario: it runs on the old code, and each point it waited must replay on the new code', async () => {
    const { registered, hooks, closers, globals } = recordingRunner();
    checkScenarios(join(repoRoot, 'examples', 'order-app'), join(repoRoot, 'examples', 'order-app-next'), join(repoRoot, 'examples', 'scenarios'), globals);
    for (const hook of hooks) await hook();
    try {
      expect(registered.map((t) => t.name)).toEqual(['large-order.json', 'reminder.json', 'small-order.json']);
      await expect(registered[2]!.fn()).rejects.toThrow(
        /small-order \(ProcessOrder\) is nondeterministic at step 1: recorded TaskScheduled 'ReserveItem', replayed CallActivity 'CheckFraud' \(.*orchestrators\.ts:39:22\)/,
      );
      await expect(registered[1]!.fn()).resolves.toBeUndefined();
    } finally {
      for (const close of closers) await close();
    }
  });
});
