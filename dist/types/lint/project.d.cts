import { type Analysis, type Finding, type FunctionJsonEntry } from './analyze.cjs';
import type { SourceFile } from './ast.cjs';
import { type RuleId } from './rules.cjs';
export interface LintOptions {
    /** Only these rules (default: all). */
    rules?: RuleId[];
}
export interface SkippedFile {
    file: string;
    reason: string;
}
export interface LintResult extends Analysis {
    app: string;
    /** Source files read. */
    files: string[];
    /** Files that could not be read or parsed (the lint is partial when there are any). */
    unparsed: {
        file: string;
        message: string;
        line?: number;
        column?: number;
    }[];
    skipped: SkippedFile[];
}
/** Lints the app in `dir` (a folder with host.json, or any folder of sources). */
export declare function lintApp(dir: string, options?: LintOptions): LintResult;
/**
 * The app's own sources: TypeScript sources rather than the JavaScript built from them (the build
 * folder named by tsconfig.json's outDir, and a .js beside a .ts of the same name, are left out).
 */
export declare function sourceFiles(app: string): {
    files: string[];
    skipped: SkippedFile[];
};
/** Folders with a function.json (the older programming model): each is a function named after its folder. */
export declare function functionJsonEntries(app: string): FunctionJsonEntry[];
/**
 * `// durable-gate-disable-next-line no-wall-clock -- why` (or `-disable-line`, or ESLint's own
 * `eslint-disable-next-line durable-gate/no-wall-clock`): the finding stays in the report, marked
 * suppressed with the reason. A durable-gate comment without a reason after `--` does not count.
 */
export declare function applySuppressions(findings: Finding[], files: Map<string, SourceFile>): void;
/** A path as shown: relative to `cwd` when inside it, with forward slashes. */
export declare function shownPath(path: string, cwd: string): string;
