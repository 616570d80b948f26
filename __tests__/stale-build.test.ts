/**
 * A build older than its sources: the replay runs the compiled JavaScript, so after an edit of the
 * TypeScript without a rebuild it would judge the old code and could say ok. It refuses instead
 * (the CLI exits 2), naming the newest source and the command to rebuild; --allow-stale-build (the
 * library's allowStaleBuild) replays the build as it is and says so.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadApp } from '../harness/app/host.js';
import { AppLoadError } from '../harness/errors.js';
import { repoRoot } from './helpers/apps.js';

/** A copy of examples/order-app (its build and its sources, times kept) whose orchestrator source is then edited. */
function staleCopy(name: string, edited: string[] = ['src/functions/orchestrators.ts']): string {
  const dir = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['host.json', 'package.json', 'dist', 'src'])
    cpSync(join(repoRoot, 'examples', 'order-app', entry), join(dir, entry), { recursive: true, preserveTimestamps: true });
  const later = new Date(Date.now() + 60_000);
  for (const file of edited) utimesSync(join(dir, file), later, later);
  return dir;
}

describe('a build older than its sources', () => {
  test('a fresh copy of the built example loads', async () => {
    const app = await loadApp(staleCopy('fresh-build', []), { userOutput: 'ignore' });
    expect(app.info.warnings).toEqual([]);
    await app.close();
  });

  test('is refused with the newest source and the rebuild command; allowStaleBuild replays it and says so', async () => {
    const dir = staleCopy('stale-build', ['src/functions/activities.ts', 'src/functions/orchestrators.ts']);
    const refused = await loadApp(dir, { userOutput: 'ignore' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppLoadError);
    expect((refused as Error).message).toMatch(
      /the app's build is older than its sources: .*stale-build\/src\/functions\/(orchestrators|activities)\.ts changed after .*stale-build\/dist\/src\/functions\/\w+\.js was built \(and 1 more source file\)\. .*Rebuild the app \(npm run build in .*stale-build\) and replay again, or replay the build as it is \(--allow-stale-build; Action input allow-stale-build: true; allowStaleBuild in the library\)/,
    );
    const app = await loadApp(dir, { userOutput: 'ignore', allowStaleBuild: true });
    expect(app.info.warnings.join('\n')).toMatch(/replaying the build as it is \(stale builds allowed\): .*\.ts changed after/);
    await app.close();
  });

  test('the CLI exits 2 naming it, and runs with --allow-stale-build', () => {
    const dir = staleCopy('stale-build-cli');
    const cli = join(repoRoot, 'dist', 'cli', 'index.js');
    const run = (extra: string[]) =>
      spawnSync(process.execPath, [cli, 'replay', '--app', dir, '--histories', 'examples/histories', '--quiet', ...extra], { cwd: repoRoot, encoding: 'utf8' });
    const refused = run([]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('orchestrators.ts changed after');
    expect(refused.stderr).toContain('--allow-stale-build');
    const allowed = run(['--allow-stale-build']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toContain('warning: replaying the build as it is');
    expect(allowed.stdout).toContain('7 histories: 7 ok');
  });

  test('TypeScript built without source maps: said, since neither a stale build nor a source line can be told', async () => {
    const dir = staleCopy('no-maps', []);
    writeFileSync(join(dir, 'tsconfig.json'), '{}');
    for (const file of readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')))
      writeFileSync(join(dir, 'dist', file), readFileSync(join(dir, 'dist', file), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
    const app = await loadApp(dir, { userOutput: 'ignore' });
    expect(app.info.warnings).toEqual([
      expect.stringMatching(/no-maps has a tsconfig\.json, but no compiled file names a source map: .* Set "sourceMap": true in tsconfig\.json and rebuild\./),
    ]);
    await app.close();
  });
});
