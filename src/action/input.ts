/** The Action's side of the settings: its inputs, by the same names as the CLI's flags, read as a SettingsInput. */
import * as core from '@actions/core';
import { UsageError } from '../../harness/errors.js';
import type { SettingsInput } from '../commands/input.js';

/** Names an option as the Action's log does. */
export const actionLabel = (name: string): string => `input ${name}`;

/**
 * Inputs through @actions/core: booleans as core.getBooleanInput reads them (true/True/TRUE,
 * false/False/FALSE; anything else is an error naming the input, never a silent false; empty is
 * false), lists one value per line (core.getMultilineInput).
 */
export function actionInput(): SettingsInput {
  return {
    text: (name) => core.getInput(name) || undefined,
    flag: (name) => {
      const value = core.getInput(name);
      if (value === '') return false;
      try {
        return core.getBooleanInput(name);
      } catch {
        throw new UsageError(`Invalid ${actionLabel(name)} '${value}'. Expected true or false.`);
      }
    },
    list: (name) => core.getMultilineInput(name).filter(Boolean),
    label: actionLabel,
    passed: (name, value) => `the ${name} (${value}) passed`,
  };
}

/** Where the Action works: relative paths in inputs are relative to it. */
export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}
