/**
 * The package as a user installs it: `npm pack`, then the tarball installed into a fresh project
 * outside this repository. It must add nothing but itself (no dependencies, no install script,
 * no engine warning), load with require and with import (types checked for node10, node16 and
 * bundler resolution by @arethetypeswrong/cli), and run its CLI and its jest helper there,
 * including in a ts-jest CommonJS project laid out like the official TypeScript samples.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    // No comment points at a source map the package does not hold.
    const mapped = paths
      .filter((p) => p.endsWith('.js') || p.endsWith('.cjs'))
      .filter((p) => /^\/\/# sourceMappingURL=/m.test(readFileSync(join(repoRoot, p), 'utf8')));
    expect(mapped).toEqual([]);
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

  test('durable-gate/testing runs the example app forward, with require and with import', () => {
    const script = (load: string) => `${load}
      (async () => {
        const runtime = await LocalRuntime.create({ app: ${JSON.stringify(join(repoRoot, 'examples', 'order-app'))}, appActivities: true, userOutput: 'ignore' });
        try {
          const input = { orderId: 'p-1', customer: 'c', items: [{ sku: 'SKU-1', qty: 2 }], total: 100 };
          const order = await runtime.start('ProcessOrder', { input, instanceId: 'p-1' });
          await runtime.run();
          console.log(order.status, order.output.tracking, order.inFlightHistories().length, runtime.entityState('inventory', 'main'));
        } finally {
          await runtime.close();
        }
      })();`;
    const cjs = run(process.execPath, ['-e', script("const { LocalRuntime } = require('durable-gate/testing');")], consumer);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('Completed TRACK-p-1 5 0');
    const esm = run(process.execPath, ['--input-type=module', '-e', script("import { LocalRuntime } from 'durable-gate/testing';")], consumer);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('Completed TRACK-p-1 5 0');
  }, 60_000);

  test('durable-gate/eslint is one plugin object for require and import, with its configs', () => {
    const both = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         import imported from 'durable-gate/eslint';
         const required = createRequire(process.cwd() + '/')('durable-gate/eslint');
         console.log(imported === required, Object.keys(required.rules).length, required.configs.recommended.plugins['durable-gate'] === required, required.meta.name);`,
      ],
      consumer,
    );
    expect(both.stderr).toBe('');
    expect(both.stdout.trim()).toBe('true 13 true durable-gate');
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

/**
 * Three small apps nobody on the team wrote the way we write ours, each with the tarball
 * installed above and its own durable-functions from the registry: a CommonJS TypeScript app laid
 * out like the official samples (built with tsc, source maps), an ESM app, and a function.json app
 * on durable-functions 2.x. In each: histories written with the public HistoryBuilder, `npx
 * durable-gate replay` on the code as it is (ok) and after a call is inserted (nondeterministic, at
 * the app's own line), and the jest helper.
 */
