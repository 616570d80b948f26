/**
 * Writes small real function apps (Node programming model v4, durable-functions 3.x from this
 * repository's node_modules) for "break it on purpose" tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from '@jest/globals';
import { loadApp, type LoadAppOptions, type ReplayApp } from '../../harness/app/host.js';
import type { ReplayResult } from '../../harness/replay/result.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const appsRoot = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests');

/**
 * `orchestrators` maps a name to the body of its generator (`context` in scope);
 * `activities` and `entities` are registered with trivial handlers.
 */
export interface AppSpec {
  orchestrators: Record<string, string>;
  activities?: string[];
  entities?: string[];
  type?: 'module' | 'commonjs';
}

export function writeApp(name: string, spec: AppSpec): string {
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

/**
 * Apps written with `writeApp` and loaded for replay, closed after the file's tests:
 * `open(name, spec, options)` loads one, `replayOne(app, history)` replays one history in it.
 */
export function replayApps(): {
  open: (name: string, spec: AppSpec, options?: LoadAppOptions) => Promise<ReplayApp>;
  replayOne: (app: ReplayApp, history: unknown) => Promise<ReplayResult>;
} {
  const apps: ReplayApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  return {
    open: async (name, spec, options) => {
      const app = await loadApp(writeApp(name, spec), { userOutput: 'ignore', ...options });
      apps.push(app);
      return app;
    },
    replayOne: async (app, history) => {
      const [result] = await app.replay([{ value: history, source: 'test' }]);
      return result!;
    },
  };
}
