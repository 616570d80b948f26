/**
 * Large runs: results kept on disk past a few thousand and read back in order, reports written a
 * piece at a time (the same bytes as the whole-string renderers), the quiet text report, and
 * several replay workers keeping the files' order.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReplay, runReplayStreamed } from '../harness/replay/run.js';
import { summarize, type ReplayReport, type ReplayResult } from '../harness/replay/result.js';
import { ResultStore } from '../harness/replay/store.js';
import { renderReport, REPORT_FORMATS } from '../harness/report/formats.js';
import { writeWhole } from '../harness/report/write.js';
import { repoRoot } from './helpers/apps.js';

function result(i: number, verdict: ReplayResult['verdict'] = 'ok', extra: Partial<ReplayResult> = {}): ReplayResult {
  return { source: `h/${i}.json`, instanceId: `order-${i}`, orchestrator: 'ProcessOrder', verdict, events: i, ...extra };
}

const spoolDirs = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('durable-gate-results-'));

describe('ResultStore', () => {
  test.each(['', 'a'])(
    'past its limit it keeps results on disk, reads them back in order (a character cut by a chunk included) and removes the file when disposed (padding %j)',
    (pad) => {
      const before = spoolDirs().length;
      const store = new ResultStore(3);
      // A warning over 1 MB of two-byte characters: the read-back chunk ends inside one of them
      // with one padding or the other.
      const long = pad + 'é'.repeat(700_000);
      const all = [result(0), result(1, 'nondeterministic'), result(2), result(3, 'ok', { warnings: [long] }), result(4, 'error'), result(5)];
      store.add(all.slice(0, 2));
      expect(spoolDirs().length).toBe(before);
      store.add(all.slice(2));
      expect(spoolDirs().length).toBe(before + 1);
      expect([...store]).toEqual(all);
      expect([...store]).toEqual(all);
      expect(store.summary).toEqual(summarize(all));
      expect(store.problems.map((r) => r.instanceId)).toEqual(['order-1', 'order-3', 'order-4']);
      store.dispose();
      expect(spoolDirs().length).toBe(before);
      expect(() => [...store]).toThrow('disposed');
    },
  );

  test('a small run stays in memory', () => {
    const before = spoolDirs().length;
    const store = new ResultStore();
    store.add([result(0), result(1)]);
    expect(spoolDirs().length).toBe(before);
    expect(store.toArray()).toEqual([result(0), result(1)]);
    store.dispose();
  });
});

describe('reports written in pieces', () => {
  const report = (results: ReplayResult[]): ReplayReport => ({
    schema: 'durable-gate.replay-report/v1',
    app: 'examples/order-app-next',
    summary: summarize(results),
    results,
  });

  test('every format from a store on disk is the same text as from the results in memory', () => {
    const results = [
      ...Array.from({ length: 5 }, (_, i) => result(i)),
      result(5, 'error', { error: { message: 'no such file' } }),
      result(6, 'ok', { orchestrator: 'Other', warnings: ['look'] }),
    ];
    const store = new ResultStore(2);
    store.add(results);
    const streamed = { ...report([]), results: store, problems: store.problems, summary: store.summary };
    for (const format of REPORT_FORMATS) {
      const options = { cwd: repoRoot, version: '0.0.0' };
      expect(renderReport(streamed, format, options)).toBe(renderReport(report(results), format, options));
    }
    store.dispose();
  });

  test('the JSON report is what JSON.stringify writes, with no results and with some', () => {
    const options = { cwd: repoRoot, version: '0.0.0' };
    for (const results of [[], [result(1)], [result(1), result(2, 'failed')]]) {
      const whole = { ...report(results), advice: { headline: 'x', options: [] } } as unknown as ReplayReport;
      expect(renderReport(whole, 'json', options)).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    }
  });

  test('writeWhole takes the pieces and still never overwrites unless asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-write-'));
    const file = join(dir, 'report.txt');
    await writeWhole(file, ['a', 'b', 'c']);
    expect(readFileSync(file, 'utf8')).toBe('abc');
    await expect(writeWhole(file, ['d'], { overwrite: false })).rejects.toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('abc');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });
});

describe('replay across workers and in quiet text', () => {
  test('two workers over batches of two give the results in the files’ order, as one worker does', async () => {
    const job = { app: 'examples/order-app-next', histories: ['examples/histories'], cwd: repoRoot, userOutput: 'ignore' as const, batchSize: 2 };
    const one = await runReplay({ ...job, workers: 1 });
    const two = await runReplay({ ...job, workers: 2 });
    expect(two).toEqual(one);
    expect(one.results.length).toBeGreaterThan(4);
  }, 60_000);

  test('a streamed report holds the problems, and its results until disposed', async () => {
    const report = await runReplayStreamed({ app: 'examples/order-app-next', histories: ['examples/histories'], cwd: repoRoot, userOutput: 'ignore' });
    expect(report.problems.length).toBe(report.summary.nondeterministic);
    expect([...report.results].length).toBe(report.summary.total);
    report.results.dispose();
  }, 60_000);

  test('--quiet prints what broke and the totals, not the histories that are ok', () => {
    const run = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [join(repoRoot, 'dist', 'cli', 'index.js'), 'replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories', ...extra],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
    const full = run();
    const quiet = run('--quiet');
    expect(quiet.status).toBe(1);
    expect(full.stdout).toContain('✓ order-1001  ProcessOrder  ok');
    expect(quiet.stdout).not.toContain('✓');
    expect(quiet.stdout).toContain('✗ order-1002  ProcessOrder  nondeterministic');
    expect(quiet.stdout).toContain('code:     examples/order-app-next/src/functions/orchestrators.ts:39');
    expect(quiet.stdout.trim().split('\n').at(-2)).toBe(full.stdout.trim().split('\n').at(-2));
  }, 60_000);
});
