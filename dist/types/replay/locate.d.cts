import type { SourceLocation } from './result.cjs';
/**
 * Installed once per app, the first time a divergence needs locating, and switched on only for
 * the instrumented runs. Stacks are captured raw and formatted only when asked for (V8 formats
 * `stack` lazily, which is where the cost is).
 */
export declare class ActionTracer {
    private readonly durableFunctionsDir;
    private readonly holders;
    private recording;
    private installed;
    /** Actions created during the current recording, in order: the last is where the code stopped. */
    created: object[];
    constructor(durableFunctionsDir: string);
    private install;
    /**
     * Run `fn` with stack capture on. The user's frame is normally within the top few frames
     * (the SDK method, then the orchestrator); deeper captures cost more, so callers start shallow.
     */
    record<T>(fn: () => Promise<T>, depth?: number): Promise<T>;
    stackOf(action: object | undefined): string | undefined;
}
export declare function tracerFor(durableFunctionsDir: string): ActionTracer;
/** The first frame of `stack` in the app's own code (outside node_modules), mapped to its source. */
export declare function userLocation(stack: string | undefined, appDir: string): SourceLocation | undefined;
export interface SourceMapPayload {
    sources: string[];
    sourceRoot?: string;
}
/** The source map a compiled file names (a file beside it, or inline as data:), with the folder its sources are relative to. */
export declare function readSourceMap(file: string): {
    dir: string;
    payload: SourceMapPayload;
} | undefined;
