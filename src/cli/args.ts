/**
 * The command line's side of the settings: argv parsed with node:util's parseArgs (enough for
 * flags of one or many values, and no dependency to ship), read as a SettingsInput by the same
 * names the commands declare.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, errorMessage } from '../../harness/errors.js';
import { nearestName } from '../../harness/nearest.js';
import type { OptionSpec, SettingsInput } from '../commands/input.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Flags only the command line has (help, an output file, colour), beside the command's own options. */
type CliOnly = Record<string, { type: 'string' | 'boolean'; short?: string }>;

type Values = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  values: Values;
  positionals: string[];
  input: SettingsInput;
}

/** Names an option as the command line does. */
export const cliLabel = (name: string): string => `--${name}`;

/** argv for `command`: its declared options and the CLI's own. A bad flag is a usage error that points at the help. */
export function parseCommandArgs(command: string, args: string[], spec: OptionSpec, own: CliOnly = {}, allowPositionals = false): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = { help: { type: 'boolean', short: 'h' }, ...own };
  for (const [name, kind] of Object.entries(spec))
    options[name] = kind === 'flag' ? { type: 'boolean' } : kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(`${describeArgsError(error, Object.keys(options))} Run 'durable-gate ${command} --help'.`);
  }
  const values = parsed.values as Values;
  return {
    values,
    positionals: parsed.positionals,
    input: {
      text: (name) => {
        const value = values[name];
        return typeof value === 'string' && value !== '' ? value : undefined;
      },
      flag: (name) => values[name] === true,
      list: (name) => {
        const value = values[name];
        return Array.isArray(value) ? value : [];
      },
      label: cliLabel,
      passed: (name, value) => `--${name} ${value} passed`,
    },
  };
}

/** What a command says while it works goes to stderr, after the tool's name. */
export const say =
  (io: CliIo, prefix = '') =>
  (message: string): void => {
    io.stderr.write(`durable-gate: ${prefix}${message}\n`);
  };

/** A usage error ends with where the options are described. */
export function withHelpHint<T>(command: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(`${error.message} Run 'durable-gate ${command} --help'.`) : error;
  }
}

/** node:util parseArgs errors, said plainly. */
function describeArgsError(error: unknown, known: string[]): string {
  const message = errorMessage(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch ((error as { code?: string }).code ?? '') {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = option ? nearestName(option.replace(/^-+/, '').split('=')[0]!, known) : undefined;
      return `Unknown option '${option ?? message}'.${near ? ` Did you mean --${near}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `Option '${option}' needs a value.` : message;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? message}'.`;
    default:
      return message.split('\n')[0]!;
  }
}

/** --output checked before any work is done: a file (not a folder), in a folder that exists, not overwritten without --force. */
export function checkOutputFile(output: string, force: boolean, cwd: string, example: string): void {
  const target = resolve(cwd, output);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new UsageError(`--output ${output} is a folder. Name a file in it, e.g. --output ${join(output, example)}.`);
  if (!force && existsSync(target)) throw new UsageError(`--output ${output} exists; refusing to overwrite it. Choose another file or add --force.`);
  if (!existsSync(dirname(target))) throw new UsageError(`--output ${output}: the folder ${dirname(output)} does not exist.`);
}
