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

export const RULES = {
  'no-wall-clock': { severity: 'error', summary: 'Reads the wall clock (Date.now(), new Date(), performance.now(), process.hrtime) in orchestrator code.' },
  'no-random': { severity: 'error', summary: 'Random numbers or ids (Math.random, crypto.randomUUID, uuid, nanoid) in orchestrator code.' },
  'no-nondurable-wait': { severity: 'error', summary: 'Waits with setTimeout, setInterval, setImmediate or a sleep helper instead of a durable timer.' },
  'no-await': { severity: 'error', summary: 'await, or an async function, in orchestrator code: the SDK drives generators with yield.' },
  'yield-durable-tasks': { severity: 'error', summary: 'yield of something that is not a durable Task (a Promise, a value, an array).' },
  'no-promises': { severity: 'error', summary: 'Promise.all/race/any/allSettled, new Promise or .then in orchestrator code.' },
  'no-io': { severity: 'error', summary: 'I/O (fetch, HTTP clients, Azure SDKs, databases, fs, child_process, net, dns) in orchestrator code.' },
  'no-env': { severity: 'warning', summary: 'Reads the environment (process.env, process.argv, os) in orchestrator code.' },
  'no-module-state': { severity: 'warning', summary: 'Writes module-level state from orchestrator code.' },
  'guard-replay-logging': { severity: 'note', summary: 'Logs without an isReplaying guard: the line is written again at every replay.' },
  'unbounded-loop': { severity: 'warning', summary: 'Loops forever with durable calls and never calls continueAsNew.' },
  'registered-names': { severity: 'error', summary: 'Calls an activity, sub-orchestration or entity by a name the app does not register.' },
  'computed-names': { severity: 'note', summary: 'Calls a function by a name computed at run time, which the lint cannot check.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Where a rule is documented (in the repository and the package). */
export function ruleDocs(rule: RuleId): string {
  return `docs/lint.md#${rule}`;
}
