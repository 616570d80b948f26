// npm run demo: the main job on embedded defaults, with nothing to install or sign in to.
// 1. Start Azurite (in memory) and write the example app's in-flight instances into a task hub,
//    exactly as DurableTask.AzureStorage writes them. With --scheduler (npm run demo -- --scheduler):
//    a loopback stand-in of the Durable Task Scheduler's data plane holds them instead, and the
//    example apps are copied with host.json naming the scheduler.
// 2. durable-gate record: export their histories.
// 3. durable-gate replay: check them against the next version of the app (the breaking change is
//    caught at its line).
// 4. durable-gate gate --wait-for breaking: wait, while the instances finish one by one, until
//    nothing the new code breaks is in flight.
// The same on either backend: only where the instances are kept, and how the task hub is named, differ.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAzurite } from '../lib/__tests__/support/azurite.js';
import { SchedulerStandIn } from '../lib/__tests__/support/dts-standin.js';
import { toDts } from '../lib/__tests__/support/dts.js';
import { TaskHubSeeder } from '../lib/__tests__/support/taskhub.js';
import { resolveConnection } from '../lib/src/taskhub/connection.js';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const say = (text) => console.log(`\n== ${text}`);

function run(args, env) {
  console.log(`$ durable-gate ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env });
    child.on('exit', (code) => {
      console.log(`(exit code ${code})`);
      resolve(code);
    });
  });
}

const histories = readdirSync(join(examples, 'histories'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(examples, 'histories', name), 'utf8')));
// The breaking ones finish first: the gate passes once they have, with the safe ones still running.
const breaking = (id) => /^order-100[2-5]$/.test(id);
const finishingOrder = histories.map((h) => h.instanceId).sort((a, b) => Number(breaking(b)) - Number(breaking(a)));
const backend = process.argv.includes('--scheduler') ? await onScheduler() : await onAzureStorage();
let failed = false;
try {
  const out = mkdtempSync(join(tmpdir(), 'durable-gate-demo-'));
  say('Record the histories of what is in flight');
  failed ||= (await run(['record', ...backend.hub, '--out', out], backend.env)) !== 0;

  say('Replay them against the next version of the app, before deploying it');
  const replay = await run(['replay', '--app', 'examples/order-app-next', '--histories', out], backend.env);
  failed ||= replay !== 1;
  if (replay === 1) console.log('\nThe breaking change (CheckFraud inserted before the ReserveItem fan-out) is caught before deployment.');

  say('Gate: wait until nothing the new code breaks is in flight (the instances finish one by one meanwhile)');
  const gate = run([...backend.gate, '--wait-for', 'breaking', '--timeout', '1m', '--interval', '1s'], backend.env);
  for (const id of finishingOrder) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await backend.finish(id);
  }
  failed ||= (await gate) !== 0;
} finally {
  await backend.stop();
}
say(failed ? 'Something did not go as described above.' : `Done: ${backend.name} stopped.`);
process.exit(failed ? 1 : 0);

/** Azurite, task hub OrderHub: the tables as DurableTask.AzureStorage writes them. */
async function onAzureStorage() {
  say('Starting Azurite (in memory, random ports) and writing the in-flight instances of examples/order-app into task hub OrderHub');
  const azurite = await startAzurite();
  const env = { ...process.env, AzureWebJobsStorage: azurite.connectionString };
  const seeder = new TaskHubSeeder(resolveConnection({ env }), 'OrderHub');
  await seeder.create();
  for (const file of histories) await seeder.write({ instanceId: file.instanceId, events: file.history });
  await seeder.writeEntity('inventory', 'main');
  console.log(`${histories.length} orchestration instances in flight, plus the inventory entity.`);
  return {
    name: 'Azurite',
    env,
    hub: ['--task-hub', 'OrderHub'],
    gate: ['gate', '--task-hub', 'OrderHub', '--app', 'examples/order-app-next'],
    finish: (id) => seeder.setStatus(id, 'Completed'),
    stop: () => azurite.stop(),
  };
}

/**
 * The Durable Task Scheduler's data plane, stood in for on loopback (gRPC, task hub "orders"): the
 * example apps are copied beside the repository's node_modules with host.json naming the scheduler,
 * and its connection string is the emulator's form (Authentication=None).
 */
async function onScheduler() {
  say('Starting a stand-in of the Durable Task Scheduler (loopback gRPC) holding the in-flight instances of examples/order-app in task hub orders');
  const instances = histories.map((file, i) => ({
    instanceId: file.instanceId,
    name: file.name,
    status: 0,
    createdSeconds: Math.floor(Date.parse(file.history[0].Timestamp) / 1000) + i,
    executionId: file.executionId,
    history: file.history.map(toDts),
  }));
  const scheduler = await SchedulerStandIn.start({ taskHub: 'orders', instances });
  const apps = fileURLToPath(new URL('../node_modules/.cache/durable-gate-demo/', import.meta.url));
  const onScheduler = (name) => {
    const dir = join(apps, name);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(examples, name), dir, { recursive: true, preserveTimestamps: true });
    const host = JSON.parse(readFileSync(join(dir, 'host.json'), 'utf8'));
    host.extensions.durableTask = { hubName: 'orders', storageProvider: { type: 'azureManaged' } };
    writeFileSync(join(dir, 'host.json'), JSON.stringify(host, null, 2));
    return dir;
  };
  const current = onScheduler('order-app');
  const next = onScheduler('order-app-next');
  console.log(`${instances.length} orchestration instances in flight; the apps, with host.json naming the scheduler, in ${apps}`);
  const env = { ...process.env, DURABLE_TASK_SCHEDULER_CONNECTION_STRING: `Endpoint=${scheduler.endpoint};Authentication=None` };
  return {
    name: 'the scheduler stand-in',
    env,
    hub: ['--app', current],
    gate: ['gate', '--app', next],
    finish: (id) => {
      scheduler.instances.find((instance) => instance.instanceId === id).status = 1;
    },
    stop: () => scheduler.close(),
  };
}
