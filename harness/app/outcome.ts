/** An activity's or entity's outcome as the worker sends it to the host: shared by the app loader and the local runtime's mocks. */
import type { FunctionOutcome } from './types.js';

/** What a function returned, as the JSON text the worker sends (undefined: nothing returned). */
export function returnedOutcome(value: unknown): FunctionOutcome {
  try {
    const json = value === undefined ? undefined : JSON.stringify(value);
    return { kind: 'returned', ...(json === undefined ? {} : { json }) };
  } catch (error) {
    return threwOutcomeOf(new Error(`its return value cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** What a function threw. */
export function threwOutcomeOf(error: unknown): FunctionOutcome {
  if (!(error instanceof Error)) return { kind: 'threw', message: String(error), errorName: 'Error' };
  return { kind: 'threw', message: error.message, errorName: error.name, ...(error.stack ? { stack: error.stack } : {}) };
}
