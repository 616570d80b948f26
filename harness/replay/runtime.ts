/**
 * A model of what production does with the actions a JavaScript orchestrator returns: the
 * extension's OutOfProcOrchestrationShim feeds them to DurableTask.Core one at a time (awaiting
 * each before the next), while DurableTask.Core's TaskOrchestrationExecutor walks the history in
 * order and checks every recorded scheduling event against the actions registered so far, by
 * sequence id. Continuations run inline (SynchronousTaskScheduler), so a completion event resumes
 * the shim before the next event is processed. See docs/runtime-rules.md for each rule's source.
 */
import { EventType, type HistoryEvent } from '../history/events.js';
import { extensionRequestId, roundTripTime, type RoundTripZone } from '../history/request-ids.js';
import { ActionType, HTTP_ACTIVITY, entityNameOf, schedulerIdOf, type SdkAction, type SdkRetryOptions } from './actions.js';
import {
  NONDETERMINISM_PREFIX,
  duplicateEventWarning,
  eventSentMessage,
  subOrchestrationCreatedMessage,
  taskScheduledMessage,
  timerCreatedMessage,
  type DtfxActionClass,
  type MismatchCase,
} from './messages.js';

/** A DurableTask.Core action registered under a sequence id (orchestratorActionsMap). */
interface DtfxAction {
  id: number;
  cls: DtfxActionClass;
  /** Activity / sub-orchestration name, or the EventSent event name (op, op@time, release). */
  name: string;
  /** The JS action this id was taken for (a retry's attempts and timers share their action). */
  source: SdkAction;
  /** For entity requests: compare with, or learn, the request id the recorded EventSent carries. */
  onSent?: (event: HistoryEvent, index: number) => void;
  /** What the runtime writes for this id when it is new work (see NewWork). */
  detail?: NewWorkDetail;
}

/**
 * What the extension puts in the scheduling event of new work beyond its class and name: a
 * timer's time (a piece of a long timer, a retry's delay, callHttp's polling interval), an entity
 * request's id, the entity a release frees. The local runtime (harness/testing/) writes these.
 */
export interface NewWorkDetail {
  /** CreateTimerOrchestratorAction: when it fires (ms since the epoch). */
  fireAt?: number;
  /** An entity call, signal or lock request: the id NewGuid gives it (its response is the EventRaised named so), made when asked. */
  requestId?: () => string | undefined;
  /** A release: the entity it frees ("@name@key"). */
  target?: string;
  /** A lock request: the entities locked, sorted. */
  lockSet?: string[];
  /** callHttp's polling call: the Location it polls (a GET). */
  pollLocation?: string;
}

export interface NewWork {
  id: number;
  cls: DtfxActionClass;
  name: string;
  source: SdkAction;
  detail?: NewWorkDetail;
}

