/**
 * The GitHub Action. The only file that touches @actions/core: reads inputs, calls the same
 * libraries as the CLI, writes outputs, the job summary and annotations.
 */
import * as core from '@actions/core';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppLoadError, UsageError, errorMessage } from '../../harness/errors.js';
import { exitCodeFor, type ReplayReport } from '../../harness/replay/result.js';
import { renderJson } from '../../harness/report/json.js';
import { renderReport } from '../../harness/report/formats.js';
import { groupProblems } from '../../harness/report/text.js';
import { writeWhole } from '../../harness/report/write.js';
import type { SettingsInput } from '../commands/input.js';
import { readReplaySettings, runReplaySettings, type ReplaySettings } from '../commands/replay.js';
import { withProcessSignals } from '../deadline.js';
import { reportSecretsTo } from '../secrets.js';
import { VERSION } from '../version.js';
import { logData } from './log.js';
import { replayMarkdown } from './markdown.js';

/** replay's settings, and what only the Action has: the workspace and the pull-request comment. */
export interface ActionSettings extends ReplaySettings {
  command: 'replay';
  workspace: string;
  comment: boolean;
  githubToken: string;
}

/**
 * The Action's inputs as settings input: the same names as the CLI's flags. Booleans are read as
 * core.getBooleanInput reads them (a value that is not one is an error, never a silent false),
 * lists one per line (and, as before, split on spaces).
 */
export function actionInput(getInput: (name: string) => string): SettingsInput {
  return {
    text: (name) => getInput(name).trim() || undefined,
    flag: (name) => {
      const value = getInput(name).trim();
      if (value === '') return false;
      if (['true', 'True', 'TRUE'].includes(value)) return true;
      if (['false', 'False', 'FALSE'].includes(value)) return false;
      throw new UsageError(`Invalid input ${name} '${value}'. Expected true or false.`);
    },
    list: (name) =>
      getInput(name)
        .split(/\r?\n|\s+/)
        .map((line) => line.trim())
        .filter(Boolean),
    label: (name) => `input ${name}`,
  };
}

/** Parse the inputs once; bad values are rejected with the value and the expected form. */
export function readSettings(getInput: (name: string) => string = (name) => core.getInput(name)): ActionSettings {
  const command = getInput('command') || 'replay';
  if (command !== 'replay') {
    throw new Error(`Invalid command '${command}'. Expected replay, record, gate, validate or swap.`);
  }
  const input = actionInput(getInput);
  const githubToken = getInput('github-token');
  if (githubToken) core.setSecret(githubToken);
  return {
    ...readReplaySettings(input),
    command,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    comment: input.flag('comment'),
    githubToken,
  };
}

function workspacePath(file: string, workspace: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

/** A link to a line of the repository at the commit being checked, when the run knows it. */
function lineLink(file: string, line: number): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = process.env;
  const sha = process.env.GITHUB_HEAD_SHA || process.env.GITHUB_SHA;
  return server && repo && sha && !isAbsolute(file) ? `${server}/${repo}/blob/${sha}/${file}#L${line}` : undefined;
}

/** GitHub shows 10 error annotations per step; the rest are in the summary. */
const MAX_ANNOTATIONS = 10;

/** One annotation per distinct problem, naming how many instances it breaks. */
function annotate(report: ReplayReport, workspace: string): number {
  const groups = groupProblems(report.results);
  for (const group of groups.slice(0, MAX_ANNOTATIONS)) {
    const r = group[0]!;
    const loc = r.divergence?.location ?? r.failure?.location;
    const who =
      group.length > 1
        ? `${group.length} instances of ${r.orchestrator} (${group[0]!.instanceId}, ...)`
        : `${r.instanceId || r.source} (${r.orchestrator || '?'})`;
    const message = r.divergence
      ? `${who}: ${r.divergence.explanation}\n${r.divergence.message}`
      : `${who}: ${r.failure?.message ?? r.error?.message ?? r.verdict}`;
    const properties = loc
      ? { title: `durable-gate: ${r.verdict}`, file: workspacePath(loc.file, workspace), startLine: loc.line }
      : { title: `durable-gate: ${r.verdict}` };
    if (r.verdict === 'error') core.warning(message, properties);
    else core.error(message, properties);
  }
  return Math.max(0, groups.length - MAX_ANNOTATIONS);
}

/**
 * The step around run(): a cancelled workflow (SIGINT, then SIGTERM) cancels the command, which
 * stops and says what it had done; one that has not stopped STOP_GRACE_MS later, or a second
 * signal, ends the step (failed).
 */
