/**
 * The lint's report: the JSON contract (durable-gate.lint-report/v1) and its renderings as text
 * for people, SARIF 2.1.0 for code scanning, and GitHub workflow commands (annotations).
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CallStep, Finding } from './analyze.js';
import { shownPath, type LintResult } from './project.js';
import { RULE_IDS, RULES, ruleDocs, type Severity } from './rules.js';

export const LINT_SCHEMA = 'durable-gate.lint-report/v1';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** A finding as reported: the analysis's, its paths shown relative to where the lint ran and its columns 1-based, as editors count. */
export type LintFinding = Omit<Finding, 'node'>;

export interface LintReport {
  schema: typeof LINT_SCHEMA;
  app: string;
  summary: {
    errors: number;
    warnings: number;
    notes: number;
    suppressed: number;
    files: number;
    orchestrators: number;
    /** Files that could not be parsed: the lint did not see them. */
    unparsed: number;
  };
  orchestrators: { name: string; file: string; line: number }[];
  findings: LintFinding[];
  /** `durable`: the file mentions durable-functions, so it may hold orchestrator code the lint did not see (exit 2). */
  unparsed: { file: string; message: string; line?: number; column?: number; durable: boolean }[];
  skipped: { file: string; reason: string }[];
  /** Disable comments that do not count (no reason, an unknown rule). */
  comments: { file: string; line: number; message: string }[];
}

/** The report of a lint, paths relative to `cwd`. */
export function buildLintReport(result: LintResult, cwd: string): LintReport {
  const show = (path: string) => shownPath(path, cwd);
  const findings = result.findings.map((f) => toReported(f, show));
  const open = findings.filter((f) => !f.suppressed);
  return {
    schema: LINT_SCHEMA,
    app: show(result.app) || '.',
    summary: {
      errors: open.filter((f) => f.severity === 'error').length,
      warnings: open.filter((f) => f.severity === 'warning').length,
      notes: open.filter((f) => f.severity === 'note').length,
      suppressed: findings.length - open.length,
      files: result.files.length,
      orchestrators: result.orchestrators.length,
      unparsed: result.unparsed.length,
    },
    orchestrators: result.orchestrators.map((o) => ({ name: o.name, file: show(o.file), line: o.line })),
    findings,
    unparsed: result.unparsed.map((u) => ({ ...u, file: show(u.file) })),
    skipped: result.skipped.map((s) => ({ ...s, file: show(s.file) })),
    comments: result.comments.map((c) => ({ ...c, file: show(c.file) })),
  };
}

function toReported(f: Finding, show: (path: string) => string): LintFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: show(f.file),
    line: f.line,
    column: f.column + 1,
    endLine: f.endLine,
    endColumn: f.endColumn + 1,
    orchestrator: f.orchestrator,
    via: f.via.map((step) => ({ ...step, file: show(step.file) })),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suppressed ? { suppressed: f.suppressed } : {}),
  };
}

const SEVERITY_ORDER: Severity[] = ['note', 'warning', 'error'];

/** 0: nothing at or above `failOn`; 1: findings that fail; 2: a file that may hold durable code could not be read. */
export function lintExitCode(report: LintReport, failOn: Severity): number {
  if (report.unparsed.some((u) => u.durable)) return 2;
  const threshold = SEVERITY_ORDER.indexOf(failOn);
  return report.findings.some((f) => !f.suppressed && SEVERITY_ORDER.indexOf(f.severity) >= threshold) ? 1 : 0;
}

