// npm run bench: replays 10,000 histories (20 to 200 events) of the example app through the
// harness and, in the same run, through a bare loop that calls the SDK's own handler on the same
// histories (the floor). The last line is one JSON object with the figures.
import { loadApp } from '../lib/harness/index.js';
import { buildPayloadText } from '../lib/harness/replay/payload.js';
import { parseHistory } from '../lib/harness/history/load.js';
import { processOrderHistory } from '../lib/__tests__/support/orders.js';

const COUNT = Number(process.env.BENCH_HISTORIES ?? 10_000);
const APP = process.env.BENCH_APP ?? 'examples/order-app';

const stages = ['reserve', 'entity', 'charge', 'ship', 'done'];
const histories = [];
let events = 0;
let min = Infinity;
let max = 0;
for (let i = 0; histories.length < COUNT; i++) {
  const items = 1 + ((i * 37) % 80);
  const file = processOrderHistory({ orderId: `bench-${i}`, items, stage: stages[i % stages.length], total: i % 7 === 0 ? 1500 : 300, paymentFailures: i % 11 === 0 ? 1 : 0 }).toFile();
  const n = file.history.length;
  if (n < 20 || n > 200) continue;
  events += n;
  min = Math.min(min, n);
  max = Math.max(max, n);
  histories.push({ text: JSON.stringify(file), file });
}

const app = await loadApp(APP, { userOutput: 'ignore' });
const floorInput = histories.map((h) => {
  const loaded = parseHistory(h.file, 'bench');
  return { name: loaded.orchestrator, text: '', payload: buildPayloadText(loaded) };
});

// Both paths get the same texts delivered to the worker in batches of 500, and are timed from
// here; each runs twice, alternately, and the faster run counts (less noise from GC and JIT).
const BATCH = 500;
async function runFloor() {
  const started = process.hrtime.bigint();
  for (let i = 0; i < floorInput.length; i += BATCH) await app.floor(floorInput.slice(i, i + BATCH));
  return Number(process.hrtime.bigint() - started) / 1e9;
}
let results = [];
async function runHarness() {
  results = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < histories.length; i += BATCH) {
    const batch = histories.slice(i, i + BATCH).map((h, j) => ({ text: h.text, source: `bench-${i + j}` }));
    results.push(...(await app.replay(batch)));
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
await app.replay(histories.slice(0, 200).map((h, i) => ({ text: h.text, source: `warm-${i}` })));
await app.floor(floorInput.slice(0, 200));
const floors = [];
const harness = [];
for (let round = 0; round < 2; round++) {
  floors.push(await runFloor());
  harness.push(await runHarness());
}
await app.close();
const floorSeconds = Math.min(...floors);
const seconds = Math.min(...harness);

const verdicts = results.reduce((acc, r) => ((acc[r.verdict] = (acc[r.verdict] ?? 0) + 1), acc), {});
const round = (x) => Math.round(x * 1000) / 1000;
console.log(`app: ${APP}`);
console.log(`histories: ${histories.length} (${events} events, ${min} to ${max} per history)`);
console.log(`verdicts: ${JSON.stringify(verdicts)}`);
console.log(`harness: ${harness.map(round).join(' s, ')} s (history JSON text in: parse, validate, payload, SDK via the invocation model, runtime rules, verdict)`);
console.log(`floor:   ${floors.map(round).join(' s, ')} s (payload JSON text in: JSON.parse + the SDK's own handler)`);
console.log(`ratio:   ${round(seconds / floorSeconds)} (best of each; target <= 1.5, harness target < 5 s)`);
console.log(JSON.stringify({ replay: { histories: histories.length, seconds: round(seconds), floorSeconds: round(floorSeconds), ratio: round(seconds / floorSeconds) } }));
