/**
 * `gate`: its settings, parsed once from either front end, and the job: wait until nothing in
 * flight in the task hub blocks the deployment (or, with `wait-for breaking`, nothing the new code
 * breaks), or the timeout passes. The gate fails closed.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import type { GatePoll, GateReport } from '../gate/gate.js';
import { runGateJob, type GateSource } from '../gate/job.js';
import { option } from '../option-names.js';
import { secretSink } from '../secrets.js';
import { HttpApiSource } from '../taskhub/http-api.js';
import { DEFAULT_CONNECTION_SETTING, HUB_OPTIONS, openHistorySource, readHubSettings, type HubSettings } from './hub.js';
import { declaredInput, type CommandEvents, type CommandServices, type SettingsInput } from './input.js';
import { parseDuration, parseFormat, parseStatuses, parseWaitFor, printable, redact } from './options.js';
import { isProduction } from '../azure/site.js';
import { AZURE_OPTIONS, readAzureSettings, type AzureSettings } from './site.js';

export const GATE_OPTIONS = {
  ...HUB_OPTIONS,
  ...AZURE_OPTIONS,
  slot: 'text',
  status: 'list',
  timeout: 'text',
  interval: 'text',
  'stale-after': 'text',
  'ignore-stale': 'flag',
  format: 'text',
  'http-endpoint': 'text',
  'http-key-env': 'text',
  'wait-for': 'text',
} as const;

/** Where the gate looks: a storage task hub, the hub bound to a slot (found through ARM), or the app's HTTP management API. */
export type GateTarget =
  | { kind: 'storage'; hub: HubSettings }
  | { kind: 'slot'; slot: string; azure: AzureSettings; app?: string }
  | { kind: 'http'; endpoint: string; keyVariable: string };

export interface GateSettings {
  target: GateTarget;
  statuses: string[];
  timeoutMs: number;
  timeoutText: string;
  timeoutReason: string;
  intervalMs: number;
  staleAfterMs?: number;
  ignoreStale: boolean;
  /** all: every instance in flight blocks; breaking: only those the new code in `app` breaks or cannot check. */
  waitFor: 'all' | 'breaking';
  /** With wait-for breaking: the folder with the new code. */
  app?: string;
  format: 'text' | 'json';
}

export function readGateSettings(given: SettingsInput, env: NodeJS.ProcessEnv): GateSettings {
  const input = declaredInput('gate', GATE_OPTIONS, given);
  const timeoutText = input.text('timeout') ?? '30m';
  const staleAfter = input.text('stale-after');
  const staleAfterMs = staleAfter ? parseDuration(input.label('stale-after'), staleAfter) : undefined;
  const ignoreStale = input.flag('ignore-stale');
  if (ignoreStale && staleAfterMs === undefined)
    throw new UsageError(`${input.label('ignore-stale')} needs ${input.label('stale-after')}: it says which instances count as possibly stuck.`);
  const waitFor = parseWaitFor(input.label('wait-for'), input.text('wait-for'));
  const app = input.text('app');
  if (waitFor === 'breaking' && !app)
    throw new UsageError(
      `${input.label('wait-for')} breaking needs ${input.label('app')}: the function app folder with the new code (built), whose replay decides which instances must finish first.`,
    );
  return {
    target: readTarget(input, env, waitFor),
    statuses: parseStatuses(input.label('status'), input.list('status')),
    timeoutMs: parseDuration(input.label('timeout'), timeoutText),
    timeoutText,
    timeoutReason: input.passed('timeout', timeoutText),
    intervalMs: parseDuration(input.label('interval'), input.text('interval') ?? '15s'),
    ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
    ignoreStale,
    waitFor,
    ...(app ? { app } : {}),
    format: parseFormat(input.label('format'), input.text('format')),
  };
}

