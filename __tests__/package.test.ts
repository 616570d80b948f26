/**
 * The package as a user installs it: `npm pack`, then the tarball installed into a fresh project
 * outside this repository. It must add nothing but itself (no dependencies, no install script,
 * no engine warning), load with require and with import (types checked for node10, node16 and
 * bundler resolution by @arethetypeswrong/cli), and run its CLI and its jest helper there,
 * including in a ts-jest CommonJS project laid out like the official TypeScript samples.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';

const nextApp = join(repoRoot, 'examples', 'order-app-next');
const histories = join(repoRoot, 'examples', 'histories');
let work: string;
let tarball: string;
let consumer: string;
let install: SpawnSyncReturns<string>;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'durable-gate-package-'));
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], repoRoot);
  expect(packed.status).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = join(work, info!.filename);
  consumer = join(work, 'consumer-app');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true }));
  // The tarball has no dependencies: nothing is fetched, so this works offline.
  install = run('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], consumer);
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the published package', () => {
  test('holds the bundles, their types and docs, and no sources, tests or source maps', () => {
    const listed = run('npm', ['pack', '--dry-run', '--json'], repoRoot);
    const [info] = JSON.parse(listed.stdout) as { files: { path: string }[] }[];
    const paths = info!.files.map((f) => f.path);
    for (const path of [
      'dist/cli/index.js',
      'dist/lib/index.js',
      'dist/lib/index.cjs',
      'dist/lib/jest.cjs',
      'dist/lib/worker.js',
      'dist/types/index.d.cts',
      'jest/package.json',
    ])
      expect(paths).toContain(path);
    expect(paths.filter((p) => /\.map$|__tests__|^src\/|^harness\/|^lib\/|\.ts$(?<!\.d\.ts)/.test(p) && !/\.d\.c?ts$/.test(p))).toEqual([]);
  });

  test('installs alone: no dependency, no install script, no engine warning', () => {
    expect(install.status).toBe(0);
    expect(install.stderr).not.toMatch(/EBADENGINE|install-scripts|deprecated/);
    const installed = readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['durable-gate']);
  });

  test('types resolve for require and import under node10, node16 and bundler', () => {
    const attw = createRequire(import.meta.url)
      .resolve('@arethetypeswrong/cli/package.json')
      .replace(/package\.json$/, 'dist/index.js');
    const checked = run(process.execPath, [attw, tarball, '--format', 'json'], work);
    const result = JSON.parse(checked.stdout) as { analysis: { problems: unknown[] } };
    expect(result.analysis.problems).toEqual([]);
    expect(checked.status).toBe(0);
  }, 60_000);

  test('loads with require and with import, and replays', () => {
    const cjs = run(
      process.execPath,
      [
        '-e',
        `const { replayHistory, NondeterminismError, HistoryBuilder } = require('durable-gate');
         const { replayFolder } = require('durable-gate/jest');
         replayHistory(${JSON.stringify(nextApp)}, ${JSON.stringify(join(histories, 'order-1002.json'))}).catch((e) =>
           console.log(typeof HistoryBuilder, typeof replayFolder, e instanceof NondeterminismError, e.result.divergence.location.file.endsWith('orchestrators.ts'), e.result.divergence.location.line));`,
      ],
      consumer,
    );
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('function function true true 39');
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { replayHistory } from 'durable-gate';
         import { replayFolder } from 'durable-gate/jest';
         const result = await replayHistory(${JSON.stringify(nextApp)}, ${JSON.stringify(join(histories, 'order-1001.json'))});
         console.log(typeof replayFolder, result.verdict);`,
      ],
      consumer,
    );
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('function ok');
  }, 60_000);

  test('npx durable-gate runs the bundled CLI', () => {
    const cli = run('npx', ['--offline', 'durable-gate', 'replay', '--app', nextApp, '--histories', histories, '--quiet'], consumer);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('7 histories: 3 ok, 4 nondeterministic, 0 failed, 0 could not be checked');
    expect(cli.stdout).not.toContain('✓');
  }, 60_000);

  test('the jest helper runs in a ts-jest CommonJS project laid out like the official samples', () => {
    const project = join(consumer, 'ts-sample');
    mkdirSync(join(project, 'test'), { recursive: true });
    cpSync(join(histories, 'order-1001.json'), join(project, 'ok', 'order-1001.json'));
    cpSync(join(histories, 'order-1002.json'), join(project, 'breaking', 'order-1002.json'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'commonjs', target: 'es6', strict: true, esModuleInterop: true, typeRoots: [join(repoRoot, 'node_modules', '@types')] },
      }),
    );
    writeFileSync(
      join(project, 'jest.config.js'),
      `module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': [${JSON.stringify(createRequire(import.meta.url).resolve('ts-jest'))}, {}] }, testMatch: ['**/test/*.test.ts'] };`,
    );
    writeFileSync(
      join(project, 'test', 'replay.test.ts'),
      `import { replayFolder } from 'durable-gate/jest';\nimport { join } from 'path';\nreplayFolder(${JSON.stringify(nextApp)}, join(__dirname, '..', process.env.FOLDER ?? 'ok'));\n`,
    );
    const jestBin = join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
    const ok = run(process.execPath, [jestBin, '--ci'], project, { FOLDER: 'ok' });
    expect(ok.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
    expect(ok.status).toBe(0);
    const breaking = run(process.execPath, [jestBin, '--ci'], project, { FOLDER: 'breaking' });
    expect(breaking.status).toBe(1);
    expect(breaking.stderr).toMatch(
      /order-1002 \(ProcessOrder\) is nondeterministic at step 1: recorded TaskScheduled 'ReserveItem', replayed CallActivity 'CheckFraud' \(.*orchestrators\.ts:39/,
    );
  }, 120_000);

  test('replayFolder declares its tests under Vitest when given its functions', () => {
    const project = join(consumer, 'vitest-sample');
    mkdirSync(project);
    cpSync(join(histories, 'order-1001.json'), join(project, 'ok', 'order-1001.json'));
    cpSync(join(histories, 'order-1002.json'), join(project, 'breaking', 'order-1002.json'));
    // Vitest is this repository's (the consumer's node_modules holds only durable-gate).
    const vitest = join(repoRoot, 'node_modules', 'vitest');
    writeFileSync(
      join(project, 'replay.test.mjs'),
      `import { describe, test, beforeAll, afterAll } from ${JSON.stringify(join(vitest, 'dist', 'index.js'))};\nimport { replayFolder } from 'durable-gate/jest';\nreplayFolder(${JSON.stringify(nextApp)}, ${JSON.stringify(project)} + '/' + process.env.FOLDER, { describe, test, beforeAll, afterAll });\n`,
    );
    const vitestBin = join(vitest, 'vitest.mjs');
    const ok = run(process.execPath, [vitestBin, 'run', '--root', project], project, { FOLDER: 'ok', NO_COLOR: '1' });
    expect(ok.stdout).toMatch(/Tests\s+1 passed \(1\)/);
    expect(ok.status).toBe(0);
    const breaking = run(process.execPath, [vitestBin, 'run', '--root', project], project, { FOLDER: 'breaking', NO_COLOR: '1' });
    expect(breaking.status).toBe(1);
    expect(`${breaking.stdout}${breaking.stderr}`).toMatch(/order-1002 \(ProcessOrder\) is nondeterministic at step 1: .*orchestrators\.ts:39/);
  }, 120_000);
});
