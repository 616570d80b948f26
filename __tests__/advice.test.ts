/**
 * What replay advises when something breaks, and --require-version-bump. The versioning advice is
 * checked for real: the example's next version, changed as the advice says (the inserted call
 * only for instances started with a version), replays the recorded instances cleanly.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReplay } from '../harness/replay/run.js';
import { DF_VERSION_SINCE, adviseOn, movedUp, nextName } from '../harness/report/advice.js';
import { renderText } from '../harness/report/text.js';
import type { ReplayResult, ReportView } from '../harness/replay/result.js';
import { nextApp, repoRoot, writeApp } from './helpers/apps.js';

const replay = (app: string, extra: { requireVersionBump?: boolean; versionFile?: string } = {}) =>
  runReplay({ app, histories: ['examples/histories'], cwd: repoRoot, userOutput: 'ignore', ...extra });

describe('advice', () => {
  test('the four ways out, said for this change, in the JSON report', async () => {
    const report = await replay('examples/order-app-next');
    expect(report.advice?.broken).toEqual([{ orchestrator: 'ProcessOrder', instances: 4 }]);
    expect(report.advice?.options.map((o) => o.option)).toEqual(['drain', 'side-by-side', 'versioned-name', 'orchestration-versioning']);
    const [drain, side, name, versioning] = report.advice!.options;
    expect(drain!.detail).toContain('durable-gate gate --app examples/order-app-next --wait-for breaking');
    expect(side!.detail).toContain('the app setting TaskHubName (host.json hubName %TaskHubName%) set to a new value');
    expect(name!.detail).toContain('ProcessOrderV2 (beside ProcessOrder)');
    expect(versioning!.detail).toContain('examples/order-app-next/src/functions/orchestrators.ts:39');
    expect(versioning!.snippet).toContain('if (!context.df.version) {');
    expect((await replay('examples/order-app')).advice).toBeUndefined();
  });

  test('following the versioning advice makes the recorded instances replay cleanly', async () => {
    const report = await replay(nextApp('advice-versioned', { defaultVersion: '1.0', branchOnVersion: true }), { requireVersionBump: true });
    expect(report.summary).toMatchObject({ ok: 7, nondeterministic: 0 });
    expect(report.advice).toBeUndefined();
    expect(report.versionBump).toBeUndefined();
  });

  test('names and versions: V2, V3; a minor or major step up', () => {
    expect([nextName('OrderHub'), nextName('OrderHubV2'), nextName('ProcessOrderV9')]).toEqual(['OrderHubV2', 'OrderHubV3', 'ProcessOrderV10']);
    expect([movedUp('1.1', '1.0'), movedUp('2.0', '1.9.9'), movedUp('1.0.1', '1.0'), movedUp('1.0', ''), movedUp('', '')]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('--require-version-bump', () => {
  test('a breaking change without a version above the recorded ones is called out', async () => {
    const report = await replay('examples/order-app-next', { requireVersionBump: true });
    expect(report.versionBump).toMatchObject({ ok: false, recorded: [''], from: 'host.json extensions.durableTask.defaultVersion' });
    expect(report.versionBump?.message).toContain('sets no version above it. Raise it (e.g. to 1.0)');
  });

  test('host.json defaultVersion, or a version file, above the recorded versions passes the policy (the replay verdicts stand)', async () => {
    const bumped = await replay(nextApp('advice-bumped', { defaultVersion: '1.1' }), { requireVersionBump: true });
    expect(bumped.versionBump).toMatchObject({ ok: true, newVersion: '1.1' });
    expect(bumped.summary.nondeterministic).toBe(4);
    const dir = nextApp('advice-file', { packageVersion: '2.0.0' });
    const fromFile = await replay(dir, { requireVersionBump: true, versionFile: join(dir, 'package.json') });
    expect(fromFile.versionBump).toMatchObject({ ok: true, newVersion: '2.0.0' });
    expect(fromFile.versionBump?.from).toMatch(/package\.json$/);
    await expect(replay(dir, { requireVersionBump: true, versionFile: 'nope.txt' })).rejects.toThrow(
      '--version-file nope.txt: no such file. Expected a file holding the version',
    );
  });
});

describe('advice that fits the app and every break', () => {
  const location = (file: string, line: number) => ({ file, line, column: 3 });
  const nondeterministic = (orchestrator: string, file: string, line: number, version = ''): ReplayResult => ({
    source: `${orchestrator}-${line}.json`,
    instanceId: `${orchestrator}-${line}`,
    orchestrator,
    verdict: 'nondeterministic',
    ...(version ? { version } : {}),
    divergence: {
      sequenceId: 1,
      recorded: { event: 'TaskScheduled', name: 'A', eventIndex: 3 },
      message: 'Non-Deterministic workflow detected',
      explanation: 'x',
      advice: 'x',
      location: location(file, line),
    },
  });
  const removed = (orchestrator: string, instanceId = orchestrator): ReplayResult => ({
    source: `${instanceId}.json`,
    instanceId,
    orchestrator,
    verdict: 'failed',
    failure: {
      message: `The new app has no orchestrator named '${orchestrator}'.`,
      advice: 'x',
      missingFunction: { name: orchestrator, kind: 'orchestration' },
    },
  });
  const report = (problems: ReplayResult[]): ReportView => ({
    schema: 'durable-gate.replay-report/v1',
    app: 'my-app',
    summary: { total: problems.length, ok: 0, nondeterministic: problems.length, failed: 0, error: 0 },
    results: problems,
    problems,
  });

  test('every broken location, across orchestrators, is named', () => {
    const advice = adviseOn(
      report([
        nondeterministic('Orders', 'src/orders.ts', 39),
        nondeterministic('Orders', 'src/orders.ts', 39),
        nondeterministic('Billing', 'src/billing.ts', 12),
      ]),
      undefined,
      'my-app',
      { durableFunctionsVersion: '3.5.0' },
    );
    const versioning = advice!.options.find((o) => o.option === 'orchestration-versioning')!;
    expect(versioning.detail).toContain('with a branch on context.df.version at src/orders.ts:39 (Orders), src/billing.ts:12 (Billing).');
    expect(versioning.detail).toMatch(/^Set extensions\.durableTask\.defaultVersion/);
  });

  test('context.df.version came with durable-functions 3.2.0 (lib/src/orchestrations/DurableOrchestrationContext.js of the published packages)', () => {
    const context = (version: string) =>
      readFileSync(
        join(
          repoRoot,
          '__tests__',
          'fixtures',
          'apps',
          `sdk-${version}`,
          'node_modules',
          'durable-functions',
          'lib',
          'src',
          'orchestrations',
          'DurableOrchestrationContext.js',
        ),
        'utf8',
      );
    expect(context('3.1.0')).not.toMatch(/this\.version\s*=/);
    expect(context('3.2.0')).toMatch(/this\.version\s*=\s*this\.extractVersionFromHistory/);
    expect(DF_VERSION_SINCE).toBe('3.2.0');
  });

  test('an app whose durable-functions has no context.df.version is told to upgrade first', () => {
    const advice = adviseOn(report([nondeterministic('Orders', 'src/orders.ts', 39)]), undefined, 'my-app', { durableFunctionsVersion: '3.1.0' });
    const versioning = advice!.options.find((o) => o.option === 'orchestration-versioning')!;
    expect(versioning.detail).toMatch(/^This app's durable-functions is 3\.1\.0, which has no context\.df\.version \(it came in 3\.2\.0\): upgrade it first/);
    const current = adviseOn(report([nondeterministic('Orders', 'src/orders.ts', 39)]), undefined, 'my-app', { durableFunctionsVersion: '3.2.0' });
    expect(current!.options.find((o) => o.option === 'orchestration-versioning')!.detail).toMatch(/^Set /);
  });

  test('a removed or renamed orchestrator gets advice for a removal, not for a change', () => {
    const onlyRemoved = adviseOn(report([removed('OldFlow'), removed('OldFlow', 'old-2')]), undefined, 'my-app');
    expect(onlyRemoved!.options.map((o) => o.option)).toEqual(['drain', 'side-by-side', 'keep-orchestrator']);
    expect(onlyRemoved!.options[2]!.detail).toContain(
      "The new app has no 'OldFlow': keep it registered, as recorded, until its 2 in-flight instance(s) finish.",
    );
    const both = adviseOn(report([removed('OldFlow'), nondeterministic('Orders', 'src/orders.ts', 39)]), undefined, 'my-app');
    expect(both!.options.map((o) => o.option)).toEqual(['drain', 'side-by-side', 'keep-orchestrator', 'versioned-name', 'orchestration-versioning']);
    expect(both!.options[3]!.detail).toContain('OrdersV2 (beside Orders)');
    expect(both!.options[3]!.detail).not.toContain('OldFlow');
  });

  test('histories of one instance at several points count as one instance, named once, each with its file', () => {
    const snapshot = (file: string): ReplayResult => ({ ...nondeterministic('Orders', 'src/orders.ts', 39), instanceId: 'order-1', source: file });
    const view = report([snapshot('histories/order-1-0.json'), snapshot('histories/order-1-1.json'), removed('OldFlow')]);
    const advice = adviseOn(view, undefined, 'my-app')!;
    expect(advice.broken).toEqual([
      { orchestrator: 'Orders', instances: 1 },
      { orchestrator: 'OldFlow', instances: 1 },
    ]);
    expect(advice.options[0]!.detail).toMatch(/^Let the 2 broken instance\(s\) finish/);
    const text = renderText({ ...view, advice });
    expect(text).toContain('✗ order-1 [histories/order-1-0.json]  Orders  nondeterministic\n✗ order-1 [histories/order-1-1.json]  Orders');
    expect(text).toContain('order-1 (Orders): nondeterministic\n  history:  histories/order-1-0.json (and 1 more with the same problem)');
    // A file named after its instance, as record names it, is not repeated.
    expect(text).toContain('✗ OldFlow  OldFlow  failed');
  });

  test('a real app without the recorded orchestrator: the report advises keeping it', async () => {
    const dir = writeApp('advice-removed', { orchestrators: { SomethingElse: 'return 1;' } });
    const result = await runReplay({ app: dir, histories: ['examples/histories/order-1001.json'], cwd: repoRoot, userOutput: 'ignore' });
    expect(result.summary.failed).toBe(1);
    expect(result.advice?.options.map((o) => o.option)).toEqual(['drain', 'side-by-side', 'keep-orchestrator']);
  });
});
