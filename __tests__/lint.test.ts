/**
 * The determinism lint: every rule on the lines of two fixture apps that say what they expect
 * (`// expect: rule`), in TypeScript (programming model v4, helpers in other files, constants and
 * enums for names) and JavaScript (function.json, CommonJS helpers); every line without such a
 * comment must give nothing. Then suppression comments, fixes, the example app, and the CLI's
 * formats, exit codes and messages for bad input.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lintApp } from '../harness/lint/project.js';
import { RULE_IDS } from '../harness/lint/rules.js';
import { repoRoot } from './helpers/apps.js';

const fixtures = join(repoRoot, '__tests__', 'fixtures', 'lint');
const cli = join(repoRoot, 'dist', 'cli', 'index.js');

function lintCli(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'dist' ? [] : sources(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** `file:line rule` for every `// expect: a, b` comment under `app`. */
function expectations(app: string): string[] {
  const expected: string[] = [];
  for (const file of sources(app)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const match = /\/\/ expect: (.*)$/.exec(text);
        for (const rule of match?.[1]?.split(',').map((r) => r.trim()) ?? []) expected.push(`${relative(app, file)}:${i + 1} ${rule}`);
      });
  }
  return expected.sort();
}

function found(app: string): string[] {
  return lintApp(app)
    .findings.filter((f) => !f.suppressed)
    .map((f) => `${relative(app, f.file)}:${f.line} ${f.rule}`)
    .sort();
}

