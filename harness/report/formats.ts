/** The replay report's formats: text for people, JSON (the contract), JUnit XML for CI test views, SARIF for code scanning. */
import type { ReplayReport } from '../replay/result.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a report file's name asks for. */
export function formatForFile(file: string): ReportFormat {
  const name = file.toLowerCase();
  return name.endsWith('.sarif') || name.endsWith('.sarif.json') ? 'sarif' : name.endsWith('.json') ? 'json' : name.endsWith('.xml') ? 'junit' : 'text';
}

export function renderReport(report: ReplayReport, format: ReportFormat, options: { cwd: string; version: string; color?: boolean }): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report, { cwd: options.cwd });
    case 'sarif':
      return renderSarif(report, { cwd: options.cwd, version: options.version });
    case 'text':
      return renderText(report, { cwd: options.cwd, color: options.color === true });
  }
}