export function renderLint(report: LintReport, format: LintFormat, options: { cwd: string; version: string; color?: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(lintSarif(report, options), null, 2)}\n`;
    case 'github':
      return githubCommands(report);
    case 'text':
      return lintText(report, options.color === true);
  }
}

function via(steps: CallStep[], orchestrator: string): string {
  if (steps.length === 0) return `in ${orchestrator}`;
  return `in ${orchestrator}, called through ${steps.map((s) => `${s.function} (${s.file}:${s.line})`).join(' -> ')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function lintText(report: LintReport, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const label = { error: paint('31', 'error  '), warning: paint('33', 'warning'), note: paint('36', 'note   ') } as const;
  const lines: string[] = [];
  const open = report.findings.filter((f) => !f.suppressed);
  let file: string | undefined;
  for (const f of open) {
    if (f.file !== file) {
      if (file !== undefined) lines.push('');
      file = f.file;
      lines.push(paint('4', f.file));
    }
    lines.push(`  ${f.line}:${f.column}  ${label[f.severity]}  ${f.message}  ${paint('2', `durable-gate/${f.rule}`)}`);
    lines.push(`  ${' '.repeat(String(f.line).length + String(f.column).length + 1)}  ${paint('2', via(f.via, f.orchestrator))}`);
  }
  for (const u of report.unparsed) {
    lines.push('', `${u.file}${u.line ? `:${u.line}:${u.column ?? 1}` : ''}: could not be parsed (${u.message}); not checked.`);
  }
  for (const c of report.comments) lines.push('', `${c.file}:${c.line}: ${c.message}`);
  for (const k of report.skipped.filter((k) => k.reason.includes('cannot follow'))) lines.push('', `${k.file}: ${k.reason}`);
  if (lines.length > 0) lines.push('');
  const s = report.summary;
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.notes, 'note')];
  const extra = [s.suppressed > 0 ? `${s.suppressed} suppressed by comments` : '', s.unparsed > 0 ? `${plural(s.unparsed, 'file')} not parsed` : ''].filter(
    Boolean,
  );
  lines.push(
    `${counts.join(', ')} in ${plural(s.orchestrators, 'orchestrator')} (${plural(s.files, 'file')} read${extra.length > 0 ? `; ${extra.join('; ')}` : ''}).`,
  );
  const fixable = open.filter((f) => f.fix).length;
  if (fixable > 0)
    lines.push(`${fixable === 1 ? 'One has' : `${fixable} have`} a safe fix: the ESLint plugin applies it (eslint --fix); docs/lint.md shows each.`);
  return `${lines.join('\n')}\n`;
}

/** Workflow command escaping (the runner's rules for data and for properties). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubCommands(report: LintReport): string {
  const command = { error: 'error', warning: 'warning', note: 'notice' } as const;
  const lines = report.findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`durable-gate/${f.rule}`)}`;
      return `::${command[f.severity]} ${props}::${escapeData(`${f.message} (${via(f.via, f.orchestrator)})`)}`;
    });
  for (const u of report.unparsed)
    lines.push(`::error file=${escapeProperty(u.file)}${u.line ? `,line=${u.line}` : ''}::${escapeData(`could not be parsed (${u.message}); not checked`)}`);
  for (const c of report.comments) lines.push(`::warning file=${escapeProperty(c.file)},line=${c.line},title=durable-gate::${escapeData(c.message)}`);
  const s = report.summary;
  lines.push(`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')} in ${plural(s.orchestrators, 'orchestrator')}.`);
  return `${lines.join('\n')}\n`;
}

function fingerprint(f: LintFinding, seen: Map<string, number>): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([f.rule, f.file, f.orchestrator, f.message]))
    .digest('hex')
    .slice(0, 32);
  const count = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, count);
  return `${hash}:${count}`;
}

function artifact(file: string): { uri: string; uriBaseId?: string } {
  return isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: file, uriBaseId: '%SRCROOT%' };
}

function lintSarif(report: LintReport, options: { version: string }): Log {
  const rules: ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id: `durable-gate/${id}`,
    name: id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: RULES[id].summary },
    help: { text: `${RULES[id].summary} Why it breaks replay, a wrong and a right example: ${ruleDocs(id)} in durable-gate's repository.` },
    defaultConfiguration: { level: RULES[id].severity },
    properties: { tags: ['durable-functions', 'determinism'] },
  }));
  const seen = new Map<string, number>();
  const results: Result[] = report.findings.map((f) => ({
    ruleId: `durable-gate/${f.rule}`,
    ruleIndex: RULE_IDS.indexOf(f.rule),
    level: f.severity,
    message: { text: `${f.message} (${via(f.via, f.orchestrator)})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(f.via.length > 0
      ? {
          relatedLocations: f.via.map((step, i) => ({
            id: i,
            physicalLocation: { artifactLocation: artifact(step.file), region: { startLine: step.line } },
            message: { text: `called as ${step.function}` },
          })),
        }
      : {}),
    // Stable across runs and line moves: the rule, the file, the orchestrator and the message, never a line number.
    partialFingerprints: { 'durableGateLint/v1': fingerprint(f, seen) },
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource' as const, justification: f.suppressed.reason }] } : {}),
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'durable-gate', version: options.version, rules } },
        results,
      },
    ],
  };
}
