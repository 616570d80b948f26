// npm run bench: every performance target of the project, each measured beside its floor in one
// run, checked in one place (TARGETS). A missed target is named and the bench exits 1; the last
// line is one JSON object with every figure.
//
// - replay in process: 10,000 histories (20 to 200 events) through the harness and through a bare
//   loop that calls the SDK's own handler on the same histories (harness/bench/floor.ts);
// - replay end to end: `durable-gate replay` as a user runs it (a whole process) on a folder of
//   3,000 history files, beside a bare process that reads the same files and calls the SDK's
//   handler (harness/bench/floor-files.ts); the same with 10% of the histories diverging; the
//   start-up of each (one file) reported apart;
// - scale: the CLI on 1,000, 10,000 and 100,000 history files: histories/s and the peak RSS of
//   each process;
// - the Action's start and its bundle; record against Azurite, and through a proxy that adds the
//   latency of a storage account in another region, beside the bare SDK; a gate poll.
import { loadApp } from '../lib/harness/index.js';
import { startFloor } from '../lib/harness/bench/floor.js';
import { buildPayloadText } from '../lib/harness/replay/payload.js';
import { parseHistory } from '../lib/harness/history/load.js';
import { processOrderHistory } from '../lib/__tests__/support/orders.js';
import { benchHistory, writeHistoryFolder } from './bench-files.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every target, in one place: the figure's path in the last line, its limit, and what it is. */
const TARGETS = [
  { figure: 'replay.ratio', max: 1.5, what: 'replay in process, harness time / SDK handler time' },
  { figure: 'e2e.ratio', max: 1.3, what: 'durable-gate replay on 3,000 files, whole process / bare process reading them and calling the SDK handler' },
  { figure: 'e2e.divergingRatio', max: 1.5, what: 'the same run with 10% of the histories diverging (their source lines located) / all ok' },
  { figure: 'e2e.perturbRatio', max: 3, what: 'replay --perturb on the same 3,000 files (each run a second time, perturbed) / replay' },
  {
    figure: 'lint.seconds',
    max: 5,
    what: 'durable-gate lint of a generated app of 200 orchestrators in 200 files calling helpers in 20 more, whole process, seconds',
  },
  { figure: 'scale.peakRssMb', max: 300, what: 'peak RSS of the largest process (the CLI or its replay worker) at 100,000 histories' },
  { figure: 'scale.linearity', min: 0.8, what: 'histories/s at 100,000 / histories/s at 10,000 (1 = linear)' },
  { figure: 'record.ratio', max: 1.2, what: 'record from Azurite / the same partition queries through the bare SDK' },
  { figure: 'recordLatency.ratio', max: 1.2, what: 'record through a 20 ms-per-request proxy / the bare SDK through it, same queries and concurrency' },
  {
    figure: 'check.seconds',
    max: 10,
    what: 'durable-gate check of 100 scenarios of 50-event orchestrations (run on the old code, every point replayed on the new), whole process, seconds',
  },
  {
    figure: 'scheduler.recordRatio',
    max: 1.2,
    what: 'record of 1,000 in-flight instances from the Durable Task Scheduler stand-in (a process of its own, each call answered 20 ms late) / the bare gRPC client making the same calls',
  },
  { figure: 'scheduler.gateCalls', max: 1, what: 'calls one gate poll makes to the scheduler when nothing is in flight (1,000 finished instances)' },
  { figure: 'action.startMs', max: 250, what: "the Action's start to input parsing, ms" },
  { figure: 'action.bundleBytes', max: 5_000_000, what: "the Action's bundle (dist/*.js), bytes" },
];

