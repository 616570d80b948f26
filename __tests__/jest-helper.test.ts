/** The jest helper users call: one test per history file. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { replayFolder } from '../harness/jest.js';
import { repoRoot } from './helpers/apps.js';

replayFolder(join(repoRoot, 'examples', 'order-app'), join(repoRoot, 'examples', 'histories'), { describe, test, beforeAll, afterAll });

describe('replayFolder against the breaking version', () => {
  test('registers a test per file that fails with the divergence', async () => {
    const registered: { name: string; fn: () => Promise<void> }[] = [];
    const hooks: (() => Promise<void>)[] = [];
    const closers: (() => Promise<void>)[] = [];
    replayFolder(join(repoRoot, 'examples', 'order-app-next'), join(repoRoot, 'examples', 'histories'), {
      describe: (_name, fn) => fn(),
      test: (name, fn) => registered.push({ name, fn }),
      beforeAll: (fn) => hooks.push(fn),
      afterAll: (fn) => closers.push(fn),
    });
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
