// Writes examples/histories/: instances of examples/order-app (v1) in flight, as the runtime
// records them. Run after `npm run build`: node scripts/example-histories.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveOrderHistory, processOrderHistory, reminderOrderHistory } from '../lib/__tests__/support/orders.js';

const dir = new URL('../examples/histories/', import.meta.url);
mkdirSync(dir, { recursive: true });
const start = (day, hour) => new Date(Date.UTC(2026, 10, day, hour, 0, 0));
const instances = {
  'order-1001': processOrderHistory({ orderId: 'order-1001', stage: 'validate', start: start(20, 9) }),
  'order-1002': processOrderHistory({ orderId: 'order-1002', stage: 'reserve', items: 3, start: start(20, 10) }),
  'order-1003': processOrderHistory({ orderId: 'order-1003', stage: 'approval', total: 1500, start: start(20, 11) }),
  'order-1003-approval': approveOrderHistory('order-1003'),
  'order-1004': processOrderHistory({ orderId: 'order-1004', stage: 'charge', paymentFailures: 1, start: start(21, 8) }),
  'order-1005': processOrderHistory({ orderId: 'order-1005', stage: 'ship', items: 4, start: start(21, 9) }),
  'order-1006-reminder': reminderOrderHistory('order-1006', 2),
};
for (const [name, builder] of Object.entries(instances)) {
  const file = builder.toFile({ taskHub: 'OrderHub', recordedAt: '2026-11-22T12:00:00.000Z' });
  writeFileSync(join(dir.pathname, `${name}.json`), JSON.stringify(file, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(instances).length} histories to examples/histories/`);
