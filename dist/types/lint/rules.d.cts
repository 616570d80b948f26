/**
 * The determinism rules: ids, default severities and one line each. What each catches and why it
 * breaks replay is in docs/lint.md, one section per rule (the anchors below).
 */
export type Severity = 'error' | 'warning' | 'note';
export interface RuleInfo {
    severity: Severity;
    /** One line: what the rule catches. */
    summary: string;
}
export declare const RULES: {
    readonly 'no-wall-clock': {
        readonly severity: "error";
        readonly summary: "Reads the wall clock (Date.now(), new Date(), performance.now(), process.hrtime) in orchestrator code.";
    };
    readonly 'no-random': {
        readonly severity: "error";
        readonly summary: "Random numbers or ids (Math.random, crypto.randomUUID, uuid, nanoid) in orchestrator code.";
    };
    readonly 'no-nondurable-wait': {
        readonly severity: "error";
        readonly summary: "Waits with setTimeout, setInterval, setImmediate or a sleep helper instead of a durable timer.";
    };
    readonly 'no-await': {
        readonly severity: "error";
        readonly summary: "await, or an async function, in orchestrator code: the SDK drives generators with yield.";
    };
    readonly 'yield-durable-tasks': {
        readonly severity: "error";
        readonly summary: "yield of something that is not a durable Task (a Promise, a value, an array).";
    };
    readonly 'no-promises': {
        readonly severity: "error";
        readonly summary: "Promise.all/race/any/allSettled, new Promise or .then in orchestrator code.";
    };
    readonly 'no-io': {
        readonly severity: "error";
        readonly summary: "I/O (fetch, HTTP clients, Azure SDKs, databases, fs, child_process, net, dns) in orchestrator code.";
    };
    readonly 'no-env': {
        readonly severity: "warning";
        readonly summary: "Reads the environment (process.env, process.argv, os) in orchestrator code.";
    };
    readonly 'no-module-state': {
        readonly severity: "warning";
        readonly summary: "Writes module-level state from orchestrator code.";
    };
    readonly 'guard-replay-logging': {
        readonly severity: "note";
        readonly summary: "Logs without an isReplaying guard: the line is written again at every replay.";
    };
    readonly 'unbounded-loop': {
        readonly severity: "warning";
        readonly summary: "Loops forever with durable calls and never calls continueAsNew.";
    };
    readonly 'registered-names': {
        readonly severity: "error";
        readonly summary: "Calls an activity, sub-orchestration or entity by a name the app does not register.";
    };
    readonly 'computed-names': {
        readonly severity: "note";
        readonly summary: "Calls a function by a name computed at run time, which the lint cannot check.";
    };
};
export type RuleId = keyof typeof RULES;
export declare const RULE_IDS: RuleId[];
/** Where a rule is documented (in the repository and the package). */
export declare function ruleDocs(rule: RuleId): string;
