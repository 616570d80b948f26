/**
 * The request ids the Durable Functions extension gives entity calls, signals and lock requests
 * (docs/runtime-rules.md §16). DurableOrchestrationContext.NewGuid names each one after the
 * instance id, the episode's current time in .NET's round-trip format ("o") and a counter of the
 * ids taken so far, and hashes that name into a version 5 UUID (GuidManager, namespace
 * UrlNamespaceValue). Replaying the code regenerates them; the response to a request is the
 * EventRaised named after its id.
 */
import { createHash } from 'node:crypto';

/** GuidManager.UrlNamespaceValue. */
const NAMESPACE = Buffer.from('9e9529595e334daf827f2fa12937b875', 'hex');

/** How `DateTime.ToString("o")` ends: "Z" for a UTC DateTime, nothing for an unspecified kind. */
export type RoundTripZone = 'Z' | '';

/** An RFC 9562 version 5 UUID of `name` in the extension's namespace (what GuidManager.CreateDeterministicGuid returns). */
export function extensionGuid(name: string): string {
  return uuidV5(NAMESPACE, name);
}

/** RFC 9562 §5.5: SHA-1 of the namespace's bytes and the name's UTF-8, with version 5 and the RFC variant. */
export function uuidV5(namespace: Buffer, name: string): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A timestamp as .NET's round-trip format prints it: seven fraction digits, always. Digits the
 * text holds beyond milliseconds are kept (the History table stores ticks); a Date has only
 * milliseconds. Undefined when the value is not a time.
 */
export function roundTripTime(value: unknown, zone: RoundTripZone = 'Z'): string | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) return undefined;
  let fraction: string;
  if (typeof value === 'string') {
    // Offsets are whole minutes: the fraction of a second is the same in UTC.
    const digits = /T\d\d:\d\d:\d\d\.(\d+)/.exec(value)?.[1] ?? '';
    fraction = digits.slice(0, 7).padEnd(7, '0');
  } else {
    fraction = String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + '0000';
  }
  const seconds = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${fraction}${zone}`;
}

/** The id NewGuid returns for the `counter`th id an instance takes, at an episode that started at `time`. */
export function extensionRequestId(instanceId: string, time: string, counter: number): string {
  return extensionGuid(`${instanceId}_${time}_${counter}`);
}
