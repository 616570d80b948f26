import type { AppInfo, FunctionOutcome, InvocationOutcome, RegisteredFunction } from './types.cjs';
export interface LoadedApp {
    info: AppInfo;
    /** Function names are case-insensitive, as in the host. */
    find(name: string): RegisteredFunction | undefined;
    /**
     * Invoke an orchestrator with the trigger payload: JSON text as the host sends it, or the
     * parsed object the worker would make of it (saves a serialization round trip per history).
     */
    invokeOrchestrator(name: string, payload: string | object): Promise<InvocationOutcome>;
    /**
     * Bench only (harness/bench/floor-worker.ts, for scripts/bench.mjs): the registered handler
     * called directly with a parsed payload, the floor the replay is measured against. The replay
     * never calls it; it lives here because only the loader holds the registrations.
     */
    bareHandler(name: string): ((payload: unknown) => Promise<unknown>) | undefined;
    /**
     * Invoke an activity or entity function with its trigger value (an activity's input, an
     * entity's batch), as the worker does; for the local runtime (harness/testing/). The returned
     * value comes back as the JSON text the worker would send the host.
     */
    invokeFunction(name: string, trigger: unknown): Promise<FunctionOutcome>;
    /** The folder of the app's durable-functions package (to instrument it when locating calls). */
    durableFunctionsDir: string;
}
/**
 * The util type checks Node 23 removed (util.isDate and its kin). durable-functions up to 3.2 and
 * 2.x call util.isDate in createTimer; the Functions host runs them on Node 20 or 22, where it
 * exists. Replaying on a newer Node (the Action runs on node24) must not turn every timer into a
 * TypeError that production never sees, so the worker puts back the ones that are missing.
 */
export declare function restoreRemovedUtilChecks(): void;
export declare function loadAppInThisThread(appDir: string): Promise<LoadedApp>;
