import { REPLAY_REPORT_SCHEMA, summarize, type ReplayReport, type ReplayResult } from '../replay/result.js';

export function buildReport(results: ReplayResult[], app?: string): ReplayReport {
  return { schema: REPLAY_REPORT_SCHEMA, ...(app ? { app } : {}), summary: summarize(results), results };
}

export function renderJson(report: ReplayReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
