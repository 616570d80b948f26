// Folders of history files for `npm run bench`: the example app's orders at every stage, 20 to
// 200 events each, written as `record` writes them. A share of them can be made to diverge from the
// example's code (a recorded activity renamed), as an instance started by other code would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processOrderHistory } from '../lib/__tests__/support/orders.js';

const STAGES = ['reserve', 'entity', 'charge', 'ship', 'done'];

/** The i-th bench history (as a history file object), or undefined when it falls outside 20-200 events. */
export function benchHistory(i) {
  const file = processOrderHistory({
    orderId: `bench-${i}`,
    items: 1 + ((i * 37) % 80),
    stage: STAGES[i % STAGES.length],
    total: i % 7 === 0 ? 1500 : 300,
    paymentFailures: i % 11 === 0 ? 1 : 0,
  }).toFile();
  const n = file.history.length;
  return n >= 20 && n <= 200 ? file : undefined;
}

/**
 * Writes `count` history files into `dir` (made if missing); every `divergeEvery`-th one (when
 * given) has its first ReserveItem call recorded under another name, so the example's code diverges
 * from it there. Returns the events written.
 */
export function writeHistoryFolder(dir, count, { divergeEvery } = {}) {
  mkdirSync(dir, { recursive: true });
  let events = 0;
  for (let i = 0, written = 0; written < count; i++) {
    const file = benchHistory(i);
    if (!file) continue;
    if (divergeEvery && written % divergeEvery === 0) {
      const scheduled = file.history.find((e) => e.EventType === 4 && e.Name === 'ReserveItem');
      if (scheduled) scheduled.Name = 'ReserveStock';
    }
    events += file.history.length;
    writeFileSync(join(dir, `${file.instanceId}.json`), `${JSON.stringify(file, null, 1)}\n`);
    written += 1;
  }
  return events;
}
