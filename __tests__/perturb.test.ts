/**
 * Perturbed replay (replay --perturb) on orchestrators whose decisions depend on the wall clock,
 * randomness, the environment or module state, and on deterministic ones: each history matches
 * its recorded steps (plain replay says ok), and the perturbed run says which source makes the
 * difference and where the code read it; the deterministic ones and the example's old code stay
 * ok. The restored globals are checked after the runs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { LocalRuntime } from '../harness/testing/runtime.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import type { ReplayResult } from '../harness/replay/result.js';
import { repoRoot } from './helpers/apps.js';

const appDir = join(repoRoot, '__tests__', 'fixtures', 'apps', 'perturb-app');
const cli = join(repoRoot, 'dist', 'cli', 'index.js');

/** An instance that has run its first activity and waits for what comes next. */
function firstStepDone(name: string) {
  const b = new HistoryBuilder({ instanceId: `${name.toLowerCase()}-1`, name, start: new Date('2026-11-20T09:00:00Z') });
  const id = b.activity('Step', 'first');
  b.episode(1000);
  b.completed(id, { ok: true });
  b.idle();
  return b.toFile();
}

const NAMES = ['ClockTimer', 'ClockStamp', 'RandomBranch', 'UuidInput', 'EnvBranch', 'ModuleCounter', 'Deterministic'];

let app: ReplayApp;
const results = new Map<string, { plain: ReplayResult; perturbed: ReplayResult }>();

