/**
 * The history builder is public: a user writes the histories of the instances a change must not
 * break, with no production access, and replays them. Written here against the example app's
 * ProcessOrder exactly as its code makes its calls, with inputs recorded as the provider records
 * them.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { HistoryBuilder, loadApp, parseHistory, type ReplayApp } from '../harness/index.js';
import { repoRoot } from './helpers/apps.js';
import { join } from 'node:path';

const apps: ReplayApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

/** An order in flight: validated, its two items being reserved. */
function reserving() {
  const input = {
    orderId: 'doc-1',
    customer: 'c-1',
    items: [
      { sku: 'A', qty: 1 },
      { sku: 'B', qty: 2 },
    ],
    total: 250,
  };
  const b = new HistoryBuilder({ instanceId: 'doc-1', name: 'ProcessOrder', input });
  const validate = b.activity('ValidateOrder', input);
  b.episode().completed(validate, { valid: true });
  b.activity('ReserveItem', input.items[0]);
  b.activity('ReserveItem', input.items[1]);
  return b.idle().toFile();
}

describe('HistoryBuilder (public)', () => {
  test('what it writes is a history file the loader accepts, with inputs as the provider records them', () => {
    const file = reserving();
    const loaded = parseHistory(file, 'doc-1.json');
    expect(loaded).toMatchObject({ instanceId: 'doc-1', orchestrator: 'ProcessOrder', format: 'history-file' });
    expect(file.history.find((e) => e.Name === 'ReserveItem')?.Input).toBe('[{"sku":"A","qty":1}]');
  });

  test('replays ok, with no input drift, on the code it was written for, and breaks on the next version at its line', async () => {
    const current = await loadApp(join(repoRoot, 'examples', 'order-app'), { userOutput: 'ignore' });
    const next = await loadApp(join(repoRoot, 'examples', 'order-app-next'), { userOutput: 'ignore' });
    apps.push(current, next);
    const [ok] = await current.replay([{ value: reserving(), source: 'doc-1.json' }]);
    expect(ok).toMatchObject({ verdict: 'ok' });
    expect(ok!.warnings).toBeUndefined();
    const [broken] = await next.replay([{ value: reserving(), source: 'doc-1.json' }]);
    expect(broken!.verdict).toBe('nondeterministic');
    expect(broken!.divergence?.location?.file).toMatch(/order-app-next\/src\/functions\/orchestrators\.ts$/);
  });
});