/** A .NET Task in the model. */
class SimTask {
  done = false;
  faulted = false;
  /** The completion event, for the few rules that read a result (callHttp's 202 polling). */
  result?: HistoryEvent;
  /** An entity response that can never arrive: the extension waits under another request id. */
  stranded?: StrandedResponse;
  /** Task.WhenAll / Task.WhenAny: what this task waits on. */
  compound?: { any: boolean; children: SimTask[] };
  private waiters: (() => void)[] = [];
  complete(faulted: boolean, result?: HistoryEvent): void {
    if (this.done) return;
    this.done = true;
    this.faulted = faulted;
    if (result) this.result = result;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
  then(callback: () => void): void {
    if (this.done) callback();
    else this.waiters.push(callback);
  }
  static completed(faulted = false): SimTask {
    const task = new SimTask();
    task.complete(faulted);
    return task;
  }
}

export interface Mismatch {
  sequenceId: number;
  eventIndex: number;
  event: HistoryEvent;
  mismatch: MismatchCase;
  /** The JS action registered at that id, if any. */
  action?: SdkAction;
  /** The full text production records as the instance's output. */
  message: string;
}

/** An entity call or lock whose response the extension waits for under an id the history never used. */
export interface StrandedResponse {
  sequenceId: number;
  eventIndex: number;
  event: HistoryEvent;
  action: SdkAction;
  /** The request id the history's EventSent carries: the entity answers under this one. */
  recordedId: string;
  /** The id the extension gives the request in this replay, and waits for. */
  requestId: string;
  /** The recorded request is a signal: the entity sends no answer at all. */
  recordedSignal: boolean;
}

export interface FunctionUse {
  name: string;
  kind: 'activity' | 'orchestrator' | 'entity';
  action: SdkAction;
}

export interface RuntimeOutcome {
  mismatch?: Mismatch;
  warnings: string[];
  /** The shim fed every action to the runtime and each one's task completed. */
  shimFinished: boolean;
  /** Actions registered past the recorded history: the new work the next episode schedules. */
  newWork: NewWork[];
  /** Every function the replay asks the runtime to call, to check against the new app. */
  uses: FunctionUse[];
  /** Calls the extension refused before taking an id (it drops them: the code waits for ever). */
  refusals: { action: SdkAction; reason: string }[];
  /** Warnings for the report that are not the runtime's log lines. */
  notes: string[];
  /**
   * The code waits, at the end of the history, on an entity response that can never come (the
   * extension regenerates request ids, and this one differs from the recorded one): the instance
   * stays Running for ever, with no error.
   */
  stranded?: StrandedResponse;
  /** The history leaves the instance suspended: the held events were judged as if it resumed at the last episode. */
  suspended: boolean;
  /**
   * Tasks still open at the end (a Task.any's losers the code did not cancel): DurableTask.Core
   * completes an orchestration only when none is left (TaskOrchestrationExecutor, HasOpenTasks).
   */
  openTasks: number;
  /** Activity and sub-orchestration calls that matched their recorded event: their inputs are compared by the engine. */
  matched: { sequenceId: number; event: HistoryEvent; action: SdkAction }[];
}

export interface RuntimeOptions {
  maximumShortTimerMs: number;
  longTimerIntervalMs: number;
  /** callHttp's wait between polls when a 202 carries no Retry-After (defaultHttpAsyncRequestSleepTimeMillseconds). */
  httpPollingIntervalMs: number;
  /** Is a function of this kind registered in the new app? Unregistered calls take no id. */
  exists(name: string, kind: FunctionUse['kind']): boolean;
  /** The instance and its parent, for the extension's checks of sub-orchestration ids. */
  instanceId?: string;
  parentInstanceId?: string;
  /**
   * Each event's Timestamp as recorded, by index: the SDK turns the payload's Timestamps into
   * Dates (milliseconds), and entity request ids are made from all seven fraction digits.
   */
  recordedTimestamps?: readonly unknown[];
  /**
   * How episode times are printed into new request ids when the history does not show it (the
   * local runtime, which writes its own histories: 'Z', as a UTC DateTime prints). Unset, a replay
   * trusts recorded ids it cannot reproduce.
   */
  requestIdZone?: RoundTripZone;
  /**
   * A history that leaves the instance suspended keeps its held events held (the local runtime:
   * nothing is scheduled until it is resumed). Unset, a replay judges them as if it resumed.
   */
  holdWhileSuspended?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
/** The extension's RetryOptions.DefaultMaxRetryinterval, used when the SDK sends no maximum. */
const DEFAULT_MAX_RETRY_INTERVAL_MS = 6 * DAY;
export const DEFAULT_RUNTIME_OPTIONS: Omit<RuntimeOptions, 'exists'> = {
  maximumShortTimerMs: 6 * DAY,
  longTimerIntervalMs: 3 * DAY,
  httpPollingIntervalMs: 30_000,
};

/** Run the model over one history with the action list the SDK returned. */
export function simulate(events: readonly HistoryEvent[], actions: unknown[][], schemaVersion: number, options: RuntimeOptions): RuntimeOutcome {
  return new RuntimeModel(events, options).run(actions, schemaVersion);
}

class RuntimeModel {
  private idCounter = 0;
  private readonly registered = new Map<number, DtfxAction>();
  private readonly openTasks = new Map<number, SimTask>();
  private readonly eventWaiters = new Map<string, { task: SimTask; name: string }[]>();
  /** Events raised before any wait, in order, by name in any letter case (the extension's queue). */
  private readonly bufferedEvents = new Map<string, string[]>();
  private now = 0;
  private readonly warnings: string[] = [];
  private readonly uses: FunctionUse[] = [];
  private readonly refusals: { action: SdkAction; reason: string }[] = [];
  /** What the report should say that changes no verdict (an event name that differs in case). */
  private readonly notes: string[] = [];
  private readonly matched: RuntimeOutcome['matched'] = [];
  private shimFinished = false;
  /** The entities the critical section holds ("@name@key", sorted). */
  private lockedEntities: string[] = [];
  /** The current episode's OrchestratorStarted Timestamp as recorded (request ids use its ticks). */
  private nowText: unknown;
  /** How the extension printed episode times into request ids, when the history shows it (§16); null until asked. */
  private requestIdZone: RoundTripZone | undefined | null = null;
  private guidCounter = 0;
  /** DurableOrchestrationContext.IsLongRunningTimer: set by a long timer, cleared when one ends. */
  private longTimerRunning = false;
  /** TaskOrchestrationExecutor: events held while suspended, applied on ExecutionResumed. */
  private suspended = false;
  private readonly heldWhileSuspended: { event: HistoryEvent; index: number }[] = [];
  /** Timers cancelled by the code: DurableTask.Core drops their open task, so their firing is expected. */
  private readonly cancelledTimers = new Set<number>();
  /** What the shim awaits when it stops: the task whose completion would let it go on. */
  private blockedOn: SimTask | undefined;

  constructor(
    private readonly events: readonly HistoryEvent[],
    private readonly options: RuntimeOptions,
  ) {}

