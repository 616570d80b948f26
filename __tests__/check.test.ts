/**
 * `durable-gate check` (built CLI): the example's breaking change caught with no recorded
 * history, its safe version and the unchanged app passing, recorded histories' points, module
 * scenarios with computed results, and the messages for what is missing or wrong.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_SCENARIO } from '../harness/testing/check.js';
import { nextApp, repoRoot } from './helpers/apps.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');

function check(args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BASE = ['--base', 'examples/order-app'];

describe('durable-gate check (built CLI)', () => {
  test("catches the example's breaking change with no recorded history: each point a scenario waited, at the new code's line", () => {
    const { code, stdout, stderr } = check([...BASE, '--app', 'examples/order-app-next', '--scenarios', 'examples/scenarios']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'durable-gate: ran examples/scenarios/small-order.json (a small order, shipped) on the old code: 5 point(s) where an instance waits, to check',
    );
    // Waiting for ValidateOrder, the inserted CheckFraud is new work: ok. Every later point breaks.
    expect(stdout).toContain('✓ small-order [examples/scenarios/small-order.json#small-order@1]  ProcessOrder  ok');
    expect(stdout).toContain('✗ small-order [examples/scenarios/small-order.json#small-order@2]  ProcessOrder  nondeterministic');
    expect(stdout).toContain('code:     examples/order-app-next/src/functions/orchestrators.ts:39:22');
    // The sub-orchestration and the reminder's timers are checked too, and are safe.
    expect(stdout).toContain('✓ large-order:approval [examples/scenarios/large-order.json#large-order:approval@1]  ApproveOrder  ok');
    expect(stdout).toContain('✓ reminder [examples/scenarios/reminder.json#reminder@5]  ReminderOrder  ok');
    expect(stdout).toContain('Let the 2 broken instance(s) finish');
    expect(stdout).toContain('19 histories: 8 ok, 11 nondeterministic, 0 failed, 0 could not be checked');
  });

  test('the safe version (the versioning advice followed) and the unchanged app pass', () => {
    const safe = nextApp('check-versioned', { defaultVersion: '1.0', branchOnVersion: true });
    const passed = check([...BASE, '--app', safe, '--scenarios', 'examples/scenarios', '--quiet']);
    expect(passed.stdout).toContain('19 histories: 19 ok, 0 nondeterministic, 0 failed, 0 could not be checked');
    expect(passed.code).toBe(0);
    expect(check([...BASE, '--app', 'examples/order-app', '--scenarios', 'examples/scenarios', '--quiet']).code).toBe(0);
  });

  test('recorded histories add every point they passed through; JSON report', () => {
    const { code, stdout } = check([...BASE, '--app', 'examples/order-app-next', '--histories', 'examples/histories', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { summary: { total: number; ok: number }; results: { source: string; verdict: string }[] };
    const order1003 = report.results.filter((r) => r.source.startsWith('examples/histories/order-1003.json@'));
    // order-1003 waits for its approval: validate, reserve, entity and approval points; only the first is safe.
    expect(order1003.map((r) => [r.source, r.verdict])).toEqual([
      ['examples/histories/order-1003.json@1', 'ok'],
      ['examples/histories/order-1003.json@2', 'nondeterministic'],
      ['examples/histories/order-1003.json@3', 'nondeterministic'],
      ['examples/histories/order-1003.json@4', 'nondeterministic'],
    ]);
  });

  test('a module scenario gives computed results and entity answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'durable-gate-check-'));
    writeFileSync(
      join(dir, 'orders.mjs'),
      `export default [{
        orchestrator: 'ProcessOrder',
        instanceId: 'computed',
        input: { orderId: 'computed', customer: 'c', items: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 1 }], total: 30 },
        activities: {
          ValidateOrder: (order) => ({ valid: true, orderId: order.orderId }),
          ReserveItem: (item) => ({ sku: item.sku, reserved: item.qty }),
          ChargePayment: (payment) => ({ charged: payment.total }),
          ShipOrder: (ship) => 'TRACK-' + ship.orderId,
        },
        entities: { inventory: ({ operation, input, state }) => ({ state: (state ?? 0) + (operation === 'reserve' ? input : -input), result: input }) },
      }];\n`,
    );
    const { code, stdout } = check([...BASE, '--app', 'examples/order-app', '--scenarios', join(dir, 'orders.mjs'), '--quiet']);
    expect(stdout).toContain('5 histories: 5 ok, 0 nondeterministic, 0 failed, 0 could not be checked');
    expect(code).toBe(0);
  });

  test('what is missing or wrong is named, with what to write (exit 2)', () => {
    const none = check([...BASE, '--app', 'examples/order-app-next']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`durable-gate: ${NO_SCENARIO}\n`);
    expect(none.stderr).toContain('"orchestrator": "ProcessOrder"');
    const noBase = check(['--app', 'examples/order-app-next', '--scenarios', 'examples/scenarios']);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain('missing --base: the function app folder with the old code, built');
    const dir = mkdtempSync(join(tmpdir(), 'durable-gate-check-'));
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'no-name.json'), JSON.stringify({ input: 1 }));
    const bad = check([...BASE, '--app', 'examples/order-app-next', '--scenarios', join(dir, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-name.json has no "orchestrator" (the orchestrator\'s name).');
    writeFileSync(join(dir, 'bad', 'no-name.json'), JSON.stringify({ orchestrator: 'ProcessOrder', input: { orderId: 'x', items: [], total: 1 } }));
    const unanswered = check([...BASE, '--app', 'examples/order-app-next', '--scenarios', join(dir, 'bad')]);
    expect(unanswered.code).toBe(2);
    expect(unanswered.stderr).toContain(
      "did not run on the old code (examples/order-app): ProcessOrder (processorder-1) calls the activity 'ValidateOrder', and the test gives no result for it.",
    );
    const wrongAnswer = join(dir, 'answer.json');
    writeFileSync(wrongAnswer, JSON.stringify({ orchestrator: 'ProcessOrder', activities: { ValidateOrder: { valid: true } } }));
    expect(check([...BASE, '--app', 'examples/order-app-next', '--scenarios', wrongAnswer]).stderr).toContain(
      'activities.ValidateOrder must be { "result": <value> }, { "error": "<message>" }, or { "results": [ ... ] } of those, one per call.',
    );
    expect(check([...BASE, '--app', 'examples/order-app-next', '--scenarios', join(dir, 'missing')]).stderr).toContain('no such file or folder');
    const entity = join(dir, 'entity.json');
    const answering = (inventory: Record<string, unknown>): string => {
      const scenario = {
        orchestrator: 'ProcessOrder',
        input: { orderId: 'e', items: [{ sku: 'A', qty: 1 }], total: 1 },
        appActivities: true,
        entities: { inventory },
      };
      writeFileSync(entity, JSON.stringify(scenario));
      return entity;
    };
    const unanswerable = check([...BASE, '--app', 'examples/order-app', '--scenarios', answering({ release: { result: 0 } })]).stderr;
    expect(unanswerable).toContain('entity.json did not run on the old code (examples/order-app): entities.inventory in ');
    expect(unanswerable).toContain("has no answer for the operation 'reserve'.");
    const answered = check([...BASE, '--app', 'examples/order-app', '--scenarios', answering({ reserve: { result: 1 }, release: { result: 0 } }), '--quiet']);
    expect(answered.stdout).toContain('5 histories: 5 ok');
    expect(answered.code).toBe(0);
    writeFileSync(wrongAnswer, JSON.stringify({ orchestrator: 'ProcessOrder', http: { statusCode: 200 } }));
    expect(check([...BASE, '--app', 'examples/order-app-next', '--scenarios', wrongAnswer]).stderr).toContain(
      '"http" must be callHttp answers in order, such as [{ "statusCode": 200, "content": "done" }], or a function (in a module).',
    );
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ orchestrator: 'ProcessOrder', appActivities: ['ShipOrders'] }));
    expect(check([...BASE, '--app', 'examples/order-app-next', '--scenarios', typo]).stderr).toContain(
      "typo.json did not run on the old code (examples/order-app): appActivities names 'ShipOrders', which the app does not register as an activity.",
    );
  });
});
