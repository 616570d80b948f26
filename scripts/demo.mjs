// npm run demo: the main job on embedded defaults, with nothing to install or sign in to.
// 1. Start Azurite (in memory) and write the example app's in-flight instances into a task hub,
//    exactly as DurableTask.AzureStorage writes them.
// 2. durable-gate record: export their histories.
// 3. durable-gate replay: check them against the next version of the app (the breaking change is
//    caught at its line).
// 4. durable-gate gate --wait-for breaking: wait, while the instances finish one by one, until
//    nothing the new code breaks is in flight.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../lib/__tests__/support/azurite.js';
import { TaskHubSeeder } from '../lib/__tests__/support/taskhub.js';
import { resolveConnection } from '../lib/src/taskhub/connection.js';

const cli = new URL('../dist/cli/index.js', import.meta.url).pathname;
const examples = new URL('../examples/', import.meta.url).pathname;
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

say('Starting Azurite (in memory, random ports) and writing the in-flight instances of examples/order-app into task hub OrderHub');
const azurite = await startAzurite();
let failed = false;
try {
  const env = { ...process.env, AzureWebJobsStorage: azurite.connectionString };
  const seeder = new TaskHubSeeder(resolveConnection({ env }), 'OrderHub');
  await seeder.create();
  const instances = [];
  for (const name of readdirSync(join(examples, 'histories')).sort()) {
    const file = JSON.parse(readFileSync(join(examples, 'histories', name), 'utf8'));
    await seeder.write({ instanceId: file.instanceId, events: file.history });
    instances.push(file.instanceId);
  }
  await seeder.writeEntity('inventory', 'main');
  console.log(`${instances.length} orchestration instances in flight, plus the inventory entity.`);

  const out = mkdtempSync(join(tmpdir(), 'durable-gate-demo-'));
  say('Record the histories of what is in flight');
  failed ||= (await run(['record', '--task-hub', 'OrderHub', '--out', out], env)) !== 0;

  say('Replay them against the next version of the app, before deploying it');
  const replay = await run(['replay', '--app', 'examples/order-app-next', '--histories', out], env);
  failed ||= replay !== 1;
  if (replay === 1) console.log('\nThe breaking change (CheckFraud inserted before the ReserveItem fan-out) is caught before deployment.');

  say('Gate: wait until nothing the new code breaks is in flight (the instances finish one by one meanwhile)');
  const gate = run(
    ['gate', '--task-hub', 'OrderHub', '--app', 'examples/order-app-next', '--wait-for', 'breaking', '--timeout', '1m', '--interval', '1s'],
    env,
  );
  // The breaking ones finish first: the gate passes once they have, with the safe ones still running.
  const breaking = (id) => /^order-100[2-5]$/.test(id);
  const order = [...instances].sort((a, b) => Number(breaking(b)) - Number(breaking(a)));
  for (const id of order) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await seeder.setStatus(id, 'Completed');
  }
  failed ||= (await gate) !== 0;
} finally {
  await azurite.stop();
}
say(failed ? 'Something did not go as described above.' : 'Done: Azurite stopped.');
process.exit(failed ? 1 : 0);