  run(actions: unknown[][], schemaVersion: number): RuntimeOutcome {
    let mismatch: Mismatch | undefined;
    for (let index = 0; index < this.events.length && !mismatch; index++) {
      mismatch = this.apply(this.events[index]!, index, actions, schemaVersion);
    }
    // A suspended instance goes on when it is resumed: judge what the held events do then (at the
    // last episode's time, the earliest the resume can come).
    const suspended = this.suspended;
    if (suspended && !mismatch && !this.options.holdWhileSuspended) mismatch = this.resume(actions, schemaVersion);
    const newWork = [...this.registered.values()]
      .sort((a, b) => a.id - b.id)
      .map(({ id, cls, name, source, detail }) => ({ id, cls, name, source, ...(detail ? { detail } : {}) }));
    const stranded = mismatch || this.shimFinished || !this.blockedOn ? undefined : strandedCause(this.blockedOn);
    return {
      ...(mismatch ? { mismatch } : {}),
      warnings: this.warnings,
      shimFinished: this.shimFinished,
      newWork,
      uses: this.uses,
      refusals: this.refusals,
      notes: this.notes,
      ...(stranded ? { stranded } : {}),
      suspended,
      openTasks: this.openTasks.size,
      matched: this.matched,
    };
  }

  /**
   * TaskOrchestrationExecutor.ExecuteCore and ProcessEvent: OrchestratorStarted always sets the
   * current time; while suspended every other event but ExecutionResumed and ExecutionTerminated
   * is held, and ExecutionResumed applies the held ones in order, at the resume episode's time
   * (docs/runtime-rules.md §16).
   */
  private apply(event: HistoryEvent, index: number, actions: unknown[][], schemaVersion: number): Mismatch | undefined {
    if (event.EventType === EventType.OrchestratorStarted) {
      this.now = timeOf(event.Timestamp);
      this.nowText = this.options.recordedTimestamps?.[index] ?? event.Timestamp;
      return undefined;
    }
    if (this.suspended && event.EventType !== EventType.ExecutionResumed && event.EventType !== EventType.ExecutionTerminated) {
      if (event.EventType !== EventType.ExecutionSuspended) this.heldWhileSuspended.push({ event, index });
      return undefined;
    }
    if (event.EventType === EventType.ExecutionSuspended) {
      this.suspended = true;
      return undefined;
    }
    if (event.EventType === EventType.ExecutionResumed) return this.resume(actions, schemaVersion);
    return this.process(event, index, actions, schemaVersion);
  }

