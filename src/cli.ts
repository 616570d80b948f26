/**
 * `durable-gate`: the command line. Parses argv, calls the libraries, returns the exit code
 * (0 all good, 1 the check found a problem, 2 the tool could not do its job).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppLoadError, UsageError, errorMessage } from '../harness/errors.js';
import { exitCodeFor } from '../harness/replay/result.js';
import { runReplay } from '../harness/replay/run.js';
import { REPORT_FORMATS, formatForFile, renderReport, type ReportFormat } from '../harness/report/formats.js';
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
  --no-color             Plain text even on a terminal.
  -h, --help             Show this help.

Exit codes: 0 every history replays cleanly; 1 the new code breaks at least one instance
(nondeterministic or failed); 2 nothing could be checked, bad options, or some histories could
not be read (1 wins over 2).
`;

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
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
        return await replayCommand(rest, io);
      // The Azure SDKs load only for the commands that use them: replay (and its worker) start faster.
      case 'record':
        return await (await import('./commands/taskhub.js')).recordCommand(rest, io);
      case 'gate': {
        const { gateCommand } = await import('./commands/taskhub.js');
        return await withSignals((signal) => gateCommand(rest, io, signal));
      }
      case 'validate':
        return await (await import('./commands/azure.js')).validateCommand(rest, io);
      case 'swap': {
        const { swapCommand } = await import('./commands/azure.js');
        return await withSignals((signal) => swapCommand(rest, io, signal));
      }
      default:
        throw new UsageError(`unknown command '${command}'. Commands: replay, record, gate, validate, swap. Run 'durable-gate --help'.`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

/** SIGINT/SIGTERM end a wait at once: the command sees an aborted signal. */
async function withSignals(run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
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


interface ReplayOptions {
  requireVersionBump: boolean;
  versionFile?: string;
  app: string;
  histories: string[];
  format: ReportFormat;
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${describeArgsError(error)} Run 'durable-gate replay --help'.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  // `--histories a.json b.json` lists several: positionals after --histories belong to it.
  const histories = [...(values.histories ?? []), ...(values.histories ? positionals : [])];
  if (!values.histories && positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}'. Histories go after --histories.`);
  }
  if (!values.app) throw new UsageError("missing --app <dir>: the function app folder with the new code. Run 'durable-gate replay --help'.");
  if (histories.length === 0) throw new UsageError("missing --histories <path>: history files, folders or globs to replay. Run 'durable-gate replay --help'.");
  if (values['version-file'] && !values['require-version-bump']) throw new UsageError('--version-file goes with --require-version-bump: it names where the version to check is.');
  const format = values.format ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`invalid --format '${format}'. Expected ${REPORT_FORMATS.join(', ')}.`);
  return {
    app: values.app,
    histories,
    format: format as ReportFormat,
    ...(values.output ? { output: values.output } : {}),
    force: values.force === true,
    requireVersionBump: values['require-version-bump'] === true,
    ...(values['version-file'] ? { versionFile: values['version-file'] } : {}),
    color: values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR,
  };
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

async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseReplay(args, io);
  if (options === 'help') {
    io.stdout.write(REPLAY_USAGE);
    return 0;
  }
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    if (!options.force && existsSync(target)) throw new UsageError(`--output ${options.output} exists; refusing to overwrite it. Choose another file or add --force.`);
    if (!existsSync(dirname(target))) throw new UsageError(`--output ${options.output}: the folder ${dirname(options.output)} does not exist.`);
  }
  const progress = io.stderr.isTTY === true;
  const report = await runReplay({
    app: options.app,
    histories: options.histories,
    cwd: io.cwd,
    userOutput: 'stderr',
    requireVersionBump: options.requireVersionBump,
    ...(options.versionFile ? { versionFile: options.versionFile } : {}),
    onAppWarning: (warning) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
    onProgress: (done, total) => {
      if (progress && total >= 200) io.stderr.write(done < total ? `\rreplayed ${done}/${total}` : '\r\u001b[K');
    },
  });
  io.stdout.write(renderReport(report, options.format, { cwd: io.cwd, color: options.color, version: VERSION }));
  if (options.output) {
    await writeFile(resolve(io.cwd, options.output), renderReport(report, formatForFile(options.output), { cwd: io.cwd, version: VERSION }), options.force ? {} : { flag: 'wx' });
  }
  return exitCodeFor(report.summary);
}
