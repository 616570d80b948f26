/**
 * `check`'s settings: replay's, with the old code (`base`) and the scenarios to run on it; the
 * histories are optional. The job is harness/testing/check.ts; the report is replay's.
 */
import { UsageError } from '../../harness/errors.js';
import type { StreamedReport } from '../../harness/replay/run.js';
import { runCheckStreamed } from '../../harness/testing/check.js';
import { declaredInput, type CommandServices, type SettingsInput } from './input.js';
import { readReplaySettings, REPLAY_OPTIONS, withReplayJob, type ReplayEvents, type ReplaySettings } from './replay.js';

export const CHECK_OPTIONS = {
  base: 'text',
  scenarios: 'list',
  ...REPLAY_OPTIONS,
} as const;

export interface CheckSettings extends ReplaySettings {
  /** The built app with the old code, which the scenarios run on. */
  base: string;
  scenarios: string[];
}

export function readCheckSettings(given: SettingsInput): CheckSettings {
  const input = declaredInput('check', CHECK_OPTIONS, given);
  const base = input.text('base');
  if (!base)
    throw new UsageError(
      `missing ${input.label('base')}: the function app folder with the old code, built (in a pull request: the base branch checked out beside the head and built).`,
    );
  return { ...readReplaySettings(given, { historiesRequired: false, command: 'check' }), base, scenarios: input.list('scenarios') };
}

export interface CheckEvents extends ReplayEvents {
  /** A scenario ran on the old code and gave this many histories to check. */
  onScenario?: (label: string, histories: number) => void;
}

/** Runs check with these settings, as runReplaySettings runs replay. */
export function runCheckSettings(
  settings: CheckSettings,
  services: Pick<CommandServices, 'cwd' | 'signal'>,
  events: CheckEvents = {},
): Promise<{ report: StreamedReport & { generated: number }; stopped?: string }> {
  return withReplayJob(settings, services, events, (job) => runCheckStreamed({ ...job, base: settings.base, scenarios: settings.scenarios }));
}