const COUNT = Number(process.env.BENCH_HISTORIES ?? 10_000);
const APP = process.env.BENCH_APP ?? 'examples/order-app';
const round = (x) => Math.round(x * 1000) / 1000;
const work = mkdtempSync(join(tmpdir(), 'durable-gate-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// BENCH_ONLY=e2e,scale (say) runs only those parts: replay, e2e, scale, check, lint, action, record,
// recordLatency, selective, gate, scheduler. Targets of the parts not run are listed as not measured.
const ONLY = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const wants = (part) => !ONLY || ONLY.includes(part);
const figures = {};
if (wants('replay')) figures.replay = await benchInProcess();
if (wants('e2e')) figures.e2e = benchEndToEnd();
if (wants('scale')) figures.scale = await benchScale();
if (wants('check')) figures.check = benchCheck();
if (wants('lint')) figures.lint = benchLint();
if (wants('action')) figures.action = benchActionStart();
if (['record', 'recordLatency', 'selective', 'gate'].some(wants)) Object.assign(figures, await benchTaskHub());
if (wants('scheduler')) figures.scheduler = await benchScheduler();
process.exitCode = judge(figures);

/** The harness in process beside the SDK's bare handler (harness/bench/floor.ts) on the same histories. */
async function benchInProcess() {
  const histories = [];
  let events = 0;
  let min = Infinity;
  let max = 0;
  for (let i = 0; histories.length < COUNT; i++) {
    const file = benchHistory(i);
    if (!file) continue;
    const n = file.history.length;
    events += n;
    min = Math.min(min, n);
    max = Math.max(max, n);
    histories.push({ text: JSON.stringify(file), file });
  }
  const app = await loadApp(APP, { userOutput: 'ignore' });
  const floor = await startFloor(APP);
  const floorInput = histories.map((h) => {
    const loaded = parseHistory(h.file, 'bench');
    return { name: loaded.orchestrator, payload: buildPayloadText(loaded) };
  });

  // Both paths get the same texts delivered to a child process with the app loaded in batches of
  // 500, and are timed from here; each runs three times, alternately, and the fastest run counts
  // (less noise from GC and JIT).
  const BATCH = 500;
  async function runFloor() {
    const started = process.hrtime.bigint();
    for (let i = 0; i < floorInput.length; i += BATCH) await floor.run(floorInput.slice(i, i + BATCH));
    return Number(process.hrtime.bigint() - started) / 1e9;
  }
  let results = [];
  async function runHarness() {
    results = [];
    const started = process.hrtime.bigint();
    for (let i = 0; i < histories.length; i += BATCH) {
      const batch = histories.slice(i, i + BATCH).map((h, j) => ({ text: h.text, source: `bench-${i + j}` }));
      results.push(...(await app.replay(batch)));
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  }
  await app.replay(histories.slice(0, 200).map((h, i) => ({ text: h.text, source: `warm-${i}` })));
  await floor.run(floorInput.slice(0, 200));
  const floors = [];
  const harness = [];
  for (let round = 0; round < 3; round++) {
    floors.push(await runFloor());
    harness.push(await runHarness());
  }
  await app.close();
  await floor.close();
  const floorSeconds = Math.min(...floors);
  const seconds = Math.min(...harness);

  const verdicts = results.reduce((acc, r) => ((acc[r.verdict] = (acc[r.verdict] ?? 0) + 1), acc), {});
  console.log(`app: ${APP}`);
  console.log(`histories: ${histories.length} (${events} events, ${min} to ${max} per history)`);
  console.log(`verdicts: ${JSON.stringify(verdicts)}`);
  console.log(
    `harness: ${harness.map(round).join(' s, ')} s (history JSON text in: parse, validate, payload, SDK via the invocation model, runtime rules, verdict)`,
  );
  console.log(`floor:   ${floors.map(round).join(' s, ')} s (payload JSON text in: JSON.parse + the SDK's own handler)`);
  console.log(`ratio:   ${round(seconds / floorSeconds)} (best of each; target <= 1.5, harness target < 5 s)`);
  return { histories: histories.length, seconds: round(seconds), floorSeconds: round(floorSeconds), ratio: round(seconds / floorSeconds) };
}

/** Each target against its figure: a table, then the last line (every figure, and what missed). */
function judge(all) {
  const missed = [];
  const skipped = [];
  console.log('\ntargets:');
  for (const target of TARGETS) {
    const value = target.figure.split('.').reduce((at, key) => at?.[key], all);
    if (value === undefined) {
      skipped.push(target.figure);
      console.log(`  -       ${target.figure} not measured in this run (${target.what})`);
      continue;
    }
    const ok = target.max !== undefined ? value <= target.max : value >= target.min;
    const limit = target.max !== undefined ? `<= ${target.max}` : `>= ${target.min}`;
    if (!ok) missed.push(`${target.figure} = ${value}, target ${limit}`);
    console.log(`  ${ok ? 'ok    ' : 'MISSED'}  ${target.figure} = ${value} (target ${limit}): ${target.what}`);
  }
  if (missed.length > 0) console.log(`\nbench: ${missed.length} target(s) missed: ${missed.join('; ')}`);
  console.log(
    JSON.stringify({
      ...all,
      targets: Object.fromEntries(TARGETS.map((t) => [t.figure, t.max !== undefined ? { max: t.max } : { min: t.min }])),
      missed,
      skipped,
    }),
  );
  return missed.length > 0 ? 1 : 0;
}

/** Seconds a command takes as a whole process, stdout to a file. */
function wall(args, out = join(work, 'out')) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { seconds, stdout: result.stdout.toString(), out };
}

/**
 * durable-gate lint as a user runs it, on a generated TypeScript app: 200 orchestrators in files
 * of their own, each calling activities by constant names and a helper in one of 20 helper files
 * (which the lint follows). Best of three whole processes.
 */
function benchLint() {
  const app = join(work, 'lint-app');
  mkdirSync(join(app, 'src', 'functions'), { recursive: true });
  mkdirSync(join(app, 'src', 'lib'), { recursive: true });
  writeFileSync(join(app, 'host.json'), '{ "version": "2.0" }');
  writeFileSync(
    join(app, 'src', 'lib', 'names.ts'),
    `export const NAMES = { ${Array.from({ length: 20 }, (_, i) => `a${i}: 'Activity${i}'`).join(', ')} } as const;\n`,
  );
  writeFileSync(
    join(app, 'src', 'functions', 'activities.ts'),
    `import * as df from 'durable-functions';\nimport { NAMES } from '../lib/names';\n${Array.from({ length: 20 }, (_, i) => `df.app.activity(NAMES.a${i}, { handler: async (x: unknown) => x });`).join('\n')}\n`,
  );
  for (let h = 0; h < 20; h++) {
    writeFileSync(
      join(app, 'src', 'lib', `helpers${h}.ts`),
      `import type { OrchestrationContext } from 'durable-functions';\nexport function* step${h}(context: OrchestrationContext, n: number): Generator<unknown, number, unknown> {\n  if (!context.df.isReplaying) context.log('step', n);\n  const r = (yield context.df.callActivity('Activity${h}', n)) as number;\n  return r + ${h};\n}\n`,
    );
  }
  for (let i = 0; i < 200; i++) {
    writeFileSync(
      join(app, 'src', 'functions', `orchestrator${i}.ts`),
      `import * as df from 'durable-functions';\nimport { NAMES } from '../lib/names';\nimport { step${i % 20} } from '../lib/helpers${i % 20}';\n\ndf.app.orchestration('Orchestrator${i}', function* (context) {\n  const input = context.df.getInput<{ items: number[] }>();\n  const results: number[] = [];\n  for (const item of input.items) results.push(yield* step${i % 20}(context, item));\n  yield context.df.Task.all(input.items.map((item) => context.df.callActivity(NAMES.a${i % 20}, item)));\n  const deadline = new Date(context.df.currentUtcDateTime.getTime() + 3600_000);\n  yield context.df.createTimer(deadline);\n  return results;\n});\n`,
    );
  }
  const runs = [];
  let summary;
  for (let round = 0; round < 3; round++) {
    const run = wall([join(repo, 'dist', 'cli', 'index.js'), 'lint', '--app', app, '--format', 'json']);
    runs.push(run.seconds);
    summary = JSON.parse(run.stdout).summary;
  }
  if (summary.orchestrators !== 200 || summary.errors + summary.warnings !== 0) throw new Error(`lint of the generated app: ${JSON.stringify(summary)}`);
  console.log(`\nlint: 200 orchestrators, ${summary.files} files: ${runs.map(round).join(' s, ')} s (whole process; no findings, as generated)`);
  return { files: summary.files, orchestrators: summary.orchestrators, seconds: round(Math.min(...runs)) };
}

/**
 * The CLI as a user runs it, on 3,000 files, beside the bare process (harness/bench/floor-files.ts)
 * on the same files; then 10% diverging. Each runs three times, alternately; the fastest counts.
 * Start-up (one file) is measured the same way and reported apart.
 */
function benchEndToEnd() {
  const files = Number(process.env.BENCH_E2E_FILES ?? 3000);
  const okDir = join(work, 'e2e-ok');
  const divergingDir = join(work, 'e2e-diverging');
  const oneDir = join(work, 'e2e-one');
  const e2eEvents = writeHistoryFolder(okDir, files);
  writeHistoryFolder(divergingDir, files, { divergeEvery: 10 });
  writeHistoryFolder(oneDir, 1);
  const cli = (dir) => [join(repo, 'dist', 'cli', 'index.js'), 'replay', '--app', APP, '--histories', dir, '--format', 'json'];
  const floorArgs = (dir) => [join(repo, 'lib', 'harness', 'bench', 'floor-files.js'), APP, dir];
  const runs = { cli: [], floor: [], diverging: [], perturb: [], cliStart: [], floorStart: [] };
  let verdicts;
  for (let round = 0; round < 3; round++) {
    runs.floor.push(wall(floorArgs(okDir)).seconds);
    runs.cli.push(wall(cli(okDir)).seconds);
    const diverging = wall(cli(divergingDir));
    runs.diverging.push(diverging.seconds);
    verdicts = JSON.parse(diverging.stdout).summary;
    runs.perturb.push(wall([...cli(okDir), '--perturb']).seconds);
    runs.floorStart.push(wall(floorArgs(oneDir)).seconds);
    runs.cliStart.push(wall(cli(oneDir)).seconds);
  }
  const best = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, Math.min(...v)]));
  console.log(`\ne2e: ${files} history files (${e2eEvents} events), whole processes, best of 3:`);
  console.log(`  durable-gate replay --format json   ${runs.cli.map(round).join(' s, ')} s`);
  console.log(`  floor (read + SDK handler)          ${runs.floor.map(round).join(' s, ')} s`);
  console.log(`  10% diverging                       ${runs.diverging.map(round).join(' s, ')} s (${JSON.stringify(verdicts)})`);
  console.log(`  --perturb (all ok)                  ${runs.perturb.map(round).join(' s, ')} s`);
  console.log(`  start-up, one file: CLI ${round(best.cliStart)} s (CLI, worker, app), floor ${round(best.floorStart)} s (node, app)`);
  return {
    files,
    seconds: round(best.cli),
    floorSeconds: round(best.floor),
    ratio: round(best.cli / best.floor),
    divergingSeconds: round(best.diverging),
    divergingRatio: round(best.diverging / best.cli),
    perturbSeconds: round(best.perturb),
    perturbRatio: round(best.perturb / best.cli),
    diverging: verdicts,
    startSeconds: round(best.cliStart),
    floorStartSeconds: round(best.floorStart),
  };
}

