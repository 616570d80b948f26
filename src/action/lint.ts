/**
 * The Action's `command: lint`: loaded only for that command (the parser is the largest part of
 * the lint, and the Action's other commands start without it). Logs the report, annotates the
 * pull request's lines, writes the JSON and SARIF reports and the job summary.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { lintExitCode, renderLint, type LintFinding, type LintReport } from '../../harness/lint/report.js';
import { writeWhole } from '../../harness/report/write.js';
import { readLintSettings, runLint } from '../commands/lint.js';
import { VERSION } from '../version.js';
import { actionInput, workspace } from './input.js';
import { logData } from './log.js';
import { writeSummary } from './outputs.js';

const ANNOTATE = { error: core.error, warning: core.warning, note: core.notice } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function summaryMarkdown(report: LintReport): string {
  const s = report.summary;
  const lines = [
    `${s.errors} error(s), ${s.warnings} warning(s), ${s.notes} note(s) in ${s.orchestrators} orchestrator(s) of \`${report.app}\` (${s.files} files read${s.suppressed > 0 ? `, ${s.suppressed} suppressed by comments` : ''}).`,
  ];
  const open = report.findings.filter((f) => !f.suppressed);
  if (open.length > 0) {
    lines.push('', '| | Where | Orchestrator | What | Rule |', '|---|---|---|---|---|');
    for (const f of open.slice(0, 100)) {
      const mark = f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️';
      lines.push(`| ${mark} | \`${f.file}:${f.line}\` | ${cell(f.orchestrator)} | ${cell(f.message)} | [durable-gate/${f.rule}](docs/lint.md#${f.rule}) |`);
    }
    if (open.length > 100) lines.push('', `${open.length - 100} more in the JSON report (report-path).`);
  }
  for (const u of report.unparsed) lines.push('', `\`${u.file}\` could not be parsed (${cell(u.message)}): not checked.`);
  for (const c of report.comments) lines.push('', `\`${c.file}:${c.line}\`: ${cell(c.message)}`);
  return lines.join('\n');
}

function annotate(f: LintFinding): void {
  const where =
    f.via.length > 0
      ? ` (in ${f.orchestrator}, called through ${f.via.map((v) => `${v.function} at ${v.file}:${v.line}`).join(' -> ')})`
      : ` (in ${f.orchestrator})`;
  ANNOTATE[f.severity](`${f.message}${where}`, {
    title: `durable-gate/${f.rule}`,
    file: f.file,
    startLine: f.line,
    endLine: f.endLine,
    ...(f.line === f.endLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
  });
}

export async function runLintAction(): Promise<void> {
  const settings = readLintSettings(actionInput());
  const root = workspace();
  const report = runLint(settings, { cwd: root }, (message) => core.warning(message));
  // The annotations below are the github format's commands: the log shows the text instead.
  logData(renderLint(report, settings.format === 'github' ? 'text' : settings.format, { cwd: root, version: VERSION }));
  for (const f of report.findings) if (!f.suppressed) annotate(f);
  for (const c of report.comments) core.warning(c.message, { title: 'durable-gate', file: c.file, startLine: c.line });
  const folder = process.env.RUNNER_TEMP || root;
  const reportPath = join(folder, 'durable-gate-lint.json');
  const sarifPath = join(folder, 'durable-gate-lint.sarif');
  await writeWhole(reportPath, renderLint(report, 'json', { cwd: root, version: VERSION }));
  await writeWhole(sarifPath, renderLint(report, 'sarif', { cwd: root, version: VERSION }));
  core.setOutput('report-path', reportPath);
  core.setOutput('sarif-path', sarifPath);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('notes', report.summary.notes);
  await writeSummary(core.summary.addHeading('durable-gate lint', 2).addEOL().addRaw(summaryMarkdown(report), true));
  const code = lintExitCode(report, settings.failOn);
  if (code === 2)
    core.setFailed(
      `${report.unparsed.filter((u) => u.durable).length} source file(s) that use durable-functions could not be parsed: the lint did not check them (see the log).`,
    );
  else if (code === 1) {
    const s = report.summary;
    core.setFailed(
      `The lint found ${s.errors} error(s)${settings.failOn !== 'error' ? `, ${s.warnings} warning(s)` : ''}${settings.failOn === 'note' ? `, ${s.notes} note(s)` : ''} in orchestrator code: replay cannot see these. See the annotations and docs/lint.md.`,
    );
  }
}
