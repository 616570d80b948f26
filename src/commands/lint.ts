/**
 * `lint`'s settings, parsed once from either front end, and its job: the determinism rules over
 * a function app's sources (harness/lint/). Loaded only when the command runs: the parser is
 * the largest part of it, and replay and the Action's other commands start without it.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../harness/errors.js';
import { lintApp } from '../../harness/lint/project.js';
import { buildLintReport, LINT_FORMATS, type LintFormat, type LintReport } from '../../harness/lint/report.js';
import { RULE_IDS, type RuleId, type Severity } from '../../harness/lint/rules.js';
import { option } from '../option-names.js';
import { declaredInput, type CommandServices, type SettingsInput } from './input.js';

export const LINT_OPTIONS = {
  app: 'text',
  format: 'text',
  rules: 'list',
  'fail-on': 'text',
} as const;

export interface LintSettings {
  /** The function app folder (its sources: TypeScript or JavaScript). */
  app: string;
  format: LintFormat;
  /** Only these rules (default: all). */
  rules?: RuleId[];
  /** The lowest severity that fails the run (exit 1): error (default), warning or note. */
  failOn: Severity;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'note'];

export function readLintSettings(given: SettingsInput): LintSettings {
  const input = declaredInput('lint', LINT_OPTIONS, given);
  const app = input.text('app');
  if (!app) throw new UsageError(`missing ${input.label('app')}: the function app folder whose orchestrators to lint (it holds host.json).`);
  const format = input.text('format') ?? 'text';
  if (!(LINT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`invalid ${input.label('format')} '${format}'. Expected ${LINT_FORMATS.join(', ')}.`);
  const rules = input
    .list('rules')
    .flatMap((r) => r.split(','))
    .map((r) => r.trim().replace(/^durable-gate\//, ''))
    .filter(Boolean);
  const unknown = rules.find((r) => !(RULE_IDS as string[]).includes(r));
  if (unknown) throw new UsageError(`${input.label('rules')}: no rule '${unknown}'. Rules: ${RULE_IDS.join(', ')}.`);
  const failOn = (input.text('fail-on') ?? 'error').toLowerCase();
  if (!(SEVERITIES as string[]).includes(failOn))
    throw new UsageError(`invalid ${input.label('fail-on')} '${failOn}'. Expected error (default), warning or note: the lowest severity that fails the run.`);
  return { app, format: format as LintFormat, ...(rules.length > 0 ? { rules: rules as RuleId[] } : {}), failOn: failOn as Severity };
}

/** Lints the app; a folder that is not there, or holds no orchestrator, is the user's mistake (UsageError). */
export function runLint(settings: LintSettings, services: Pick<CommandServices, 'cwd'>, onWarning?: (message: string) => void): LintReport {
  const label = option('app');
  const dir = resolve(services.cwd, settings.app);
  if (!existsSync(dir)) throw new UsageError(`${label} ${settings.app}: no such folder. Expected the function app's folder (it holds host.json).`);
  if (!statSync(dir).isDirectory())
    throw new UsageError(
      `${label} ${settings.app} is a file, not a folder. Expected the function app's folder (it holds host.json); the lint reads every source in it.`,
    );
  const result = lintApp(dir, settings.rules ? { rules: settings.rules } : {});
  if (result.noHostJson && result.orchestrators.length > 0)
    onWarning?.(
      `${settings.app} has no host.json: linted as part of an app. Functions may be registered outside it, so calls by name are not checked against registrations; give the app's folder to check them too.`,
    );
  if (result.orchestrators.length === 0 && result.unparsed.length === 0) {
    throw new UsageError(
      `${label} ${settings.app}: found no orchestrator in ${result.files.length} source file(s). The lint looks for df.app.orchestration('Name', handler) (programming model v4) and df.orchestrator(function* ...) in a folder with a function.json (v3 and earlier), with durable-functions imported or required. Is this the app's folder?`,
    );
  }
  return buildLintReport(result, services.cwd);
}