/**
 * `durable-gate check` as a user runs it: 100 scenarios of the example's ProcessOrder with 14
 * items each (51 events when it completes), run on the example app, every point where an instance
 * waited replayed on its next version. Best of 3.
 */
function benchCheck() {
  const dir = join(work, 'check-scenarios');
  mkdirSync(dir, { recursive: true });
  const scenarios = 100;
  for (let i = 0; i < scenarios; i++) {
    const items = Array.from({ length: 14 }, (_, k) => ({ sku: `SKU-${k}`, qty: 1 + (k % 3) }));
    const scenario = {
      orchestrator: 'ProcessOrder',
      instanceId: `order-${i}`,
      input: { orderId: `order-${i}`, customer: 'c', items, total: 100 + i },
      appActivities: true,
    };
    writeFileSync(join(dir, `order-${i}.json`), JSON.stringify(scenario));
  }
  const args = [
    join(repo, 'dist', 'cli', 'index.js'),
    'check',
    '--base',
    'examples/order-app',
    '--app',
    'examples/order-app-next',
    '--scenarios',
    dir,
    '--format',
    'json',
  ];
  const runs = [];
  let summary;
  for (let round = 0; round < 3; round++) {
    const run = wall(args);
    runs.push(run.seconds);
    summary = JSON.parse(run.stdout).summary;
  }
  const seconds = Math.min(...runs);
  console.log(`
check: ${scenarios} scenarios of ProcessOrder (51 events each when complete), whole process, best of 3:`);
  console.log(
    `  durable-gate check   ${runs.map(round).join(' s, ')} s; ${summary.total} points checked (${JSON.stringify(summary)}), ${Math.round(summary.total / seconds)} points/s`,
  );
  return { scenarios, seconds: round(seconds), points: summary.total, pointsPerSecond: Math.round(summary.total / seconds) };
}

