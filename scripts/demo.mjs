// npm run demo: the main job on embedded defaults. The example app's next version is replayed
// against histories of v1 instances in flight (examples/histories), first with the code that
// runs in production today (all replay), then with the change about to be deployed.
// Recording from an Azurite task hub and the drain gate arrive with the task hub commands.
import { spawnSync } from 'node:child_process';

const cli = new URL('../dist/cli/index.js', import.meta.url).pathname;
const step = (title, args) => {
  console.log(`\n$ durable-gate ${args.join(' ')}    # ${title}`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  console.log(`(exit code ${result.status})`);
  return result.status;
};
step('the code in production replays its own in-flight instances', ['replay', '--app', 'examples/order-app', '--histories', 'examples/histories']);
const code = step('the next version, before it is deployed', ['replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories']);
console.log(code === 1 ? '\nThe breaking change (CheckFraud inserted before the ReserveItem fan-out) is caught before deployment.' : '\nUnexpected: the breaking change was not caught.');
process.exit(code === 1 ? 0 : 1);
