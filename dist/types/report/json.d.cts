import { type AnyReport, type ReplayReport, type ReplayResult } from '../replay/result.cjs';
export declare function buildReport(results: ReplayResult[], app?: string): ReplayReport;
export declare function renderJson(report: AnyReport): string;
/**
 * The JSON report a piece at a time, as JSON.stringify(report, null, 2) would write it: the
 * results one by one, so that a report of 100,000 is never one string.
 */
export declare function jsonChunks(report: AnyReport): Generator<string>;