beforeAll(async () => {
  // EnvBranch reads FEATURE_FAST: set here, the perturbed run unsets it.
  process.env.FEATURE_FAST = 'on';
  app = await loadApp(appDir, { userOutput: 'ignore', perturb: true });
  for (const name of NAMES) {
    const history = firstStepDone(name);
    const [plain] = await app.replay([{ value: history, source: `${name}.json` }], { locate: true });
    const [perturbed] = await app.replay([{ value: history, source: `${name}.json` }], { locate: true, perturb: true });
    results.set(name, { plain: plain!, perturbed: perturbed! });
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  delete process.env.FEATURE_FAST;
});

describe('perturbed replay', () => {
  test('every history matches its recorded steps: plain replay says ok', () => {
    for (const name of NAMES) expect([name, results.get(name)!.plain.verdict]).toEqual([name, 'ok']);
  });

  test('a timer built from the wall clock: nondeterministic, the clock named, the line of Date.now()', () => {
    const { divergence, verdict } = results.get('ClockTimer')!.perturbed;
    expect(verdict).toBe('nondeterministic');
    expect(divergence!.perturbed).toEqual({
      sources: ['clock'],
      first: 'CreateTimer',
      second: 'CreateTimer',
      what: 'schedules the timer for another time',
      read: 'Date.now()',
    });
    expect(divergence!.location).toMatchObject({ file: join(appDir, 'src', 'functions.js'), line: 11 });
    expect(divergence!.message).toContain('never reaches it, so the instance never finishes');
  });

  test('an input stamped with new Date(): another input', () => {
    const { divergence } = results.get('ClockStamp')!.perturbed;
    expect(divergence!.perturbed).toMatchObject({ sources: ['clock'], what: 'passes another input', read: 'new Date()' });
    expect(divergence!.location?.line).toBe(17);
  });

  test('a branch on Math.random(): the other branch, whatever the first run drew', () => {
    const { divergence } = results.get('RandomBranch')!.perturbed;
    expect(divergence!.perturbed).toMatchObject({ sources: ['random'], what: 'schedules another call', read: 'Math.random()' });
    expect(divergence!.location?.line).toBe(23);
  });

  test('an id from crypto.randomUUID() as input, the function taken when the module loaded', () => {
    const { divergence } = results.get('UuidInput')!.perturbed;
    expect(divergence!.perturbed).toMatchObject({ sources: ['random'], what: 'passes another input', read: 'crypto.randomUUID()' });
    expect(divergence!.location?.line).toBe(29);
  });

  test('a branch on an environment variable', () => {
    const { divergence } = results.get('EnvBranch')!.perturbed;
    expect(divergence!.perturbed).toMatchObject({ sources: ['env'], what: 'schedules another call', read: 'process.env.FEATURE_FAST' });
    expect(divergence!.location?.line).toBe(34);
  });

  test('module state: two runs with nothing changed differ, and it is said as such', () => {
    const { divergence } = results.get('ModuleCounter')!.perturbed;
    expect(divergence!.perturbed!.sources).toEqual([]);
    expect(divergence!.explanation).toContain('two runs of the same history with nothing changed already schedule differently');
  });

  test('the context clock and newGuid: ok, no false positive', () => {
    expect(results.get('Deterministic')!.perturbed.verdict).toBe('ok');
  });

  test('the replaced globals are put back after a run', () => {
    // In a process of its own, as in the replay worker (jest gives each test file globals of its own).
    const script = `
      import { withSources, newRecording, CLOCK_SHIFT_MS } from ${JSON.stringify(join(repoRoot, 'lib', 'harness', 'replay', 'perturb.js'))};
      const before = [Date, Math.random, process.env, performance.now];
      const baseline = { ...newRecording(), values: { date: [1000], perf: [], random: [0.25], crypto: [] } };
      const { value, recording } = await withSources('/nowhere', new Set(['clock', 'random']), baseline, () =>
        Promise.resolve([Date.now() - CLOCK_SHIFT_MS, Math.random(), new Date(5).getTime()]));
      const after = [Date, Math.random, process.env, performance.now];
      console.log(JSON.stringify({ value, used: [...recording.used], restored: before.every((g, i) => g === after[i]) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ value: [1000, 0.75, 5], used: ['clock', 'random'], restored: true });
  });
});

describe('the local runtime on the same orchestrators', () => {
  test('a timer built from the wall clock never completes the instance, and is not chased for ever', async () => {
    const runtime = await LocalRuntime.create({ app: appDir, activities: { Step: () => 'done' }, userOutput: 'ignore' });
    try {
      const instance = await runtime.start('ClockTimer', { instanceId: 'chase-1' });
      // The SDK continues the long timer (the clock starts eleven months before the wall clock's
      // time) toward a time that moves: either the runtime says so after 50 such timers, or the
      // SDK stops scheduling (depending on the milliseconds), and the instance stays Running.
      const outcome = await runtime.run().then(
        () => 'ended',
        (error: Error) => error.message,
      );
      if (outcome !== 'ended')
        expect(outcome).toMatch(/ClockTimer \(chase-1\) scheduled 50 timers in a row, each due less than a second after the one before fired/);
      expect(instance.status).toBe('Running');
    } finally {
      await runtime.close();
    }
  }, 60_000);

  test('an orchestrator that draws at random is named as deciding differently from run to run, not as an internal error', async () => {
    const runtime = await LocalRuntime.create({ app: appDir, activities: { Step: () => 'done' }, userOutput: 'ignore' });
    try {
      // Half the draws take the other branch on the replay: a few instances make it certain enough.
      const error = await (async () => {
        for (let i = 0; i < 12; i++) {
          try {
            await runtime.start('RandomBranch', { instanceId: `random-${i}` });
            await runtime.run();
          } catch (e) {
            return e as Error;
          }
        }
        return undefined;
      })();
      expect(error?.message).toMatch(/RandomBranch \(random-\d+\) decides differently from one run to the next/);
      expect(error?.message).not.toContain('Internal error');
    } finally {
      await runtime.close();
    }
  }, 60_000);
});

describe('replay --perturb (built CLI)', () => {
  test("the example's new code: the wall-clock deadline caught at its line, the old code all ok", () => {
    const next = spawnSync(
      process.execPath,
      [cli, 'replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories/order-1003-approval.json', '--perturb'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(next.status).toBe(1);
    expect(next.stdout).toContain('cause:    the wall clock: Date.now() at examples/order-app-next/src/functions/orchestrators.ts:74:36');
    const plain = spawnSync(
      process.execPath,
      [cli, 'replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories/order-1003-approval.json'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(plain.status).toBe(0);
    const old = spawnSync(
      process.execPath,
      [cli, 'replay', '--app', 'examples/order-app', '--histories', 'examples/histories', '--perturb', '--format', 'json'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect((JSON.parse(old.stdout) as { summary: unknown }).summary).toEqual({ total: 7, ok: 7, nondeterministic: 0, failed: 0, error: 0 });
  });

  test('the JSON report carries the perturbation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perturb-json-'));
    writeFileSync(join(dir, 'random.json'), JSON.stringify(firstStepDone('RandomBranch')));
    const run = spawnSync(process.execPath, [cli, 'replay', '--app', appDir, '--histories', dir, '--perturb', '--format', 'json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { results: ReplayResult[] };
    expect(report.results[0]!.divergence!.perturbed).toMatchObject({ sources: ['random'], read: 'Math.random()' });
    expect(report.results[0]!.divergence!.location!.file).toBe('__tests__/fixtures/apps/perturb-app/src/functions.js');
  });
});
