/** The human report: one line per instance, then each problem in full, then a summary. */
import { sourceName } from '../replay/perturb.js';
import { basename } from 'node:path';
import { displayPath } from '../history/paths.js';
import { renderAdvice } from './advice.js';
import { problemsOf, type AnyReport, type ReplayResult, type SourceLocation } from '../replay/result.js';

const MARK: Record<ReplayResult['verdict'], string> = { ok: '✓', nondeterministic: '✗', failed: '✗', error: '!' };

export interface TextOptions {
  /** Paths in the report are shown relative to this folder. */
  cwd?: string;
  color?: boolean;
  /** Leave out the line of each history that is ok: what broke and the totals stay. */
  quiet?: boolean;
}

/**
 * Values from histories (ids, names, messages) shown with control characters escaped, never raw:
 * a newline or an escape sequence in an instance id must not forge a line of the report or a
 * terminal command.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, escapeControl);
}

/** printable() for messages whose lines are the report's own: newlines kept. */
export function printableLines(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, escapeControl);
}

const escapeControl = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function where(location: SourceLocation | undefined, cwd?: string): string | undefined {
  if (!location) return undefined;
  return `${displayPath(location.file, cwd)}:${location.line}${location.column ? `:${location.column}` : ''}`;
}

/**
 * Is the file named after the instance: <instance id>.json, as record names it (percent-encoded),
 * or with other characters in place of those a file name cannot hold ("order-7:approval" as
 * order-7-approval.json)?
 */
function namedAfter(source: string, instanceId: string): boolean {
  let name = basename(source).replace(/\.json$/i, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded
  }
  const loose = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return name === instanceId || loose(name) === loose(instanceId);
}

export function renderText(report: AnyReport, options: TextOptions = {}): string {
  return [...textChunks(report, options)].join('');
}