describe('foreign apps', () => {
  let apps: string;
  const npm = (args: string[], cwd: string) => {
    const done = run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], cwd);
    if (done.status !== 0) throw new Error(`npm ${args.join(' ')} in ${cwd} failed: ${done.stderr}`);
  };
  /** Two activity calls recorded, the first answered: the instance waits for the second. */
  const writeHistories = (dir: string, orchestrator: string, activity: string) => {
    const script = `const { HistoryBuilder } = require('durable-gate');
      const b = new HistoryBuilder({ instanceId: 'sample-1', name: ${JSON.stringify(orchestrator)} });
      const first = b.activity(${JSON.stringify(activity)}, 'Tokyo');
      b.episode().completed(first, 'Hello, Tokyo');
      b.activity(${JSON.stringify(activity)}, 'Seattle');
      require('fs').mkdirSync('histories', { recursive: true });
      require('fs').writeFileSync('histories/sample-1.json', JSON.stringify(b.idle().toFile(), null, 2));`;
    const written = run(process.execPath, ['-e', script], dir);
    expect(written.stderr).toBe('');
  };
  const replay = (dir: string) => run('npx', ['--offline', 'durable-gate', 'replay', '--app', '.', '--histories', 'histories'], dir);
  const jestIn = (dir: string) => {
    writeFileSync(join(dir, 'replay.test.js'), "const { replayFolder } = require('durable-gate/jest');\nreplayFolder(__dirname, __dirname + '/histories');\n");
    return run(process.execPath, [join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--rootDir', dir, 'replay.test.js'], dir);
  };

  beforeAll(() => {
    apps = join(consumer, 'apps');
    mkdirSync(apps);
    writeFileSync(join(apps, 'package.json'), JSON.stringify({ name: 'apps', private: true }));
    npm(['install', 'durable-functions@3.5.0', '@azure/functions@4'], apps);
  }, 240_000);

  test('a CommonJS TypeScript app laid out like the official samples', () => {
    const dir = join(apps, 'ts-sample');
    mkdirSync(join(dir, 'src', 'functions'), { recursive: true });
    writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0', extensions: { durableTask: { hubName: 'SampleHub' } } }));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'ts-sample', version: '1.0.0', main: 'dist/src/functions/*.js', scripts: { build: 'tsc' } }),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'commonjs', target: 'es6', outDir: 'dist', rootDir: '.', sourceMap: true, strict: false, skipLibCheck: true, types: [] },
      }),
    );
    const source = (extra: string) => `import * as df from 'durable-functions';
import { ActivityHandler, OrchestrationContext, OrchestrationHandler } from 'durable-functions';

const greet: OrchestrationHandler = function* (context: OrchestrationContext) {
    const outputs = [];${extra}
    outputs.push(yield context.df.callActivity('sayHello', 'Tokyo'));
    outputs.push(yield context.df.callActivity('sayHello', 'Seattle'));
    return outputs;
};
df.app.orchestration('greet', greet);

const sayHello: ActivityHandler = (input: string): string => \`Hello, \${input}\`;
df.app.activity('sayHello', { handler: sayHello });
df.app.activity('audit', { handler: () => 'ok' });
`;
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = (extra: string) => {
      writeFileSync(join(dir, 'src', 'functions', 'greet.ts'), source(extra));
      const built = run(process.execPath, [tsc, '-p', '.'], dir);
      expect(built.stdout).toBe('');
    };
    build('');
    writeHistories(dir, 'greet', 'sayHello');
    const ok = replay(dir);
    expect(ok.stdout).toContain('1 history: 1 ok');
    expect(ok.status).toBe(0);
    expect(jestIn(dir).status).toBe(0);
    // A call inserted before the recorded ones, rebuilt: broken at the TypeScript line.
    build("\n    yield context.df.callActivity('audit', 'start');");
    const broken = replay(dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('code:     src/functions/greet.ts:6');
    const failing = jestIn(dir);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/sample-1 \(greet\) is nondeterministic at step 0: recorded TaskScheduled 'sayHello', replayed CallActivity 'audit'/);
  }, 120_000);

  test('an ESM app', () => {
    const dir = join(apps, 'esm-sample');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0' }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'esm-sample', version: '1.0.0', type: 'module', main: 'src/index.js' }));
    const source = (extra: string) => `import df from 'durable-functions';

df.app.orchestration('greetEsm', function* (context) {${extra}
  const first = yield context.df.callActivity('sayHello', 'Tokyo');
  const second = yield context.df.callActivity('sayHello', 'Seattle');
  return [first, second];
});
df.app.activity('sayHello', { handler: (input) => \`Hello, \${input}\` });
df.app.activity('audit', { handler: () => 'ok' });
`;
    writeFileSync(join(dir, 'src', 'index.js'), source(''));
    writeHistories(dir, 'greetEsm', 'sayHello');
    expect(replay(dir).status).toBe(0);
    expect(jestIn(dir).status).toBe(0);
    writeFileSync(join(dir, 'src', 'index.js'), source("\n  yield context.df.callActivity('audit', 'start');"));
    const broken = replay(dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('code:     src/index.js:4');
  }, 120_000);

  test('a function.json app on durable-functions 2.x', () => {
    const dir = join(apps, 'legacy-sample');
    for (const fn of ['Greet', 'SayHello', 'Audit']) mkdirSync(join(dir, fn), { recursive: true });
    writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0' }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'legacy-sample', version: '1.0.0', private: true }));
    npm(['install', 'durable-functions@2.1.4'], dir);
    writeFileSync(join(dir, 'Greet', 'function.json'), JSON.stringify({ bindings: [{ name: 'context', type: 'orchestrationTrigger', direction: 'in' }] }));
    for (const fn of ['SayHello', 'Audit'])
      writeFileSync(join(dir, fn, 'function.json'), JSON.stringify({ bindings: [{ name: 'name', type: 'activityTrigger', direction: 'in' }] }));
    writeFileSync(join(dir, 'SayHello', 'index.js'), 'module.exports = async function (context) { return `Hello, ${context.bindings.name}`; };\n');
    writeFileSync(join(dir, 'Audit', 'index.js'), "module.exports = async function () { return 'ok'; };\n");
    const source = (extra: string) => `const df = require('durable-functions');

module.exports = df.orchestrator(function* (context) {${extra}
  const first = yield context.df.callActivity('SayHello', 'Tokyo');
  const second = yield context.df.callActivity('SayHello', 'Seattle');
  return [first, second];
});
`;
    writeFileSync(join(dir, 'Greet', 'index.js'), source(''));
    writeHistories(dir, 'Greet', 'SayHello');
    expect(replay(dir).status).toBe(0);
    expect(jestIn(dir).status).toBe(0);
    writeFileSync(join(dir, 'Greet', 'index.js'), source("\n  yield context.df.callActivity('Audit', 'start');"));
    const broken = replay(dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('code:     Greet/index.js:4');
  }, 180_000);
});
