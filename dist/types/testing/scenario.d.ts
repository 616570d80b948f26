import type { ReplayApp } from '../app/host.js';
import type { HistoryItem } from '../app/worker.js';
import { type ActivityMock, type EntityMock, type HttpAnswer, type HttpRequestInfo, type SubOrchestrationMock } from './runtime.js';
/** A result given as a value: what the call returns, or the error it throws. */
export type Answer = {
    result?: unknown;
} | {
    error: string;
};
/** Answers in order, one per call (the last one repeats): `{ results: [{ error: 'declined' }, { result: 1 }] }`. */
export type Answers = Answer | {
    results: Answer[];
};
export interface Scenario {
    /** Said beside the scenario's label (its file, and its place in the file) when it runs. */
    name?: string;
    orchestrator: string;
    input?: unknown;
    instanceId?: string;
    /** Activity results by name: values (JSON), or functions (modules). */
    activities?: Record<string, Answers | ActivityMock>;
    /** Run the app's own code for these activities (true: every activity without a result given). */
    appActivities?: boolean | string[];
    subOrchestrations?: Record<string, Answers | SubOrchestrationMock>;
    /**
     * Entities answered by the scenario: a function (modules), or answers by operation
     * (`{ "inventory": { "reserve": { "result": 3 } } }`, the state left as it is); without, the
     * app's own entity functions run.
     */
    entities?: Record<string, EntityMock | Record<string, Answers>>;
    /** callHttp answers, in order (the last one repeats), or a function. */
    http?: HttpAnswer[] | ((request: HttpRequestInfo) => HttpAnswer | Promise<HttpAnswer>);
    /** External events, each raised `after` the start (a duration; default at once). */
    events?: {
        name: string;
        data?: unknown;
        after?: string;
        instanceId?: string;
    }[];
    /** Stop the run at this duration after the start (default: when nothing is left to happen). */
    until?: string;
    startTime?: string;
}
export interface LoadedScenario {
    scenario: Scenario;
    /** Where it came from, for the report: `scenarios/order.json` or `scenarios/orders.mjs#2`. */
    label: string;
}
/** Scenario files (.json) and modules (.js, .mjs, .cjs), from files, folders and globs. */
export declare function readScenarios(args: readonly string[], cwd: string): Promise<LoadedScenario[]>;
/**
 * Runs a scenario on `app` (the old code) and returns every history the run wrote while an
 * instance was in flight (each instance, sub-orchestrations included, at each episode that ended
 * with it waiting), labelled `<scenario>#<instance>@<n>`.
 */
export declare function runScenario(app: ReplayApp, { scenario, label }: LoadedScenario): Promise<HistoryItem[]>;
