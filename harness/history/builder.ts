/**
 * Builds histories in code, shaped as DurableTask.Core records them: episodes open with
 * OrchestratorStarted and close with OrchestratorCompleted; scheduling events take sequence ids
 * from one counter; completions refer to them. Public (`import { HistoryBuilder } from
 * 'durable-gate'`): write the histories of the instances a change must not break, without access
 * to production. Record the calls in the order the orchestrator makes them; see
 * docs/history-format.md.
 *
 *   const b = new HistoryBuilder({ instanceId: 'order-1', name: 'ProcessOrder', input: { orderId: 'order-1' } });
 *   const validate = b.activity('ValidateOrder', { orderId: 'order-1' }); // episode 1 schedules it
 *   b.episode().completed(validate, { ok: true });                        // episode 2: its result
 *   b.activity('ReserveItem');                                            // ... and the next call
 *   writeFileSync('histories/order-1.json', JSON.stringify(b.idle().toFile()));
 */
import { EventType, HISTORY_SCHEMA, OrchestrationStatus, type HistoryEvent, type HistoryFile } from './events.js';
import { extensionRequestId, roundTripTime } from './request-ids.js';
import { schedulerIdOf } from '../replay/actions.js';

export interface BuilderOptions {
  instanceId: string;
  name: string;
  input?: unknown;
  version?: string;
  executionId?: string;
  parentInstanceId?: string;
  /** Time of the first episode. */
  start?: Date;
  /**
   * Four more fraction digits for every Timestamp ("2026-11-02T08:00:00.1234567Z"), as the History
   * table holds them (DateTime ticks); without them Timestamps have milliseconds only.
   */
  ticks?: string;
}

export class HistoryBuilder {
  readonly events: HistoryEvent[] = [];
  private nextId = 0;
  private now: number;
  private inEpisode = false;
  /** Request ids taken so far, and the current episode's start: the extension's NewGuid inputs. */
  private guidCounter = 0;
  private episodeStart = '';
  private readonly ticks: string;
  readonly instanceId: string;
  readonly executionId: string;
  readonly name: string;
  readonly version: string;

  constructor(options: BuilderOptions) {
    this.instanceId = options.instanceId;
    this.name = options.name;
    this.version = options.version ?? '';
    this.executionId = options.executionId ?? deterministicHexId(options.instanceId);
    this.now = (options.start ?? new Date('2026-11-02T08:00:00.000Z')).getTime();
    if (options.ticks !== undefined && !/^\d{4}$/.test(options.ticks)) throw new Error(`ticks must be four digits, not '${options.ticks}'`);
    this.ticks = options.ticks ?? '';
    this.beginEpisode();
    this.push({
      EventType: EventType.ExecutionStarted,
      EventId: -1,
      OrchestrationInstance: { InstanceId: this.instanceId, ExecutionId: this.executionId },
      ...(options.parentInstanceId ? { ParentInstance: { OrchestrationInstance: { InstanceId: options.parentInstanceId } } } : { ParentInstance: null }),
      Name: this.name,
      Version: this.version,
      Input: options.input === undefined ? null : JSON.stringify(options.input),
      Tags: null,
      Generation: 0,
    });
  }

  private push(event: Omit<HistoryEvent, 'Timestamp' | 'IsPlayed'> & Record<string, unknown>): HistoryEvent {
    const full = { ...event, Timestamp: new Date(this.now).toISOString().replace('Z', `${this.ticks}Z`), IsPlayed: false } as HistoryEvent;
    this.events.push(full);
    this.now += 7;
    return full;
  }

  private beginEpisode(): void {
    this.episodeStart = this.push({ EventType: EventType.OrchestratorStarted, EventId: -1 }).Timestamp;
    this.inEpisode = true;
  }

  /** Close the current episode and open the next one `afterMs` later (a new message arrived). */
  episode(afterMs = 1500): this {
    if (this.inEpisode) this.push({ EventType: EventType.OrchestratorCompleted, EventId: -1 });
    this.now += afterMs;
    this.beginEpisode();
    return this;
  }

