// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ncc = new URL('../node_modules/@vercel/ncc/dist/ncc/cli.js', import.meta.url).pathname;
// DIST_DIR builds elsewhere (the staleness test compares such a build with the committed dist/).
const dist = process.env.DIST_DIR || 'dist';
rmSync(dist, { recursive: true, force: true });
// The Action's entry is minified: the runner parses it at every step's start (half the bytes,
// less to compile) and the bundle stays under 5 MB. The CLI's is kept readable.
for (const [entry, out, minify] of [
  ['src/action/index.ts', dist, true],
  ['src/bin.ts', join(dist, 'cli'), false],
]) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--target', 'es2022', '--quiet', ...(minify ? ['--minify'] : [])], { stdio: 'inherit' });
}

// Keep only the bundles: ncc also writes type declarations of every module it compiled.
// Keep the bundles and the chunks they load on demand (*.index.js).
for (const dir of [dist, join(dist, 'cli')]) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'cli' || entry === 'package.json' || entry.endsWith('.js')) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
