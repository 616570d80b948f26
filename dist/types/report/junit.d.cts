import type { AnyReport } from '../replay/result.cjs';
export interface JunitOptions {
    /** Paths are shown relative to this folder. */
    cwd: string;
}
export declare function renderJunit(report: AnyReport, options: JunitOptions): string;
/** The XML a testcase at a time: one pass counts each suite, then one pass per suite writes it. */
export declare function junitChunks(report: AnyReport, options: JunitOptions): Generator<string>;
export declare function escapeXml(text: string): string;
