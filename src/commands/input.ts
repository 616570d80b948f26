/**
 * The application layer's contract with the two front ends. Each command declares its options once
 * (`OptionSpec`: the CLI's flags without the dashes, the Action's inputs, by the same names), reads
 * its settings from a `SettingsInput` with the same checks and messages for both, and runs with
 * `CommandServices`, telling the front end what happens through its events.
 */

/** How an option is given: one value, a switch, or several values. */
export type OptionKind = 'text' | 'flag' | 'list';

/** A command's options by name. The CLI builds its parser from it; action.yml declares the same names. */
export type OptionSpec = Readonly<Record<string, OptionKind>>;

/**
 * One front end's input, read by option name: the CLI's flags or the Action's inputs. `label`
 * names the option as the user wrote it (`--timeout`, or `input timeout`).
 */
export interface SettingsInput {
  /** The value, or undefined when it was not given (an empty Action input counts as not given). */
  text(name: string): string | undefined;
  /** A switch: false when not given; a value that is not a boolean is an error naming the option. */
  flag(name: string): boolean;
  /** Several values: a repeated flag, or an input's lines. */
  list(name: string): string[];
  /** How the user wrote the option, for messages. */
  label(name: string): string;
  /** How a time limit the user set is said when it has passed ("--timeout 5m passed", "the timeout (5m) passed"). */
  passed(name: string, value: string): string;
}

/** What a command may use besides its settings: the folder paths are relative to, the environment (app settings, secrets), a cancel. */
export interface CommandServices {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A cancel (SIGINT/SIGTERM, a cancelled workflow): the command stops and its report says what it had done. */
  signal?: AbortSignal;
}

/** Lines a command says while it works; the CLI writes them to stderr, the Action to its log. */
export interface CommandEvents {
  onNotice?: (message: string) => void;
  onWarning?: (message: string) => void;
}

/**
 * The input restricted to the command's declared options: reading another name is a bug in the
 * command, caught by the tests of both front ends, so that what action.yml declares (checked
 * against every spec) is what the commands read.
 */
export function declaredInput(command: string, spec: OptionSpec, input: SettingsInput): SettingsInput {
  const check = (name: string, kind: OptionKind): string => {
    if (spec[name] !== kind) throw new Error(`${command} reads the ${kind} option '${name}', which its option spec does not declare as such.`);
    return name;
  };
  return {
    text: (name) => input.text(check(name, 'text')),
    flag: (name) => input.flag(check(name, 'flag')),
    list: (name) => input.list(check(name, 'list')),
    label: (name) => input.label(name),
    passed: (name, value) => input.passed(name, value),
  };
}
