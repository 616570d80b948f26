/** How `DateTime.ToString("o")` ends: "Z" for a UTC DateTime, nothing for an unspecified kind. */
export type RoundTripZone = 'Z' | '';
/** An RFC 9562 version 5 UUID of `name` in the extension's namespace (what GuidManager.CreateDeterministicGuid returns). */
export declare function extensionGuid(name: string): string;
/** RFC 9562 §5.5: SHA-1 of the namespace's bytes and the name's UTF-8, with version 5 and the RFC variant. */
export declare function uuidV5(namespace: Buffer, name: string): string;
/**
 * A timestamp as .NET's round-trip format prints it: seven fraction digits, always. Digits the
 * text holds beyond milliseconds are kept (the History table stores ticks); a Date has only
 * milliseconds. Undefined when the value is not a time.
 */
export declare function roundTripTime(value: unknown, zone?: RoundTripZone): string | undefined;
/** The id NewGuid returns for the `counter`th id an instance takes, at an episode that started at `time`. */
export declare function extensionRequestId(instanceId: string, time: string, counter: number): string;