  /** Close the last episode (an instance waiting for its next message). */
  idle(): this {
    if (this.inEpisode) this.push({ EventType: EventType.OrchestratorCompleted, EventId: -1 });
    this.inEpisode = false;
    return this;
  }

  get currentTime(): Date {
    return new Date(this.now);
  }

  /**
   * The code calls an activity (TaskScheduled): returns its sequence id, for completed() or
   * failed(). With `input`, the input is recorded as a JavaScript app's call reaches the Azure
   * Storage provider: in an array of one ("[input]"), a string encoded once more as durable-functions
   * sends it; a replay compares it with the new code's (input drift). Without it nothing is
   * recorded and nothing compared.
   */
  activity(name: string, input?: unknown): number {
    const id = this.nextId++;
    this.push({ EventType: EventType.TaskScheduled, EventId: id, Name: name, Version: '', Input: input === undefined ? null : providerActivityInput(input) });
    return id;
  }

  /** The activity with this sequence id returned `result` (TaskCompleted). */
  completed(id: number, result: unknown): this {
    this.push({ EventType: EventType.TaskCompleted, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
    return this;
  }

  /** The activity with this sequence id threw (TaskFailed). */
  failed(id: number, reason: string, details = ''): this {
    this.push({ EventType: EventType.TaskFailed, EventId: -1, TaskScheduledId: id, Reason: reason, Details: details });
    return this;
  }

  /** The code creates a durable timer (TimerCreated): returns its sequence id, for fired(). */
  timer(fireAt: Date): number {
    const id = this.nextId++;
    this.push({ EventType: EventType.TimerCreated, EventId: id, FireAt: fireAt.toISOString() });
    return id;
  }

  /** The timer with this sequence id fired (TimerFired). */
  fired(id: number, fireAt: Date): this {
    this.push({ EventType: EventType.TimerFired, EventId: -1, TimerId: id, FireAt: fireAt.toISOString() });
    return this;
  }

  /** The code starts a sub-orchestration (SubOrchestrationInstanceCreated): returns its sequence id. */
  subOrchestration(name: string, instanceId: string, input?: unknown): number {
    const id = this.nextId++;
    this.push({
      EventType: EventType.SubOrchestrationInstanceCreated,
      EventId: id,
      Name: name,
      Version: '',
      InstanceId: instanceId,
      Input: input === undefined ? null : JSON.stringify(input),
    });
    return id;
  }

  subCompleted(id: number, result: unknown): this {
    this.push({ EventType: EventType.SubOrchestrationInstanceCompleted, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
    return this;
  }

  subFailed(id: number, reason: string, details = ''): this {
    this.push({ EventType: EventType.SubOrchestrationInstanceFailed, EventId: -1, TaskScheduledId: id, Reason: reason, Details: details });
    return this;
  }

  /** An entity operation sent as event "op" (a call when `signal` is false). Returns its id and request id. */
  entityOperation(entity: { name: string; key: string }, operation: string, input?: unknown, signal = false): { id: number; requestId: string } {
    const id = this.nextId++;
    const requestId = this.newRequestId();
    const request = {
      op: operation,
      signal,
      input: input === undefined ? null : JSON.stringify(input),
      id: requestId,
      parent: this.instanceId,
      parentExecution: this.executionId,
    };
    this.push({
      EventType: EventType.EventSent,
      EventId: id,
      InstanceId: schedulerIdOf(entity),
      Name: 'op',
      Input: JSON.stringify(request),
    });
    return { id, requestId };
  }

  /** Any EventSent (entity lock requests, releases, raw events to other instances). */
  eventSent(targetInstanceId: string, name: string, input?: unknown): number {
    const id = this.nextId++;
    this.push({
      EventType: EventType.EventSent,
      EventId: id,
      InstanceId: targetInstanceId,
      Name: name,
      Input: input === undefined ? null : JSON.stringify(input),
    });
    return id;
  }

  /** A lock request for a critical section: sent as "op" to the first entity, sorted. */
  lockRequest(entities: { name: string; key: string }[]): { id: number; requestId: string } {
    const requestId = this.newRequestId();
    const lockSet = entities.map(schedulerIdOf).sort();
    const id = this.eventSent(lockSet[0]!, 'op', { id: requestId, parent: this.instanceId, lockset: lockSet, pos: 0 });
    return { id, requestId };
  }

  /** The id the extension gives the next entity request sent in this episode. */
  private newRequestId(): string {
    return extensionRequestId(this.instanceId, roundTripTime(this.episodeStart)!, this.guidCounter++);
  }

  /** ExecutionSuspended: the runtime holds later events until ExecutionResumed. */
  suspend(reason = 'suspended for maintenance'): this {
    this.push({ EventType: EventType.ExecutionSuspended, EventId: -1, Reason: reason });
    return this;
  }

  resume(reason = 'resumed'): this {
    this.push({ EventType: EventType.ExecutionResumed, EventId: -1, Reason: reason });
    return this;
  }

  /** The entity's answer to a call: an EventRaised named after the request id. */
  entityResponse(requestId: string, result: unknown): this {
    this.push({ EventType: EventType.EventRaised, EventId: -1, Name: requestId, Input: JSON.stringify({ result: JSON.stringify(result ?? null) }) });
    return this;
  }

  /** An external event arrived (EventRaised), for waitForExternalEvent. */
  raised(name: string, input?: unknown): this {
    this.push({ EventType: EventType.EventRaised, EventId: -1, Name: name, Input: input === undefined ? null : JSON.stringify(input) });
    return this;
  }

  /** The orchestration returned `result` (ExecutionCompleted, Completed): a finished instance. */
  completeExecution(result: unknown): this {
    this.push({
      EventType: EventType.ExecutionCompleted,
      EventId: this.nextId++,
      OrchestrationStatus: OrchestrationStatus.Completed,
      Result: JSON.stringify(result ?? null),
      FailureDetails: null,
    });
    return this.idle();
  }

  /** DurableTask.Core's ContinueAsNewEvent: an ExecutionCompleted of its own event type, status ContinuedAsNew. */
  continueAsNew(input: unknown): this {
    this.push({
      EventType: EventType.ContinueAsNew,
      EventId: this.nextId++,
      OrchestrationStatus: OrchestrationStatus.ContinuedAsNew,
      Result: JSON.stringify(input ?? null),
      FailureDetails: null,
    });
    return this.idle();
  }

  /** The events so far, as an array (a copy). */
  build(): HistoryEvent[] {
    return this.events.map((e) => ({ ...e }));
  }

  /** A durable-gate history file (docs/history-format.md) holding the events so far. */
  toFile(meta: { taskHub?: string; runtimeStatus?: string; recordedAt?: string } = {}): HistoryFile {
    const done = this.events.some((e) => e.EventType === EventType.ExecutionCompleted);
    return {
      schema: HISTORY_SCHEMA,
      taskHub: meta.taskHub ?? 'OrderHub',
      instanceId: this.instanceId,
      executionId: this.executionId,
      name: this.name,
      version: this.version,
      runtimeStatus: meta.runtimeStatus ?? (done ? 'Completed' : 'Running'),
      recordedAt: meta.recordedAt ?? new Date(this.now + 60_000).toISOString(),
      history: this.build(),
    };
  }
}

/**
 * An activity's input as a JavaScript app's call reaches the Azure Storage provider's
 * TaskScheduled.Input: in an array of one, a string encoded once more as durable-functions sends it
 * (docs/runtime-rules.md §17).
 */
export function providerActivityInput(input: unknown): string {
  return JSON.stringify([typeof input === 'string' ? JSON.stringify(input) : input]);
}

/** Deterministic ids (32 hex digits): the same builder calls give the same history. */
export function deterministicHexId(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