/** The text report a line at a time (see renderText): 100,000 histories are never one string. */
export function* textChunks(report: AnyReport, options: TextOptions = {}): Generator<string> {
  const paint = (code: number, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const problems = problemsOf(report);
  for (const r of options.quiet ? problems : report.results) {
    const mark = r.verdict === 'ok' ? paint(32, MARK.ok) : r.verdict === 'error' ? paint(33, MARK.error) : paint(31, MARK[r.verdict]);
    // The history's file too when its name is not the instance's (several histories of one instance).
    const id = printable(
      r.instanceId && namedAfter(r.source, r.instanceId)
        ? r.instanceId
        : r.instanceId
          ? `${r.instanceId} [${displayPath(r.source, options.cwd)}]`
          : displayPath(r.source, options.cwd),
    );
    const extra = r.warnings?.length ? `  (${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''})` : '';
    yield `${mark} ${id}  ${printable(r.orchestrator) || (r.verdict === 'error' ? '(not read)' : '?')}  ${r.verdict}${extra}\n`;
  }
  const lines: string[] = [];
  for (const group of groupProblems(problems, true)) {
    const r = group[0]!;
    lines.push('');
    const title = r.verdict === 'ok' ? 'ok, with warnings' : r.verdict;
    // One instance may be in several histories (taken at different points): named once.
    const ids = [...new Set(group.map((g) => printable(g.instanceId || displayPath(g.source, options.cwd))))];
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
    lines.push(paint(1, r.orchestrator ? `${shown} (${printable(r.orchestrator)}): ${title}` : `${shown}: ${title}`));
    if (r.instanceId)
      lines.push(
        `  history:  ${printable(displayPath(r.source, options.cwd))}${group.length > 1 ? ` (and ${group.length - 1} more with the same problem)` : ''}`,
      );
    lines.push(...detailLines(r, options.cwd, '  '));
  }
  if (report.advice) lines.push(...renderAdvice(report.advice));
  const s = report.summary;
  lines.push('');
  lines.push(
    `${s.total} histor${s.total === 1 ? 'y' : 'ies'}: ${s.ok} ok, ${s.nondeterministic} nondeterministic, ${s.failed} failed, ${s.error} could not be checked`,
  );
  if (s.nondeterministic + s.failed > 0) {
    lines.push(
      'The new code would break in-flight instances. Do not deploy it over this task hub until those instances finish, or make the change safe for them.',
    );
  } else if (s.error > 0) {
    lines.push('Some histories could not be checked; fix or re-export them and run again.');
  }
  if (report.versionBump) lines.push(report.versionBump.message);
  yield lines.join('\n') + '\n';
}

/**
 * What a problem is, line by line (step, recorded, replayed, code, why, runtime, do; or the
 * failure, the error, the warnings): the same words in the text, JUnit and SARIF reports. `pad`
 * starts each line; continuation lines line up under the first.
 */
export function detailLines(r: ReplayResult, cwd: string | undefined, pad = ''): string[] {
  const more = `\n${pad}${' '.repeat(10)}`;
  const indent = (text: string): string =>
    printableLines(text)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(more);
  const name = (text: string | undefined): string => (text ? ` '${printable(text)}'` : '');
  const lines: string[] = [];
  if (r.divergence?.perturbed) {
    const d = r.divergence;
    const p = r.divergence.perturbed;
    if (p.first === 'the end of the run') lines.push(`${pad}end:      perturbed, the run ${indent(p.what)}`);
    else {
      lines.push(`${pad}${`action ${d.sequenceId}:`.padEnd(10)}first run ${p.first}`);
      lines.push(`${pad}${' '.repeat(10)}perturbed ${p.second}: ${indent(p.what)}`);
    }
    const at = where(d.location, cwd);
    if (p.sources.length > 0) lines.push(`${pad}cause:    ${p.sources.map(sourceName).join(' and ')}${p.read ? `: ${p.read}` : ''}${at ? ` at ${at}` : ''}`);
    lines.push(`${pad}why:      ${indent(d.explanation)}`, `${pad}runtime:  ${indent(d.message)}`, `${pad}do:       ${indent(d.advice)}`);
  } else if (r.divergence) {
    const d = r.divergence;
    lines.push(`${pad}${`step ${d.sequenceId}:`.padEnd(10)}recorded ${d.recorded.event}${name(d.recorded.name)} (event ${d.recorded.eventIndex})`);
    lines.push(`${pad}${' '.repeat(10)}replayed ${d.replayed ? `${d.replayed.action}${name(d.replayed.name)}` : 'nothing with this sequence id'}`);
    const at = where(d.location, cwd);
    if (at) lines.push(`${pad}code:     ${at}${d.replayed ? '' : ' (where the new code stops)'}`);
    lines.push(`${pad}why:      ${indent(d.explanation)}`, `${pad}runtime:  ${indent(d.message)}`, `${pad}do:       ${indent(d.advice)}`);
  }
  if (r.failure) {
    const f = r.failure;
    lines.push(`${pad}problem:  ${indent(f.message)}`);
    const at = where(f.location, cwd);
    if (at) lines.push(`${pad}code:     ${at}`);
    if (f.runtimeMessage) lines.push(`${pad}runtime:  ${indent(f.runtimeMessage)}`);
    lines.push(`${pad}do:       ${indent(f.advice)}`);
  }
  if (r.error) lines.push(`${pad}error:    ${indent(r.error.message)}`);
  for (const warning of r.warnings ?? []) lines.push(`${pad}warning:  ${indent(warning)}`);
  // A finished instance's path: where the new code parts from it.
  const path = where(r.finishedPath?.divergence?.location ?? r.finishedPath?.failure?.location, cwd);
  if (path) lines.push(`${pad}code:     ${path} (on the finished instance's path)`);
  return lines;
}

/**
 * Instances that break the same way, grouped: thousands can hit one change, and it is told once.
 * Results that are ok are left out, unless `withWarnings` and they carry warnings.
 */
export function groupProblems(results: readonly ReplayResult[], withWarnings = false): ReplayResult[][] {
  const groups = new Map<string, ReplayResult[]>();
  for (const r of results) {
    if (r.verdict === 'ok' && !(withWarnings && (r.warnings?.length ?? 0) > 0)) continue;
    const key = problemKey(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

/** Two results with the same key are the same problem, told once. */
function problemKey(r: ReplayResult): string {
  if (r.verdict === 'error') return `error|${r.source}`;
  const d = r.divergence;
  const f = r.failure;
  return JSON.stringify([
    r.orchestrator.toLowerCase(),
    r.verdict,
    d ? [d.sequenceId, d.recorded.event, d.recorded.name, d.replayed, d.location, d.message] : null,
    f ? [f.message, f.location, f.runtimeMessage] : null,
    r.warnings ?? null,
  ]);
}

const step = (event: string, name: string | undefined): string => `${event}${name ? ` '${name}'` : ''}`;

/** One line: what broke and where (the message of a <failure>, the first line of a SARIF result). */
export function problemSummary(r: ReplayResult, cwd?: string, withVerdict = true): string {
  const head = (rest: string): string => (withVerdict ? `${r.verdict}${rest}` : rest.replace(/^( at |: )/, ''));
  if (r.divergence?.perturbed) {
    const p = r.divergence.perturbed;
    const at = where(r.divergence.location, cwd);
    const cause = p.sources.length > 0 ? `depends on ${p.sources.map(sourceName).join(' and ')}` : 'differs between two runs';
    return head(
      ` (perturbed replay): ${cause}, ${p.first === 'the end of the run' ? 'at the end the run' : `action ${r.divergence.sequenceId}`} ${p.what}${at ? ` (${at})` : ''}`,
    );
  }
  if (r.divergence) {
    const d = r.divergence;
    const at = where(d.location, cwd);
    const replayed = d.replayed ? step(d.replayed.action, d.replayed.name) : 'nothing';
    return head(` at step ${d.sequenceId}: recorded ${step(d.recorded.event, d.recorded.name)}, replayed ${replayed}${at ? ` (${at})` : ''}`);
  }
  if (r.failure) {
    const at = where(r.failure.location, cwd);
    return oneLine(head(`: ${r.failure.message}${at ? ` (${at})` : ''}`));
  }
  if (r.error) return oneLine(`could not be checked: ${r.error.message}`);
  return r.verdict;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The details, as the text report explains them: step, recorded vs replayed, code, runtime message, what to do. */
export function problemLines(r: ReplayResult, cwd: string): string[] {
  return [
    `${r.instanceId || displayPath(r.source, cwd)}${r.orchestrator ? ` (${r.orchestrator})` : ''}: ${r.verdict}`,
    `history:  ${displayPath(r.source, cwd)}`,
    ...detailLines(r, cwd),
  ];
}
