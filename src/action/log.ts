/** The Action's log lines made of recorded data (instance ids, names, messages from histories). */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';

/**
 * Logs text with workflow commands switched off around it: an instance id that begins with '::'
 * is shown, never obeyed as a command (GitHub's ::stop-commands::).
 */
export function logData(text: string | Iterable<string>): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  if (typeof text === 'string') core.info(text);
  else for (const piece of text) process.stdout.write(piece);
  core.info(`::${token}::`);
}

/** A line a command says (lower case after the CLI's "durable-gate: ") as a sentence of its own. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a command says while it works, in the log. Instance ids in these lines are escaped
 * (printable) and never begin a line, so that no id can pass for a workflow command.
 */
export const commandEvents = {
  onNotice: (message: string): void => core.info(sentence(message)),
  onWarning: (message: string): void => core.warning(sentence(message)),
};
