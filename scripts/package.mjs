// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

// ncc minifies the Action's entry but not the chunks it loads on demand (the Azure SDKs, the
// lint's parser): whitespace and syntax minified here, names kept (stack traces, error names),
// about half their size. The bundle stays under 5 MB with room for what comes.
{
  const { transformSync } = await import('esbuild');
  for (const file of readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const code = readFileSync(join(dist, file), 'utf8');
    writeFileSync(join(dist, file), transformSync(code, { minifyWhitespace: true, minifySyntax: true, format: 'esm', target: 'es2022' }).code);
  }
}

// Keep only the bundles: ncc also writes type declarations of every module it compiled.
// Keep the bundles and the chunks they load on demand (*.index.js).
for (const dir of [dist, join(dist, 'cli')]) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'cli' || entry === 'package.json' || entry.endsWith('.js')) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

// Bundled packages keep their "//# sourceMappingURL=x.js.map" comments, which name files the
// bundles do not ship: tools that follow them (debuggers, jest) would look for them. Dropped.
for (const dir of [dist, join(dist, 'cli')]) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const stripped = text.replace(/^\/\/# sourceMappingURL=\S*\n?/gm, '');
    if (stripped !== text) writeFileSync(join(dir, file), stripped);
  }
}

// The library and the jest helper, for a user's own project (`import` and `require`): ESM
// (dist/lib/*.js) and CommonJS (dist/lib/*.cjs) bundles with nothing left to install, and the
// replay worker they start (dist/lib/worker.js, ESM whatever the caller is). Types: the compiled
// declarations of harness/, as .d.ts beside the ESM entries and as .d.cts for require.
const { build } = await import('esbuild');
const libOut = join(dist, 'lib');
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
await build({
  ...common,
  entryPoints: { index: 'harness/index.ts', jest: 'harness/jest.ts', testing: 'harness/testing/index.ts', worker: 'harness/app/worker.ts' },
  outdir: libOut,
  format: 'esm',
  splitting: false,
});
// CommonJS has no import.meta: the bundle's own file URL stands in for it (the worker is found beside it).
await build({
  ...common,
  entryPoints: { index: 'harness/index.ts', jest: 'harness/jest.ts', testing: 'harness/testing/index.ts' },
  outdir: libOut,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The ESLint plugin: one object whether a config requires or imports it (ESLint refuses two
// different objects under one plugin name), so the ESM entry re-exports the CommonJS one.
await build({
  ...common,
  entryPoints: { eslint: 'harness/lint/eslint.ts' },
  outdir: libOut,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  footer: { js: 'module.exports = module.exports.default;' },
});
writeFileSync(
  join(libOut, 'eslint.js'),
  "// durable-gate's ESLint plugin for import: the same object as require('durable-gate/eslint').\nimport { createRequire } from 'node:module';\n\nexport default createRequire(import.meta.url)('./eslint.cjs');\n",
);
const types = join(dist, 'types');
const declarations = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'bench'
        ? []
        : declarations(join(dir, entry.name)).map((f) => join(entry.name, f))
      : entry.name.endsWith('.d.ts')
        ? [entry.name]
        : [],
  );
// lib/ keeps what tsc once compiled from a source since removed: only declarations of harness/'s
// current sources are shipped.
const current = (file) => existsSync(join('harness', file.replace(/\.d\.ts$/, '.ts')));
for (const file of declarations('lib/harness').filter(current)) {
  const text = readFileSync(join('lib/harness', file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  mkdirSync(dirname(join(types, file)), { recursive: true });
  writeFileSync(join(types, file), text);
  // For require: the same declarations as CommonJS modules that import one another as .cjs.
  let cts = text.replace(/(from\s+'\.{1,2}\/[^']*)\.js'/g, "$1.cjs'").replace(/(import\(\s*'\.{1,2}\/[^']*)\.js'/g, "$1.cjs'");
  // require('durable-gate/eslint') is the plugin itself (module.exports), not { default }.
  if (file === join('lint', 'eslint.d.ts')) cts = cts.replace(/^export default plugin;$/m, 'export = plugin;');
  writeFileSync(join(types, file.replace(/\.d\.ts$/, '.d.cts')), cts);
}
