import { type Analysis, type Finding, type FunctionJsonEntry } from './analyze.js';
import type { SourceFile } from './ast.js';
import { type RuleId } from './rules.js';
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
    /** Disable comments that do not count (no reason, an unknown rule). */
    comments: CommentProblem[];
    /** The folder has no host.json: part of an app, whose other registrations are unknown (names are not checked). */
    noHostJson?: boolean;
    /** Files that could not be read or parsed (the lint is partial when there are any); columns 1-based. */
    unparsed: {
        file: string;
        message: string;
        line?: number;
        column?: number;
        durable: boolean;
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
/** A disable comment that does not count, and why (said in the report, so that no one relies on it). */
export interface CommentProblem {
    file: string;
    line: number;
    message: string;
}
/**
 * `// durable-gate-disable-next-line no-wall-clock -- why` (or `-disable-line`, or ESLint's own
 * `eslint-disable-next-line durable-gate/no-wall-clock`, unless `eslint` is false: under ESLint,
 * ESLint applies its own comments): the finding stays in the report, marked suppressed with the
 * reason. A durable-gate comment without a reason after `--`, or naming no rule there is, does not
 * count and is returned as a problem.
 */
export declare function applySuppressions(findings: Finding[], files: Map<string, SourceFile>, { eslint }?: {
    eslint?: boolean | undefined;
}): CommentProblem[];
/** A path as shown: relative to `cwd` when inside it, with forward slashes. */
export declare function shownPath(path: string, cwd: string): string;
