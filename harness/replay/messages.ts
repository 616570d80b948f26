/**
 * The runtime's own words. Each text is reproduced exactly, typos included, from the upstream
 * source named beside it (see docs/runtime-rules.md), because users search for them.
 */
import type { HistoryEvent } from '../history/events.js';

/** NonDeterministicOrchestrationException's constructor adds this prefix
 * (docs/runtime-rules.md §1.4). */
export const NONDETERMINISM_PREFIX = 'Non-Deterministic workflow detected: ';

const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';

/** The DTFx action classes named in messages (docs/runtime-rules.md §1.1). */
export type DtfxActionClass =
  'ScheduleTaskOrchestratorAction' | 'CreateTimerOrchestratorAction' | 'CreateSubOrchestrationAction' | 'SendEventOrchestratorAction';

export type MismatchCase = { kind: 'missing' } | { kind: 'type'; actual: DtfxActionClass } | { kind: 'name'; actualName: string };

/** Message bodies of TaskOrchestrationContext.Handle*Event (docs/runtime-rules.md §1.2). */
export function taskScheduledMessage(event: HistoryEvent, mismatch: MismatchCase): string {
  const id = event.EventId;
  const name = event.Name ?? '';
  switch (mismatch.kind) {
    case 'missing':
      return `A previous execution of this orchestration scheduled an activity task with sequence ID ${id} and name '${name}' (version '${event.Version ?? ''}'), but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case 'type':
      return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead produced a ${mismatch.actual} action with this sequence number. ${TAIL}`;
    case 'name':
      return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead scheduled an activity task named '${mismatch.actualName}' with this sequence number.  ${TAIL}`;
  }
}

export function timerCreatedMessage(event: HistoryEvent, mismatch: MismatchCase): string {
  const id = event.EventId;
  switch (mismatch.kind) {
    case 'missing':
      return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case 'type':
    case 'name':
      return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} named but the current orchestration replay instead produced a ${mismatch.kind === 'type' ? mismatch.actual : 'CreateTimerOrchestratorAction'} action with this sequence number. ${TAIL}`;
  }
}

export function subOrchestrationCreatedMessage(event: HistoryEvent, mismatch: MismatchCase): string {
  const head = `A previous execution of this orchestration scheduled a sub-orchestration task with sequence ID ${event.EventId} and name '${event.Name ?? ''}' (version '${event.Version ?? ''}', instance ID '${event.InstanceId ?? ''}'), but the current`;
  switch (mismatch.kind) {
    case 'missing':
      return `${head} replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case 'type':
      return `${head} orchestration replay instead produced a ${mismatch.actual} action at this sequence number. ${TAIL}`;
    case 'name':
      return `${head} orchestration replay instead scheduled a sub-orchestration task with name ${mismatch.actualName} at this sequence number. ${TAIL}`;
  }
}

export function eventSentMessage(event: HistoryEvent, mismatch: MismatchCase): string {
  const id = event.EventId;
  const name = event.Name ?? '';
  const target = event.InstanceId ?? '';
  switch (mismatch.kind) {
    case 'missing':
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent' name '${name}', instance ID '${target}', but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case 'type':
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}', but the current orchestration replay instead scheduled a ${mismatch.actual} task at this sequence number. ${TAIL}`;
    case 'name':
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}'), but the current orchestration replay instead scheduled a send event task with name ${mismatch.actualName}at this sequence number. ${TAIL}`;
  }
}

/** The output of an instance whose orchestrator threw (docs/runtime-rules.md §3, when the JS orchestrator threw). */
export function orchestratorFailedMessage(orchestrator: string, error: string): string {
  return `Orchestrator function '${orchestrator}' failed: ${error}`;
}

export type FunctionType = 'activity' | 'orchestrator' | 'entity';

/**
 * DurableTaskExtension.GetInvalid{Activity,Orchestrator,Entity}FunctionMessage (docs/runtime-rules.md §4).
 * The entity message picks its sentence by the count of known orchestrators, and an app that runs
 * an orchestration knows at least one: it always lists the entities, even none ('').
 */
export function missingFunctionMessage(name: string, type: FunctionType, known: readonly string[]): string {
  const info =
    known.length > 0 || type === 'entity'
      ? `The following are the known ${type} functions: '${known.join("', '")}'.`
      : `No ${type} functions are currently registered!`;
  return `The function '${name}' doesn't exist, is disabled, or is not an ${type === 'orchestrator' ? 'orchestrator' : type} function. Additional info: ${info}`;
}

/** TaskOrchestrationContext.LogDuplicateEvent: a completion whose id has no open task. */
export function duplicateEventWarning(source: string, id: number, event: HistoryEvent): string {
  const ts = (event.Timestamp as unknown) instanceof Date ? (event.Timestamp as unknown as Date).toISOString() : event.Timestamp;
  return `Duplicate ${source} Event: ${id}, type: ${source}, ts: ${ts}`;
}