/**
 * The CLI on 1,000, 10,000 and 100,000 history files (`--format json`, the report written to a
 * file): histories/s, and the peak RSS of the CLI and of its replay worker, read from /proc while
 * they run. The files are hard links to 3,000 distinct histories: reading and replaying is the
 * same work as distinct files, without 2 GB of disk.
 */
async function benchScale() {
  const source = join(work, 'scale-source');
  writeHistoryFolder(source, 3000);
  const names = readdirSync(source).sort();
  const figures = {};
  for (const count of [1000, 10_000, Number(process.env.BENCH_SCALE_MAX ?? 100_000)]) {
    const dir = join(work, `scale-${count}`);
    mkdirSync(dir);
    for (let i = 0; i < count; i++) linkSync(join(source, names[i % names.length]), join(dir, `h${i}.json`));
    const out = join(work, `scale-${count}.json`);
    const run = await measured([join(repo, 'dist', 'cli', 'index.js'), 'replay', '--app', APP, '--histories', dir, '--format', 'json', '--output', out]);
    const total = JSON.parse(readFileSync(out, 'utf8')).summary.total;
    if (total !== count) throw new Error(`scale: the report of ${count} files counts ${total}`);
    const perSecond = Math.round(count / run.seconds);
    console.log(
      `scale:   ${count} histories in ${run.seconds.toFixed(2)} s (${perSecond}/s); peak RSS: CLI ${run.mainMb} MB, replay worker ${run.workerMb} MB; report ${(statSync(out).size / 1e6).toFixed(1)} MB`,
    );
    figures[count] = { seconds: round(run.seconds), perSecond, cliRssMb: run.mainMb, workerRssMb: run.workerMb };
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
  const [, ten, most] = Object.values(figures);
  return {
    runs: figures,
    peakRssMb: Math.max(most.cliRssMb, most.workerRssMb),
    linearity: round(most.perSecond / ten.perSecond),
  };
}

/** A command's wall time and the peak RSS (VmHWM) of it and of its children, polled from /proc. */
function measured(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const peaks = new Map();
    const hwm = (pid) => {
      try {
        return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    };
    const childrenOf = (pid) => {
      try {
        return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
          readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
        );
      } catch {
        return [];
      }
    };
    const poll = setInterval(() => {
      for (const pid of [String(child.pid), ...childrenOf(child.pid)]) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm(pid)));
    }, 50);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      const mainMb = Math.round(peaks.get(String(child.pid)) ?? 0);
      const workerMb = Math.round(Math.max(0, ...[...peaks].filter(([pid]) => pid !== String(child.pid)).map(([, mb]) => mb)));
      resolve({ seconds, mainMb, workerMb });
    });
  });
}

