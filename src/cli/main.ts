/**
 * `durable-gate`: the command line. Parses argv, calls the libraries, returns the exit code
 * (0 all good, 1 the check found a problem, 2 the tool could not do its job).
 */
import { resolve } from 'node:path';
import { AppLoadError, UsageError, errorMessage } from '../../harness/errors.js';
import { inPiecesOf, writeWhole } from '../../harness/report/write.js';
import { exitCodeFor } from '../../harness/replay/result.js';
import { formatForFile, reportChunks } from '../../harness/report/formats.js';
import { readReplaySettings, REPLAY_OPTIONS, runReplaySettings, type ReplaySettings } from '../commands/replay.js';
import { CHECK_OPTIONS, readCheckSettings, runCheckSettings, type CheckSettings } from '../commands/check.js';
import { withProcessSignals } from '../deadline.js';
import { VERSION } from '../version.js';
import { nameOptionsAs } from '../option-names.js';
import { checkOutputFile, cliLabel, parseCommandArgs, withHelpHint, type CliIo } from './args.js';
import { CHECK_USAGE, REPLAY_USAGE, USAGE } from './usage.js';

export type { CliIo } from './args.js';

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });

export async function main(argv: string[], io: CliIo = defaultIo(), signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  nameOptionsAs(cliLabel);
  try {
    switch (command) {
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case '--version':
      case '-v':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'replay':
        return await replayCommand('replay', rest, io, signal);
      case 'check':
        return await replayCommand('check', rest, io, signal);
      case 'lint':
        return await (await import('./lint.js')).lintCommand(rest, io);
      // The Azure SDKs load only for the commands that use them: replay (and its worker) start faster.
      case 'record':
        return await (await import('./taskhub.js')).recordCommand(rest, io, signal);
      case 'gate':
        return await (await import('./taskhub.js')).gateCommand(rest, io, signal);
      case 'validate':
        return await (await import('./azure.js')).validateCommand(rest, io, signal);
      case 'swap':
        return await (await import('./azure.js')).swapCommand(rest, io, signal);
      default:
        throw new UsageError(`unknown command '${command}'. Commands: replay, check, lint, record, gate, validate, swap. Run 'durable-gate --help'.`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * The process around main(): SIGINT/SIGTERM cancel the command, which stops and says what it had
 * done; a command that has not stopped STOP_GRACE_MS later, or a second signal, ends the process
 * (exit 2). Nothing keeps the process alive after the report (a request left open, a worker).
 */
export async function runProcess(argv: string[]): Promise<number> {
  const say = (message: string): boolean => process.stderr.write(`durable-gate: ${message}\n`);
  return withProcessSignals((signal) => main(argv, defaultIo(), signal), { stopping: say, ending: say }, 2);
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`durable-gate: ${error.message}\n`);
  } else if (error instanceof AppLoadError) {
    io.stderr.write(`durable-gate: could not load the function app: ${error.message}\n`);
    if (error.userStack) io.stderr.write(`\nThe app's own error:\n${error.userStack}\n`);
  } else {
    io.stderr.write(`durable-gate: ${errorMessage(error)}\n`);
  }
  return 2;
}

/** replay's (or check's) settings, and what only the terminal has: --output, --force, colour. */
type ReplayOptions = (ReplaySettings | CheckSettings) & {
  output?: string;
  force: boolean;
  color: boolean;
};

function parseReplay(command: 'replay' | 'check', args: string[], io: CliIo): ReplayOptions | 'help' {
  const { values, positionals, input } = parseCommandArgs(
    command,
    args,
    command === 'check' ? CHECK_OPTIONS : REPLAY_OPTIONS,
    { output: { type: 'string' }, force: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
    true,
  );
  if (values.help) return 'help';
  // `--histories a.json b.json` lists several: positionals after the last list option belong to it.
  const takes = command === 'check' && values.scenarios && !values.histories ? 'scenarios' : 'histories';
  if (!values[takes] && positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}'. ${command === 'check' ? 'Scenarios go after --scenarios, histories' : 'Histories'} after --histories.`,
    );
  }
  const given = { ...input, list: (name: string) => (name === takes ? [...input.list(name), ...positionals] : input.list(name)) };
  const settings = withHelpHint(command, () => (command === 'check' ? readCheckSettings(given) : readReplaySettings(given)));
  return {
    ...settings,
    ...(typeof values.output === 'string' ? { output: values.output } : {}),
    force: values.force === true,
    color: values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR,
  };
}

/** replay, and check (which runs scenarios on the old code first, then replays as replay does). */
async function replayCommand(command: 'replay' | 'check', args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const options = parseReplay(command, args, io);
  if (options === 'help') {
    io.stdout.write(command === 'check' ? CHECK_USAGE : REPLAY_USAGE);
    return 0;
  }
  if (options.output) checkOutputFile(options.output, options.force, io.cwd, 'report.json');
  const progress = io.stderr.isTTY === true;
  const services = { cwd: io.cwd, ...(signal ? { signal } : {}) };
  const events = {
    onAppWarning: (warning: string) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
    onProgress: (done: number, total: number) => {
      if (progress && total >= 200) io.stderr.write(done < total ? `\rreplayed ${done}/${total}` : '\r\u001b[K');
    },
    onScenario: (label: string, histories: number) =>
      io.stderr.write(`durable-gate: ran ${label} on the old code: ${histories} point(s) where an instance waits, to check\n`),
  };
  const { report, stopped } = 'base' in options ? await runCheckSettings(options, services, events) : await runReplaySettings(options, services, events);
  try {
    // Written as it is rendered: the report of a large run is never one string.
    const render = { cwd: io.cwd, version: VERSION, quiet: options.quiet };
    for (const piece of inPiecesOf(reportChunks(report, options.format, { ...render, color: options.color }))) io.stdout.write(piece);
    if (options.output) {
      await writeWhole(resolve(io.cwd, options.output), reportChunks(report, formatForFile(options.output), render), { overwrite: options.force });
    }
  } finally {
    report.results.dispose();
  }
  if (stopped) io.stderr.write(`durable-gate: stopped: ${stopped}. The histories not replayed are listed as not checked; replay them again.\n`);
  return exitCodeFor(report.summary);
}
