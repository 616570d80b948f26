import { type SourceFile } from './ast.cjs';
export declare class SourceParseError extends Error {
    readonly path: string;
    readonly line?: number | undefined;
    readonly column?: number | undefined;
    constructor(path: string, message: string, line?: number | undefined, column?: number | undefined);
}
/** Parses `text` as the file at `path` says it is (.ts/.tsx/.mts/.cts TypeScript, else JavaScript). */
export declare function parseSource(path: string, text: string): SourceFile;