/**
 * The Action's start: `node dist/index.js` until it has parsed its inputs (an unknown command is
 * refused right there, and the process ends), beside the floor of starting node with nothing to
 * run. Best of seven each, alternating. The bundle is every .js file in dist/ the Action may load.
 */
function benchActionStart() {
  const run = (args, env) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, result };
  };
  const starts = [];
  const floors = [];
  for (let i = 0; i < 7; i++) {
    const start = run([join(repo, 'dist', 'index.js')], { INPUT_COMMAND: 'bench-start', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' });
    if (!start.result.stdout.includes("Invalid input command 'bench-start'"))
      throw new Error(`the Action did not stop at input parsing: ${start.result.stdout}${start.result.stderr}`);
    starts.push(start.ms);
    floors.push(run(['-e', '0'], {}).ms);
  }
  const bundleBytes = readdirSync(join(repo, 'dist'))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(repo, 'dist', f)).size, 0);
  const startMs = Math.round(Math.min(...starts));
  const floorMs = Math.round(Math.min(...floors));
  console.log(
    `action:  node dist/index.js reaches input parsing and exits in ${startMs} ms (node alone: ${floorMs} ms; target < 250 ms); bundle ${(bundleBytes / 1e6).toFixed(2)} MB (target < 5 MB)`,
  );
  return { startMs, floorMs, bundleBytes };
}

