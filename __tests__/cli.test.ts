/** The built CLI and the built Action, run the way a user and the runner run them. */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryBuilder } from '../harness/history/builder.js';
import { VERSION } from '../src/version.js';
import { repoRoot, writeApp } from './helpers/apps.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');

function run(args: string[], options: { node?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(options.node ?? process.execPath, [cli, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('durable-gate replay (built CLI)', () => {
  test("catches the example's breaking change with its source line, and exits 1", () => {
    const { code, stdout } = run(['replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories']);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ order-1002  ProcessOrder  nondeterministic');
    expect(stdout).toContain('✓ order-1001  ProcessOrder  ok');
    expect(stdout).toContain('code:     examples/order-app-next/src/functions/orchestrators.ts:39');
    expect(stdout).toContain("instead scheduled an activity task named 'CheckFraud'");
    expect(stdout).toContain('7 histories: 3 ok, 4 nondeterministic, 0 failed, 0 could not be checked');
  });

  test("the README shows this command's real output", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const command = '$ npx durable-gate replay --app examples/order-app-next --histories examples/histories\n';
    const start = readme.indexOf(command);
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(start + command.length, readme.indexOf('```', start));
    expect(run(['replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories']).stdout).toBe(shown);
  });

  test('the version in production replays its own histories: exit 0', () => {
    const { code, stdout } = run(['replay', '--app', 'examples/order-app', '--histories', 'examples/histories/*.json']);
    expect(code).toBe(0);
    expect(stdout).toContain('7 histories: 7 ok');
  });

  test('--format json stays valid JSON while the app prints during load; the print goes to stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-'));
    const b = new HistoryBuilder({ instanceId: 'g1', name: 'Greet' });
    const a = b.activity('SayHi');
    b.episode().completed(a, 'Hi Tokyo');
    b.activity('SayHi');
    writeFileSync(join(dir, 'g1.json'), JSON.stringify(b.idle().toFile()));
    const { code, stdout, stderr } = run(['replay', '--app', '__tests__/fixtures/apps/esm-app', '--histories', dir, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { schema: string; summary: { ok: number } };
    expect(report.schema).toBe('durable-gate.replay-report/v1');
    expect(report.summary.ok).toBe(1);
    expect(stderr).toContain('esm-app: registering functions');
  });

  test('a function.json app (durable-functions 2.x) replays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-'));
    const b = new HistoryBuilder({ instanceId: 'h1', name: 'hello' });
    const a = b.activity('SayHello');
    b.episode().completed(a, 'Hello Tokyo!');
    b.activity('SayHello');
    writeFileSync(join(dir, 'h1.json'), JSON.stringify(b.idle().build()));
    const { code, stdout } = run(['replay', '--app', '__tests__/fixtures/apps/legacy-app', '--histories', join(dir, 'h1.json')]);
    expect(stdout).toContain('✓ h1  hello  ok');
    expect(code).toBe(0);
  });

  test('bad input: unknown option, missing app, no function app, a throwing app, unreadable history', () => {
    const unknown = run(['replay', '--app', 'x', '--histories', 'y', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).not.toContain('Did you mean');
    const typo = run(['replay', '--app', 'examples/order-app', '--histories', 'examples/histories', '--formt', 'json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--formt'. Did you mean --format? Run 'durable-gate replay --help'.");
    const missingApp = run(['replay', '--histories', 'examples/histories']);
    expect(missingApp.code).toBe(2);
    expect(missingApp.stderr).toContain('missing --app');
    const notAnApp = run(['replay', '--app', 'examples', '--histories', 'examples/histories']);
    expect(notAnApp.code).toBe(2);
    expect(notAnApp.stderr).toContain('is not a function app: it has no host.json');
    const throwing = writeApp('throws-on-load', { orchestrators: { Flow: 'return 1;' } });
    writeFileSync(join(throwing, 'src', 'boom.js'), "function explode() { throw new Error('config missing'); }\nexplode();\n");
    const crashed = run(['replay', '--app', throwing, '--histories', 'examples/histories']);
    expect(crashed.code).toBe(2);
    expect(crashed.stderr).toContain('config missing');
    expect(crashed.stderr).toMatch(/boom\.js:1/);
    const dir = mkdtempSync(join(tmpdir(), 'dg-'));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const bad = run(['replay', '--app', 'examples/order-app', '--histories', dir, 'examples/histories/order-1001.json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/broken\.json  \(not read\)  error/);
    expect(bad.stdout).toContain('error:    not valid JSON');
    expect(bad.stdout).toContain('✓ order-1001');
  });

  test('a file named twice (a folder and a file in it) is replayed once, not reported missing', () => {
    const { code, stdout } = run([
      'replay',
      '--app',
      'examples/order-app',
      '--histories',
      'examples/histories',
      'examples/histories/order-1001.json',
      'examples/histories/order-100[12].json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('7 histories: 7 ok');
  });

  test('--output: JSON for a .json name, refuses to overwrite, names a missing folder before replaying', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-out-'));
    const out = join(dir, 'report.json');
    expect(run(['replay', '--app', 'examples/order-app', '--histories', 'examples/histories', '--output', out]).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { summary: { ok: number } }).summary.ok).toBe(7);
    const again = run(['replay', '--app', 'examples/order-app', '--histories', 'examples/histories', '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; refusing to overwrite it');
    const nowhere = run(['replay', '--app', 'examples/order-app', '--histories', 'examples/histories', '--output', join(dir, 'missing', 'r.json')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stdout).toBe('');
    expect(nowhere.stderr).toContain('does not exist');
  });

  test('--format junit and sarif on stdout; --output picks the format from the name (.xml, .sarif)', () => {
    const args = ['replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories'];
    const sarif = JSON.parse(run([...args, '--format', 'sarif']).stdout) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual([['durable-gate/nondeterministic', 39]]);
    expect(run([...args, '--format', 'junit']).stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="durable-gate replay" tests="7" failures="4" errors="0">/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'dg-formats-'));
    expect(run([...args, '--output', join(dir, 'report.xml')]).code).toBe(1);
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toContain('<testsuite name="ProcessOrder" tests="5" failures="4"');
    expect(run([...args, '--output', join(dir, 'report.sarif')]).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(run([...args, '--format', 'html']).stderr).toContain("invalid --format 'html'. Expected text, json, junit, sarif.");
  });

  test('an app without durable-functions is named as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-nodf-'));
    writeFileSync(join(dir, 'host.json'), '{"version":"2.0"}');
    writeFileSync(join(dir, 'package.json'), '{"name":"x","main":"index.js"}');
    const { code, stderr } = run(['replay', '--app', dir, '--histories', 'examples/histories']);
    expect(code).toBe(2);
    expect(stderr).toContain('has no durable-functions package');
  });

  test('--help for the command, --version', () => {
    expect(run(['replay', '--help']).stdout).toContain('Usage: durable-gate replay');
    expect(run(['--version']).stdout.trim()).toBe(VERSION);
    expect((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version).toBe(VERSION);
  });

  test('runs on the Node the machine has (Node 20) as well', () => {
    const system = '/usr/bin/node';
    const version = spawnSync(system, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    if (!version) return;
    const { code, stdout } = run(['replay', '--app', 'examples/order-app-next', '--histories', 'examples/histories'], { node: system });
    expect(code).toBe(1);
    expect(stdout).toContain('orchestrators.ts:39');
  });
});

describe('the Action bundle (dist/index.js)', () => {
  /** The bundled Action with these inputs, as the runner runs it: its outputs, summary and report folder. */
  function runAction(inputs: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'dg-action-'));
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...inputs, GITHUB_WORKSPACE: repoRoot, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir },
      timeout: 60_000,
    });
    return { result, dir, outputs: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
  }

  test('replay: outputs, job summary and an error annotation at the diverging line', () => {
    const { result, dir, outputs, summary } = runAction({
      INPUT_COMMAND: 'replay',
      INPUT_APP: 'examples/order-app-next',
      INPUT_HISTORIES: 'examples/histories\n',
      INPUT_FORMAT: 'text',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error title=durable-gate%3A nondeterministic,file=examples/order-app-next/src/functions/orchestrators.ts,line=39::');
    expect(outputs).toMatch(/nondeterministic<<.*\n4\n/);
    expect(outputs).toMatch(/breaking<<.*\ntrue\n/);
    expect(summary).toContain('durable-gate replay');
    expect(readdirSync(dir)).toContain('durable-gate-replay.json');
  });

  test('replay with perturb (the default in action.yml): the wall-clock deadline is the fifth instance broken', () => {
    const { result, outputs } = runAction({
      INPUT_COMMAND: 'replay',
      INPUT_APP: 'examples/order-app-next',
      INPUT_HISTORIES: 'examples/histories\n',
      INPUT_PERTURB: 'true',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error title=durable-gate%3A nondeterministic,file=examples/order-app-next/src/functions/orchestrators.ts,line=74::');
    expect(outputs).toMatch(/nondeterministic<<.*\n5\n/);
  });

  test('a bad input fails the step with the value and the expected form', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, INPUT_COMMAND: 'deploy', INPUT_APP: 'x', INPUT_HISTORIES: 'y' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Invalid input command 'deploy'. Expected replay, check, lint, record, gate, validate, swap.");
  });

  test('lint: findings annotated on their lines, the counts as outputs, JSON and SARIF written, the step failed on errors', () => {
    const { result, dir, outputs, summary } = runAction({ INPUT_COMMAND: 'lint', INPUT_APP: '__tests__/fixtures/lint/v3-js' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '::error title=durable-gate/no-random,file=__tests__/fixtures/lint/v3-js/shared/util.js,line=8,endLine=8,col=13,endColumn=21::uuidv4() makes a new id',
    );
    expect(result.stdout).toContain('::notice title=durable-gate/guard-replay-logging,file=__tests__/fixtures/lint/v3-js/Orchestrator/index.js,line=11');
    expect(result.stdout).toContain('::error::The lint found 11 error(s) in orchestrator code');
    expect(outputs).toMatch(/errors<<.*\n11\n/);
    expect(outputs).toMatch(/warnings<<.*\n4\n/);
    expect(outputs).toMatch(/notes<<.*\n2\n/);
    expect(summary).toContain('| ❌ | `__tests__/fixtures/lint/v3-js/shared/util.js:8` | Orchestrator |');
    expect(readdirSync(dir).sort()).toEqual(['durable-gate-lint.json', 'durable-gate-lint.sarif', 'output', 'summary']);
    // The example app is clean: the step passes.
    expect(runAction({ INPUT_COMMAND: 'lint', INPUT_APP: 'examples/order-app' }).result.status).toBe(0);
    const bad = runAction({ INPUT_COMMAND: 'lint', INPUT_APP: 'examples/order-app', INPUT_RULES: 'no-clock' }).result;
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("::error::input rules: no rule 'no-clock'.");
  });

  test('check: scenarios run on the base, the same outputs, summary and annotation as replay', () => {
    const { result, dir, outputs, summary } = runAction({
      INPUT_COMMAND: 'check',
      INPUT_BASE: 'examples/order-app',
      INPUT_APP: 'examples/order-app-next',
      INPUT_SCENARIOS: 'examples/scenarios/small-order.json\nexamples/scenarios/reminder.json\n',
      INPUT_FORMAT: 'text',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'Ran examples/scenarios/small-order.json (a small order, shipped) on the old code: 5 point(s) where an instance waits, to check.',
    );
    expect(result.stdout).toContain('::error title=durable-gate%3A nondeterministic,file=examples/order-app-next/src/functions/orchestrators.ts,line=39::');
    expect(outputs).toMatch(/total<<.*\n10\n/);
    expect(outputs).toMatch(/nondeterministic<<.*\n4\n/);
    expect(summary).toContain('durable-gate check');
    expect(readdirSync(dir)).toContain('durable-gate-check.json');
    const missing = runAction({ INPUT_COMMAND: 'check', INPUT_APP: 'examples/order-app-next', INPUT_SCENARIOS: 'examples/scenarios' }).result;
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('::error::missing input base: the function app folder with the old code, built');
  });
});
