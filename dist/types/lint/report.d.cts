import type { Finding } from './analyze.cjs';
import { type LintResult } from './project.cjs';
import { type Severity } from './rules.cjs';
export declare const LINT_SCHEMA = "durable-gate.lint-report/v1";
export declare const LINT_FORMATS: readonly ["text", "json", "sarif", "github"];
export type LintFormat = (typeof LINT_FORMATS)[number];
/** A finding as reported: the analysis's, its paths shown relative to where the lint ran and its columns 1-based, as editors count. */
export type LintFinding = Omit<Finding, 'node'>;
export interface LintReport {
    schema: typeof LINT_SCHEMA;
    app: string;
    summary: {
        errors: number;
        warnings: number;
        notes: number;
        suppressed: number;
        files: number;
        orchestrators: number;
        /** Files that could not be parsed: the lint did not see them. */
        unparsed: number;
    };
    orchestrators: {
        name: string;
        file: string;
        line: number;
    }[];
    findings: LintFinding[];
    /** `durable`: the file mentions durable-functions, so it may hold orchestrator code the lint did not see (exit 2). */
    unparsed: {
        file: string;
        message: string;
        line?: number;
        column?: number;
        durable: boolean;
    }[];
    skipped: {
        file: string;
        reason: string;
    }[];
    /** Disable comments that do not count (no reason, an unknown rule). */
    comments: {
        file: string;
        line: number;
        message: string;
    }[];
}
/** The report of a lint, paths relative to `cwd`. */
export declare function buildLintReport(result: LintResult, cwd: string): LintReport;
/** 0: nothing at or above `failOn`; 1: findings that fail; 2: a file that may hold durable code could not be read. */
export declare function lintExitCode(report: LintReport, failOn: Severity): number;
export declare function renderLint(report: LintReport, format: LintFormat, options: {
    cwd: string;
    version: string;
    color?: boolean;
}): string;
