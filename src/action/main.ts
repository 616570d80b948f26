/**
 * The GitHub Action. The only file that touches @actions/core: reads inputs, calls the same
 * libraries as the CLI, writes outputs, the job summary and annotations.
 */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppLoadError, errorMessage } from '../../harness/errors.js';
import { exitCodeFor, type ReplayReport, type ReplayResult } from '../../harness/replay/result.js';
import { runReplay } from '../../harness/replay/run.js';
import { renderJson } from '../../harness/report/json.js';
import { groupProblems, renderText } from '../../harness/report/text.js';

export interface ActionSettings {
  command: 'replay';
  app: string;
  histories: string[];
  format: 'text' | 'json';
  workspace: string;
}

/** Parse the inputs once; bad values are rejected with the value and the expected form. */
export function readSettings(getInput: (name: string) => string = (name) => core.getInput(name)): ActionSettings {
  const command = getInput('command') || 'replay';
  if (command !== 'replay') {
    throw new Error(`Invalid command '${command}'. Expected replay, record, gate, validate or swap.`);
  }
  const app = getInput('app');
  if (!app) throw new Error("Input 'app' is required: the function app folder with the new code, e.g. app: ./my-function-app");
  const histories = getInput('histories').split(/\r?\n|\s+/).map((s) => s.trim()).filter(Boolean);
  if (histories.length === 0) throw new Error("Input 'histories' is required: history files, folders or globs, one per line.");
  const format = getInput('format') || 'text';
  if (format !== 'text' && format !== 'json') throw new Error(`Invalid format '${format}'. Expected text or json.`);
  return { command, app, histories, format, workspace: process.env.GITHUB_WORKSPACE || process.cwd() };
}

function workspacePath(file: string, workspace: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

async function summarize(report: ReplayReport, workspace: string): Promise<void> {
  const s = report.summary;
  const summary = core.summary.addHeading('durable-gate replay', 2).addRaw(
    `${s.total} histories: ${s.ok} ok, ${s.nondeterministic} nondeterministic, ${s.failed} failed, ${s.error} could not be checked.`,
    true,
  );
  const problems = report.results.filter((r) => r.verdict !== 'ok');
  if (problems.length > 0) {
    summary.addTable([
      [
        { data: 'Instance', header: true },
        { data: 'Orchestrator', header: true },
        { data: 'Verdict', header: true },
        { data: 'Step', header: true },
        { data: 'Code', header: true },
      ],
      ...problems.map((r) => [
        r.instanceId || r.source,
        r.orchestrator || '?',
        r.verdict,
        r.divergence ? `${r.divergence.sequenceId}: recorded ${r.divergence.recorded.event} ${r.divergence.recorded.name ?? ''}, replayed ${r.divergence.replayed ? `${r.divergence.replayed.action} ${r.divergence.replayed.name ?? ''}` : 'nothing'}` : (r.failure?.message ?? r.error?.message ?? ''),
        location(r, workspace) ?? '',
      ]),
    ]);
  }
  await summary.write();
}

function location(r: ReplayResult, workspace: string): string | undefined {
  const loc = r.divergence?.location ?? r.failure?.location;
  return loc ? `${workspacePath(loc.file, workspace)}:${loc.line}` : undefined;
}

/** One annotation per distinct problem (GitHub shows few per step), naming how many instances it breaks. */
function annotate(report: ReplayReport, workspace: string): void {
  for (const group of groupProblems(report.results)) {
    const r = group[0]!;
    const loc = r.divergence?.location ?? r.failure?.location;
    const who = group.length > 1 ? `${group.length} instances of ${r.orchestrator} (${group[0]!.instanceId}, ...)` : `${r.instanceId || r.source} (${r.orchestrator || '?'})`;
    const message = r.divergence
      ? `${who}: ${r.divergence.explanation}\n${r.divergence.message}`
      : `${who}: ${r.failure?.message ?? r.error?.message ?? r.verdict}`;
    const properties = loc ? { title: `durable-gate: ${r.verdict}`, file: workspacePath(loc.file, workspace), startLine: loc.line } : { title: `durable-gate: ${r.verdict}` };
    if (r.verdict === 'error') core.warning(message, properties);
    else core.error(message, properties);
  }
}

export async function run(): Promise<void> {
  const getInput = (name: string): string => core.getInput(name);
  const command = getInput('command') || 'replay';
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  if (command === 'record' || command === 'gate' || command === 'validate' || command === 'swap') {
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      if (command === 'validate' || command === 'swap') {
        const { runSwapAction, runValidateAction } = await import('./azure.js');
        if (command === 'validate') await runValidateAction(getInput, workspace);
        else await runSwapAction(getInput, workspace, controller.signal);
      } else {
        const { runGateAction, runRecordAction } = await import('./taskhub.js');
        if (command === 'record') await runRecordAction(getInput, workspace);
        else await runGateAction(getInput, workspace, controller.signal);
      }
    } catch (error) {
      core.setFailed(errorMessage(error));
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    return;
  }
  let settings: ActionSettings;
  try {
    settings = readSettings(getInput);
  } catch (error) {
    core.setFailed(errorMessage(error));
    return;
  }
  try {
    const workspace = settings.workspace;
    const report = await runReplay({
      app: settings.app,
      histories: settings.histories,
      cwd: workspace,
      userOutput: 'stderr',
      onAppWarning: (warning) => core.warning(warning),
    });
    core.info(settings.format === 'json' ? renderJson(report) : renderText(report, { cwd: workspace }));
    const reportPath = join(process.env.RUNNER_TEMP || workspace, 'durable-gate-replay.json');
    await writeFile(reportPath, renderJson(report));
    const s = report.summary;
    core.setOutput('total', s.total);
    core.setOutput('ok', s.ok);
    core.setOutput('nondeterministic', s.nondeterministic);
    core.setOutput('failed', s.failed);
    core.setOutput('error', s.error);
    core.setOutput('breaking', s.nondeterministic + s.failed > 0);
    core.setOutput('report-path', reportPath);
    annotate(report, workspace);
    try {
      await summarize(report, workspace);
    } catch (error) {
      core.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
    const code = exitCodeFor(s);
    if (code === 1) core.setFailed(`${s.nondeterministic + s.failed} in-flight instance(s) would break under the new code.`);
    else if (code === 2) core.setFailed(`${s.error} histor${s.error === 1 ? 'y' : 'ies'} could not be checked.`);
  } catch (error) {
    if (error instanceof AppLoadError && error.userStack) core.error(error.userStack);
    core.setFailed(error instanceof AppLoadError ? `Could not load the function app: ${error.message}` : errorMessage(error));
  }
}
