/** `durable-gate validate` and `durable-gate swap` on the command line: flags in, lines and the report out, the exit code. */
import { renderValidation } from '../azure/slots.js';
import { swapExitCode } from '../azure/swap.js';
import { readSwapSettings, renderSwap, runSwapCommand, SWAP_OPTIONS } from '../commands/swap.js';
import { readValidateSettings, runValidate, VALIDATE_OPTIONS } from '../commands/validate.js';
import { parseCommandArgs, say, withHelpHint, type CliIo } from './args.js';
import { SWAP_USAGE, VALIDATE_USAGE } from './usage.js';

export async function validateCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const { values, input } = parseCommandArgs('validate', args, VALIDATE_OPTIONS);
  if (values.help) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const settings = withHelpHint('validate', () => readValidateSettings(input, io.env));
  const report = await runValidate(
    settings,
    { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) },
    { onNotice: say(io), onWarning: say(io, 'warning: ') },
  );
  io.stdout.write(settings.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderValidation(report));
  return report.ok ? 0 : 1;
}

export async function swapCommand(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const { values, input } = parseCommandArgs('swap', args, SWAP_OPTIONS);
  if (values.help) {
    io.stdout.write(SWAP_USAGE);
    return 0;
  }
  const settings = withHelpHint('swap', () => readSwapSettings(input, io.env));
  const report = await runSwapCommand(
    settings,
    { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) },
    { onNotice: say(io), onWarning: say(io, 'warning: '), onStep: say(io) },
  );
  io.stdout.write(
    settings.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : `${report.validation && !report.validation.ok ? renderValidation(report.validation) : ''}${renderSwap(report)}`,
  );
  return swapExitCode(report);
}