function readTarget(input: SettingsInput, env: NodeJS.ProcessEnv, waitFor: 'all' | 'breaking'): GateTarget {
  const slot = input.text('slot');
  const endpoint = input.text('http-endpoint');
  const connection = input.text('connection');
  if (slot) {
    if (input.text('task-hub') || endpoint || (connection && connection !== DEFAULT_CONNECTION_SETTING))
      throw new UsageError(
        `${input.label('slot')} discovers the task hub and its storage from the slot; leave out ${input.label('task-hub')}, ${input.label('connection')} and ${input.label('http-endpoint')}.`,
      );
    const app = input.text('app');
    // In a slot other than production the extension refuses to start without an explicit hubName.
    if (!app && !isProduction(slot))
      throw new UsageError(
        `gate with ${input.label('slot')} ${slot} needs ${input.label('app')}: the app folder being deployed, whose host.json names the task hub (in a slot other than production the extension refuses to start without an explicit hubName, so the default cannot be right).`,
      );
    return { kind: 'slot', slot, azure: readAzureSettings(input, env, 'gate'), ...(app ? { app } : {}) };
  }
  if (endpoint) {
    if (waitFor === 'breaking')
      throw new UsageError(
        `${input.label('wait-for')} breaking reads the in-flight histories from the task hub's storage; the HTTP API's history is lossy. Use ${input.label('task-hub')} (or ${input.label('slot')}) instead of ${input.label('http-endpoint')}.`,
      );
    if (!URL.canParse(endpoint) || !/^https?:/i.test(endpoint))
      throw new UsageError(
        `Invalid ${input.label('http-endpoint')} '${endpoint}'. Expected the function app's http(s) URL, e.g. https://my-app.azurewebsites.net.`,
      );
    const keyVariable = input.text('http-key-env') ?? 'DURABLE_GATE_SYSTEM_KEY';
    if (!env[keyVariable])
      throw new UsageError(
        `${input.label('http-endpoint')} needs the durabletask_extension system key in the environment variable ${keyVariable} (see az functionapp keys list; ${input.label('http-key-env')} names another variable). Secrets are never taken as options.`,
      );
    return { kind: 'http', endpoint, keyVariable };
  }
  return { kind: 'storage', hub: readHubSettings(input, 'the task hub to gate on') };
}

export interface GateEvents extends CommandEvents {
  /** The source is open and polling starts: what the gate waits for, said in a sentence. */
  onStart?: (sentence: string) => void;
  /** After each poll; `line` says it in one line. */
  onPoll?: (poll: GatePoll, line: string) => void;
}

/** Polls until the gate decides. The report's error, if any, has its secrets redacted. */
export async function runGateCommand(settings: GateSettings, services: CommandServices, events: GateEvents = {}): Promise<GateReport> {
  const judged = settings.waitFor === 'breaking';
  const target = settings.target;
  const { report, found } = await runGateJob({
    open: (requests) => openTarget(target, settings, services, events, requests),
    statuses: settings.statuses,
    timeoutMs: settings.timeoutMs,
    timeoutReason: settings.timeoutReason,
    intervalMs: settings.intervalMs,
    ...(settings.staleAfterMs !== undefined ? { staleAfterMs: settings.staleAfterMs } : {}),
    ...(settings.ignoreStale ? { ignoreStale: true } : {}),
    ...(judged && settings.app ? { appDir: resolve(services.cwd, settings.app) } : {}),
    ...(services.signal ? { signal: services.signal } : {}),
    onStart: ({ source }) => {
      const what = judged
        ? `the ${settings.statuses.join(', ')} instances that the new code in ${settings.app} breaks`
        : `${settings.statuses.join(', ')} instances`;
      events.onStart?.(`gating on ${source.describe}; waiting for ${what} to finish (timeout ${settings.timeoutText})`);
    },
    onWarning: (warning) => events.onWarning?.(warning),
    onPoll: (poll, withJudge) => events.onPoll?.(poll, pollLine(poll, withJudge)),
  });
  if (found.hub?.neverRan)
    events.onNotice?.(`${found.hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.`);
  if (report.error) report.error = redact(report.error, found.secrets);
  return report;
}

async function openTarget(
  target: GateTarget,
  settings: GateSettings,
  services: CommandServices,
  events: CommandEvents,
  requests: AbortSignal,
): Promise<GateSource> {
  switch (target.kind) {
    case 'slot':
      return (await import('./site.js')).slotSource(target.azure, target, services, events, {
        ...(services.signal ? { signal: services.signal } : {}),
        timeoutMs: settings.timeoutMs,
        requests,
      });
    case 'http': {
      const systemKey = services.env[target.keyVariable]!;
      secretSink()?.(systemKey);
      return { source: new HttpApiSource({ endpoint: target.endpoint, systemKey, signal: requests }), secrets: [systemKey] };
    }
    case 'storage': {
      const { hub, connection, resolved, close } = await openHistorySource(target.hub, services, requests);
      if (resolved.origin) events.onNotice?.(`from the app's files: ${resolved.origin}`);
      return { source: hub, hub, secrets: connection.secrets, close };
    }
  }
}