export async function runAction(): Promise<void> {
  // Every token obtained from here on (GitHub's OIDC token, the ARM and storage tokens) is masked
  // in the log before any request carries it, whichever command obtains it.
  reportSecretsTo((value) => core.setSecret(value));
  await withProcessSignals(run, { stopping: (message) => core.info(message), ending: (message) => core.setFailed(message) }, 1);
}

export async function run(signal?: AbortSignal): Promise<void> {
  const getInput = (name: string): string => core.getInput(name);
  const command = getInput('command') || 'replay';
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  if (command === 'record' || command === 'gate' || command === 'validate' || command === 'swap') {
    const stop = signal ?? new AbortController().signal;
    try {
      if (command === 'validate' || command === 'swap') {
        const { runSwapAction, runValidateAction } = await import('./azure.js');
        if (command === 'validate') await runValidateAction(getInput, workspace, stop);
        else await runSwapAction(getInput, workspace, stop);
      } else {
        const { runGateAction, runRecordAction } = await import('./taskhub.js');
        if (command === 'record') await runRecordAction(getInput, workspace, stop);
        else await runGateAction(getInput, workspace, stop);
      }
    } catch (error) {
      const message = errorMessage(error);
      // In a workflow, the Azure CLI's "az login" advice means: sign in with azure/login first.
      core.setFailed(
        /az login/.test(message) ? `${message} In a workflow, run azure/login before this step, or use auth: oidc with client-id and tenant-id.` : message,
      );
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
    const { report, stopped } = await runReplaySettings(
      settings,
      { cwd: workspace, timeoutReason: `the timeout (${settings.timeoutText}) passed`, ...(signal ? { signal } : {}) },
      { onAppWarning: (warning) => core.warning(warning) },
    );
    logData(renderReport(report, settings.format, { cwd: workspace, version: VERSION }));
    if (stopped) core.warning(`Stopped: ${stopped}. The histories not replayed are listed as not checked.`);
    // Every format is written, for the steps that follow: upload-sarif, a test reporter, a script.
    const folder = process.env.RUNNER_TEMP || workspace;
    const reportPath = join(folder, 'durable-gate-replay.json');
    await writeWhole(reportPath, renderJson(report));
    const sarifPath = join(folder, 'durable-gate-replay.sarif');
    await writeWhole(sarifPath, renderReport(report, 'sarif', { cwd: workspace, version: VERSION }));
    const junitPath = join(folder, 'durable-gate-replay.xml');
    await writeWhole(junitPath, renderReport(report, 'junit', { cwd: workspace, version: VERSION }));
    core.setOutput('sarif-path', sarifPath);
    core.setOutput('junit-path', junitPath);
    const s = report.summary;
    core.setOutput('total', s.total);
    core.setOutput('ok', s.ok);
    core.setOutput('nondeterministic', s.nondeterministic);
    core.setOutput('failed', s.failed);
    core.setOutput('error', s.error);
    core.setOutput('breaking', s.nondeterministic + s.failed > 0);
    core.setOutput('report-path', reportPath);
    const unannotated = annotate(report, workspace);
    const markdown = replayMarkdown(report, { relative: (file) => workspacePath(file, workspace), link: lineLink });
    try {
      await core.summary
        .addHeading('durable-gate replay', 2)
        // A blank line ends the heading's HTML block, so that the Markdown after it renders.
        .addEOL()
        .addRaw(markdown, true)
        .addRaw(unannotated > 0 ? `${unannotated} more problem(s) are listed here only: GitHub shows ${MAX_ANNOTATIONS} annotations per step.` : '', true)
        .write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
    if (settings.comment) {
      try {
        const { upsertComment } = await import('./comment.js');
        const result = await upsertComment(settings.githubToken, settings.app, `## durable-gate replay of \`${settings.app}\`\n\n${markdown}`);
        core.info(result.outcome === 'skipped' ? `No pull-request comment: ${result.detail}.` : `Pull-request comment ${result.outcome}: ${result.detail}`);
        core.setOutput('comment-url', result.outcome === 'skipped' ? '' : result.detail);
      } catch (error) {
        core.warning(errorMessage(error));
      }
    }
    const code = exitCodeFor(s);
    if (code === 1) core.setFailed(`${s.nondeterministic + s.failed} in-flight instance(s) would break under the new code.`);
    else if (code === 2) core.setFailed(`${s.error} histor${s.error === 1 ? 'y' : 'ies'} could not be checked.`);
  } catch (error) {
    if (error instanceof AppLoadError && error.userStack) core.error(error.userStack);
    core.setFailed(error instanceof AppLoadError ? `Could not load the function app: ${error.message}` : errorMessage(error));
  }
}
