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
import type { ReplayResult } from './replay/result.js';

const BRAND = Symbol.for('durable-gate.error');

function branded<T extends new (...args: never[]) => Error>(name: string, base: T): T {
  Object.defineProperty(base, Symbol.hasInstance, {
    value(this: unknown, instance: unknown): boolean {
      // A subclass declared elsewhere without a brand of its own inherits this check: it gets the
      // ordinary prototype test, not its base's brand (else every DurableGateError would match it).
      if (this !== base) return Function.prototype[Symbol.hasInstance].call(this, instance);
      if (typeof instance !== 'object' || instance === null) return false;
      const brands = (instance as Record<symbol, unknown>)[BRAND];
      return Array.isArray(brands) && brands.includes(name);
    },
  });
  Object.defineProperty(base.prototype, 'name', { value: name, writable: true, configurable: true });
  return base;
}

function brand(error: Error, name: string): void {
  const holder = error as unknown as Record<symbol, string[] | undefined>;
  const existing = holder[BRAND] ?? [];
  Object.defineProperty(error, BRAND, { value: [...existing, name], enumerable: false, configurable: true });
}

/**
 * An error class whose `instanceof` works across copies of the library: instances carry `name` as
 * a brand (beside the brands of the classes it extends), and the class checks the brand. Every
 * error class of durable-gate, here and in src/, is declared with it:
 *
 *   export const ArmError = brandedError('ArmError', class extends DurableGateError { ... });
 *   export type ArmError = InstanceType<typeof ArmError>;
 */
export function brandedError<T extends abstract new (...args: never[]) => Error>(name: string, declared: T): T {
  const Base = declared as unknown as new (...args: unknown[]) => Error;
  const cls = class extends Base {
    constructor(...args: unknown[]) {
      super(...args);
      brand(this, name);
      // A class field `name` of the declared class would shadow the prototype's: the brand's name wins.
      Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return branded(name, cls) as unknown as T;
}

/** Base of every error durable-gate throws on purpose. */
export const DurableGateError = branded(
  'DurableGateError',
  class DurableGateError extends Error {
    constructor(message: string, options?: ErrorOptions) {
      super(message, options);
      brand(this, 'DurableGateError');
    }
  },
);
export type DurableGateError = InstanceType<typeof DurableGateError>;

/** The code is incompatible with a history: the base of the two verdicts that break an instance. */
export const IncompatibleCodeError = branded(
  'IncompatibleCodeError',
  class IncompatibleCodeError extends DurableGateError {
    readonly result: ReplayResult;
    constructor(message: string, result: ReplayResult) {
      super(message);
      brand(this, 'IncompatibleCodeError');
      this.result = result;
    }
  },
);
export type IncompatibleCodeError = InstanceType<typeof IncompatibleCodeError>;

/** The runtime would fail this instance with NonDeterministicOrchestrationException. */
export const NondeterminismError = branded(
  'NondeterminismError',
  class NondeterminismError extends IncompatibleCodeError {
    constructor(message: string, result: ReplayResult) {
      super(message, result);
      brand(this, 'NondeterminismError');
    }
  },
);
export type NondeterminismError = InstanceType<typeof NondeterminismError>;

/** The new code would fail this instance another way (throws, or a function it needs is gone). */
export const ReplayFailure = branded(
  'ReplayFailure',
  class ReplayFailure extends IncompatibleCodeError {
    constructor(message: string, result: ReplayResult) {
      super(message, result);
      brand(this, 'ReplayFailure');
    }
  },
);
export type ReplayFailure = InstanceType<typeof ReplayFailure>;

/** A history that cannot be checked: unreadable, of an unknown form, or inconsistent. */
export const HistoryError = branded(
  'HistoryError',
  class HistoryError extends DurableGateError {
    readonly source: string;
    readonly eventIndex: number | undefined;
    /** The problem without the file name in front. */
    readonly detail: string;
    constructor(source: string, detail: string, eventIndex?: number) {
      super(`${source}${eventIndex === undefined ? '' : ` (event ${eventIndex})`}: ${detail}`);
      brand(this, 'HistoryError');
      this.source = source;
      this.eventIndex = eventIndex;
      this.detail = eventIndex === undefined ? detail : `event ${eventIndex}: ${detail}`;
    }
  },
);
export type HistoryError = InstanceType<typeof HistoryError>;

/** The function app could not be loaded. `userStack` holds the user's own stack when their code threw. */
export const AppLoadError = branded(
  'AppLoadError',
  class AppLoadError extends DurableGateError {
    readonly appDir: string;
    readonly userStack: string | undefined;
    constructor(appDir: string, message: string, userStack?: string) {
      super(message);
      brand(this, 'AppLoadError');
      this.appDir = appDir;
      this.userStack = userStack;
    }
  },
);
export type AppLoadError = InstanceType<typeof AppLoadError>;

/** Bad options or arguments. */
export const UsageError = branded(
  'UsageError',
  class UsageError extends DurableGateError {
    constructor(message: string) {
      super(message);
      brand(this, 'UsageError');
    }
  },
);
export type UsageError = InstanceType<typeof UsageError>;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
