/**
 * Fault injection, service side: the built CLI (dist/cli/index.js) and the bundled Action
 * (dist/index.js) run as child processes against Azurite behind a loopback proxy that hangs,
 * drips, resets, answers 5xx or bodies the Table service never sends, redirects, or vanishes.
 * Each case checks the exit code, the time to exit, and that the gate never passes on what it
 * could not read.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeApp } from './helpers/apps.js';
import { runTimed } from './helpers/spawn.js';
import { ACTION, CLI, HUB, only, startFaultHub, type FaultHub } from './support/fault-hub.js';
import { startFaultProxy, type Fault } from './support/fault-proxy.js';

let hub: FaultHub;
const run = runTimed;
const viaProxy = (...through: Parameters<FaultHub['viaProxy']>): NodeJS.ProcessEnv => hub.viaProxy(...through);
const gate = (...extra: string[]): string[] => hub.gate(...extra);

beforeAll(async () => {
  hub = await startFaultHub();
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

describe('gate: never opens on an answer it could not read', () => {
  const oddAnswers: [string, Fault][] = [
    ['an HTML sign-in page', { kind: 'answer', status: 200, contentType: 'text/html', body: '<html><body>Sign in to continue</body></html>' }],
    ['{}', { kind: 'answer', status: 200, contentType: 'application/json', body: '{}' }],
    ['an empty body', { kind: 'answer', status: 200, contentType: 'application/json;odata=nometadata', body: '' }],
    ['{"value":"oops"}', { kind: 'answer', status: 200, contentType: 'application/json', body: '{"value":"oops"}' }],
    ['a redirect to a sign-in page', { kind: 'redirect', location: 'REDIRECT' }],
  ];
  test.each(oddAnswers)('a 200 with %s fails closed at once (exit 2), CLI and Action', async (_label, fault) => {
    hub.proxy.setFault(fault.kind === 'redirect' ? { ...fault, location: hub.signInUrl } : fault);
    const r = await run(gate(), viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/Drained|may go on/);
    expect(r.stdout).toMatch(/Could not query the task hub \(the gate fails closed; do not deploy\).*(where a table query page was expected|HTTP 30\d)/s);
    expect(r.seconds).toBeLessThan(8);
    const action = await run([ACTION], {
      ...viaProxy(),
      INPUT_COMMAND: 'gate',
      'INPUT_TASK-HUB': HUB,
      INPUT_TIMEOUT: '3s',
      INPUT_INTERVAL: '500ms',
      GITHUB_OUTPUT: join(mkdtempSync(join(tmpdir(), 'dg-out-')), 'out'),
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'dg-tmp-')),
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain('::error::');
    expect(action.stdout).not.toMatch(/drained::true|Drained/);
  });

  test('record against the same answer says it could not read the hub (exit 2), not "Recorded 0 of 0"', async () => {
    hub.proxy.setFault({ kind: 'answer', status: 200, contentType: 'text/html', body: '<html>Sign in</html>' });
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('Recorded 0 of 0');
    expect(r.stderr).toContain('where a table query page was expected');
  });
});

describe('bounded: every run ends within its timeout and a short grace', () => {
  const stalls: [string, Fault][] = [
    ['accepts and never answers', { kind: 'hang' }],
    ['drips its answer a byte a second', { kind: 'drip', intervalMs: 1000 }],
    ['answers 503 every time', { kind: 'answer', status: 503, contentType: 'application/json', body: '{"odata.error":{"code":"ServerBusy"}}' }],
    ['resets mid-response', { kind: 'reset', afterBytes: 5 }],
  ];
  test('gate --timeout 3s against a service that hangs, drips, answers 503 or resets: fails closed within timeout + 5 s grace, and the process ends', async () => {
    // Each stall behind its own proxy, all at once: the grace is waited out once, not four times.
    const proxies = await Promise.all(stalls.map(() => startFaultProxy(hub.azurite.tableUrl)));
    try {
      const runs = await Promise.all(
        stalls.map(([, fault], i) => {
          proxies[i]!.setFault(fault);
          return run(gate(), viaProxy(proxies[i]));
        }),
      );
      runs.forEach((r, i) => {
        expect([stalls[i]![0], r.code]).toEqual([stalls[i]![0], 2]);
        expect(r.stdout).toMatch(/Could not query the task hub \(the gate fails closed; do not deploy\)/);
        expect(r.seconds).toBeLessThan(3 + 5 + 3.5);
      });
    } finally {
      await Promise.all(proxies.map((p) => p.close()));
    }
  });

  test('a service that vanishes and comes back: the gate rides it out and still decides on time', async () => {
    hub.proxy.setFault({ kind: 'pass' });
    await hub.proxy.pause();
    const running = run(gate('--format', 'json'), viaProxy());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await hub.proxy.resume();
    const r = await running;
    // The instances are still in flight: a timeout with what blocks, never a pass.
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'timeout', drained: false });
    expect(r.seconds).toBeLessThan(3 + 5 + 2.5);
  });

  test('SIGTERM while a poll hangs: the gate stops within 2 s, says cancelled, exit 2', async () => {
    hub.proxy.setFault({ kind: 'hang' });
    const r = await run([CLI, 'gate', '--task-hub', HUB, '--timeout', '5m', '--interval', '1s'], viaProxy(), { signalAfterMs: 1500 });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Cancelled');
    expect(r.seconds).toBeLessThan(1.5 + 2.5);
  });

  test('record --timeout 3s with a history query that never answers: ends on time, lists what it did not record, leaves no partial file', async () => {
    hub.proxy.setFault(only(/History/, { kind: 'hang' }));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const r = await run([CLI, 'record', '--task-hub', HUB, '--out', out, '--timeout', '3s'], viaProxy());
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Stopped: --timeout 3s passed\. \d+ instance\(s\) not recorded/);
    expect(r.seconds).toBeLessThan(3 + 2.5);
    expect(readdirSync(out).filter((f) => !f.endsWith('.json') || f.endsWith('.tmp'))).toEqual([]);
  });

  test('record killed with SIGKILL while reading: no partial history file; the next run finishes and removes leftovers', async () => {
    hub.proxy.setFault(only(/History/, { kind: 'drip', intervalMs: 50 }));
    const out = join(mkdtempSync(join(tmpdir(), 'dg-rec-')), 'h');
    const killed = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy(), { signalAfterMs: 2500, signal: 'SIGKILL' });
    expect(killed.code).toBeNull();
    for (const file of readdirSync(out).filter((f) => f.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown).not.toThrow();
    // What a run killed between writing and renaming leaves behind (its process is gone).
    writeFileSync(join(out, 'late-1.json.999999.abc123.tmp'), '{"schema":"durable-gate.hist');
    hub.proxy.setFault({ kind: 'pass' });
    const again = await run([CLI, 'record', '--task-hub', HUB, '--out', out], viaProxy());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Removed 1 temporary file(s) left by an earlier run');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('selective gate: an instance without readable history is never safe', () => {
  test('a History query answered with no rows makes the Running instances block (unknown), not safe', async () => {
    hub.proxy.setFault(only(/History/, { kind: 'answer', status: 200, contentType: 'application/json;odata=nometadata', body: '{"value":[]}' }));
    const r = await run(gate('--timeout', '1s', '--app', 'examples/order-app-next', '--wait-for', 'breaking', '--format', 'json'), viaProxy());
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { outcome: string; blocking: { instanceId: string; verdict: string }[]; safe: unknown[] };
    expect(report.outcome).toBe('timeout');
    expect(report.safe).toEqual([]);
    expect(report.blocking.map((i) => i.verdict)).toEqual(report.blocking.map(() => 'error'));
    expect(report.blocking.map((i) => i.instanceId)).toContain('late-1');
  });

  test('an app that hangs while it is imported: the gate fails closed with its report within timeout + grace', async () => {
    hub.proxy.setFault({ kind: 'pass' });
    const app = writeApp('fault-hang-import', { orchestrators: { ProcessOrder: 'return 1;' } });
    writeFileSync(join(app, 'src', 'hang.js'), 'for (;;) {}\n');
    const r = await run(gate('--timeout', '1s', '--app', app, '--wait-for', 'breaking', '--format', 'json'), viaProxy());
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { outcome: string; drained: boolean; error: string };
    expect(report).toMatchObject({ outcome: 'error', drained: false });
    expect(report.error).toContain('stopped while the app was still loading');
    // The 1 s timeout, the 5 s grace a poll has to end (GATE_GRACE_MS), and the process's start, the
    // worker's end and the report: about 7.4 s alone, more on a machine busy with other tests.
    expect(r.seconds).toBeLessThan(1 + 5 + 3.5);
  });
});
