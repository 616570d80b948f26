/**
 * The GitHub Action: reads inputs (input.ts), runs the command's job from src/commands/ (the same
 * as the CLI's), and writes the log, outputs, report files, the job summary and annotations.
 */
import * as core from '@actions/core';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppLoadError, UsageError, errorMessage } from '../../harness/errors.js';
import { exitCodeFor, problemsOf, type AnyReport } from '../../harness/replay/result.js';
import { reportChunks } from '../../harness/report/formats.js';
import { groupProblems } from '../../harness/report/text.js';
import { inPiecesOf, writeWhole } from '../../harness/report/write.js';
import { readReplaySettings, runReplaySettings, type ReplaySettings } from '../commands/replay.js';
import { readCheckSettings, runCheckSettings, type CheckSettings } from '../commands/check.js';
import { withProcessSignals } from '../deadline.js';
import { reportSecretsTo } from '../secrets.js';
import { VERSION } from '../version.js';
import { nameOptionsAs } from '../option-names.js';
import { actionInput, actionLabel, workspace } from './input.js';
import { logData } from './log.js';
import { writeSummary } from './outputs.js';
import { replayMarkdown } from './markdown.js';

/** replay's (or check's) settings, and what only the Action has: the pull-request comment. */
export type ActionSettings = (ReplaySettings | CheckSettings) & {
  comment: boolean;
  githubToken: string;
};

/** replay's (or check's) inputs, parsed once; bad values are rejected with the value and the expected form. */
export function readSettings(command: 'replay' | 'check' = 'replay'): ActionSettings {
  const input = actionInput();
  const githubToken = core.getInput('github-token');
  if (githubToken) core.setSecret(githubToken);
  return { ...(command === 'check' ? readCheckSettings(input) : readReplaySettings(input)), comment: input.flag('comment'), githubToken };
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
function annotate(report: AnyReport, workspace: string): number {
  const groups = groupProblems(problemsOf(report));
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

const COMMANDS = ['replay', 'check', 'lint', 'record', 'gate', 'validate', 'swap'] as const;

export async function run(signal: AbortSignal = new AbortController().signal): Promise<void> {
  const command = core.getInput('command') || 'replay';
  nameOptionsAs(actionLabel);
  try {
    switch (command) {
      case 'replay':
      case 'check':
        return await replay(signal, command);
      case 'lint':
        return await (await import('./lint.js')).runLintAction();
      // The Azure SDKs load only for the commands that use them: replay starts faster.
      case 'record':
        return await (await import('./taskhub.js')).runRecordAction(signal);
      case 'gate':
        return await (await import('./taskhub.js')).runGateAction(signal);
      case 'validate':
        return await (await import('./azure.js')).runValidateAction(signal);
      case 'swap':
        return await (await import('./azure.js')).runSwapAction(signal);
      default:
        throw new UsageError(`Invalid input command '${command}'. Expected ${COMMANDS.join(', ')}.`);
    }
  } catch (error) {
    if (error instanceof AppLoadError && error.userStack) core.error(error.userStack);
    const message = error instanceof AppLoadError ? `Could not load the function app: ${error.message}` : errorMessage(error);
    // In a workflow, the Azure CLI's "az login" advice means: sign in with azure/login first.
    const said = /az login/.test(message)
      ? `${message} In a workflow, run azure/login before this step, or use auth: oidc with client-id and tenant-id.`
      : message;
    core.setFailed(said);
    // The job summary says it too: a failed step is read there first.
    await writeSummary(
      core.summary
        .emptyBuffer()
        .addHeading(`durable-gate ${COMMANDS.includes(command as never) ? command : ''}`.trim(), 2)
        .addRaw(`Failed: ${said}`, true),
    );
  }
}

/** replay, and check (scenarios run on the old code first): the same report, outputs and summary. */
async function replay(signal: AbortSignal, command: 'replay' | 'check'): Promise<void> {
  const settings = readSettings(command);
  const root = workspace();
  const services = { cwd: root, signal };
  const events = {
    onAppWarning: (warning: string) => core.warning(warning),
    onScenario: (label: string, histories: number) => core.info(`Ran ${label} on the old code: ${histories} point(s) where an instance waits, to check.`),
  };
  const { report, stopped } = 'base' in settings ? await runCheckSettings(settings, services, events) : await runReplaySettings(settings, services, events);
  const folder = process.env.RUNNER_TEMP || root;
  const reportPath = join(folder, `durable-gate-${command}.json`);
  const sarifPath = join(folder, `durable-gate-${command}.sarif`);
  const junitPath = join(folder, `durable-gate-${command}.xml`);
  try {
    const render = { cwd: root, version: VERSION, quiet: settings.quiet };
    logData(inPiecesOf(reportChunks(report, settings.format, render)));
    if (stopped) core.warning(`Stopped: ${stopped}. The histories not replayed are listed as not checked.`);
    // Every format is written, for the steps that follow: upload-sarif, a test reporter, a script.
    await writeWhole(reportPath, reportChunks(report, 'json', render));
    await writeWhole(sarifPath, reportChunks(report, 'sarif', render));
    await writeWhole(junitPath, reportChunks(report, 'junit', render));
  } catch (error) {
    report.results.dispose();
    throw error;
  }
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
  const unannotated = annotate(report, root);
  let markdown: string;
  try {
    markdown = replayMarkdown(report, { relative: (file) => workspacePath(file, root), link: lineLink });
  } finally {
    report.results.dispose();
  }
  await writeSummary(
    core.summary
      .addHeading(`durable-gate ${command}`, 2)
      // A blank line ends the heading's HTML block, so that the Markdown after it renders.
      .addEOL()
      .addRaw(markdown, true)
      .addRaw(unannotated > 0 ? `${unannotated} more problem(s) are listed here only: GitHub shows ${MAX_ANNOTATIONS} annotations per step.` : '', true),
  );
  if (settings.comment) {
    try {
      const { upsertComment } = await import('./comment.js');
      const heading =
        'base' in settings ? `## durable-gate check of \`${settings.app}\` against \`${settings.base}\`` : `## durable-gate replay of \`${settings.app}\``;
      // check and replay of one app keep a comment each.
      const key = 'base' in settings ? `check ${settings.app}` : settings.app;
      const result = await upsertComment(settings.githubToken, key, `${heading}\n\n${markdown}`);
      core.info(result.outcome === 'skipped' ? `No pull-request comment: ${result.detail}.` : `Pull-request comment ${result.outcome}: ${result.detail}`);
      core.setOutput('comment-url', result.outcome === 'skipped' ? '' : result.detail);
    } catch (error) {
      core.warning(errorMessage(error));
    }
  }
  const code = exitCodeFor(s);
  if (code === 1) core.setFailed(`${s.nondeterministic + s.failed} in-flight instance(s) would break under the new code.`);
  else if (code === 2) core.setFailed(`${s.error} histor${s.error === 1 ? 'y' : 'ies'} could not be checked.`);
}