describe('lint rules', () => {
  test.each(['v4-ts', 'v3-js'])('%s: exactly the expected findings, nothing on any other line', (name) => {
    const app = join(fixtures, name);
    expect(found(app)).toEqual(expectations(app));
  });

  test('between them the fixtures exercise every rule, in TypeScript and in JavaScript', () => {
    const rules = (name: string) => new Set(expectations(join(fixtures, name)).map((e) => e.split(' ')[1]));
    const ts = rules('v4-ts');
    expect([...RULE_IDS].filter((r) => !ts.has(r))).toEqual([]);
    const js = rules('v3-js');
    expect([...RULE_IDS].filter((r) => !js.has(r))).toEqual([]);
  });

  test('finds the orchestrators of both programming models by their registered names', () => {
    expect(
      lintApp(join(fixtures, 'v4-ts'))
        .orchestrators.map((o) => o.name)
        .sort(),
    ).toEqual([
      'Approval',
      'AsyncOne',
      'Clock',
      'Eternal',
      'Forever',
      'Io',
      'Loop',
      'Made',
      'Monitor',
      'More',
      'Names',
      'Parallel',
      'Priced',
      'Random',
      'Shapes',
      'Tidy',
      'Waiting',
    ]);
    expect(
      lintApp(join(fixtures, 'v3-js'))
        .orchestrators.map((o) => o.name)
        .sort(),
    ).toEqual(['Monitor', 'Orchestrator']);
  });

  test('a finding in a helper says which orchestrator reaches it and through which calls, across files', () => {
    const result = lintApp(join(fixtures, 'v4-ts'));
    const uuid = result.findings.find((f) => f.rule === 'no-random' && f.file.endsWith('helpers.ts'))!;
    expect(uuid.orchestrator).toBe('Random');
    expect(uuid.via.map((s) => `${s.function} ${relative(fixtures, s.file)}:${s.line}`)).toEqual(['newOrderId v4-ts/src/functions/random.ts:14']);
    // Helpers never called from an orchestrator are not orchestrator code (stamp() reads the clock).
    expect(result.findings.filter((f) => f.file.endsWith('helpers.ts')).map((f) => f.line)).not.toContain(33);
  });

  test('a timer built from the wall clock is named as such, directly or through a variable', () => {
    const result = lintApp(join(fixtures, 'v4-ts'));
    const clock = result.findings.filter((f) => f.rule === 'no-wall-clock' && f.file.endsWith('clock.ts'));
    const timers = clock.filter((f) => f.message.startsWith('a durable timer built from the wall clock')).map((f) => f.line);
    expect(timers).toEqual([17, 18]);
  });

  test('comments disable a rule on a line only with a reason, and the report keeps them as suppressed', () => {
    const result = lintApp(join(fixtures, 'v4-ts'));
    const suppressed = result.findings.filter((f) => f.suppressed).map((f) => [f.line, f.rule, f.suppressed!.reason]);
    expect(suppressed).toEqual([
      [39, 'no-wall-clock', 'logged only, never decides anything'],
      [41, 'no-random', 'seeds a log sampler only'],
    ]);
  });

  test('ESLint disable comments naming a durable-gate rule count; ones naming only other rules do not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-eslint-comments-'));
    writeFileSync(join(dir, 'host.json'), '{ "version": "2.0" }');
    writeFileSync(
      join(dir, 'index.js'),
      [
        "const df = require('durable-functions');",
        "df.app.orchestration('O', function* (context) {",
        '  // eslint-disable-next-line durable-gate/no-random',
        '  const a = Math.random();',
        '  // eslint-disable-next-line no-console',
        '  const b = Math.random();',
        '  return a + b;',
        '});',
      ].join('\n'),
    );
    const result = lintApp(dir);
    expect(result.findings.map((f) => [f.line, f.suppressed ? 'suppressed' : 'open'])).toEqual([
      [4, 'suppressed'],
      [6, 'open'],
    ]);
  });

  test('fixes replace the clock and ids with the durable equivalents where the context is in scope', () => {
    const result = lintApp(join(fixtures, 'v4-ts'));
    const text = (f: (typeof result.findings)[number]) => readFileSync(f.file, 'utf8').slice(f.fix!.range[0], f.fix!.range[1]);
    const fixes = result.findings.filter((f) => f.fix && f.file.endsWith('clock.ts')).map((f) => `${text(f)} => ${f.fix!.text}`);
    expect(fixes).toContain('Date.now() => context.df.currentUtcDateTime.getTime()');
    expect(fixes).toContain('new Date() => new Date(context.df.currentUtcDateTime)');
    expect(fixes).toContain('moment() => moment(context.df.currentUtcDateTime)');
    const ids = result.findings.filter((f) => f.fix && f.rule === 'no-random').map((f) => `${text(f)} => ${f.fix!.text}`);
    expect(ids).toContain('randomUUID() => context.df.newGuid(context.df.instanceId)');
    // In a helper the context is not in scope: no fix offered.
    expect(result.findings.find((f) => f.file.endsWith('helpers.ts') && f.rule === 'no-wall-clock')!.fix).toBeUndefined();
  });

  test("TypeScript's build output and other function apps below the folder are not linted", () => {
    const result = lintApp(join(fixtures, 'v4-ts'));
    expect(result.files.some((f) => f.includes(`${join('v4-ts', 'dist')}`))).toBe(false);
    // outDir from a config the app's tsconfig extends.
    const extended = mkdtempSync(join(tmpdir(), 'lint-extends-'));
    mkdirSync(join(extended, 'src'));
    mkdirSync(join(extended, 'build'));
    writeFileSync(join(extended, 'host.json'), '{ "version": "2.0" }');
    writeFileSync(join(extended, 'tsconfig.base.json'), '{ "compilerOptions": { "outDir": "build" } }');
    writeFileSync(join(extended, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json" }');
    writeFileSync(join(extended, 'src', 'o.ts'), "import * as df from 'durable-functions';\ndf.app.orchestration('O', function* () { return 1; });\n");
    writeFileSync(
      join(extended, 'build', 'o.js'),
      "const df = require('durable-functions');\ndf.app.orchestration('O', function* () { return Date.now(); });\n",
    );
    expect(lintApp(extended).files.map((f) => relative(extended, f))).toEqual([join('src', 'o.ts')]);
    const outer = mkdtempSync(join(tmpdir(), 'lint-nested-'));
    writeFileSync(join(outer, 'host.json'), '{ "version": "2.0" }');
    cpSync(join(fixtures, 'v3-js'), join(outer, 'inner'), { recursive: true });
    const nested = lintApp(outer);
    expect(nested.orchestrators).toEqual([]);
    expect(nested.skipped.map((s) => s.reason)).toEqual(['another function app (it has a host.json of its own): lint it on its own']);
  });

  test("the example's old code lints clean; the new one has its wall-clock deadline, which replay alone passes", () => {
    const shown = (app: string) =>
      lintApp(join(repoRoot, app)).findings.map((f) => `${relative(repoRoot, f.file)}:${f.line}:${f.column + 1} ${f.severity} ${f.rule} ${f.orchestrator}`);
    expect(shown('examples/order-app')).toEqual([]);
    expect(shown('examples/order-app-next')).toEqual(['examples/order-app-next/src/functions/orchestrators.ts:74:31 error no-wall-clock ApproveOrder']);
  });
});

