/**
 * `durable-gate`: the command line. Parses argv, calls the libraries, returns the exit code
 * (0 all good, 1 the check found a problem, 2 the tool could not do its job).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppLoadError, UsageError, errorMessage } from '../harness/errors.js';
import { writeWhole } from '../harness/report/write.js';
import { exitCodeFor } from '../harness/replay/result.js';
import { formatForFile, renderReport } from '../harness/report/formats.js';
import { readReplaySettings, runReplaySettings, type ReplaySettings } from './commands/replay.js';
import { withProcessSignals } from './deadline.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });

const USAGE = `Usage: durable-gate <command> [options]

Commands:
  replay    Replay recorded orchestration histories against new orchestrator code
  record    Export the histories of in-flight instances from a task hub
  gate      Wait until nothing is in flight in a task hub (or the one bound to a slot)
  validate  Check that a function app's slots are set up for a drain-and-swap
  swap      Swap a slot into production, check its health, swap back if unhealthy

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.

Run 'durable-gate <command> --help' for the options of a command.
Exit codes: 0 all good, 1 the check found a problem, 2 the tool could not do its job.
`;

const REPLAY_USAGE = `Usage: durable-gate replay --app <dir> --histories <path>... [options]

Replays each history through the new code with the app's own durable-functions SDK and judges
it by the rules the Durable Task runtime applies. Verdicts: ok, nondeterministic, failed, error.

Options:
  --app <dir>            The function app folder with the new code (holds host.json and package.json).
                         TypeScript apps must be built first.
  --histories <path>     History files, folders (every *.json below) or globs. Repeat, or list several.
  --format <format>      Report format on stdout: text (default), json, junit (JUnit XML for CI test
                         reports) or sarif (SARIF 2.1.0, uploadable to GitHub code scanning).
  --output <file>        Also write the report to this file, in the format its name says: .json,
                         .xml (JUnit), .sarif, text otherwise. Refuses to overwrite an existing file
                         unless --force.
  --force                Allow --output to overwrite an existing file.
  --require-version-bump When something breaks, also require host.json
                         extensions.durableTask.defaultVersion (or --version-file) to be a minor or
                         major version above the versions the broken instances were started with.
  --version-file <file>  Where the version is: a JSON file's "version" (package.json) or a text file.
  --timeout <duration>   Stop after this long (default 30m): histories not replayed by then are
                         reported as not checked (exit 2). Durations: 90s, 30m, 2h.
  --history-timeout <duration>
                         How long one history may run (default 30s): an orchestrator that loops
                         or waits for ever is stopped and reported as failed for that history only.
                         Loading the app may take 60 s.
  --history-memory <MB>  The heap one replay may use (default 2048): an orchestrator that allocates
                         without bound is stopped there and reported as failed for that history.
  --no-color             Plain text even on a terminal.
  -h, --help             Show this help.

Exit codes: 0 every history replays cleanly; 1 the new code breaks at least one instance
(nondeterministic or failed); 2 nothing could be checked, bad options, some histories could not
be read, or the run was cancelled or timed out before every history was replayed (1 wins over 2).
`;

export async function main(argv: string[], io: CliIo = defaultIo(), signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
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
        return await replayCommand(rest, io, signal);
      // The Azure SDKs load only for the commands that use them: replay (and its worker) start faster.
      case 'record':
        return await (await import('./commands/taskhub.js')).recordCommand(rest, io, signal);
      case 'gate':
        return await (await import('./commands/taskhub.js')).gateCommand(rest, io, signal);
      case 'validate':
        return await (await import('./commands/azure.js')).validateCommand(rest, io, signal);
      case 'swap':
        return await (await import('./commands/azure.js')).swapCommand(rest, io, signal);
      default:
        throw new UsageError(`unknown command '${command}'. Commands: replay, record, gate, validate, swap. Run 'durable-gate --help'.`);
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

/** replay's settings, and what only the terminal has: --output, --force, colour. */
interface ReplayOptions extends ReplaySettings {
  output?: string;
  force: boolean;
  color: boolean;
}

function parseReplay(args: string[], io: CliIo): ReplayOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        app: { type: 'string' },
        histories: { type: 'string', multiple: true },
        format: { type: 'string' },
        output: { type: 'string' },
        force: { type: 'boolean' },
        'require-version-bump': { type: 'boolean' },
        'version-file': { type: 'string' },
        'no-color': { type: 'boolean' },
        timeout: { type: 'string' },
        'history-timeout': { type: 'string' },
        'history-memory': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${describeArgsError(error)} Run 'durable-gate replay --help'.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (!values.histories && positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}'. Histories go after --histories.`);
  }
  const strings = values as Record<string, string | undefined>;
  const settings = withHelpHint(() =>
    readReplaySettings({
      text: (name) => strings[name] || undefined,
      flag: (name) => (values as Record<string, unknown>)[name] === true,
      // `--histories a.json b.json` lists several: positionals after --histories belong to it.
      list: (name) => (name === 'histories' && values.histories ? [...values.histories, ...positionals] : []),
      label: (name) => `--${name}`,
    }),
  );
  return {
    ...settings,
    ...(values.output ? { output: values.output } : {}),
    force: values.force === true,
    color: values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR,
  };
}

/** A usage error ends with where the options are described. */
function withHelpHint<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(`${error.message} Run 'durable-gate replay --help'.`) : error;
  }
}

/** node:util parseArgs errors, said plainly. */
function describeArgsError(error: unknown): string {
  const message = errorMessage(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option '${option ?? message}'.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `Option '${option}' needs a value.` : message;
    default:
      return message.split('\n')[0]!;
  }
}

async function replayCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const options = parseReplay(args, io);
  if (options === 'help') {
    io.stdout.write(REPLAY_USAGE);
    return 0;
  }
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    if (!options.force && existsSync(target))
      throw new UsageError(`--output ${options.output} exists; refusing to overwrite it. Choose another file or add --force.`);
    if (!existsSync(dirname(target))) throw new UsageError(`--output ${options.output}: the folder ${dirname(options.output)} does not exist.`);
  }
  const progress = io.stderr.isTTY === true;
  const { report, stopped } = await runReplaySettings(
    options,
    { cwd: io.cwd, timeoutReason: `--timeout ${options.timeoutText} passed`, ...(signal ? { signal } : {}) },
    {
      onAppWarning: (warning) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
      onProgress: (done, total) => {
        if (progress && total >= 200) io.stderr.write(done < total ? `\rreplayed ${done}/${total}` : '\r\u001b[K');
      },
    },
  );
  io.stdout.write(renderReport(report, options.format, { cwd: io.cwd, color: options.color, version: VERSION }));
  if (options.output) {
    await writeWhole(resolve(io.cwd, options.output), renderReport(report, formatForFile(options.output), { cwd: io.cwd, version: VERSION }), {
      overwrite: options.force,
    });
  }
  if (stopped) io.stderr.write(`durable-gate: stopped: ${stopped}. The histories not replayed are listed as not checked; replay them again.\n`);
  return exitCodeFor(report.summary);
}
