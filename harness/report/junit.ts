/**
 * The replay report as JUnit XML, for CI test reporters (GitHub test-reporter actions, Azure
 * DevOps PublishTestResults, GitLab artifacts:reports:junit): one testsuite per orchestrator,
 * one testcase per history; a broken instance is a <failure>, an unreadable history an <error>.
 * Like every report, it names event types, function names, sequence ids and source lines,
 * never payload values.
 */
import { displayPath } from '../history/paths.js';
import type { AnyReport, ReplayResult } from '../replay/result.js';
import { problemLines, problemSummary } from './text.js';

export interface JunitOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
}

export function renderJunit(report: AnyReport, options: JunitOptions): string {
  return [...junitChunks(report, options)].join('');
}

/** The XML a testcase at a time: one pass counts each suite, then one pass per suite writes it. */
export function* junitChunks(report: AnyReport, options: JunitOptions): Generator<string> {
  const suites = new Map<string, { tests: number; failures: number; errors: number }>();
  for (const r of report.results) {
    const name = suiteName(r);
    const suite = suites.get(name) ?? { tests: 0, failures: 0, errors: 0 };
    suite.tests += 1;
    if (r.verdict === 'nondeterministic' || r.verdict === 'failed') suite.failures += 1;
    if (r.verdict === 'error') suite.errors += 1;
    suites.set(name, suite);
  }
  const s = report.summary;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${attrs({ name: 'durable-gate replay', tests: s.total, failures: s.nondeterministic + s.failed, errors: s.error })}>\n`;
  for (const [name, counts] of suites) {
    yield `  <testsuite${attrs({ name, ...counts, skipped: 0 })}>\n`;
    for (const r of report.results) if (suiteName(r) === name) yield `${testcase(r, name, options)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

function testcase(r: ReplayResult, suite: string, options: JunitOptions): string {
  const file = displayPath(r.source, options.cwd);
  const head = `    <testcase${attrs({ classname: `durable-gate.${suite}`, name: r.instanceId || file, file })}`;
  const body: string[] = [];
  if (r.verdict === 'nondeterministic' || r.verdict === 'failed' || r.verdict === 'error') {
    const tag = r.verdict === 'error' ? 'error' : 'failure';
    const text = problemLines(r, options.cwd).join('\n');
    body.push(`      <${tag}${attrs({ type: r.verdict, message: problemSummary(r, options.cwd) })}>${escapeXml(text)}</${tag}>`);
  } else if (r.warnings?.length) {
    body.push(`      <system-out>${escapeXml(r.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>`);
  }
  return body.length ? `${head}>\n${body.join('\n')}\n    </testcase>` : `${head}/>`;
}

function suiteName(r: ReplayResult): string {
  return r.orchestrator || (r.verdict === 'error' ? '(not read)' : '(unknown)');
}

/** Characters XML 1.0 does not allow anywhere (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}
