/**
 * The replay report as Markdown, for the job summary and the pull-request comment: per
 * orchestrator how many were checked, ok and broken; then each distinct divergence with the
 * recorded and replayed step, the line of code (a link into the repository when it is known), the
 * runtime's message and what to do; then the ways out. Event types, names, sequence ids and source
 * lines only: never payload values.
 */
import { problemsOf, type AnyReport, type ReplayResult } from '../../harness/replay/result.js';
import { groupProblems } from '../../harness/report/text.js';

export interface MarkdownOptions {
  /** Turns a workspace-relative file and line into a link (https://github.com/o/r/blob/sha/file#L39). */
  link?: (file: string, line: number) => string | undefined;
  /** Paths are shown relative to the workspace. */
  relative: (file: string) => string;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

export function headline(report: AnyReport): string {
  const s = report.summary;
  const broken = s.nondeterministic + s.failed;
  if (broken > 0) return `❌ ${broken} of ${s.total} in-flight instance(s) would break under the new code`;
  if (s.error > 0) return `⚠️ ${s.error} of ${s.total} histories could not be checked; the rest replay cleanly`;
  return `✅ All ${s.total} in-flight instance(s) replay cleanly on the new code`;
}

export function replayMarkdown(report: AnyReport, options: MarkdownOptions): string {
  const out: string[] = [`### ${headline(report)}`, ''];
  const byOrchestrator = new Map<string, { checked: number; ok: number; broken: number; error: number }>();
  for (const r of report.results) {
    const name = r.orchestrator || '(not read)';
    const row = byOrchestrator.get(name) ?? { checked: 0, ok: 0, broken: 0, error: 0 };
    row.checked += 1;
    if (r.verdict === 'ok') row.ok += 1;
    else if (r.verdict === 'error') row.error += 1;
    else row.broken += 1;
    byOrchestrator.set(name, row);
  }
  out.push('| Orchestrator | Checked | OK | Broken | Could not check |', '| --- | ---: | ---: | ---: | ---: |');
  for (const [name, row] of byOrchestrator) out.push(`| ${cell(name)} | ${row.checked} | ${row.ok} | ${row.broken} | ${row.error} |`);
  for (const group of groupProblems(problemsOf(report))) out.push('', ...problem(group, options));
  if (report.advice) {
    out.push('', '#### What you can do', '');
    report.advice.options.forEach((o, i) => {
      out.push(`${i + 1}. **${o.title}**: ${o.detail}`);
      if (o.snippet) out.push('', '   ```js', ...o.snippet.split('\n').map((l) => `   ${l}`), '   ```');
    });
  }
  if (report.versionBump) out.push('', `${report.versionBump.ok ? '✅' : '❌'} ${report.versionBump.message}`);
  return out.join('\n') + '\n';
}

function problem(group: ReplayResult[], options: MarkdownOptions): string[] {
  const r = group[0]!;
  const ids = group.map((g) => g.instanceId || options.relative(g.source));
  const shown = ids.length > 5 ? `${ids.slice(0, 5).map(code).join(', ')} and ${ids.length - 5} more` : ids.map(code).join(', ');
  const loc = r.divergence?.location ?? r.failure?.location;
  const file = loc ? options.relative(loc.file) : undefined;
  const link = loc && file ? options.link?.(file, loc.line) : undefined;
  const at = loc && file ? (link ? `[${file}:${loc.line}](${link})` : code(`${file}:${loc.line}`)) : undefined;
  const lines = [`#### ${cell(r.orchestrator || options.relative(r.source))}: ${r.verdict}${at ? ` at ${at}` : ''}`, '', `Instances: ${shown}`, ''];
  if (r.divergence?.perturbed) {
    const d = r.divergence;
    lines.push(
      `- **Perturbed replay**, ${d.perturbed!.first === 'the end of the run' ? 'at the end of the run' : `action ${d.sequenceId}: the first run schedules ${cell(d.perturbed!.first)}`}; perturbed, it ${cell(d.perturbed!.what)}`,
      `- **Why**: ${d.explanation}`,
      `- **Production**: ${d.message}`,
      `- **Do**: ${d.advice}`,
    );
  } else if (r.divergence) {
    const d = r.divergence;
    lines.push(
      `- **Recorded** step ${d.sequenceId}: ${d.recorded.event}${d.recorded.name ? ` ${code(d.recorded.name)}` : ''}`,
      `- **Replayed**: ${d.replayed ? `${d.replayed.action}${d.replayed.name ? ` ${code(d.replayed.name)}` : ''}` : 'nothing with this sequence id'}`,
      `- **Why**: ${d.explanation}`,
      `- **Production would print**: ${code(d.message)}`,
      `- **Do**: ${d.advice}`,
    );
  } else if (r.failure) {
    lines.push(`- **Problem**: ${cell(r.failure.message.split('\n')[0]!)}`);
    if (r.failure.runtimeMessage) lines.push(`- **Production would print**: ${code(r.failure.runtimeMessage.split('\n')[0]!)}`);
    lines.push(`- **Do**: ${r.failure.advice}`);
  } else if (r.error) {
    lines.push(`- **Could not check** ${code(options.relative(r.source))}: ${cell(r.error.message)}`);
  }
  return lines;
}
