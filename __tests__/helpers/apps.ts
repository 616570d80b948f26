/**
 * Writes small real function apps (Node programming model v4, durable-functions 3.x from this
 * repository's node_modules) for "break it on purpose" tests.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from '@jest/globals';
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

/** A copy of examples/order-app-next (built), with host.json and the orchestrators edited. */
export function nextApp(name: string, edit: { defaultVersion?: string; branchOnVersion?: boolean; packageVersion?: string } = {}): string {
  const dir = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = join(repoRoot, 'examples', 'order-app-next');
  for (const entry of ['host.json', 'package.json', 'dist']) cpSync(join(source, entry), join(dir, entry), { recursive: true });
  const host = JSON.parse(readFileSync(join(dir, 'host.json'), 'utf8')) as { extensions: { durableTask: Record<string, unknown> } };
  if (edit.defaultVersion) host.extensions.durableTask.defaultVersion = edit.defaultVersion;
  writeFileSync(join(dir, 'host.json'), JSON.stringify(host));
  if (edit.packageVersion) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: edit.packageVersion }));
  }
  if (edit.branchOnVersion) {
    const file = join(dir, 'dist', 'src', 'functions', 'orchestrators.js');
    const code = readFileSync(file, 'utf8');
    const call = "yield context.df.callActivity('CheckFraud', { orderId, total: input.total });";
    expect(code).toContain(call);
    // The advice's snippet: instances started without a version keep the recorded sequence.
    writeFileSync(file, code.replace(call, `if (context.df.version) {\n        ${call}\n    }`));
  }
  return dir;
}
