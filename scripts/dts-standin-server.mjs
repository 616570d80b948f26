// The Durable Task Scheduler stand-in (__tests__/support/dts-standin.ts) in a process of its own,
// for npm run bench: task hub "bench" with `count` in-flight instances of the example's orders
// (built with the test support's builders, converted to the scheduler's events), each call answered
// after `delayMs` (default 0). Prints {"port":N,"events":N} once it listens; ends when its stdin closes.
//
//   node scripts/dts-standin-server.mjs <count> [delayMs]
import { SchedulerStandIn } from '../lib/__tests__/support/dts-standin.js';
import { toDts } from '../lib/__tests__/support/dts.js';
import { processOrderHistory } from '../lib/__tests__/support/orders.js';

const count = Number(process.argv[2] ?? 1000);
const delayMs = Number(process.argv[3] ?? 0);
const STAGES = ['reserve', 'charge', 'ship'];
const instances = Array.from({ length: count }, (_, i) => {
  const file = processOrderHistory({ orderId: `dts-${i}`, items: 1 + ((i * 37) % 40), stage: STAGES[i % STAGES.length] }).toFile();
  return {
    instanceId: `dts-${i}`,
    name: 'ProcessOrder',
    status: i % 5 === 0 ? 6 : 0,
    createdSeconds: 1_764_000_000 + i,
    executionId: file.executionId,
    history: file.history.map(toDts),
  };
});
const standIn = await SchedulerStandIn.start({ taskHub: 'bench', chunk: 50, instances, delayMs });
process.stdout.write(`${JSON.stringify({ port: standIn.port, events: instances.reduce((n, i) => n + i.history.length, 0) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void standIn.close().then(() => process.exit(0)));
