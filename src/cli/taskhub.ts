/** `durable-gate record` and `durable-gate gate` on the command line: flags in, lines and the report out, the exit code. */
import { gateExitCode } from '../gate/gate.js';
import { readGateSettings, renderGateText, runGateCommand, GATE_OPTIONS } from '../commands/gate.js';
import { readRecordSettings, RECORD_OPTIONS, runRecord } from '../commands/record.js';
import { UsageError } from '../../harness/errors.js';
import { parseCommandArgs, say, withHelpHint, type CliIo } from './args.js';
import { GATE_USAGE, RECORD_USAGE } from './usage.js';

export async function recordCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  if (args.some((a) => a === '--http-endpoint' || a.startsWith('--http-endpoint='))) {
    throw new UsageError(
      "record cannot use --http-endpoint: the HTTP API's history (showHistory) drops the sequence ids and events a replay needs. Record from the task hub's storage with --connection.",
    );
  }
  const { values, input } = parseCommandArgs('record', args, RECORD_OPTIONS);
  if (values.help) {
    io.stdout.write(RECORD_USAGE);
    return 0;
  }
  const settings = withHelpHint('record', () => readRecordSettings(input));
  const progress = io.stderr.isTTY === true;
  const report = await runRecord(
    settings,
    { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) },
    {
      onNotice: say(io),
      onWarning: say(io, 'warning: '),
      onProgress: (done, total) => {
        if (progress && total >= 20) io.stderr.write(done < total ? `\rrecorded ${done}/${total}` : '\r\u001b[K');
      },
    },
  );
  io.stdout.write([report.headline, ...report.notes].join('\n') + '\n');
  return report.exitCode;
}

export async function gateCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const { values, input } = parseCommandArgs('gate', args, GATE_OPTIONS);
  if (values.help) {
    io.stdout.write(GATE_USAGE);
    return 0;
  }
  const settings = withHelpHint('gate', () => readGateSettings(input, io.env));
  const report = await runGateCommand(
    settings,
    { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) },
    {
      onStart: say(io),
      onNotice: say(io),
      onWarning: say(io, 'warning: '),
      onPoll: (_, line) => io.stderr.write(`${line}\n`),
    },
  );
  io.stdout.write(settings.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderGateText(report));
  return gateExitCode(report);
}
