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
import { type SdkAction } from './actions.js';
import type { HistoryEvent } from '../history/events.js';
/** What `record --redact` writes in place of a payload value (docs/history-format.md). */
export declare const REDACTED = "[redacted]";
export interface InputDrift {
    sequenceId: number;
    action: SdkAction;
    /** The recorded input and the new one, as short JSON (the new one redacted where the recorded one was). */
    recorded: string;
    now: string;
}
/** A string the SDK encoded once more, as the string it holds (other values as they are). */
export declare function readable(value: unknown): unknown;
/** The calls among `matched` whose input differs from the recorded one. */
export declare function inputDrifts(matched: readonly {
    sequenceId: number;
    event: HistoryEvent;
    action: SdkAction;
}[]): InputDrift[];
