import { REPLAY_REPORT_SCHEMA, summarize, type AnyReport, type ReplayReport, type ReplayResult } from '../replay/result.js';

export function buildReport(results: ReplayResult[], app?: string): ReplayReport {
  return { schema: REPLAY_REPORT_SCHEMA, ...(app ? { app } : {}), summary: summarize(results), results };
}

export function renderJson(report: AnyReport): string {
  return [...jsonChunks(report)].join('');
}

const RESULTS = '\u0000results\u0000';

/**
 * The JSON report a piece at a time, as JSON.stringify(report, null, 2) would write it: the
 * results one by one, so that a report of 100,000 is never one string.
 */
export function* jsonChunks(report: AnyReport): Generator<string> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) if (key !== 'problems') fields[key] = key === 'results' ? RESULTS : value;
  const [head, tail] = JSON.stringify(fields, null, 2).split(JSON.stringify(RESULTS));
  yield head!;
  let first = true;
  for (const result of report.results) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(result, null, 2).replace(/^/gm, '    ')}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
  yield `${tail!}\n`;
}
