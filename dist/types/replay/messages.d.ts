/**
 * The runtime's own words. Each text is reproduced exactly, typos included, from the upstream
 * source named beside it (see docs/runtime-rules.md), because users search for them.
 */
import type { HistoryEvent } from '../history/events.js';
/** NonDeterministicOrchestrationException's constructor adds this prefix
 * (docs/runtime-rules.md §1.4). */
export declare const NONDETERMINISM_PREFIX = "Non-Deterministic workflow detected: ";
/** The DTFx action classes named in messages (docs/runtime-rules.md §1.1). */
export type DtfxActionClass = 'ScheduleTaskOrchestratorAction' | 'CreateTimerOrchestratorAction' | 'CreateSubOrchestrationAction' | 'SendEventOrchestratorAction';
export type MismatchCase = {
    kind: 'missing';
} | {
    kind: 'type';
    actual: DtfxActionClass;
} | {
    kind: 'name';
    actualName: string;
};
/** Message bodies of TaskOrchestrationContext.Handle*Event (docs/runtime-rules.md §1.2). */
export declare function taskScheduledMessage(event: HistoryEvent, mismatch: MismatchCase): string;
export declare function timerCreatedMessage(event: HistoryEvent, mismatch: MismatchCase): string;
export declare function subOrchestrationCreatedMessage(event: HistoryEvent, mismatch: MismatchCase): string;
export declare function eventSentMessage(event: HistoryEvent, mismatch: MismatchCase): string;
/** The output of an instance whose orchestrator threw (docs/runtime-rules.md §3, when the JS orchestrator threw). */
export declare function orchestratorFailedMessage(orchestrator: string, error: string): string;
export type FunctionType = 'activity' | 'orchestrator' | 'entity';
/**
 * DurableTaskExtension.GetInvalid{Activity,Orchestrator,Entity}FunctionMessage (docs/runtime-rules.md §4).
 * The entity message picks its sentence by the count of known orchestrators, and an app that runs
 * an orchestration knows at least one: it always lists the entities, even none ('').
 */
export declare function missingFunctionMessage(name: string, type: FunctionType, known: readonly string[]): string;
/** TaskOrchestrationContext.LogDuplicateEvent: a completion whose id has no open task. */
export declare function duplicateEventWarning(source: string, id: number, event: HistoryEvent): string;