/** record and gate against Azurite: seeding is setup; only record and one gate poll are measured. */
async function benchTaskHub() {
  const { startAzurite } = await import('../lib/__tests__/support/azurite.js');
  const { TaskHubSeeder } = await import('../lib/__tests__/support/taskhub.js');
  const { resolveConnection } = await import('../lib/src/taskhub/connection.js');
  const { AzureTablesTaskHub } = await import('../lib/src/taskhub/azure-tables.js');
  const { recordHistories } = await import('../lib/src/taskhub/record.js');
  const { runGate } = await import('../lib/src/gate/gate.js');
  const INSTANCES = Number(process.env.BENCH_RECORD_INSTANCES ?? 1000);
  const FINISHED = Number(process.env.BENCH_FINISHED_INSTANCES ?? 100_000);
  const azurite = await startAzurite();
  try {
    const env = { AzureWebJobsStorage: azurite.connectionString };
    const pool = async (count, concurrency, work) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) await work(next++);
        }),
      );
    };
    const figures = {};
    if (wants('recordLatency'))
      figures.recordLatency = await benchRecordLatency({
        env,
        pool,
        TaskHubSeeder,
        resolveConnection,
        AzureTablesTaskHub,
        recordHistories,
        instances: INSTANCES,
      });
    const hub = new AzureTablesTaskHub(resolveConnection({ env }), 'BenchHub');
    const seeder = new TaskHubSeeder(resolveConnection({ env }), 'BenchHub');
    if (wants('record') || wants('selective')) {
      await seeder.create();
      const seedStart = Date.now();
      await pool(INSTANCES, 16, (i) =>
        seeder.write({ instanceId: `rec-${i}`, events: processOrderHistory({ orderId: `rec-${i}`, items: 88, stage: 'ship' }).build() }),
      );
      console.log(`\nrecord: seeded ${INSTANCES} in-flight instances in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (setup, not measured)`);
    }
    if (wants('record')) {
      // The floor: the same partition queries through the bare SDK, rows read and dropped. Azurite
      // answers each one by scanning the whole History table, so this is what the emulator allows.
      const floorStart = process.hrtime.bigint();
      await pool(INSTANCES, 16, async (i) => {
        for await (const page of seeder.history.listEntities({ queryOptions: { filter: `PartitionKey eq 'rec-${i}'` } }).byPage({ maxPageSize: 1000 }))
          void page;
      });
      const floorSeconds = Number(process.hrtime.bigint() - floorStart) / 1e9;
      console.log(`record floor: the same ${INSTANCES} partition queries through the bare SDK, rows dropped: ${floorSeconds.toFixed(2)} s`);
      const cpuBefore = process.cpuUsage();
      const summary = await recordHistories({
        hub,
        outDir: mkdtempSync(join(work, 'record-')),
        query: { statuses: ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'] },
      });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      console.log(
        `record:  ${summary.written} instances, ${summary.events} events (${Math.round(summary.events / summary.written)} per instance), ${(summary.bytes / 1e6).toFixed(1)} MB in ${summary.seconds.toFixed(2)} s (target <= 1.2x the floor); durable-gate's own CPU ${cpuSeconds.toFixed(2)} s, the rest is waiting on Azurite (single-threaded)`,
      );
      figures.record = {
        instances: summary.written,
        events: summary.events,
        seconds: round(summary.seconds),
        floorSeconds: round(floorSeconds),
        ratio: round(summary.seconds / floorSeconds),
        clientCpuSeconds: round(cpuSeconds),
      };
    }
    if (wants('selective')) {
      // Selective drain: one poll over the same 1,000 in flight, replayed against the example's next
      // version (each breaks), beside a plain poll; then a poll with nothing changed (cache only).
      const { ReplayJudge } = await import('../lib/src/gate/selective.js');
      const { loadApp: load } = await import('../lib/harness/index.js');
      const nextApp = await load('examples/order-app-next', { userOutput: 'ignore' });
      const statuses = ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'];
      const timed = async (work) => {
        const t = process.hrtime.bigint();
        const value = await work();
        return { value, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
      };
      // A plain poll is the listing of what is in flight; the selective one adds reading and replaying.
      const plain = await timed(async () => {
        const inFlight = [];
        for await (const instance of hub.instances({ statuses })) inFlight.push(instance);
        return { inFlight };
      });
      const judge = new ReplayJudge(hub, nextApp);
      const first = await timed(() => judge.judge(plain.value.inFlight));
      const firstTimings = judge.lastTimings;
      const again = await timed(() => judge.judge(plain.value.inFlight));
      await nextApp.close();
      const broken = [...first.value.values()].filter((j) => j.verdict !== 'ok').length;
      console.log(
        `selective: plain poll over ${plain.value.inFlight.length} in flight ${plain.seconds.toFixed(2)} s; added by --wait-for breaking: ${first.seconds.toFixed(2)} s the first time (histories read ${firstTimings.readSeconds.toFixed(2)} s, mostly Azurite's partition scans as above; replayed ${firstTimings.replaySeconds.toFixed(2)} s; ${broken} breaking), ${again.seconds.toFixed(3)} s when nothing changed`,
      );
      figures.selective = {
        instances: plain.value.inFlight.length,
        plainPollSeconds: round(plain.seconds),
        addedSeconds: round(first.seconds),
        readSeconds: round(firstTimings.readSeconds),
        replaySeconds: round(firstTimings.replaySeconds),
        unchangedAddedSeconds: round(again.seconds),
      };
    }
    if (wants('gate')) {
      // The gate: a hub with many finished instances and nothing in flight.
      const finished = new TaskHubSeeder(resolveConnection({ env }), 'DoneHub');
      await finished.create();
      const seedStart = Date.now();
      await pool(FINISHED, 32, (i) =>
        finished.instances.createEntity({
          partitionKey: `done-${i}`,
          rowKey: '',
          Name: 'ProcessOrder',
          RuntimeStatus: i % 10 === 0 ? 'Failed' : 'Completed',
          CreatedTime: new Date(),
          LastUpdatedTime: new Date(),
        }),
      );
      await finished.writeEntity('inventory', 'main');
      console.log(`gate:    seeded ${FINISHED} finished instances and an entity in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (setup)`);
      let requests = 0;
      let rows = 0;
      const counter = {
        name: 'count',
        async sendRequest(request, next) {
          const response = await next(request);
          requests += 1;
          rows += response.parsedBody?.value?.length ?? 0;
          return response;
        },
      };
      const gateHub = new AzureTablesTaskHub(
        resolveConnection({ env, clientOptions: { additionalPolicies: [{ policy: counter, position: 'perCall' }] } }),
        'DoneHub',
      );
      const pollStart = process.hrtime.bigint();
      const report = await runGate({ source: gateHub, statuses: ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'], timeoutMs: 60_000, intervalMs: 1000 });
      const pollSeconds = Number(process.hrtime.bigint() - pollStart) / 1e9;
      console.log(
        `gate:    one poll over ${FINISHED} finished instances: ${report.outcome}, ${requests} request(s), ${rows} row(s) returned, ${pollSeconds.toFixed(2)} s (entities and finished instances filtered on the server)`,
      );
      figures.gate = { finishedInstances: FINISHED, drained: report.drained, requests, rows, seconds: round(pollSeconds) };
    }
    return figures;
  } finally {
    await azurite.stop();
  }
}

/**
 * Record at a real account's latency: a loopback proxy in front of Azurite (a process of its own,
 * scripts/latency-proxy.mjs) holds each request 20 ms (a storage account in another region) before
 * passing it on. The History table is small (1,000 instances of a few events), so Azurite's scan
 * of it is not what is measured. record runs
 * beside the bare SDK doing the same queries (the in-flight listing, then one partition query per
 * instance) through the same proxy with the same concurrency: record's default, 16.
 */
async function benchRecordLatency({ env, pool, TaskHubSeeder, resolveConnection, AzureTablesTaskHub, recordHistories, instances }) {
  const DELAY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
  const CONCURRENCY = 16;
  const seeder = new TaskHubSeeder(resolveConnection({ env }), 'LatencyHub');
  await seeder.create();
  await pool(instances, 16, (i) =>
    seeder.write({ instanceId: `lat-${i}`, events: processOrderHistory({ orderId: `lat-${i}`, items: 1, stage: 'reserve' }).build() }),
  );
  const target = new URL(/TableEndpoint=([^;]+)/.exec(env.AzureWebJobsStorage)[1]);
  // The proxy runs in a process of its own: the client's CPU never delays the modelled service.
  const { fork } = await import('node:child_process');
  const proxy = fork(join(repo, 'scripts', 'latency-proxy.mjs'), [target.href, String(DELAY_MS)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      proxy.once('message', resolve);
      proxy.once('exit', (code) => reject(new Error(`the latency proxy exited (${code})`)));
      if (message) proxy.send(message);
    });
  const { port } = await ask();
  let requests = 0;
  const countSince = async (work) => {
    const before = (await ask('count')).requests;
    const seconds = await work();
    requests = (await ask('count')).requests - before;
    return seconds;
  };
  try {
    const proxied = {
      AzureWebJobsStorage: env.AzureWebJobsStorage.replace(/TableEndpoint=[^;]+/, `TableEndpoint=http://127.0.0.1:${port}${target.pathname}`),
    };
    const statuses = ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'];
    const timed = async (work) => {
      const started = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    const floorSeeder = new TaskHubSeeder(resolveConnection({ env: proxied }), 'LatencyHub');
    const floor = async () => {
      const ids = [];
      const filter = `(${statuses.map((s) => `RuntimeStatus eq '${s}'`).join(' or ')})`;
      for await (const page of floorSeeder.instances.listEntities({ queryOptions: { filter, select: ['PartitionKey'] } }).byPage({ maxPageSize: 1000 }))
        for (const row of page) ids.push(row.partitionKey);
      await pool(ids.length, CONCURRENCY, async (i) => {
        for await (const page of floorSeeder.history.listEntities({ queryOptions: { filter: `PartitionKey eq '${ids[i]}'` } }).byPage({ maxPageSize: 1000 }))
          void page;
      });
    };
    const record = async () => {
      const summary = await recordHistories({
        hub: new AzureTablesTaskHub(resolveConnection({ env: proxied }), 'LatencyHub'),
        outDir: mkdtempSync(join(work, 'latency-')),
        query: { statuses },
        concurrency: CONCURRENCY,
      });
      if (summary.written !== instances) throw new Error(`record through the proxy wrote ${summary.written} of ${instances}`);
    };
    // Alternately, five times each (the first rounds warm the connections and the JIT); the fastest counts.
    const floors = [];
    const records = [];
    let recordRequests = 0;
    let floorRequests = 0;
    for (let round = 0; round < 5; round++) {
      floors.push(await countSince(() => timed(floor)));
      floorRequests = requests;
      records.push(await countSince(() => timed(record)));
      recordRequests = requests;
    }
    const seconds = Math.min(...records);
    const floorSeconds = Math.min(...floors);
    console.log(
      `record at latency: ${instances} instances through a ${DELAY_MS} ms proxy, concurrency ${CONCURRENCY}: record ${records.map(round).join(' s, ')} s (${recordRequests} requests), bare SDK ${floors.map(round).join(' s, ')} s (${floorRequests} requests)`,
    );
    return {
      instances,
      delayMs: DELAY_MS,
      concurrency: CONCURRENCY,
      seconds: round(seconds),
      floorSeconds: round(floorSeconds),
      ratio: round(seconds / floorSeconds),
      requests: recordRequests,
      floorRequests,
    };
  } finally {
    proxy.disconnect();
  }
}

/**
 * The Durable Task Scheduler: record of 1,000 in-flight instances from the stand-in (a process of
 * its own, scripts/dts-standin-server.mjs, so that serving is not measured against the client)
 * beside the bare gRPC client making the same calls (the in-flight listing in pages of 500, then
 * each history streamed, 16 at a time, chunks read and dropped); three rounds alternately, the
 * fastest of each counts. The target holds with every call answered 20 ms late, as a scheduler in
 * another region answers; with no delay at all, the ratio is record's own work (converting,
 * checking and writing 1,000 files) against reading alone, reported beside it. Then one gate poll
 * with nothing in flight, its calls counted.
 */
async function benchScheduler() {
  const { spawn } = await import('node:child_process');
  const grpc = await import('@grpc/grpc-js');
  const { SchedulerStandIn } = await import('../lib/__tests__/support/dts-standin.js');
  const { parseDtsConnectionString } = await import('../lib/src/taskhub/dts-connection.js');
  const { SchedulerTaskHub } = await import('../lib/src/taskhub/dts.js');
  const { sidecarService } = await import('../lib/src/taskhub/dts-protocol.js');
  const { recordHistories } = await import('../lib/src/taskhub/record.js');
  const { runGate } = await import('../lib/src/gate/gate.js');
  const INSTANCES = Number(process.env.BENCH_RECORD_INSTANCES ?? 1000);
  const CONCURRENCY = 16;
  const DELAY_MS = 20;
  const IN_FLIGHT = [0, 6, 7, 2]; // Running, Pending, Suspended, ContinuedAsNew
  const timed = async (work) => {
    const started = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const measureAt = async (delayMs) => {
    const server = spawn(process.execPath, [join(repo, 'scripts', 'dts-standin-server.mjs'), String(INSTANCES), String(delayMs)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const { port, events } = await new Promise((resolvePromise, reject) => {
        server.stdout.once('data', (chunk) => resolvePromise(JSON.parse(chunk.toString())));
        server.once('exit', (code) => reject(new Error(`the scheduler stand-in ended (${code})`)));
      });
      const address = `127.0.0.1:${port}`;
      const metadata = () => {
        const m = new grpc.Metadata();
        m.set('taskhub', 'bench');
        return m;
      };
      const floor = async () => {
        const Service = sidecarService();
        const client = new Service(address, grpc.credentials.createInsecure());
        const ids = [];
        let token;
        do {
          const page = await new Promise((resolvePromise, reject) =>
            client.QueryInstances(
              { query: { runtimeStatus: IN_FLIGHT, maxInstanceCount: 500, ...(token ? { continuationToken: { value: token } } : {}) } },
              metadata(),
              (error, answer) => (error ? reject(error) : resolvePromise(answer)),
            ),
          );
          for (const state of page.orchestrationState ?? []) ids.push(state.instanceId);
          token = page.continuationToken?.value;
        } while (token);
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < ids.length) {
              const stream = client.StreamInstanceHistory({ instanceId: ids[next++], forWorkItemProcessing: false }, metadata());
              for await (const chunk of stream) void chunk;
            }
          }),
        );
        client.close();
      };
      const record = async () => {
        const hub = new SchedulerTaskHub({ connection: parseDtsConnectionString(`Endpoint=http://${address};Authentication=None`, 'bench'), taskHub: 'bench' });
        const summary = await recordHistories({
          hub,
          outDir: mkdtempSync(join(work, 'dts-record-')),
          query: { statuses: ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'] },
          concurrency: CONCURRENCY,
        });
        hub.close();
        if (summary.written !== INSTANCES) throw new Error(`record from the scheduler wrote ${summary.written} of ${INSTANCES}`);
      };
      await floor();
      const floors = [];
      const records = [];
      for (let round = 0; round < 3; round++) {
        floors.push(await timed(floor));
        records.push(await timed(record));
      }
      console.log(
        `${delayMs ? `calls answered ${delayMs} ms late` : 'no delay'}: record ${records.map(round).join(' s, ')} s; bare gRPC client, same calls: ${floors.map(round).join(' s, ')} s`,
      );
      return { events, record: Math.min(...records), floor: Math.min(...floors) };
    } finally {
      server.stdin.end();
    }
  };
  console.log(`\nscheduler: record of ${INSTANCES} in-flight instances from the stand-in, concurrency ${CONCURRENCY}:`);
  const remote = await measureAt(DELAY_MS);
  const local = await measureAt(0);
  // One gate poll on a task hub whose 1,000 instances have all finished.
  const done = await SchedulerStandIn.start({
    taskHub: 'done',
    instances: Array.from({ length: 1000 }, (_, i) => ({
      instanceId: `done-${i}`,
      name: 'ProcessOrder',
      status: 1,
      createdSeconds: 1_764_000_000 + i,
      history: [],
    })),
  });
  const gateHub = new SchedulerTaskHub({ connection: parseDtsConnectionString(`Endpoint=${done.endpoint};Authentication=None`, 'bench'), taskHub: 'done' });
  const report = await runGate({ source: gateHub, statuses: ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'], timeoutMs: 60_000, intervalMs: 1000 });
  const gateCalls = done.calls.length;
  gateHub.close();
  await done.close();
  console.log(`scheduler: one gate poll over 1,000 finished instances: ${report.outcome}, ${gateCalls} call(s)`);
  return {
    instances: INSTANCES,
    events: remote.events,
    delayMs: DELAY_MS,
    recordSeconds: round(remote.record),
    floorSeconds: round(remote.floor),
    recordRatio: round(remote.record / remote.floor),
    localRecordSeconds: round(local.record),
    localFloorSeconds: round(local.floor),
    localRatio: round(local.record / local.floor),
    gateCalls,
  };
}
