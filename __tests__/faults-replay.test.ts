/**
 * Fault injection, user code side: the built CLI (dist/cli/index.js) replaying with apps whose
 * orchestrators loop, allocate without bound or hang at import, with hostile ids and names, and
 * a cancel. Each case checks the exit code, the time to exit and that the report is whole.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, writeApp } from './helpers/apps.js';
import { runTimed } from './helpers/spawn.js';
import { processOrderHistory } from './support/orders.js';

const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
const ACTION = join(repoRoot, 'dist', 'index.js');

const run = runTimed;

describe('replay: user code that hangs or loops', () => {
  test('an orchestrator that never yields: that history is failed, the others are checked, the report is complete', async () => {
    const app = writeApp('fault-loop', {
      orchestrators: {
        ProcessOrder: 'if (context.df.instanceId === "late-1") { for (;;) {} }\nreturn 1;',
        ApproveOrder: 'return 1;',
        ReminderOrder: 'return 1;',
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'dg-loop-'));
    for (const id of ['late-1', 'early-1'])
      writeFileSync(join(dir, `${id}.json`), JSON.stringify(processOrderHistory({ orderId: id, stage: 'validate' }).build()));
    const r = await run([CLI, 'replay', '--app', app, '--histories', dir, '--history-timeout', '2s', '--format', 'json'], {});
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { instanceId: string; verdict: string; failure?: { message: string } }[] };
    const byId = Object.fromEntries(report.results.map((x) => [x.instanceId, x]));
    expect(byId['late-1']).toMatchObject({ verdict: 'failed' });
    expect(byId['late-1']!.failure!.message).toContain('did not return within 2 s');
    expect(byId['early-1']).toMatchObject({ verdict: 'nondeterministic' });
    expect(r.seconds).toBeLessThan(15);
  });

  test('ids and names with control characters: escaped in the text report and the Action log, never a forged line; a name with a newline is judged, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-ctl-'));
    const file = JSON.parse(readFileSync(join(repoRoot, 'examples', 'histories', 'order-1002.json'), 'utf8')) as {
      instanceId: string;
      name: string;
      history: { Name?: string; OrchestrationInstance?: { InstanceId: string } }[];
    };
    const evil = 'order-x\n::warning title=INJECTED::forged\u001b[2K';
    file.instanceId = evil;
    file.history[1]!.OrchestrationInstance!.InstanceId = evil;
    file.name = 'Proc\nX';
    file.history[1]!.Name = 'Proc\nX';
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(file));
    writeFileSync(join(dir, 'good.json'), readFileSync(join(repoRoot, 'examples', 'histories', 'order-1001.json')));
    const r = await run([CLI, 'replay', '--app', 'examples/order-app-next', '--histories', dir], {});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('order-x\\u000a::warning title=INJECTED::forged\\u001b[2K');
    expect(r.stdout).toContain('2 histories');
    expect(r.stdout.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    const temp = mkdtempSync(join(tmpdir(), 'dg-action-'));
    const action = await run([ACTION], {
      INPUT_COMMAND: 'replay',
      INPUT_APP: 'examples/order-app-next',
      INPUT_HISTORIES: dir,
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_OUTPUT: join(temp, 'out'),
      RUNNER_TEMP: temp,
    });
    expect(action.stdout).not.toMatch(/^::warning title=INJECTED/m);
  });

  test('an orchestrator that allocates without bound is stopped at --history-memory and reported for that history only', async () => {
    const app = writeApp('fault-alloc', { orchestrators: { ProcessOrder: 'const a = [];\nfor (;;) a.push(new Array(1000).fill(a.length));' } });
    const dir = mkdtempSync(join(tmpdir(), 'dg-alloc-'));
    writeFileSync(join(dir, 'one.json'), JSON.stringify(processOrderHistory({ orderId: 'one', stage: 'validate' }).build()));
    const r = await run([CLI, 'replay', '--app', app, '--histories', dir, '--history-memory', '128'], {});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('more memory than the replay worker');
  });

  test('an app that hangs at import: replay --timeout 3s ends on time (exit 2), naming the cause', async () => {
    const app = writeApp('fault-hang-import-replay', { orchestrators: { ProcessOrder: 'return 1;' } });
    writeFileSync(join(app, 'src', 'hang.js'), 'for (;;) {}\n');
    const r = await run([CLI, 'replay', '--app', app, '--histories', 'examples/histories', '--timeout', '3s'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stopped while the app was still loading (--timeout 3s passed)');
    expect(r.seconds).toBeLessThan(3 + 2.5);
  });

  test('SIGTERM during a replay: stops within 2 s, the report lists what was not checked, exit 2', async () => {
    const app = writeApp('fault-loop-all', { orchestrators: { ProcessOrder: 'for (;;) {}' } });
    // The first history loops until --history-timeout (30 s): any time after the app has loaded
    // (well under 5 s, even on a loaded machine) is during a replay.
    const r = await run([CLI, 'replay', '--app', app, '--histories', 'examples/histories', '--format', 'json'], {}, { signalAfterMs: 5000 });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { summary: { error: number; total: number } };
    expect(report.summary.error).toBe(report.summary.total);
    expect(r.stderr).toContain('SIGTERM received: stopping');
    expect(r.seconds).toBeLessThan(5 + 2.5);
  });
});
