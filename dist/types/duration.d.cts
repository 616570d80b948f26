/** Milliseconds, or undefined when `text` is not such a duration. */
export declare function durationMs(text: string): number | undefined;
