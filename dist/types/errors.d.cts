/**
 * The two error families of durable-gate, with stable names:
 * - the code is incompatible with the history: {@link IncompatibleCodeError}, either
 *   {@link NondeterminismError} or {@link ReplayFailure};
 * - the tool or its input is broken: {@link HistoryError}, {@link AppLoadError}, {@link UsageError}.
 *
 * `instanceof` works across two copies of this package (a CLI bundle and the library, or two
 * versions in one node_modules tree): each class brands its instances with a registered symbol
 * and checks the brand instead of the prototype chain.
 */
import type { ReplayResult } from './replay/result.cjs';
/**
 * An error class whose `instanceof` works across copies of the library: instances carry `name` as
 * a brand (beside the brands of the classes it extends), and the class checks the brand. Every
 * error class of durable-gate, here and in src/, is declared with it:
 *
 *   export const ArmError = brandedError('ArmError', class extends DurableGateError { ... });
 *   export type ArmError = InstanceType<typeof ArmError>;
 */
export declare function brandedError<T extends abstract new (...args: never[]) => Error>(name: string, declared: T): T;
/** Base of every error durable-gate throws on purpose. */
export declare const DurableGateError: {
    new (message: string, options?: ErrorOptions): {
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type DurableGateError = InstanceType<typeof DurableGateError>;
/** The code is incompatible with a history: the base of the two verdicts that break an instance. */
export declare const IncompatibleCodeError: {
    new (message: string, result: ReplayResult): {
        readonly result: ReplayResult;
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type IncompatibleCodeError = InstanceType<typeof IncompatibleCodeError>;
/** The runtime would fail this instance with NonDeterministicOrchestrationException. */
export declare const NondeterminismError: {
    new (message: string, result: ReplayResult): {
        readonly result: ReplayResult;
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type NondeterminismError = InstanceType<typeof NondeterminismError>;
/** The new code would fail this instance another way (throws, or a function it needs is gone). */
export declare const ReplayFailure: {
    new (message: string, result: ReplayResult): {
        readonly result: ReplayResult;
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type ReplayFailure = InstanceType<typeof ReplayFailure>;
/** A history that cannot be checked: unreadable, of an unknown form, or inconsistent. */
export declare const HistoryError: {
    new (source: string, detail: string, eventIndex?: number): {
        readonly source: string;
        readonly eventIndex: number | undefined;
        /** The problem without the file name in front. */
        readonly detail: string;
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type HistoryError = InstanceType<typeof HistoryError>;
/** The function app could not be loaded. `userStack` holds the user's own stack when their code threw. */
export declare const AppLoadError: {
    new (appDir: string, message: string, userStack?: string): {
        readonly appDir: string;
        readonly userStack: string | undefined;
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type AppLoadError = InstanceType<typeof AppLoadError>;
/** Bad options or arguments. */
export declare const UsageError: {
    new (message: string): {
        name: string;
        message: string;
        stack?: string;
        cause?: unknown;
    };
    captureStackTrace(targetObject: object, constructorOpt?: Function): void;
    prepareStackTrace(err: Error, stackTraces: NodeJS.CallSite[]): any;
    stackTraceLimit: number;
};
export type UsageError = InstanceType<typeof UsageError>;
export declare function errorMessage(error: unknown): string;