  /** TaskOrchestrationContext.HandleExecutionResumedEvent: the held events, in order, now. */
  private resume(actions: unknown[][], schemaVersion: number): Mismatch | undefined {
    this.suspended = false;
    for (const { event, index } of this.heldWhileSuspended.splice(0)) {
      const mismatch = this.apply(event, index, actions, schemaVersion);
      if (mismatch) return mismatch;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ history side (DTFx)

  private process(event: HistoryEvent, index: number, actions: unknown[][], schemaVersion: number): Mismatch | undefined {
    switch (event.EventType) {
      case EventType.ExecutionStarted:
        this.startShim(actions, schemaVersion);
        return undefined;
      case EventType.TaskScheduled:
        return this.match(event, index, 'ScheduleTaskOrchestratorAction', event.Name ?? '', taskScheduledMessage);
      case EventType.TimerCreated:
        // EventId -100 is FrameworkConstants.FakeTimerIdToSplitDecision: skipped unchecked.
        if (event.EventId === -100) return undefined;
        return this.match(event, index, 'CreateTimerOrchestratorAction', undefined, timerCreatedMessage);
      case EventType.SubOrchestrationInstanceCreated:
        return this.match(event, index, 'CreateSubOrchestrationAction', event.Name ?? '', subOrchestrationCreatedMessage);
      case EventType.EventSent:
        return this.match(event, index, 'SendEventOrchestratorAction', event.Name ?? '', eventSentMessage);
      case EventType.TaskCompleted:
        return this.completeTask(event, event.TaskScheduledId, false, 'TaskCompleted');
      case EventType.TaskFailed:
        return this.completeTask(event, event.TaskScheduledId, true, 'TaskFailed');
      case EventType.SubOrchestrationInstanceCompleted:
        return this.completeTask(event, event.TaskScheduledId, false, 'SubOrchestrationInstanceCompleted');
      case EventType.SubOrchestrationInstanceFailed:
        return this.completeTask(event, event.TaskScheduledId, true, 'SubOrchestrationInstanceFailed');
      case EventType.TimerFired:
        // A timer the code cancelled has no open task any more; its firing is expected, not a duplicate.
        if (typeof event.TimerId === 'number' && this.cancelledTimers.has(event.TimerId)) return undefined;
        return this.completeTask(event, event.TimerId, false, 'TimerFired');
      case EventType.EventRaised:
        this.raise(event.Name ?? '');
        return undefined;
      case EventType.OrchestratorStarted:
      case EventType.ExecutionCompleted:
      case EventType.ExecutionFailed:
      case EventType.ExecutionTerminated:
      case EventType.OrchestratorCompleted:
      case EventType.ContinueAsNew:
      case EventType.GenericEvent:
      case EventType.HistoryState:
      case EventType.ExecutionSuspended:
      case EventType.ExecutionResumed:
      case EventType.ExecutionRewound:
        return undefined;
    }
  }

  private match(
    event: HistoryEvent,
    index: number,
    expected: DtfxActionClass,
    name: string | undefined,
    message: (event: HistoryEvent, mismatch: MismatchCase) => string,
  ): Mismatch | undefined {
    const id = event.EventId;
    const action = this.registered.get(id);
    let mismatch: MismatchCase | undefined;
    if (!action) mismatch = { kind: 'missing' };
    else if (action.cls !== expected) mismatch = { kind: 'type', actual: action.cls };
    else if (name !== undefined && name.toLowerCase() !== action.name.toLowerCase()) mismatch = { kind: 'name', actualName: action.name };
    if (mismatch) {
      return {
        sequenceId: id,
        eventIndex: index,
        event,
        mismatch,
        ...(action ? { action: action.source } : {}),
        message: NONDETERMINISM_PREFIX + message(event, mismatch),
      };
    }
    this.registered.delete(id);
    if (expected === 'ScheduleTaskOrchestratorAction' || expected === 'CreateSubOrchestrationAction')
      this.matched.push({ sequenceId: id, event, action: action!.source });
    action!.onSent?.(event, index);
    return undefined;
  }

  private completeTask(event: HistoryEvent, id: number | undefined, faulted: boolean, source: string): undefined {
    const task = typeof id === 'number' ? this.openTasks.get(id) : undefined;
    if (!task || id === undefined) {
      this.warnings.push(duplicateEventWarning(source, id ?? -1, event));
      return undefined;
    }
    this.openTasks.delete(id);
    task.complete(faulted, event);
    return undefined;
  }

  /**
   * DurableOrchestrationContext.RaiseEvent: the newest waiter for the name (any letter case) gets
   * the event, so that a wait abandoned by a Task.any in a loop does not swallow it; with no
   * waiter, events are kept in order for the next wait (docs/runtime-rules.md §10).
   */
  private raise(name: string): void {
    const key = name.toLowerCase();
    const waiters = this.eventWaiters.get(key);
    const waiter = waiters?.pop();
    if (waiter) {
      if (waiters!.length === 0) this.eventWaiters.delete(key);
      this.checkEventName(name, waiter.name);
      waiter.task.complete(false);
    } else {
      this.bufferedEvents.set(key, [...(this.bufferedEvents.get(key) ?? []), name]);
    }
  }

  private waitForEvent(name: string): SimTask {
    const key = name.toLowerCase();
    const buffered = this.bufferedEvents.get(key);
    if (buffered?.length) {
      const raised = buffered.shift()!;
      if (buffered.length === 0) this.bufferedEvents.delete(key);
      this.checkEventName(raised, name);
      return SimTask.completed();
    }
    const task = new SimTask();
    const waiters = this.eventWaiters.get(key) ?? [];
    waiters.push({ task, name });
    this.eventWaiters.set(key, waiters);
    return task;
  }

  /**
   * The extension matches event names in any letter case, the SDK exactly (docs/runtime-rules.md
   * §10): an event that differs from its wait only in case reaches the extension's waiter but
   * never the code, which waits for ever unless an event with the exact name comes.
   */
  private checkEventName(raised: string, waited: string): void {
    if (raised !== waited)
      this.notes.push(
        `the event '${raised}' reaches the wait for '${waited}' in the extension, which matches names in any letter case, but the SDK matches them exactly: the code never sees it and waits until an event named exactly '${waited}' is raised`,
      );
  }

  // ------------------------------------------------------------------ DTFx context APIs

  private register(
    cls: DtfxActionClass,
    name: string,
    source: SdkAction,
    onSent?: DtfxAction['onSent'],
    detail?: NewWorkDetail,
  ): { id: number; task: SimTask } {
    const id = this.idCounter++;
    const action: DtfxAction = { id, cls, name, source };
    if (onSent) action.onSent = onSent;
    if (detail) action.detail = detail;
    this.registered.set(id, action);
    const task = new SimTask();
    this.openTasks.set(id, task);
    return { id, task };
  }

  private scheduleTask(name: string, source: SdkAction): SimTask {
    return this.register('ScheduleTaskOrchestratorAction', name, source).task;
  }

  private createTimer(source: SdkAction, fireAt: number): SimTask {
    return this.register('CreateTimerOrchestratorAction', '', source, undefined, { fireAt }).task;
  }

  /**
   * A timer of the code's: when the code cancelled it (isCanceled), the shim cancels its token
   * right after creating it, and DurableTask.Core drops its open task (CreateTimer's cancellation
   * callback): the orchestration may complete before it fires, and its TimerFired is no duplicate.
   */
  private codeTimer(source: SdkAction, fireAt: number): SimTask | undefined {
    const { id, task } = this.register('CreateTimerOrchestratorAction', '', source, undefined, { fireAt });
    if (!source.isCanceled) return task;
    this.openTasks.delete(id);
    this.cancelledTimers.add(id);
    return undefined;
  }

  private sendEvent(name: string, source: SdkAction, onSent?: DtfxAction['onSent'], detail?: NewWorkDetail): void {
    const { id } = this.register('SendEventOrchestratorAction', name, source, onSent, detail);
    // A send has no completion event: nothing waits on its id.
    this.openTasks.delete(id);
  }

  /**
   * DurableOrchestrationContext.CallHttpAsync (docs/runtime-rules.md §11): one CallHttp action runs
   * the whole asynchronous pattern. While the answer is a 202 and polling is on, a timer (one id,
   * never split) and then another BuiltIn::HttpActivity to the Location (one id) follow; any other
   * status ends it. A Retry-After that is not a whole number of seconds, or a 202 without a
   * Location, faults the call where the extension throws.
   */
  private callHttp(action: SdkAction): SimTask {
    const result = new SimTask();
    const polling = (action.httpRequest as { asynchronousPatternEnabled?: unknown } | undefined)?.asynchronousPatternEnabled !== false;
    const poll = (location?: string): void => {
      const call = this.register(
        'ScheduleTaskOrchestratorAction',
        HTTP_ACTIVITY,
        action,
        undefined,
        location === undefined ? undefined : { pollLocation: location },
      ).task;
      call.then(() => {
        const response = call.faulted ? undefined : httpResponseOf(call.result);
        if (!response || !polling || response.statusCode !== 202) return result.complete(call.faulted);
        const retryAfter = headerOf(response.headers, 'retry-after');
        if (retryAfter !== undefined && !/^\s*\d+\s*$/.test(retryAfter)) return result.complete(true);
        const next = headerOf(response.headers, 'location');
        const waitMs = retryAfter === undefined ? this.options.httpPollingIntervalMs : Number(retryAfter) * 1000;
        this.createTimer(action, this.now + waitMs).then(() => (next === undefined ? result.complete(true) : poll(next)));
      });
    };
    poll();
    return result;
  }

  /**
   * RetryInterceptor.Invoke: the retry id layout of docs/runtime-rules.md §3. With at most zero
   * attempts its loop never runs: no id, and the call succeeds at once with no result (§13).
   */
  private withRetry(options: SdkRetryOptions | undefined, attempt: () => SimTask, source: SdkAction): SimTask {
    const maxAttempts = options?.maxNumberOfAttempts ?? 1;
    if (!(maxAttempts >= 1)) return SimTask.completed();
    const result = new SimTask();
    const firstAttempt = this.now;
    const run = (retryCount: number): void => {
      const call = attempt();
      call.then(() => {
        if (!call.faulted) return result.complete(false);
        // The last attempt is checked first: DTFx then always waits on a "Dummy timer for
        // back-compat", whatever the retry timeout says; only earlier attempts compute a delay.
        if (retryCount + 1 >= maxAttempts) return this.createTimer(source, this.now).then(() => result.complete(true));
        const delay = this.nextRetryDelay(options, retryCount, firstAttempt);
        if (delay <= 0) return result.complete(true);
        this.createTimer(source, this.now + delay).then(() => run(retryCount + 1));
      });
    };
    run(0);
    return result;
  }

  /**
   * RetryInterceptor.ComputeNextDelay with the values RetryOptionsConverter reads: a field the SDK
   * sent is taken as it is, zero included (a zero timeout or maximum interval ends the retries);
   * a missing one keeps the extension's default (no timeout, at most 6 days between attempts).
   */
  private nextRetryDelay(options: SdkRetryOptions | undefined, attempt: number, firstAttempt: number): number {
    if (!options) return 0;
    const timeout = options.retryTimeoutInMilliseconds;
    if (typeof timeout === 'number' && !(this.now < firstAttempt + timeout)) return 0;
    const delay = options.firstRetryIntervalInMilliseconds * Math.pow(options.backoffCoefficient ?? 1, attempt);
    const max = options.maxRetryIntervalInMilliseconds ?? DEFAULT_MAX_RETRY_INTERVAL_MS;
    return delay < max ? delay : max;
  }

  /**
   * IDurableOrchestrationContext.CreateTimer: timers longer than the provider's maximum are split.
   * The context's IsLongRunningTimer flag is set by a long timer and cleared only when a timer
   * loop ends: a timer created while it is still set (a long timer lost a Task.any, or was
   * cancelled) runs the loop too, and one whose time has passed then takes no id at all.
   */
  private timer(action: SdkAction): SimTask {
    const fireAt = action.fireAt instanceof Date ? action.fireAt.getTime() : Date.parse(String(action.fireAt));
    const long = fireAt - this.now > this.options.maximumShortTimerMs;
    if (!long && !this.longTimerRunning) return this.codeTimer(action, fireAt) ?? SimTask.completed(true);
    if (long) this.longTimerRunning = true;
    // Each piece fires at most one interval later; FireAt is never compared, only the count matters.
    const result = new SimTask();
    const done = (): void => {
      this.longTimerRunning = false;
      result.complete(false);
    };
    const next = (): void => {
      if (!(this.now < fireAt)) return done();
      const piece = this.codeTimer(action, Math.min(fireAt, this.now + this.options.longTimerIntervalMs));
      // Cancelled: the await throws, and the flag stays set.
      if (!piece) return result.complete(true);
      piece.then(() => (fireAt - this.now <= 0 ? done() : next()));
    };
    next();
    return result;
  }

  // ------------------------------------------------------------------ the extension's shim

  /** OutOfProcOrchestrationShim.InvokeAPIFromAction. */
  private invoke(action: SdkAction): SimTask {
    switch (action.actionType) {
      case ActionType.CallActivity:
        return this.callFunction(action, 'activity', () => this.scheduleTask(action.functionName ?? '', action));
      case ActionType.CallActivityWithRetry:
        return this.callFunction(action, 'activity', () =>
          this.withRetry(action.retryOptions, () => this.scheduleTask(action.functionName ?? '', action), action),
        );
      case ActionType.CallSubOrchestrator:
        return this.callFunction(action, 'orchestrator', () => this.register('CreateSubOrchestrationAction', action.functionName ?? '', action).task);
      case ActionType.CallSubOrchestratorWithRetry:
        return this.callFunction(action, 'orchestrator', () =>
          this.withRetry(action.retryOptions, () => this.register('CreateSubOrchestrationAction', action.functionName ?? '', action).task, action),
        );
      case ActionType.CallHttp:
        return this.callHttp(action);
      case ActionType.CreateTimer:
        return this.timer(action);
      case ActionType.WaitForExternalEvent:
        return this.waitForEvent(action.externalEventName ?? '');
      case ActionType.CallEntity:
        return this.callFunction(action, 'entity', () => this.entityRequest(action, 'op', true));
      case ActionType.SignalEntity:
      case ActionType.ScheduledSignalEntity: {
        // Signals wait synchronously in the extension: the missing entity's exception escapes the
        // shim's loop and fails the orchestration; no later action is invoked (§4). SDK signals are
        // never inside a Task.all, so a task that never completes stops the loop here.
        if (!this.use(action, 'entity')) return new SimTask();
        const name = action.actionType === ActionType.ScheduledSignalEntity ? `op@${new Date(String(action.fireAt)).toISOString()}` : 'op';
        return this.entityRequest(action, name, false);
      }
      case ActionType.LockEntities: {
        // LockAsync sends one lock request, to the first entity in sorted order, then waits.
        const lockSet = action.lockSet ?? [];
        for (const entity of lockSet) {
          if (!this.use({ ...action, instanceId: schedulerIdOf(entity) }, 'entity')) return SimTask.completed(true);
        }
        this.lockedEntities = lockSet.map(schedulerIdOf).sort();
        return this.entityRequest(action, 'op', true, this.lockedEntities);
      }
      case ActionType.ReleaseEntities: {
        // ReleaseLocks sends one "release" per entity held.
        const held = this.lockedEntities;
        for (let i = 0; i < Math.max(1, held.length); i++)
          this.sendEvent('release', action, undefined, held[i] === undefined ? undefined : { target: held[i] });
        this.lockedEntities = [];
        return SimTask.completed();
      }
      case ActionType.ContinueAsNew:
        return SimTask.completed();
      case ActionType.WhenAll:
      case ActionType.WhenAny: {
        const children = (action.compoundActions ?? []).map((child) => this.invoke(child));
        const result = new SimTask();
        const any = action.actionType === ActionType.WhenAny;
        if (children.length === 0) return SimTask.completed();
        result.compound = { any, children };
        let remaining = children.length;
        for (const child of children) {
          child.then(() => {
            remaining -= 1;
            if (any || remaining === 0) result.complete(false);
          });
        }
        return result;
      }
      default:
        return SimTask.completed(true);
    }
  }

  /**
   * An entity call, signal or lock request (DurableOrchestrationContext.CallDurableTaskFunctionAsync,
   * LockAsync; docs/runtime-rules.md §16): NewGuid names the request after the instance, the
   * episode's time and a counter; one EventSent carries it, and a call or lock then waits for the
   * EventRaised named after that id.
   *
   * A request that reaches its recorded EventSent has the recorded counter (every request before
   * it matched a recorded request), so its id is the recorded one exactly when it is made in the
   * episode that sent it. Made in another episode, its id differs where the history shows how the
   * extension made its ids: nobody answers it. Otherwise the recorded id is taken as it is. (No
   * hashing on the common path: ids are only made when the episodes differ.)
   */
  private entityRequest(action: SdkAction, name: string, awaitsResponse: boolean, lockSet?: string[]): SimTask {
    const counter = this.guidCounter++;
    const madeAt = this.nowText;
    const response = awaitsResponse ? new SimTask() : SimTask.completed();
    const sequenceId = this.idCounter;
    // Made only when asked (new work in the local runtime): no hashing on the replay's path.
    const detail: NewWorkDetail = { requestId: () => this.requestIdAt(madeAt, counter), ...(lockSet ? { lockSet } : {}) };
    this.sendEvent(
      name,
      action,
      (sent, eventIndex) => {
        if (!awaitsResponse) return;
        const recorded = requestOf(sent);
        if (recorded === undefined) return;
        const strand = (requestId: string): void => {
          response.stranded = { sequenceId, eventIndex, event: sent, action, recordedId: recorded.id, requestId, recordedSignal: recorded.signal };
        };
        // The step was sent as a signal: the entity answers nothing, whatever the id.
        if (recorded.signal) return strand(this.requestIdAt(madeAt, counter) ?? recorded.id);
        if (!sameInstant(madeAt, this.nowText)) {
          const requestId = this.requestIdAt(madeAt, counter);
          if (requestId !== undefined && requestId !== recorded.id.toLowerCase()) return strand(requestId);
        }
        this.waitForEvent(recorded.id).then(() => response.complete(false));
      },
      detail,
    );
    return response;
  }

  /** DurableOrchestrationContext.NewGuid for a request made at `time` as the `counter`th, when the history shows the form of its ids. */
  private requestIdAt(time: unknown, counter: number): string | undefined {
    if (this.options.instanceId === undefined) return undefined;
    if (this.requestIdZone === null)
      this.requestIdZone = requestIdZoneOf(this.events, this.options.instanceId, this.options.recordedTimestamps) ?? this.options.requestIdZone;
    if (this.requestIdZone === undefined) return undefined;
    const text = roundTripTime(time, this.requestIdZone);
    return text === undefined ? undefined : extensionRequestId(this.options.instanceId, text, counter);
  }

  private use(action: SdkAction, kind: FunctionUse['kind']): boolean {
    const name = kind === 'entity' ? (entityNameOf(action.instanceId) ?? '') : (action.functionName ?? '');
    this.uses.push({ name, kind, action });
    return this.options.exists(name, kind);
  }

  /** CallDurableTaskFunctionAsync checks the function exists; the check's exception lands in the
   * returned task, which the shim swallows: no id is taken and the code waits forever. */
  private callFunction(action: SdkAction, kind: FunctionUse['kind'], schedule: () => SimTask): SimTask {
    const refused = this.refusal(action);
    if (refused) {
      this.refusals.push({ action, reason: refused });
      return SimTask.completed(true);
    }
    if (!this.use(action, kind)) return SimTask.completed(true);
    return schedule();
  }

  /**
   * What CallDurableTaskFunctionAsync throws before it takes an id (docs/runtime-rules.md §13):
   * a retry interval longer than the provider's longest timer, a sub-orchestration id that is
   * the instance's own, its parent's, or an entity's ('@').
   */
  private refusal(action: SdkAction): string | undefined {
    const retry =
      action.actionType === ActionType.CallActivityWithRetry || action.actionType === ActionType.CallSubOrchestratorWithRetry ? action.retryOptions : undefined;
    for (const field of ['maxRetryIntervalInMilliseconds', 'firstRetryIntervalInMilliseconds'] as const) {
      const value = retry?.[field];
      if (typeof value === 'number' && value > this.options.maximumShortTimerMs)
        return `its retry option ${field} (${value} ms) is longer than the provider's longest timer: "The Azure Storage provider supports a maximum of 6 days for time-based delays"`;
    }
    if (action.actionType !== ActionType.CallSubOrchestrator && action.actionType !== ActionType.CallSubOrchestratorWithRetry) return undefined;
    const id = action.instanceId;
    if (!id) return undefined;
    if (id.startsWith('@')) return `its instance id '${id}' starts with '@', which only entities' ids may`;
    if (id.toLowerCase() === this.options.instanceId?.toLowerCase()) return `its instance id '${id}' is the orchestration's own`;
    if (id.toLowerCase() === this.options.parentInstanceId?.toLowerCase()) return `its instance id '${id}' is the parent orchestration's`;
    return undefined;
  }

  /** ReplayOOProcOrchestration: V2+ feeds actions one by one; V1 per yield, awaiting any. */
  private startShim(actions: unknown[][], schemaVersion: number): void {
    if (schemaVersion >= 1) {
      const list = (actions[0] ?? []) as SdkAction[];
      let next = 0;
      const step = (): void => {
        while (next < list.length) {
          const task = this.invoke(list[next++]!);
          if (!task.done) {
            this.blockedOn = task;
            return task.then(step);
          }
        }
        this.blockedOn = undefined;
        this.shimFinished = true;
      };
      step();
      return;
    }
    let set = 0;
    const stepSet = (): void => {
      while (set < actions.length) {
        const tasks = ((actions[set++] ?? []) as SdkAction[]).map((a) => this.invoke(a));
        if (tasks.length > 0 && !tasks.some((t) => t.done)) {
          let resumed = false;
          this.blockedOn = Object.assign(new SimTask(), { compound: { any: true, children: tasks } });
          for (const task of tasks) task.then(() => (resumed ? undefined : ((resumed = true), stepSet())));
          return;
        }
      }
      this.blockedOn = undefined;
      this.shimFinished = true;
    };
    stepSet();
  }
}

/** What the extension throws at the orchestrator's answer before it replays any action. */
export interface StateRejection {
  /** The exception's message: production records "Orchestrator function '<name>' failed: <message>". */
  message: string;
  /** Why, for the report. */
  reason: string;
  /** The action that carries the bad value, when one does. */
  action?: SdkAction;
}

const RETRY_INT_FIELDS = ['firstRetryIntervalInMilliseconds', 'maxNumberOfAttempts', 'maxRetryIntervalInMilliseconds', 'retryTimeoutInMilliseconds'] as const;
const MAX_CUSTOM_STATUS_KB = 16;

/**
 * OutOfProcOrchestrationShim.ScheduleDurableTaskEvents reads the whole answer first
 * (RetryOptionsConverter reads each retry field as a 32-bit int: a larger value is an
 * OverflowException), then sets the custom status (MessagePayloadDataConverter: at most 16 KB in
 * UTF-16), and only then replays the actions. Either exception fails the orchestration with no
 * action taken (docs/runtime-rules.md §13).
 */
export function stateRejection(state: { actions: unknown[][]; customStatus?: unknown }): StateRejection | undefined {
  const visit = (action: SdkAction): StateRejection | undefined => {
    const retry = action.retryOptions;
    for (const field of RETRY_INT_FIELDS) {
      const value = retry?.[field];
      if (typeof value === 'number' && !(Math.round(value) >= -2_147_483_648 && Math.round(value) <= 2_147_483_647)) {
        return {
          message: 'Value was either too large or too small for an Int32.',
          reason: `the retry option ${field} (${value}) does not fit the 32-bit integer the extension reads it as (at most 2147483647 ms, about 24.8 days)`,
          action,
        };
      }
    }
    for (const child of action.compoundActions ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const set of state.actions) {
    for (const action of (set ?? []) as SdkAction[]) {
      const found = action && typeof action === 'object' ? visit(action) : undefined;
      if (found) return found;
    }
  }
  if (state.customStatus === undefined || state.customStatus === null) return undefined;
  const text = JSON.stringify(state.customStatus);
  // String payloads in Azure Storage are UTF-16: two bytes per JavaScript code unit.
  const kb = Math.floor((text.length * 2) / 1024);
  if (kb <= MAX_CUSTOM_STATUS_KB) return undefined;
  return {
    message: `The UTF-16 size of the JSON-serialized payload must not exceed ${MAX_CUSTOM_STATUS_KB} KB. The current payload size is ${kb.toLocaleString('en-US')} KB.`,
    reason: `the custom status is ${kb} KB as the extension measures it (JSON in UTF-16), over its limit of ${MAX_CUSTOM_STATUS_KB} KB`,
  };
}

/** The request an entity message's EventSent carries (RequestMessage "id" and "signal"). */
function requestOf(sent: HistoryEvent): { id: string; signal: boolean } | undefined {
  try {
    const input: unknown = typeof sent.Input === 'string' ? JSON.parse(sent.Input) : undefined;
    const { id, signal } = input && typeof input === 'object' ? (input as { id?: unknown; signal?: unknown }) : {};
    return typeof id === 'string' && id !== '' ? { id, signal: signal === true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How the extension printed episode times into this instance's request ids, if the history
 * proves it: every recorded request (an EventSent 'op' or 'op@<time>') must carry the id NewGuid
 * gives the nth request at the episode that sent it. Anything else (ids from another runtime,
 * times cut to milliseconds on the way) leaves the recorded ids to be trusted as they are.
 */
function requestIdZoneOf(events: readonly HistoryEvent[], instanceId: string, timestamps: readonly unknown[] | undefined): RoundTripZone | undefined {
  let episode: unknown;
  let counter = 0;
  let zone: RoundTripZone | undefined;
  for (const [index, event] of events.entries()) {
    if (event.EventType === EventType.OrchestratorStarted) episode = timestamps?.[index] ?? event.Timestamp;
    if (event.EventType !== EventType.EventSent || !(event.Name === 'op' || event.Name?.startsWith('op@'))) continue;
    const recorded = requestOf(event)?.id.toLowerCase();
    const candidates: RoundTripZone[] = zone === undefined ? ['Z', ''] : [zone];
    zone = candidates.find((z) => {
      const time = roundTripTime(episode, z);
      return time !== undefined && extensionRequestId(instanceId, time, counter) === recorded;
    });
    if (zone === undefined) return undefined;
    counter += 1;
  }
  return zone;
}

/** Two episode times: the same text, or the same instant (a Date the SDK made, or another spelling). */
function sameInstant(a: unknown, b: unknown): boolean {
  return a === b || roundTripTime(a) === roundTripTime(b);
}

/** Why a task the shim awaits can never complete: an entity response it waits for under an id nobody answers. */
function strandedCause(task: SimTask): StrandedResponse | undefined {
  if (task.done) return undefined;
  if (task.stranded) return task.stranded;
  if (!task.compound) return undefined;
  let first: StrandedResponse | undefined;
  for (const child of task.compound.children) {
    if (child.done) continue;
    const cause = strandedCause(child);
    // Task.any goes on when any open child can complete; Task.all stops at any that cannot.
    if (task.compound.any && !cause) return undefined;
    if (!task.compound.any && cause) return cause;
    first ??= cause;
  }
  return task.compound.any ? first : undefined;
}

/** The SDK may have turned Timestamps into Dates in place. */
function timeOf(value: unknown): number {
  return value instanceof Date ? value.getTime() : Date.parse(String(value));
}

/** The DurableHttpResponse a BuiltIn::HttpActivity completion carries, when it parses as one. */
function httpResponseOf(event: HistoryEvent | undefined): { statusCode?: unknown; headers?: unknown } | undefined {
  if (typeof event?.Result !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(event.Result);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A response header by name in any letter case (the extension copies them OrdinalIgnoreCase); the first value of a list. */
function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
  }
  return undefined;
}
