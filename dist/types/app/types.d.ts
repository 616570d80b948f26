/** What a loaded function app exposes to the replay engine. Shared by the worker and the host side. */
export type FunctionKind = 'orchestration' | 'activity' | 'entity' | 'other';
export interface RegisteredFunction {
    name: string;
    kind: FunctionKind;
    /** The trigger binding type as registered (orchestrationTrigger, activityTrigger, ...). */
    trigger: string;
}
export type ProgrammingModel = 'v4' | 'function.json';
export interface AppInfo {
    /** Absolute path of the function app folder. */
    dir: string;
    model: ProgrammingModel;
    /** The app's own durable-functions version. */
    durableFunctionsVersion: string;
    /** The app's own @azure/functions version (v4 model only). */
    azureFunctionsVersion?: string;
    /** Entry files imported (v4: package.json main; function.json: each orchestrator's script). */
    entryFiles: string[];
    functions: RegisteredFunction[];
    /** Things worth telling the user about the app itself. */
    warnings: string[];
    /** Sources changed after the compiled files built from them (newest first): the build is stale. */
    staleBuild?: StaleSource[];
}
/** A source file newer than the compiled file its source map says was built from it. */
export interface StaleSource {
    source: string;
    built: string;
}
/** The JSON an orchestrator invocation returns (OrchestratorState in the SDK). */
export interface OrchestratorState {
    isDone: boolean;
    actions: unknown[][];
    output?: unknown;
    error?: string;
    customStatus?: unknown;
    schemaVersion?: number;
}
/** The outcome of invoking an orchestrator once, the way the Node worker does. */
export type InvocationOutcome = {
    kind: 'state';
    state: OrchestratorState;
} | {
    kind: 'threw';
    /** The error's message as the user's code threw it. */
    message: string;
    stack?: string;
    /** The OrchestratorState the SDK attached ($OutOfProcData$), when it did. */
    state?: OrchestratorState;
};
/** The outcome of invoking an activity or entity function once. */
export type FunctionOutcome = {
    kind: 'returned';
    /** What it returned as JSON text; absent when it returned nothing. */
    json?: string;
} | {
    kind: 'threw';
    message: string;
    errorName: string;
    stack?: string;
};
