/** The replay report's formats: text for people, JSON (the contract), JUnit XML for CI test views, SARIF for code scanning. */
import type { AnyReport } from '../replay/result.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import { renderSarif } from './sarif.js';
import { textChunks } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a report file's name asks for. */
export function formatForFile(file: string): ReportFormat {
  const name = file.toLowerCase();
  return name.endsWith('.sarif') || name.endsWith('.sarif.json') ? 'sarif' : name.endsWith('.json') ? 'json' : name.endsWith('.xml') ? 'junit' : 'text';
}

export interface RenderOptions {
  cwd: string;
  version: string;
  color?: boolean;
  /** Text only: leave out the line of each history that is ok (what broke and the totals stay). */
  quiet?: boolean;
}

export function renderReport(report: AnyReport, format: ReportFormat, options: RenderOptions): string {
  return [...reportChunks(report, format, options)].join('');
}

/** The report in pieces, in order: written out as they come, a large report is never one string. */
export function reportChunks(report: AnyReport, format: ReportFormat, options: RenderOptions): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonChunks(report);
    case 'junit':
      return junitChunks(report, { cwd: options.cwd });
    case 'sarif':
      return [renderSarif(report, { cwd: options.cwd, version: options.version })];
    case 'text':
      return textChunks(report, { cwd: options.cwd, color: options.color === true, quiet: options.quiet === true });
  }
}
