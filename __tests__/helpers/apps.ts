/**
 * Writes small real function apps (Node programming model v4, durable-functions 3.x from this
 * repository's node_modules) for "break it on purpose" tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const appsRoot = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests');

/**
 * `orchestrators` maps a name to the body of its generator (`context` in scope);
 * `activities` and `entities` are registered with trivial handlers.
 */
export function writeApp(
  name: string,
  spec: { orchestrators: Record<string, string>; activities?: string[]; entities?: string[]; type?: 'module' | 'commonjs' },
): string {
  const dir = join(appsRoot, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'TestHub' } } }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'src/*.js', ...(spec.type === 'module' ? { type: 'module' } : {}) }));
  const lines = [spec.type === 'module' ? "import df from 'durable-functions';" : "const df = require('durable-functions');", ''];
  for (const [orchestrator, body] of Object.entries(spec.orchestrators)) {
    lines.push(`df.app.orchestration(${JSON.stringify(orchestrator)}, function* (context) {`);
    for (const line of body.trim().split('\n')) lines.push(`  ${line.trim()}`);
    lines.push('});', '');
  }
  for (const activity of spec.activities ?? []) lines.push(`df.app.activity(${JSON.stringify(activity)}, { handler: (input) => input });`);
  for (const entity of spec.entities ?? []) lines.push(`df.app.entity(${JSON.stringify(entity)}, (context) => { context.df.return(1); });`);
  writeFileSync(join(dir, 'src', 'functions.js'), lines.join('\n') + '\n');
  return dir;
}
