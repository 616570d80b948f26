import { type AnyReport, type ReplayResult, type SourceLocation } from '../replay/result.cjs';
export interface TextOptions {
    /** Paths in the report are shown relative to this folder. */
    cwd?: string;
    color?: boolean;
    /** Leave out the line of each history that is ok: what broke and the totals stay. */
    quiet?: boolean;
}
/**
 * Values from histories (ids, names, messages) shown with control characters escaped, never raw:
 * a newline or an escape sequence in an instance id must not forge a line of the report or a
 * terminal command.
 */
export declare function printable(text: string): string;
/** printable() for messages whose lines are the report's own: newlines kept. */
export declare function printableLines(text: string): string;
export declare function where(location: SourceLocation | undefined, cwd?: string): string | undefined;
export declare function renderText(report: AnyReport, options?: TextOptions): string;
/** The text report a line at a time (see renderText): 100,000 histories are never one string. */
export declare function textChunks(report: AnyReport, options?: TextOptions): Generator<string>;
/**
 * What a problem is, line by line (step, recorded, replayed, code, why, runtime, do; or the
 * failure, the error, the warnings): the same words in the text, JUnit and SARIF reports. `pad`
 * starts each line; continuation lines line up under the first.
 */
export declare function detailLines(r: ReplayResult, cwd: string | undefined, pad?: string): string[];
/**
 * Instances that break the same way, grouped: thousands can hit one change, and it is told once.
 * Results that are ok are left out, unless `withWarnings` and they carry warnings.
 */
export declare function groupProblems(results: readonly ReplayResult[], withWarnings?: boolean): ReplayResult[][];
/** One line: what broke and where (the message of a <failure>, the first line of a SARIF result). */
export declare function problemSummary(r: ReplayResult, cwd?: string, withVerdict?: boolean): string;
/** The details, as the text report explains them: step, recorded vs replayed, code, runtime message, what to do. */
export declare function problemLines(r: ReplayResult, cwd: string): string[];