describe('durable-gate lint (built CLI)', () => {
  test('text: findings by file with the rule and the call chain; exit 1 on errors', () => {
    const { code, stdout } = lintCli(['--app', '__tests__/fixtures/lint/v3-js']);
    expect(code).toBe(1);
    expect(stdout).toContain('__tests__/fixtures/lint/v3-js/shared/util.js\n');
    expect(stdout).toMatch(/ {2}8:13 {2}error {4}uuidv4\(\) makes a new id at every replay.* {2}durable-gate\/no-random\n/);
    expect(stdout).toContain('in Orchestrator, called through label (__tests__/fixtures/lint/v3-js/Orchestrator/index.js:6)');
    expect(stdout).toContain('11 errors, 4 warnings, 2 notes in 2 orchestrators (5 files read).');
  });

  test('json: the report contract; --rules keeps the named rules only', () => {
    const { code, stdout } = lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--format', 'json', '--rules', 'no-env,durable-gate/unbounded-loop']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      schema: string;
      summary: Record<string, number>;
      findings: { rule: string; file: string; line: number; column: number }[];
    };
    expect(report.schema).toBe('durable-gate.lint-report/v1');
    expect(report.summary).toEqual({ errors: 0, warnings: 2, notes: 0, suppressed: 0, files: 5, orchestrators: 2, unparsed: 0 });
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      '__tests__/fixtures/lint/v3-js/Monitor/index.js:5:3 unbounded-loop',
      '__tests__/fixtures/lint/v3-js/Orchestrator/index.js:17:16 no-env',
    ]);
  });

  test('--fail-on warning fails on warnings', () => {
    expect(lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--rules', 'no-env', '--fail-on', 'warning']).code).toBe(1);
    expect(lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--rules', 'guard-replay-logging']).code).toBe(0);
  });

  test('sarif: one result per finding, rules described, suppressed findings carried with their reason', () => {
    const { stdout } = lintCli(['--app', '__tests__/fixtures/lint/v4-ts', '--format', 'sarif']);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          suppressions?: { justification: string }[];
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS.map((r) => `durable-gate/${r}`));
    expect(run.results.filter((r) => r.suppressions).map((r) => r.suppressions![0]!.justification)).toEqual([
      'logged only, never decides anything',
      'seeds a log sampler only',
    ]);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^__tests__\/fixtures\/lint\/v4-ts\/src\//);
  });

  test('github: one workflow command per finding, with data and properties escaped', () => {
    const { stdout } = lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--format', 'github', '--rules', 'no-io,guard-replay-logging']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      '::notice file=__tests__/fixtures/lint/v3-js/Orchestrator/index.js,line=11,col=3,endLine=11,endColumn=36,title=durable-gate/guard-replay-logging::context.log(...) writes again every time the orchestrator replays (once per episode), so the log repeats. Guard it: if (!context.df.isReplaying) { ... }. (in Orchestrator)',
    );
    expect(lines[1]).toMatch(/^::error file=__tests__\/fixtures\/lint\/v3-js\/shared\/util.js,line=13,.*title=durable-gate\/no-io::https.get/);
    expect(lines.at(-1)).toBe('1 error, 0 warnings, 1 note in 2 orchestrators.');
    // A file name with a comma and a colon: escaped as the runner reads properties.
    const dir = mkdtempSync(join(tmpdir(), 'lint-github-'));
    writeFileSync(join(dir, 'host.json'), '{ "version": "2.0" }');
    writeFileSync(join(dir, 'a,b:c.js'), "const df = require('durable-functions');\ndf.app.orchestration('O', function* () { return Math.random(); });\n");
    expect(lintCli(['--app', '.', '--format', 'github'], dir).stdout).toContain('::error file=a%2Cb%3Ac.js,line=2,');
  });

  test('--output writes the report in the format its name says, and never overwrites without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-output-'));
    const out = join(dir, 'lint.sarif');
    expect(lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--output', out]).code).toBe(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version).toBe('2.1.0');
    const again = lintCli(['--app', '__tests__/fixtures/lint/v3-js', '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite it');
  });

  test('bad input: each named with the expected form (exit 2)', () => {
    const cases: [string[], string][] = [
      [[], 'durable-gate: missing --app: the function app folder whose orchestrators to lint (it holds host.json).'],
      [['--app', 'no/such/dir'], '--app no/such/dir: no such folder.'],
      [['--app', 'docs'], '--app docs: found no orchestrator in 0 source file(s).'],
      [['--app', 'examples/order-app', '--format', 'xml'], "invalid --format 'xml'. Expected text, json, sarif, github."],
      [['--app', 'examples/order-app', '--rules', 'no-clock'], "--rules: no rule 'no-clock'. Rules: no-wall-clock"],
      [['--app', 'examples/order-app', '--fail-on', 'info'], "invalid --fail-on 'info'. Expected error (default), warning or note"],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = lintCli(args);
      expect([code, stderr]).toEqual([2, expect.stringContaining(message)]);
    }
  });

  test('a source file that does not parse is named with its line; the run exits 2 when it uses durable-functions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-parse-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'host.json'), '{ "version": "2.0" }');
    writeFileSync(join(dir, 'src', 'ok.js'), "const df = require('durable-functions');\ndf.app.orchestration('O', function* (context) { return 1; });\n");
    writeFileSync(join(dir, 'src', 'notes.ts'), 'export const x = ;\n');
    // Not about durable code: listed, and the run judged on the rest.
    const partial = lintCli(['--app', dir]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/src\/notes\.ts:1:\d+: could not be parsed \(.+\); not checked\./);
    // Durable code the lint cannot read: the run cannot answer (exit 2).
    writeFileSync(join(dir, 'src', 'broken.ts'), "import * as df from 'durable-functions';\nexport function (\n");
    const { code, stdout } = lintCli(['--app', dir]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/src\/broken\.ts:2:\d+: could not be parsed \(.+\); not checked\./);
    expect(stdout).toContain('2 files not parsed');
  });
});
