/** The Action's log lines made of recorded data (instance ids, names, messages from histories). */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';

/**
 * Logs text with workflow commands switched off around it: an instance id that begins with '::'
 * is shown, never obeyed as a command (GitHub's ::stop-commands::).
 */
export function logData(text: string): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}
