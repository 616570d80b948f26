/** `durable-gate lint`: loaded only when it runs (the parser it carries is the largest part of it). */
import { resolve } from 'node:path';
import { lintExitCode, renderLint } from '../../harness/lint/report.js';
import { writeWhole } from '../../harness/report/write.js';
import { LINT_OPTIONS, readLintSettings, runLint } from '../commands/lint.js';
import { VERSION } from '../version.js';
import { checkOutputFile, parseCommandArgs, withHelpHint, type CliIo } from './args.js';
import { LINT_USAGE } from './usage.js';

export async function lintCommand(args: string[], io: CliIo): Promise<number> {
  const { values, input } = parseCommandArgs('lint', args, LINT_OPTIONS, {
    output: { type: 'string' },
    force: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const settings = withHelpHint('lint', () => readLintSettings(input));
  const output = typeof values.output === 'string' ? values.output : undefined;
  if (output) checkOutputFile(output, values.force === true, io.cwd, 'lint.sarif');
  const report = runLint(settings, io, (message) => io.stderr.write(`durable-gate: warning: ${message}\n`));
  const color = values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR;
  io.stdout.write(renderLint(report, settings.format, { cwd: io.cwd, version: VERSION, color }));
  if (output) {
    const format = /\.sarif(\.json)?$/i.test(output) ? 'sarif' : /\.json$/i.test(output) ? 'json' : 'text';
    await writeWhole(resolve(io.cwd, output), [renderLint(report, format, { cwd: io.cwd, version: VERSION })], { overwrite: values.force === true });
  }
  return lintExitCode(report, settings.failOn);
}
