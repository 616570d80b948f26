/** Runs node on a script without blocking this process: the stand-ins it talks to live here and must keep answering. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './apps.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Timed extends Ran {
  seconds: number;
}

/** Node on `args` with exactly `env`. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return spawnNode(args, env);
}

/**
 * Node on `args` with `env` added to this process's environment, timed; `signalAfterMs` sends
 * `signal` (default SIGTERM) that long after the start.
 */
export function runTimed(args: string[], env: NodeJS.ProcessEnv, options: { signalAfterMs?: number; signal?: NodeJS.Signals } = {}): Promise<Timed> {
  return spawnNode(args, { ...process.env, ...env }, options);
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv, options: { signalAfterMs?: number; signal?: NodeJS.Signals } = {}): Promise<Timed> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A run that outlives its bound fails its test instead of hanging the suite.
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const timer = options.signalAfterMs === undefined ? undefined : setTimeout(() => child.kill(options.signal ?? 'SIGTERM'), options.signalAfterMs);
    child.on('exit', (code) => {
      clearTimeout(guard);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * The built Action (dist/index.js) run as a runner runs it: `env` plus the step's inputs (INPUT_*),
 * with fresh RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; `outputs()` reads what it set.
 */
export async function runAction(env: NodeJS.ProcessEnv, inputs: Record<string, string>): Promise<Ran & { outputs: () => string }> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'dg-tmp-'));
  const output = join(runnerTemp, 'out');
  const summary = join(runnerTemp, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const step = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const ran = await runNode([join(repoRoot, 'dist', 'index.js')], {
    ...env,
    ...step,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: runnerTemp,
  });
  return { ...ran, outputs: () => readFileSync(output, 'utf8') };
}

/**
 * A module to preload in child processes (NODE_OPTIONS --import) that blocks every connection but
 * loopback and appends what it blocked to `log` (empty when nothing tried to leave the machine).
 */
export function networkGuardModule(dir: string): { nodeOptions: string; log: string } {
  const log = join(dir, 'net.log');
  writeFileSync(log, '');
  const module = join(dir, 'guard.mjs');
  writeFileSync(
    module,
    `import { appendFileSync } from 'node:fs';\nimport { guardNetwork } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'lib', '__tests__', 'support', 'identity-fakes.js')).href)};\n` +
      `const guard = guardNetwork();\nprocess.on('exit', () => { if (guard.blocked.length) appendFileSync(${JSON.stringify(log)}, guard.blocked.join('\\n') + '\\n'); });\n`,
  );
  return { nodeOptions: `--import ${pathToFileURL(module).href}`, log };
}
