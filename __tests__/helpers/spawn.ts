/** Runs node on a script without blocking this process: the stand-ins it talks to live here and must keep answering. */
import { spawn } from 'node:child_process';
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
