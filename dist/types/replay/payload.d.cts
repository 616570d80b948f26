import { type LoadedHistory } from '../history/load.cjs';
/** The replay schemas an extension advertises in upperSchemaVersionNew. */
export declare const REPLAY_SCHEMAS: {
    readonly V3: 2;
    readonly V4: 3;
};
export type ReplaySchemaName = keyof typeof REPLAY_SCHEMAS;
export interface PayloadOptions {
    /** The schema the host advertises: V3 or V4; by default what the history proves (V4 after a lock request), else V3. */
    schema?: ReplaySchemaName;
    /** The raw upperSchemaVersionNew, for tests of other values; wins over `schema`. */
    upperSchemaVersionNew?: number;
    maximumShortTimerDuration?: string;
    longRunningTimerIntervalDuration?: string;
}
/**
 * The payload as the worker hands it to the orchestrator: the parsed form of what the host sends.
 * The SDK converts Timestamp strings in it to Dates in place, so a payload serves one run.
 */
export declare function buildPayload(history: LoadedHistory, options?: PayloadOptions): Record<string, unknown>;
/** The payload as JSON text, the form the host sends over the wire. */
export declare function buildPayloadText(history: LoadedHistory, options?: PayloadOptions): string;
/** The schema a replay of this history advertises: the one asked for, else V4 when the history proves it, else V3. */
export declare function replaySchemaFor(history: LoadedHistory, options?: PayloadOptions): ReplaySchemaName;
/**
 * Only schema V4 hosts take lock requests: an EventSent 'op' whose request names a lock set, or a
 * 'release', proves the host advertised V4. Nothing else in a history records the schema.
 */
export declare function provesSchemaV4(history: LoadedHistory): boolean;
