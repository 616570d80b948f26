/**
 * Input drift: the new code makes the call the history recorded at a step (same kind, same name),
 * with another input. DurableTask.Core never compares inputs (TaskOrchestrationExecutor matches
 * by sequence id, kind and name), so the replay is ok, but the instance goes on acting on other
 * data than it started with: said as a warning, or made a failure on request.
 *
 * On the Azure Storage provider the DTFx orchestration context serializes an activity's
 * parameters as an array of one element ("[<input>]": TaskOrchestrationContext.ScheduleTaskInternal
 * in Azure/durabletask; DurableActivityContext.GetInputAsJson, inputsAreArrays, in the extension
 * unwraps it); a plain value is also accepted. durable-functions JSON-encodes a string input once
 * more before it sends the action (Utils.processInput in the SDK's CallActivityAction), so the
 * provider records the input "Tokyo" as the text ["\"Tokyo\""]; a string recorded without that extra encoding
 * (another SDK, a hand-written history) matches too. A recorded Input of null or none is not compared
 * (a real call records "[null]"). `[redacted]` (record --redact) matches any value, and the new
 * value is shown redacted there as well.
 */
import { ActionType, type SdkAction } from './actions.js';
import type { HistoryEvent } from '../history/events.js';

/** What `record --redact` writes in place of a payload value (docs/history-format.md). */
export const REDACTED = '[redacted]';

export interface InputDrift {
  sequenceId: number;
  action: SdkAction;
  /** The recorded input and the new one, as short JSON (the new one redacted where the recorded one was). */
  recorded: string;
  now: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Same value as JSON carries it; `[redacted]` in the recorded one matches anything; times match by instant. */
function same(recorded: unknown, now: unknown): boolean {
  if (recorded === REDACTED) return true;
  if (recorded === now) return true;
  if (typeof recorded === 'string' && typeof now === 'string') {
    // The extension re-serializes inputs with Json.NET, which may write a time in another form.
    return ISO_TIME.test(recorded) && ISO_TIME.test(now) && Date.parse(recorded) === Date.parse(now) && !Number.isNaN(Date.parse(now));
  }
  if (Array.isArray(recorded) || Array.isArray(now)) {
    return Array.isArray(recorded) && Array.isArray(now) && recorded.length === now.length && recorded.every((item, i) => same(item, now[i]));
  }
  if (recorded && now && typeof recorded === 'object' && typeof now === 'object') {
    const r = recorded as Record<string, unknown>;
    const n = now as Record<string, unknown>;
    const keys = Object.keys(r);
    return keys.length === Object.keys(n).length && keys.every((key) => key in n && same(r[key], n[key]));
  }
  return false;
}

/** `now` with `[redacted]` wherever the recorded value has it. */
function redactLike(now: unknown, recorded: unknown): unknown {
  if (recorded === REDACTED) return REDACTED;
  if (Array.isArray(now) && Array.isArray(recorded)) return now.map((item, i) => redactLike(item, recorded[i]));
  if (now && recorded && typeof now === 'object' && typeof recorded === 'object' && !Array.isArray(now) && !Array.isArray(recorded)) {
    const r = recorded as Record<string, unknown>;
    return Object.fromEntries(Object.entries(now as Record<string, unknown>).map(([key, value]) => [key, redactLike(value, r[key])]));
  }
  return now;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The string a JSON string literal holds ('"Tokyo"' gives 'Tokyo'), or undefined. */
function decodedString(text: string): string | undefined {
  if (!text.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A string the SDK encoded once more, as the string it holds (other values as they are). */
export function readable(value: unknown): unknown {
  return typeof value === 'string' ? (decodedString(value) ?? value) : value;
}

/** The calls among `matched` whose input differs from the recorded one. */
export function inputDrifts(matched: readonly { sequenceId: number; event: HistoryEvent; action: SdkAction }[]): InputDrift[] {
  const drifts: InputDrift[] = [];
  for (const { sequenceId, event, action } of matched) {
    // CallHttp's built-in activity carries the request the extension builds, not the code's value.
    if (action.actionType === ActionType.CallHttp || typeof event.Input !== 'string') continue;
    let recorded: unknown;
    try {
      recorded = event.Input === REDACTED ? REDACTED : JSON.parse(event.Input);
    } catch {
      continue;
    }
    const unwrapped: unknown = Array.isArray(recorded) && recorded.length === 1 ? (recorded as unknown[])[0] : undefined;
    const candidates = unwrapped !== undefined ? [recorded, unwrapped] : [recorded];
    // A string the SDK encoded once more (Utils.processInput) matches in either form a history may hold.
    const matches = (value: unknown): boolean => {
      const decoded = typeof value === 'string' ? decodedString(value) : undefined;
      return candidates.some((r) => same(r, value) || (decoded !== undefined && same(r, decoded)));
    };
    // The common case, the same plain data, without a copy; else as the extension receives it, the
    // SDK's action as JSON (undefined sent as null, a Date as its text).
    if (matches(action.input ?? null)) continue;
    const now = action.input === undefined ? null : (JSON.parse(JSON.stringify(action.input) ?? 'null') as unknown);
    if (matches(now)) continue;
    const shown = readable(unwrapped !== undefined ? unwrapped : recorded);
    drifts.push({ sequenceId, action, recorded: short(shown), now: short(redactLike(readable(now), shown)) });
  }
  return drifts;
}
