/**
 * Selective drain (gate --wait-for breaking) against Azurite: in-flight histories of the example
 * app replayed against its next version (CheckFraud inserted before the ReserveItem fan-out) at
 * each poll; only the instances it breaks block.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { runGate, type GateReport } from '../src/gate/gate.js';
import { ReplayJudge } from '../src/gate/selective.js';
import { renderGateText } from '../src/commands/gate.js';
import { nameOptionsAs } from '../src/option-names.js';
import { AzureTablesTaskHub, IN_FLIGHT_STATUSES } from '../src/taskhub/azure-tables.js';
import { resolveConnection } from '../src/taskhub/connection.js';
import { repoRoot } from './helpers/apps.js';
import { runNode } from './helpers/spawn.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { processOrderHistory } from './support/orders.js';
import { TaskHubSeeder } from './support/taskhub.js';

let azurite: Azurite;
let seeder: TaskHubSeeder;
let app: ReplayApp;
const env = (): NodeJS.ProcessEnv => ({ AzureWebJobsStorage: azurite.connectionString });

beforeAll(async () => {
  azurite = await startAzurite();
  seeder = new TaskHubSeeder(resolveConnection({ env: env() }), 'SelectHub');
  await seeder.create();
  // 'validate': only ValidateOrder recorded, the inserted CheckFraud comes after it: safe.
  await seeder.write({ instanceId: 'early-1', events: processOrderHistory({ orderId: 'early-1', stage: 'validate' }).build() });
  // 'charge': ReserveItem recorded where the new code calls CheckFraud: breaks.
  await seeder.write({ instanceId: 'late-1', events: processOrderHistory({ orderId: 'late-1', stage: 'charge' }).build() });
  await seeder.instances.upsertEntity(
    { partitionKey: 'pending-1', rowKey: '', Name: 'ProcessOrder', RuntimeStatus: 'Pending', CreatedTime: new Date(), LastUpdatedTime: new Date() },
    'Replace',
  );
  app = await loadApp(join(repoRoot, 'examples', 'order-app-next'), { userOutput: 'ignore' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await azurite?.stop();
});

const hub = () => new AzureTablesTaskHub(resolveConnection({ env: env() }), 'SelectHub');

describe('gate --wait-for breaking', () => {
  test('waits only for the instance the new code breaks; the safe and the not-yet-started ones are listed with their reasons', async () => {
    const judge = new ReplayJudge(hub(), app);
    const report: GateReport = await runGate({ source: hub(), statuses: IN_FLIGHT_STATUSES, timeoutMs: 1200, intervalMs: 500, judge });
    expect(report.outcome).toBe('timeout');
    expect(report.waitFor).toBe('breaking');
    expect(report.blocking?.map((i) => [i.instanceId, i.verdict])).toEqual([['late-1', 'nondeterministic']]);
    expect(report.blocking?.[0]?.divergence?.replayed).toMatchObject({ action: 'CallActivity', name: 'CheckFraud' });
    expect(report.blocking?.[0]?.reason).toContain("recorded TaskScheduled 'ReserveItem', replayed CallActivity 'CheckFraud'");
    expect(report.safe?.map((i) => [i.instanceId, i.verdict]).sort()).toEqual([
      ['early-1', 'ok'],
      ['pending-1', 'not started'],
    ]);
    // Unchanged instances are not read again.
    await judge.judge(report.inFlight);
    expect(judge.lastReplayed).toBe(0);
  });

  test('once the breaking instance finished: drained after one more confirming poll, the safe ones still running', async () => {
    await seeder.setStatus('late-1', 'Completed');
    try {
      const polls: number[] = [];
      const report = await runGate({
        source: hub(),
        statuses: IN_FLIGHT_STATUSES,
        timeoutMs: 10_000,
        intervalMs: 500,
        judge: new ReplayJudge(hub(), app),
        onPoll: (p) => polls.push(p.blocking),
      });
      expect(report.outcome).toBe('drained');
      expect(report.polls).toBe(2);
      expect(polls).toEqual([0, 0]);
      expect(report.blocking).toEqual([]);
      expect(report.safe?.map((i) => i.instanceId).sort()).toEqual(['early-1', 'pending-1']);
    } finally {
      await seeder.setStatus('late-1', 'Running');
    }
  });

  test('a history that moves past the change between polls is caught by the confirming poll', async () => {
    await seeder.setStatus('late-1', 'Completed');
    await seeder.write({ instanceId: 'mid-1', events: processOrderHistory({ orderId: 'mid-1', stage: 'validate' }).build() });
    const real = hub();
    let calls = 0;
    // The first poll finds everything safe; before the confirming poll, the old code moves mid-1 past the insertion point.
    const source = {
      describe: real.describe,
      async *instances(query: Parameters<typeof real.instances>[0]) {
        if (++calls === 2) await seeder.write({ instanceId: 'mid-1', events: processOrderHistory({ orderId: 'mid-1', stage: 'charge' }).build() });
        yield* real.instances(query);
      },
    };
    try {
      const report = await runGate({ source, statuses: IN_FLIGHT_STATUSES, timeoutMs: 1500, intervalMs: 300, judge: new ReplayJudge(hub(), app) });
      expect(calls).toBeGreaterThan(2);
      expect(report.outcome).toBe('timeout');
      expect(report.blocking?.map((i) => i.instanceId)).toEqual(['mid-1']);
    } finally {
      await seeder.setStatus('mid-1', 'Completed');
      await seeder.setStatus('late-1', 'Running');
    }
  });

  test('--ignore-stale lets a possibly stuck breaking instance through, and the report says so instead of "nothing breaks"', async () => {
    const old = '2026-01-01T00:00:00.000Z';
    const source = {
      describe: 'a test hub',
      async *instances() {
        yield { instanceId: 'stuck-1', name: 'ProcessOrder', runtimeStatus: 'Running', createdTime: old, lastUpdatedTime: old };
        yield {
          instanceId: 'fine-1',
          name: 'ProcessOrder',
          runtimeStatus: 'Running',
          createdTime: new Date().toISOString(),
          lastUpdatedTime: new Date().toISOString(),
        };
      },
    };
    const judge = {
      lastReplayed: 0,
      judge: async () =>
        new Map([
          ['stuck-1', { verdict: 'nondeterministic' as const, reason: 'step 1: recorded ReserveItem, replayed CheckFraud' }],
          ['fine-1', { verdict: 'ok' as const, reason: 'replays cleanly' }],
        ]),
    };
    const polls: { blocking: number; breaking?: number }[] = [];
    const report = await runGate({
      source,
      statuses: IN_FLIGHT_STATUSES,
      timeoutMs: 5000,
      intervalMs: 100,
      staleAfterMs: 86_400_000,
      ignoreStale: true,
      judge,
      onPoll: (p) => polls.push(p),
    });
    expect(report.outcome).toBe('drained');
    expect(report.ignoredStale).toEqual(['stuck-1']);
    expect(polls[0]).toMatchObject({ blocking: 0, breaking: 1 });
    nameOptionsAs((name) => `--${name}`);
    expect(renderGateText(report)).toContain(
      'Nothing in flight that the new code breaks, except 1 possibly stuck instance(s) let through by --ignore-stale (stuck-1): they will fail on the new code if they ever resume',
    );
  });

  test('the built CLI: the JSON report gains blocking and safe; bad combinations are refused', async () => {
    const run = (args: string[]) => runNode([join(repoRoot, 'dist', 'cli', 'index.js'), ...args], { ...process.env, ...env() });
    const r = await run([
      'gate',
      '--task-hub',
      'SelectHub',
      '--app',
      'examples/order-app-next',
      '--wait-for',
      'breaking',
      '--timeout',
      '1s',
      '--interval',
      '500ms',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as GateReport;
    expect(report.blocking?.map((i) => i.instanceId)).toEqual(['late-1']);
    expect(report.blocking?.[0]?.divergence?.location?.line).toBe(39);
    expect(report.safe).toHaveLength(2);
    expect(r.stderr).toMatch(/poll 1: 3 in flight.*; 1 the new code breaks or cannot check, 2 replay cleanly/);
    const text = await run([
      'gate',
      '--task-hub',
      'SelectHub',
      '--app',
      'examples/order-app-next',
      '--wait-for',
      'breaking',
      '--timeout',
      '1s',
      '--interval',
      '500ms',
    ]);
    expect(text.stdout).toMatch(/late-1\s+ProcessOrder\s+Running.*nondeterministic\s+step 1: recorded TaskScheduled 'ReserveItem'/);
    expect(text.stdout).toContain('2 other instance(s) in flight replay cleanly on the new code: not waited for.');
    const noApp = await run(['gate', '--task-hub', 'SelectHub', '--wait-for', 'breaking']);
    expect([noApp.code, noApp.stderr]).toEqual([2, expect.stringContaining('--wait-for breaking needs --app: the function app folder with the new code')]);
    const http = await run(['gate', '--http-endpoint', 'https://127.0.0.1:1', '--app', 'examples/order-app-next', '--wait-for', 'breaking']);
    expect([http.code, http.stderr]).toEqual([2, expect.stringContaining("the HTTP API's history is lossy")]);
    const bad = await run(['gate', '--task-hub', 'SelectHub', '--wait-for', 'some']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("Invalid --wait-for 'some'. Expected all")]);
  }, 60_000);

  test('the Action bundle: the blocking table with verdicts, and the safe instances, in the job summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-action-select-'));
    const [output, summary] = [join(dir, 'output'), join(dir, 'summary')];
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const inputs = { command: 'gate', 'task-hub': 'SelectHub', app: 'examples/order-app-next', 'wait-for': 'breaking', timeout: '1s', interval: '500ms' };
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env(),
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        GITHUB_WORKSPACE: repoRoot,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: dir,
      },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('<td>late-1</td>');
    expect(text).toContain('nondeterministic');
    expect(text).toContain('2 instance(s) in flight replay cleanly on the new code and were not waited for');
    expect(r.stdout).toContain('1 the new code breaks or cannot check');
  }, 60_000);
});
