/** The Action's `validate` and `swap`: inputs in, the log, annotations, outputs, the report file and the job summary out. */
import * as core from '@actions/core';
import { renderValidation, type ValidationReport } from '../azure/slots.js';
import { swapExitCode } from '../azure/swap.js';
import { readSwapSettings, renderSwap, runSwapCommand } from '../commands/swap.js';
import { readValidateSettings, runValidate } from '../commands/validate.js';
import { actionInput, workspace } from './input.js';
import { commandEvents } from './log.js';
import { writeReportFile, writeSummary } from './outputs.js';

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

export async function runValidateAction(signal: AbortSignal): Promise<void> {
  const settings = readValidateSettings(actionInput(), process.env);
  const report = await runValidate(settings, { cwd: workspace(), env: process.env, signal }, commandEvents);
  core.info(settings.format === 'json' ? JSON.stringify(report, null, 2) : renderValidation(report));
  annotateFindings(report);
  const errors = report.findings.filter((f) => f.level === 'error').length;
  core.setOutput('valid', report.ok);
  core.setOutput('errors', errors);
  core.setOutput('warnings', report.findings.length - errors);
  core.setOutput('report-path', await writeReportFile('durable-gate-validate.json', report));
  const summary = core.summary.addHeading('durable-gate validate', 2).addRaw(renderValidation(report).trimEnd().split('\n').at(-1)!, true);
  summarizeFindings(summary, report);
  await writeSummary(summary);
  if (!report.ok) core.setFailed(`The slot set-up has ${errors} error(s); each names its fix.`);
}

export async function runSwapAction(signal: AbortSignal): Promise<void> {
  const settings = readSwapSettings(actionInput(), process.env);
  const report = await runSwapCommand(settings, { cwd: workspace(), env: process.env, signal }, { ...commandEvents, onStep: (line) => core.info(line) });
  core.info(settings.format === 'json' ? JSON.stringify(report, null, 2) : renderSwap(report));
  annotateFindings(report.validation);
  core.setOutput('outcome', report.outcome);
  core.setOutput('rolled-back', report.rolledBack);
  core.setOutput('report-path', await writeReportFile('durable-gate-swap.json', report));
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
  await writeSummary(summary);
  if (swapExitCode(report) !== 0) core.setFailed(report.message);
}
