/** The Action's `record` and `gate`: inputs in, the log, outputs, the report file and the job summary out. */
import * as core from '@actions/core';
import { readGateSettings, renderGateText, runGateCommand } from '../commands/gate.js';
import { readRecordSettings, runRecord } from '../commands/record.js';
import { gateExitCode } from '../gate/gate.js';
import { actionInput, workspace } from './input.js';
import { commandEvents, logData, sentence } from './log.js';
import { writeSummary, writeReportFile } from './outputs.js';

export async function runRecordAction(signal: AbortSignal): Promise<void> {
  const settings = readRecordSettings(actionInput());
  const report = await runRecord(settings, { cwd: workspace(), env: process.env, signal }, commandEvents);
  core.info(report.headline);
  for (const note of report.notes) core.info(note);
  core.setOutput('recorded', report.summary.written + report.summary.updated);
  core.setOutput('in-flight', report.summary.instances);
  core.setOutput('out', report.out);
  await writeSummary(core.summary.addHeading('durable-gate record', 2).addRaw(`Task hub ${report.taskHub}: ${report.headline}`, true).addList(report.notes));
  if (report.summary.stopped)
    core.setFailed(`Stopped (${report.summary.stopped}): ${report.summary.notRecorded.length} instance(s) not recorded; they are listed above.`);
  else if (report.missed > 0) core.setFailed(`${report.missed} instance(s) could not be recorded; they are listed above.`);
}

export async function runGateAction(signal: AbortSignal): Promise<void> {
  const settings = readGateSettings(actionInput(), process.env);
  const report = await runGateCommand(
    settings,
    { cwd: workspace(), env: process.env, signal },
    { ...commandEvents, onStart: (said) => core.info(sentence(said)), onPoll: (_, line) => core.info(line) },
  );
  const text = renderGateText(report);
  logData(settings.format === 'json' ? JSON.stringify(report, null, 2) : text);
  core.setOutput('drained', report.drained);
  core.setOutput('in-flight', report.inFlight.length);
  core.setOutput('report-path', await writeReportFile('durable-gate-gate.json', report));
  const judged = report.waitFor === 'breaking';
  const summary = core.summary.addHeading('durable-gate gate', 2).addRaw(text.split('\n')[0]!, true);
  const shown = judged ? (report.blocking ?? []) : report.inFlight;
  if (!report.drained && shown.length > 0) {
    summary.addTable([
      ['Instance', 'Orchestrator', 'Status', 'Created', 'Last updated', ...(judged ? ['Verdict', 'Why it blocks'] : [])].map((data) => ({
        data,
        header: true,
      })),
      ...shown.map((i) => [
        i.instanceId,
        i.name,
        i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
        i.createdTime ?? '',
        i.lastUpdatedTime ?? '',
        ...(judged ? [i.verdict ?? 'not checked', i.reason ?? ''] : []),
      ]),
    ]);
  }
  if (report.safe?.length) {
    summary.addRaw(`${report.safe.length} instance(s) in flight replay cleanly on the new code and were not waited for:`, true);
    summary.addList(report.safe.map((i) => `${i.instanceId} (${i.name}, ${i.runtimeStatus}): ${i.reason ?? ''}`));
  }
  await writeSummary(summary);
  if (gateExitCode(report) !== 0) core.setFailed(text.split('\n')[0]!);
}
