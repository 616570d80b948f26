/** The Action's `validate` and `swap` commands, and slot discovery for `gate`: the CLI's libraries. */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { errorMessage } from '../../harness/errors.js';
import { writeWhole } from '../../harness/report/write.js';
import { renderValidation, validateSlots, type ValidationReport } from '../azure/slots.js';
import { swapExitCode, type SwapReport } from '../azure/swap.js';
import { openSite, renderSwap, slotSource, swapSettings, swapWithValidation, type AzureValues } from '../commands/azure.js';
import { parseDuration } from '../commands/duration.js';
import type { CommandIo, GateSource } from '../commands/taskhub.js';

type GetInput = (name: string) => string;

/** Lines the libraries write for a terminal go to the log. */
function actionIo(workspace: string): CommandIo {
  const log = {
    write: (text: string | Uint8Array): boolean => (
      core.info(
        String(text)
          .replace(/^durable-gate: /, '')
          .trimEnd(),
      ),
      true
    ),
  } as unknown as NodeJS.WritableStream;
  return { stdout: log, stderr: log, cwd: workspace, env: process.env };
}

function azureValues(getInput: GetInput): AzureValues & { slot?: string; app?: string } {
  const names = ['app-name', 'resource-group', 'subscription', 'auth', 'client-id', 'tenant-id', 'environment', 'arm-endpoint', 'slot', 'app'] as const;
  return Object.fromEntries(names.map((name) => [name, getInput(name)]).filter(([, value]) => value)) as AzureValues & { slot?: string; app?: string };
}

/** gate with `slot`: the hub bound to the slot, found from its settings and host.json. Secrets masked. */
export async function slotGateSource(getInput: GetInput, workspace: string, signal: AbortSignal, timeoutMs: number): Promise<GateSource> {
  if (getInput('task-hub') || (getInput('connection') !== '' && getInput('connection') !== 'AzureWebJobsStorage')) {
    throw new Error("Input 'slot' discovers the task hub and its storage from the slot; leave out 'task-hub' and 'connection'.");
  }
  const found = await slotSource(azureValues(getInput), actionIo(workspace), signal, timeoutMs);
  for (const secret of found.secrets) core.setSecret(secret);
  return found;
}

async function writeReport(name: string, report: unknown, workspace: string): Promise<string> {
  const path = join(process.env.RUNNER_TEMP || workspace, name);
  await writeWhole(path, JSON.stringify(report, null, 2) + '\n');
  return path;
}

function summarizeFindings(summary: typeof core.summary, report: ValidationReport): void {
  if (report.slots.length) {
    summary.addTable([
      ['Slot', 'Task hub', 'Storage setting', 'Storage account'].map((data) => ({ data, header: true })),
      ...report.slots.map((s) => [s.slot, s.taskHub + (s.hubExplicit ? '' : ' (default)'), s.connection, s.storage ?? '(none)']),
    ]);
  }
  if (report.findings.length) {
    summary.addTable([['Level', 'Finding', 'Fix'].map((data) => ({ data, header: true })), ...report.findings.map((f) => [f.level, f.message, f.fix])]);
  }
}

function annotateFindings(report: ValidationReport | undefined): void {
  for (const finding of report?.findings ?? []) {
    const text = `${finding.message} Fix: ${finding.fix}`;
    if (finding.level === 'error') core.error(text, { title: `durable-gate: ${finding.code}` });
    else core.warning(text, { title: `durable-gate: ${finding.code}` });
  }
}

export async function runValidateAction(getInput: GetInput, workspace: string, signal?: AbortSignal): Promise<void> {
  const values = azureValues(getInput);
  if (!values.slot) throw new Error("Input 'slot' is required for command: validate, the slot to check (e.g. staging).");
  const timeoutMs = parseDuration('timeout', getInput('timeout') || '5m');
  const { site, identity } = await openSite(values, actionIo(workspace), 'validate', { timeoutMs, ...(signal ? { signal } : {}) });
  const report = await validateSlots({
    site,
    slot: values.slot,
    target: getInput('target') || 'production',
    credential: identity.credential,
    ...(values.app ? { appDir: resolve(workspace, values.app) } : {}),
  });
  core.info(renderValidation(report));
  annotateFindings(report);
  const errors = report.findings.filter((f) => f.level === 'error').length;
  core.setOutput('valid', report.ok);
  core.setOutput('errors', errors);
  core.setOutput('warnings', report.findings.length - errors);
  core.setOutput('report-path', await writeReport('durable-gate-validate.json', report, workspace));
  const summary = core.summary.addHeading('durable-gate validate', 2).addRaw(renderValidation(report).trimEnd().split('\n').at(-1)!, true);
  summarizeFindings(summary, report);
  await summary.write().catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
  if (!report.ok) core.setFailed(`The slot set-up has ${errors} error(s); each names its fix.`);
}

export async function runSwapAction(getInput: GetInput, workspace: string, signal: AbortSignal): Promise<void> {
  const values = azureValues(getInput);
  if (!values.slot) throw new Error("Input 'slot' is required for command: swap, the slot holding the new version (e.g. staging).");
  const settings = swapSettings((name) => getInput(name), values.slot, '');
  const skipValidation = (getInput('skip-validation') || 'false').toLowerCase() === 'true';
  const io = actionIo(workspace);
  const { site, identity } = await openSite(values, io, 'swap', { timeoutMs: settings.timeoutMs, signal });
  const report: SwapReport = await swapWithValidation(
    site,
    identity,
    settings,
    { skipValidation, signal, ...(values.app ? { appDir: resolve(workspace, values.app) } : {}) },
    (line) => core.info(line),
  );
  core.info(renderSwap(report));
  annotateFindings(report.validation);
  core.setOutput('outcome', report.outcome);
  core.setOutput('rolled-back', report.rolledBack);
  core.setOutput('report-path', await writeReport('durable-gate-swap.json', report, workspace));
  const summary = core.summary.addHeading('durable-gate swap', 2).addRaw(report.message, true);
  if (report.operations.length) {
    summary.addTable([
      ['Operation', 'From', 'To', 'Result', 'Seconds'].map((data) => ({ data, header: true })),
      ...report.operations.map((op) => [op.operation, op.from, op.to, op.succeeded ? 'succeeded' : `failed: ${op.message ?? ''}`, String(op.seconds)]),
    ]);
  }
  if (report.health)
    summary.addRaw(`Health after the swap: ${report.health.healthy ? 'healthy' : 'unhealthy'} after ${report.health.attempts.length} attempt(s).`, true);
  if (report.healthAfterRollback) summary.addRaw(`Health after swapping back: ${report.healthAfterRollback.healthy ? 'healthy' : 'unhealthy'}.`, true);
  if (report.validation) summarizeFindings(summary, report.validation);
  await summary.write().catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
  if (swapExitCode(report) !== 0) core.setFailed(report.message);
}
