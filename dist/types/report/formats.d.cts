/** The replay report's formats: text for people, JSON (the contract), JUnit XML for CI test views, SARIF for code scanning. */
import type { AnyReport } from '../replay/result.cjs';
export declare const REPORT_FORMATS: readonly ["text", "json", "junit", "sarif"];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The format a report file's name asks for. */
export declare function formatForFile(file: string): ReportFormat;
export interface RenderOptions {
    cwd: string;
    version: string;
    color?: boolean;
    /** Text only: leave out the line of each history that is ok (what broke and the totals stay). */
    quiet?: boolean;
}
export declare function renderReport(report: AnyReport, format: ReportFormat, options: RenderOptions): string;
/** The report in pieces, in order: written out as they come, a large report is never one string. */
export declare function reportChunks(report: AnyReport, format: ReportFormat, options: RenderOptions): Iterable<string>;