/** One poll in one line: how many are in flight, the oldest, the change, and with the new code judging, how many it breaks. */
export function pollLine(poll: GatePoll, judged: boolean): string {
  const oldest = poll.oldest
    ? `, oldest ${printable(poll.oldest.instanceId)} (${printable(poll.oldest.name)}, ${poll.oldest.runtimeStatus} since ${poll.oldest.createdTime ?? '?'})`
    : '';
  const change = poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`;
  const stale = poll.stale ? `, ${poll.stale} possibly stuck` : '';
  const breaking = judged
    ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check, ${poll.inFlight - (poll.breaking ?? poll.blocking)} replay cleanly`
    : '';
  return `poll ${poll.poll}: ${poll.inFlight} in flight${oldest}${change}${stale}${breaking}`;
}

function ago(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}

/** The report as text: the outcome first, then what blocks (a table) when it did not pass. */
export function renderGateText(report: GateReport): string {
  const lines: string[] = [];
  switch (report.outcome) {
    case 'drained':
      if (report.waitFor === 'breaking' && report.safe?.length) {
        const passed = report.ignoredStale.length
          ? `Nothing in flight that the new code breaks, except ${report.ignoredStale.length} possibly stuck instance(s) let through by ${option('ignore-stale')} (${report.ignoredStale.map(printable).join(', ')}): they will fail on the new code if they ever resume`
          : 'Nothing in flight that the new code breaks';
        lines.push(
          `${passed}, after ${report.polls} poll(s), ${report.waitedSeconds} s: the deployment may go on. ${report.safe.length} instance(s) still in flight replay cleanly on the new code and continue on it:`,
        );
        for (const i of report.safe) lines.push(`  ${printable(i.instanceId)} (${printable(i.name)}, ${i.runtimeStatus}): ${i.reason ?? ''}`);
        break;
      }
      lines.push(`Drained after ${report.polls} poll(s), ${report.waitedSeconds} s: nothing in flight blocks the deployment.`);
      if (report.ignoredStale.length) lines.push(`Let through as possibly stuck (${option('ignore-stale')}): ${report.ignoredStale.map(printable).join(', ')}`);
      break;
    case 'timeout':
      lines.push(
        report.waitFor === 'breaking'
          ? `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.blocking?.length ?? 0} instance(s) in flight that the new code breaks (or that could not be checked) have not finished. Do not deploy over this task hub yet: let them finish, or see the advice of durable-gate replay.`
          : `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.inFlight.length} instance(s) still in flight. Do not deploy over this task hub yet.`,
      );
      break;
    case 'cancelled':
      lines.push(`Cancelled after ${report.polls} poll(s): nothing was decided; do not deploy.`);
      break;
    case 'error':
      lines.push(`Could not query the task hub (the gate fails closed; do not deploy): ${report.error ?? ''}`);
      break;
  }
  const shown = report.waitFor === 'breaking' ? (report.blocking ?? []) : report.inFlight;
  if (report.outcome !== 'drained' && shown.length > 0) {
    const selective = report.waitFor === 'breaking';
    const rows = [
      ['instance', 'orchestrator', 'status', 'created', 'last updated', 'age', ...(selective ? ['verdict', 'why it blocks'] : [])],
      ...shown.map((i) => [
        printable(i.instanceId),
        printable(i.name),
        i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
        i.createdTime ?? '',
        i.lastUpdatedTime ?? '',
        ago(i.ageSeconds),
        ...(selective ? [i.verdict ?? 'not checked', printable(i.reason ?? '')] : []),
      ]),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const row of rows)
      lines.push(
        row
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd(),
      );
    if (shown.some((i) => i.possiblyStuck))
      lines.push(`Possibly stuck: not updated for longer than ${option('stale-after')}. Check them; ${option('ignore-stale')} lets them pass.`);
    if (selective && report.safe?.length) lines.push(`${report.safe.length} other instance(s) in flight replay cleanly on the new code: not waited for.`);
  }
  return lines.join('\n') + '\n';
}
