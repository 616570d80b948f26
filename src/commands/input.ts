/**
 * One front end's input, read by option name: the CLI's flags (without the dashes) or the Action's
 * inputs, which carry the same names. Settings are parsed from it once, with the same checks and
 * messages for both; `label` names the option as the user wrote it (`--timeout`, or `timeout`).
 */
export interface SettingsInput {
  /** The value, or undefined when it was not given (an empty Action input counts as not given). */
  text(name: string): string | undefined;
  /** A switch: false when not given; a value that is not a boolean is an error naming the option. */
  flag(name: string): boolean;
  /** Several values: a repeated flag (and what follows it), or an input's lines. */
  list(name: string): string[];
  /** How the user wrote the option, for messages. */
  label(name: string): string;
}
