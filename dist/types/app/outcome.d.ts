/** An activity's or entity's outcome as the worker sends it to the host: shared by the app loader and the local runtime's mocks. */
import type { FunctionOutcome } from './types.js';
/** What a function returned, as the JSON text the worker sends (undefined: nothing returned). */
export declare function returnedOutcome(value: unknown): FunctionOutcome;
/** What a function threw. */
export declare function threwOutcomeOf(error: unknown): FunctionOutcome;
