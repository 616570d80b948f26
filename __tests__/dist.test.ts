/**
 * dist/ is what `npm run package` builds from the current sources. Rebuilding the bundles takes
 * half a minute, so this check runs apart from `npm test` (`npm run test:dist`, and in .ci/run).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';

describe('dist/', () => {
  test('is what `npm run package` builds from the current sources', () => {
    const out = join(repoRoot, 'node_modules', '.cache', 'durable-gate-dist');
    mkdirSync(out, { recursive: true });
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, DIST_DIR: out },
      timeout: 120_000,
    });
    expect(build.status).toBe(0);
    // The Action's and the CLI's bundles, the library's (ESM and CommonJS) and its types.
    const listed = (root: string, dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? listed(root, join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const bundles = (root: string): string[] =>
      [
        ...['', 'cli'].flatMap((dir) =>
          readdirSync(join(root, dir))
            .filter((f) => f.endsWith('.js'))
            .map((f) => join(dir, f)),
        ),
        ...listed(root, 'lib'),
        ...listed(root, 'types'),
      ].sort();
    expect(bundles(join(repoRoot, 'dist'))).toEqual(bundles(out));
    for (const file of bundles(out)) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(join(repoRoot, 'dist', file), 'utf8');
      if (fresh !== committed) throw new Error(`dist/${file} is stale: run \`npm run package\` and commit dist/.`);
    }
  }, 180_000);

  test("the Action's bundle (every file dist/index.js may load) stays under 5 MB", () => {
    const bytes = readdirSync(join(repoRoot, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + statSync(join(repoRoot, 'dist', f)).size, 0);
    expect(bytes).toBeLessThan(5_000_000);
  });
});
