import { type FunctionNode, type Node, type SourceFile } from './ast.cjs';
import { type RuleId, type Severity } from './rules.cjs';
export type FunctionKindName = 'orchestration' | 'activity' | 'entity';
/** A function the app registers, by name (as the runtime compares names: in any case). */
export interface Registration {
    kind: FunctionKindName;
    name: string;
    file: string;
    line: number;
}
/** A function.json binding folder (the older programming model): its name and trigger. */
export interface FunctionJsonEntry {
    name: string;
    kind: FunctionKindName;
    /** The folder holding function.json. */
    dir: string;
}
export interface LintProgram {
    /** Parsed source files by absolute path. */
    files: Map<string, SourceFile>;
    functionJson?: FunctionJsonEntry[];
    /** Part of an app only: functions may be registered elsewhere, so names are not checked against registrations. */
    partial?: boolean;
}
export interface CallStep {
    /** The function called (its name, or "(anonymous)"). */
    function: string;
    file: string;
    line: number;
}
export interface Finding {
    rule: RuleId;
    severity: Severity;
    message: string;
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** The orchestrator whose code reaches it. */
    orchestrator: string;
    /** The calls from the orchestrator to the function holding it (empty: in the orchestrator itself). */
    via: CallStep[];
    /** A safe replacement, where one exists. */
    fix?: {
        range: [number, number];
        text: string;
    };
    /** Set when a comment disables the rule on this line. */
    suppressed?: {
        reason: string;
    };
    /** The node reported (for ESLint; not enumerable: it links to its parents). */
    readonly node: Node;
}
export interface Orchestrator {
    name: string;
    file: string;
    line: number;
    fn: FunctionNode;
}
export interface Analysis {
    orchestrators: Orchestrator[];
    registrations: Registration[];
    findings: Finding[];
    /** Orchestrations registered with a handler the lint cannot follow to its code: not checked. */
    unfollowed: {
        name: string;
        file: string;
        line: number;
    }[];
}
export declare class Analyzer {
    private readonly program;
    private readonly findings;
    readonly registrations: Registration[];
    /** Some registration's name could not be worked out: unknown names are not reported. */
    private registrationsComplete;
    private readonly raisedEvents;
    private eventsComplete;
    readonly orchestrators: Orchestrator[];
    /** Orchestrations registered with a handler the lint cannot follow to its code (not checked). */
    readonly unfollowed: {
        name: string;
        file: string;
        line: number;
    }[];
    private readonly fileOfNode;
    private readonly loadTimeReads;
    private readonly exports;
    constructor(program: LintProgram);
    run(): Analysis;
    private fileOf;
    private collect;
    /** `df.trigger.activity` (or `trigger` imported from durable-functions): the kind of function it triggers. */
    private durableTrigger;
    /** `df.app`, or `app` imported from durable-functions. */
    private isDurableApp;
    /** `df.orchestrator` / `df.entity` (or the named imports): which one a callee is. */
    private durableExport;
    private register;
    /** A handler a factory makes (`makeOrchestrator('x')`): the function the factory returns, when it returns one it defines. */
    private madeBy;
    /** The definition `node` (an identifier or `ns.name`) refers to, following imports of the program's own files. */
    private definition;
    private bindingTarget;
    /** `object.name` where object is a module (its export), an object literal or an enum. */
    private memberOf;
    /** What a file exports under `name` ('default' for the default export), ES modules and CommonJS alike. */
    private exported;
    private findExport;
    /** The program's file a relative import names (TypeScript's `./x.js` for x.ts included). */
    private moduleFile;
    /** The function an expression is (inline, or by name through files). */
    private functionValue;
    /** The string an expression always is, following constants, object literals and enums across files. */
    stringValue(node: Node, file: SourceFile, depth?: number): string | undefined;
    private visitFunction;
    /** `const df = context.df`, `const { df } = context`: more names for the context. */
    private trackContextAliases;
    private isContext;
    /** `context.df` (or an alias of it). */
    private isDf;
    /** The durable API a call makes (`callActivity`, `createTimer`, `Task.all`, ...), if it is one. */
    private durableCall;
    private check;
    /** What a callee is: a global (path from the global), a package's export, or neither. */
    private classify;
    private checkCall;
    private checkMember;
    /**
     * A module's value that was read from the environment, the clock or randomness when the module
     * loaded (`const FEATURE = process.env.FEATURE`): fixed for the process, so a replay in another
     * process (after a restart, a deployment, a scale-out) can see another one.
     */
    private checkLoadTime;
    /** What an initializer reads that differs between processes: the environment, the clock, randomness. */
    private readsAtLoad;
    private reportEnv;
    private reportClock;
    /** The context's name where `node` sits, when it is the orchestrator's own (not shadowed there). */
    private contextFor;
    /** A wall-clock read that becomes a timer's fire time (in createTimer's arguments, or through one variable). */
    private feedsTimer;
    private guardedByReplaying;
    private checkYield;
    /** Writes to module-level state (a module's `let`, or the insides of its objects) from orchestrator code. */
    private checkWrite;
    private checkLoop;
    private reportLoop;
    private checkNames;
    private checkEntityName;
    private checkRegistered;
    /** A call to a function the program defines: its code is orchestrator code too. */
    private follow;
    /** A function passed as an argument by name: walked as orchestrator code (it is called from there). */
    private followArgument;
    private report;
}
export declare function analyze(program: LintProgram): Analysis;
