/**
 * A local Durable runtime for tests: runs an app's orchestrators through its own durable-functions
 * SDK (in the replay worker), completes what they schedule (activities, timers, sub-orchestrations,
 * entities, callHttp, events) and writes the history the Durable Task runtime would write.
 *
 * It is the replay model driven forward. Each episode appends the new messages to the history,
 * invokes the orchestrator as the extension does, and hands the actions it returns to the same
 * model of DurableTask.Core and the extension that judges replays (replay/runtime.ts): what that
 * model registers past the history is the new work the runtime schedules, with the sequence ids,
 * timer times and entity request ids production would give it. So every history it writes replays
 * ok against the same code, by construction and by test.
 *
 * Time is virtual: timers fire when the test advances the clock, or, in run(), when nothing else
 * can happen. Each episode of an instance starts at least 1 ms after its previous one, as real
 * episodes never share a time (entity request ids are made from it).
 */
import type { ReplayApp } from '../app/host.js';
import { loadApp, type LoadAppOptions } from '../app/host.js';
import { readHostConfig } from '../app/host-json.js';
import type { FunctionOutcome, InvocationOutcome, OrchestratorState } from '../app/types.js';
import { deterministicHexId } from '../history/builder.js';
import { EventType, HISTORY_SCHEMA, OrchestrationStatus, type HistoryEvent, type HistoryFile } from '../history/events.js';
import type { LoadedHistory } from '../history/load.js';
import { ActionType, HTTP_ACTIVITY, entityOf, schedulerIdOf, type SdkAction } from '../replay/actions.js';
import { orchestratorFailedMessage } from '../replay/messages.js';
import { buildPayload, type ReplaySchemaName } from '../replay/payload.js';
import { DEFAULT_RUNTIME_OPTIONS, simulate, type NewWork } from '../replay/runtime.js';
import { durationMs } from '../duration.js';
import { errorMessage } from '../errors.js';
import { returnedOutcome, threwOutcomeOf } from '../app/outcome.js';
import { readable } from '../replay/inputs.js';

/** What an activity mock gets besides its input. */
export interface ActivityCall {
  instanceId: string;
  orchestrator: string;
  /** The sequence id the runtime gave the call. */
  sequenceId: number;
  /** The virtual time it runs at. */
  now: Date;
}

/** Completes an activity: its return value is the result; throwing makes the activity fail. */
export type ActivityMock = (input: any, call: ActivityCall) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A sub-orchestration answered without running it: its return value is the result; throwing fails it. */
export type SubOrchestrationMock = (input: any, call: { instanceId: string; parentInstanceId: string }) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One entity operation answered by the test: return the new state (absent: unchanged) and the result. */
export type EntityMock = (operation: {
  key: string;
  operation: string;
  input: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  state: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}) => { state?: unknown; result?: unknown } | void | Promise<{ state?: unknown; result?: unknown } | void>;

/** A callHttp request as the orchestrator made it (DurableHttpRequest). */
export interface HttpRequestInfo {
  method: string;
  uri: string;
  headers?: Record<string, string>;
  content?: string;
  /** True for the polls that follow a 202 (a GET of its Location). */
  poll: boolean;
}

export interface HttpAnswer {
  statusCode: number;
  headers?: Record<string, string>;
  content?: string;
}

export interface LocalRuntimeOptions extends Pick<LoadAppOptions, 'allowStaleBuild' | 'historyTimeoutMs' | 'memoryLimitMb' | 'userOutput'> {
  /** The function app's folder, built, as replay takes it. */
  app: string;
  /** Activity results by activity name (any letter case). */
  activities?: Record<string, ActivityMock>;
  /** Run the app's own activity code: for every activity without a mock (true), or for these names. */
  appActivities?: boolean | string[];
  /** Sub-orchestrations answered by the test instead of run from the app. */
  subOrchestrations?: Record<string, SubOrchestrationMock>;
  /** Entities answered by the test instead of the app's own entity functions, by entity name. */
  entities?: Record<string, EntityMock>;
  /** Answers callHttp requests (and their 202 polls). */
  http?: (request: HttpRequestInfo) => HttpAnswer | Promise<HttpAnswer>;
  /** Where the virtual clock starts. Default 2026-01-01T00:00:00Z. */
  startTime?: Date | string;
  /** The replay schema the host advertises (V4 for context.df.lock()). Default V3, as the replay's. */
  schema?: ReplaySchemaName;
  /** Task hub name written into history files. Default TestHubName. */
  taskHub?: string;
  /** Episodes one run() may take before it stops with an error (an eternal orchestration). Default 10,000. */
  maxEpisodes?: number;
  /**
   * Write activity and sub-orchestration inputs into TaskScheduled and SubOrchestrationInstanceCreated,
   * as the extension does only with host.json storeInputsInOrchestrationHistory: true. Default: the
   * app's host.json (false when absent, so Input is null, as in production by default).
   */
  storeInputs?: boolean;
}

export type InstanceStatus = 'Pending' | 'Running' | 'Suspended' | 'Completed' | 'Failed' | 'Terminated';

/** An error of the test set-up (a missing mock, an unknown orchestrator), not of the code under test. */
export class LocalRuntimeError extends Error {
  override name = 'LocalRuntimeError';
}

interface Message {
  at: number;
  /** When it was sent: its Timestamp (a TimerFired keeps the time its timer was created). */
  sent: number;
  seq: number;
  /** The first message of a generation started by continueAsNew: it runs in the work item that ended the last one. */
  continued?: boolean;
  target: string;
  event: Omit<HistoryEvent, 'Timestamp' | 'EventId'> & { EventId?: number };
}

/** An entity as the runtime keeps it: its state (JSON text), its lock, and requests waiting for the lock. */
interface EntityRecord {
  name: string;
  key: string;
  exists: boolean;
  state: string | undefined;
  lockedBy?: string;
  waiting: Message[];
}

const DEFAULT_START = Date.parse('2026-01-01T00:00:00.000Z');

export class LocalRuntime {
  private clock: number;
  private seq = 0;
  private messages: Message[] = [];
  private readonly instances = new Map<string, TestInstance>();
  private readonly entities = new Map<string, EntityRecord>();
  private episodesRun = 0;
  private readonly storeInputs: boolean;

  private constructor(
    readonly app: ReplayApp,
    private readonly options: LocalRuntimeOptions,
    /** close() closes the app: false when the app is shared (runs of check's scenarios over one loaded app). */
    private readonly ownsApp = true,
  ) {
    let stored = false;
    try {
      stored = readHostConfig(app.info.dir).storeInputs === true;
    } catch {
      // The app loaded without a readable host.json: the extension's default.
    }
    this.storeInputs = options.storeInputs ?? stored;
    // A name in appActivities that the app does not register is a typo, said now rather than at the call.
    const activities = app.info.functions.filter((f) => f.kind === 'activity').map((f) => f.name);
    const unknown = Array.isArray(options.appActivities)
      ? options.appActivities.filter((name) => !activities.some((a) => a.toLowerCase() === name.toLowerCase()))
      : [];
    if (unknown.length > 0)
      throw new LocalRuntimeError(
        `appActivities names ${unknown.map((n) => `'${n}'`).join(', ')}, which the app does not register as ${unknown.length > 1 ? 'activities' : 'an activity'}. Its activities: ${activities.join(', ') || 'none'}.`,
      );
    this.clock = options.startTime === undefined ? DEFAULT_START : new Date(options.startTime).getTime();
    if (!Number.isFinite(this.clock)) throw new LocalRuntimeError(`startTime ${String(options.startTime)} is not a time; pass a Date or an ISO 8601 text.`);
  }

  /** Loads the app (in a worker process of its own) and starts the clock. Call close() when done. */
  static async create(options: LocalRuntimeOptions): Promise<LocalRuntime> {
    if (!options || typeof options.app !== 'string') throw new LocalRuntimeError("LocalRuntime.create needs { app: '<folder of the built function app>' }.");
    const app = await loadApp(options.app, {
      ...(options.allowStaleBuild ? { allowStaleBuild: true } : {}),
      ...(options.historyTimeoutMs ? { historyTimeoutMs: options.historyTimeoutMs } : {}),
      ...(options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {}),
      ...(options.userOutput ? { userOutput: options.userOutput } : {}),
    });
    try {
      return new LocalRuntime(app, options);
    } catch (error) {
      await app.close();
      throw error;
    }
  }

  /** A runtime over an app loaded already (loadApp), which it leaves open: for many short runs. */
  static over(app: ReplayApp, options: Omit<LocalRuntimeOptions, 'app'>): LocalRuntime {
    return new LocalRuntime(app, { ...options, app: app.info.dir }, false);
  }

  async close(): Promise<void> {
    if (this.ownsApp) await this.app.close();
  }

  /** The virtual time. */
  get now(): Date {
    return new Date(this.clock);
  }

  /** Every instance started so far (sub-orchestrations included), in start order. */
  get allInstances(): TestInstance[] {
    return [...this.instances.values()];
  }

  instance(instanceId: string): TestInstance | undefined {
    return this.instances.get(instanceId.toLowerCase());
  }

  /** An entity's state as the runtime holds it (undefined when it has none). */
  entityState(name: string, key: string): unknown {
    const state = this.entities.get(schedulerIdOf({ name, key }))?.state;
    return state === undefined ? undefined : JSON.parse(state);
  }

  /**
   * Starts an orchestration and runs it as far as it goes without the clock moving (settle()):
   * its first episodes, the activities they call, until it waits on a timer or an event, or ends.
   */
  async start(name: string, options: { input?: unknown; instanceId?: string } = {}): Promise<TestInstance> {
    const registered = this.app.info.functions.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!registered || registered.kind !== 'orchestration') {
      const known = this.app.info.functions.filter((f) => f.kind === 'orchestration').map((f) => f.name);
      const is = registered
        ? ` ('${registered.name}' is ${registered.kind === 'activity' || registered.kind === 'entity' ? `an ${registered.kind}` : 'not a durable function'})`
        : '';
      throw new LocalRuntimeError(`The app has no orchestrator named '${name}'${is}. Its orchestrators: ${known.join(', ') || 'none'}.`);
    }
    const instance = this.createInstance(registered.name, options.instanceId ?? `${registered.name.toLowerCase()}-${this.instances.size + 1}`, options.input);
    await this.settle();
    return instance;
  }

  /** Delivers every message due now (completions, responses, events), episode by episode, without moving the clock. */
  async settle(): Promise<void> {
    for (;;) {
      const due = this.messages.filter((m) => m.at <= this.clock);
      if (due.length === 0) return;
      const first = due.reduce((a, b) => (a.seq < b.seq ? a : b));
      const batch = due.filter((m) => m.target === first.target).sort((a, b) => a.seq - b.seq);
      this.messages = this.messages.filter((m) => !batch.includes(m));
      if (first.target.startsWith('@')) await this.runEntity(first.target, batch);
      else await this.runEpisode(this.instances.get(first.target)!, batch);
    }
  }

  /** Moves the clock forward (milliseconds, or a duration such as '90s', '72h', '10d'), firing timers in time order. */
  async advance(by: number | string): Promise<void> {
    const ms = typeof by === 'number' ? by : durationMs(by);
    if (ms === undefined || !(ms >= 0))
      throw new LocalRuntimeError(`advance(${JSON.stringify(by)}): expected milliseconds (a number >= 0) or a duration such as '90s', '72h', '10d'.`);
    await this.advanceTo(this.clock + ms);
  }

  async advanceTo(time: Date | number): Promise<void> {
    const target = typeof time === 'number' ? time : time.getTime();
    await this.settle();
    for (;;) {
      const next = this.nextMessageTime();
      if (next === undefined || next > target) break;
      this.clock = Math.max(this.clock, next);
      await this.settle();
    }
    this.clock = Math.max(this.clock, target);
  }

  /**
   * Runs until nothing is left to happen: delivers what is due, and when nothing else can happen,
   * moves the clock to the next timer. Stops when no message is pending (instances ended, or
   * waiting for an event only the test can raise), or at `until`.
   */
  async run(options: { until?: Date | string | number } = {}): Promise<void> {
    const until =
      options.until === undefined ? undefined : typeof options.until === 'number' ? this.clock + options.until : untilTime(options.until, this.clock);
    const limit = this.episodesRun + (this.options.maxEpisodes ?? 10_000);
    await this.settle();
    for (;;) {
      const next = this.nextMessageTime();
      if (next === undefined || (until !== undefined && next > until)) break;
      if (this.episodesRun > limit) {
        const running = this.allInstances.filter((i) => i.status === 'Running').map((i) => `${i.instanceId} (${i.name})`);
        throw new LocalRuntimeError(
          `run() stopped after ${this.options.maxEpisodes ?? 10_000} episodes with timers still pending (${running.join(', ')}): an eternal orchestration never ends. Pass run({ until: '30d' }) to stop at a time (in a scenario file: "until": "30d"), or raise maxEpisodes.`,
        );
      }
      this.clock = Math.max(this.clock, next);
      await this.settle();
    }
    if (until !== undefined) this.clock = Math.max(this.clock, until);
  }

  private nextMessageTime(): number | undefined {
    let next: number | undefined;
    for (const m of this.messages) if (next === undefined || m.at < next) next = m.at;
    return next;
  }

  /** @internal */
  send(target: string, event: Message['event'], at = this.clock, continued = false): void {
    this.messages.push({
      at,
      sent: this.clock,
      seq: this.seq++,
      target: target.startsWith('@') ? target : target.toLowerCase(),
      event,
      ...(continued ? { continued } : {}),
    });
  }

  private createInstance(
    name: string,
    instanceId: string,
    input: unknown,
    parent?: { instanceId: string; executionId: string; sequenceId: number; name: string },
  ): TestInstance {
    if (this.instances.has(instanceId.toLowerCase())) {
      const existing = this.instances.get(instanceId.toLowerCase())!;
      if (existing.status === 'Running' || existing.status === 'Pending' || existing.status === 'Suspended')
        throw new LocalRuntimeError(`An instance with the id '${instanceId}' is already running (${existing.name}); pass another instanceId.`);
    }
    const instance = new TestInstance(this, name, instanceId, this.options.taskHub ?? 'TestHubName', parent);
    this.instances.set(instanceId.toLowerCase(), instance);
    this.send(instanceId, startedEvent(name, instanceId, instance.executionId, input, parent, parent ? undefined : 0));
    return instance;
  }

  // ---------------------------------------------------------------- orchestration episodes

  private async runEpisode(instance: TestInstance, batch: Message[]): Promise<void> {
    // The provider discards messages for an instance that has ended (docs/runtime-rules.md §9).
    if (instance.ended) return;
    this.episodesRun += 1;
    const time = Math.max(this.clock, instance.lastEpisode + 1);
    instance.lastEpisode = time;
    const stamp = new Date(time).toISOString();
    const history = instance.events;
    const played = history.length;
    history.push(event(EventType.OrchestratorStarted, -1, stamp));
    // Stored as the executor leaves them: processed (IsPlayed), with the time each was sent.
    for (const message of batch)
      history.push({ EventId: -1, ...message.event, Timestamp: new Date(message.sent).toISOString(), IsPlayed: true } as HistoryEvent);
    // A generation started by continueAsNew: its start is checkpointed, then it runs in the same work item.
    if (batch.some((m) => m.continued)) history.push(event(EventType.OrchestratorCompleted, -1, stamp));
    if (instance.status === 'Pending') instance.status = 'Running';

    const terminated = batch.find((m) => m.event.EventType === EventType.ExecutionTerminated);
    if (terminated) {
      instance.failure = { message: typeof terminated.event.Input === 'string' ? terminated.event.Input : '' };
      this.finish(instance, OrchestrationStatus.Terminated, instance.failure.message, stamp);
      return;
    }
    for (const m of batch) {
      if (m.event.EventType === EventType.ExecutionSuspended) instance.status = 'Suspended';
      if (m.event.EventType === EventType.ExecutionResumed) instance.status = 'Running';
    }

    // The extension sends the events of earlier episodes as played (the SDK's isReplaying).
    const sent: LoadedHistory = {
      source: instance.instanceId,
      format: 'history-file',
      instanceId: instance.instanceId,
      orchestrator: instance.name,
      version: '',
      events: history.map((e, i) => ({ ...e, IsPlayed: i < played })),
      notes: [],
    };
    const payload = buildPayload(sent, this.options.schema ? { schema: this.options.schema } : {});
    const outcome = (await this.app.call({ kind: 'orchestrator', name: instance.name, payload })) as InvocationOutcome;
    const state: OrchestratorState | undefined = outcome.kind === 'state' ? outcome.state : outcome.state;
    const actions = state && Array.isArray(state.actions) ? state.actions : [[]];
    const sim = simulate(history, actions, state?.schemaVersion ?? 1, {
      ...DEFAULT_RUNTIME_OPTIONS,
      exists: (name, kind) => this.exists(name, kind),
      instanceId: instance.instanceId,
      ...(instance.parent ? { parentInstanceId: instance.parent.instanceId } : {}),
      requestIdZone: 'Z',
      holdWhileSuspended: true,
    });
    if (sim.mismatch) {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) decides differently from one run to the next: replaying the history this runtime wrote for it, the code scheduled something else than when it wrote that step (${sim.mismatch.message}). Production fails such an instance the same way. The orchestrator reads something that changes between runs: the clock, randomness, the environment or module state (durable-gate lint shows where; replay --perturb confirms it). If it reads none of these, this is a bug in durable-gate: please report it with the orchestrator's code.`,
      );
    }
    if (state && state.customStatus !== undefined) instance.customStatus = state.customStatus;
    // Each episode replays every call so far: a problem is said once.
    const problems = new Set(instance.problems);
    for (const use of sim.uses) {
      if (!this.exists(use.name, use.kind))
        problems.add(
          `${instance.name} (${instance.instanceId}) calls the ${use.kind} '${use.name}', which the app does not register and the test does not mock: production drops the call, and the instance waits for ever.`,
        );
    }
    for (const refusal of sim.refusals) problems.add(`the extension refuses a call of ${instance.name} (${instance.instanceId}): ${refusal.reason}.`);
    instance.problems.splice(0, instance.problems.length, ...problems);

    const scheduled = sim.newWork.map((work) => ({ work, event: { ...this.schedulingEvent(instance, work), Timestamp: stamp } as HistoryEvent }));
    // A timer whose fire time moves at every replay (built from the wall clock): the SDK keeps
    // scheduling short timers toward it, each a moment after the last. Said plainly, not run for ever.
    const onlyTimer = scheduled.length === 1 && scheduled[0]!.work.detail?.fireAt !== undefined;
    instance.chasing = onlyTimer && scheduled[0]!.work.detail!.fireAt! - this.clock < 1000 ? instance.chasing + 1 : 0;
    if (instance.chasing >= CHASE_LIMIT) {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) scheduled ${CHASE_LIMIT} timers in a row, each due less than a second after the one before fired: the time it waits for moves at every replay. The timer is built from the wall clock (Date.now(), new Date()) instead of context.df.currentUtcDateTime; in production such an instance never finishes. durable-gate lint shows the line.`,
      );
    }
    for (const { event: written } of scheduled) history.push(written);

    const failed = outcome.kind === 'threw' ? outcome.message : state?.error;
    const continueAs = actions.flat().find((a) => (a as SdkAction | undefined)?.actionType === ActionType.ContinueAsNew) as SdkAction | undefined;
    if (failed !== undefined) {
      instance.failure = {
        message: orchestratorFailedMessage(instance.name, failed),
        error: failed,
        ...(outcome.kind === 'threw' && outcome.stack ? { stack: outcome.stack } : {}),
      };
      this.finish(instance, OrchestrationStatus.Failed, instance.failure.message, stamp);
      return this.dispatchAll(instance, scheduled);
    }
    if (state?.isDone && continueAs && sim.shimFinished) {
      history.push({
        ...event(EventType.ContinueAsNew, nextSequenceId(history), stamp),
        OrchestrationStatus: OrchestrationStatus.ContinuedAsNew,
        Result: jsonOf(continueAs.input),
        FailureDetails: null,
      });
      history.push(event(EventType.OrchestratorCompleted, -1, stamp));
      instance.nextGeneration();
      this.send(
        instance.instanceId,
        startedEvent(instance.name, instance.instanceId, instance.executionId, continueAs.input, instance.parent, undefined),
        this.clock,
        true,
      );
      return this.dispatchAll(instance, scheduled);
    }
    if (state?.isDone && sim.shimFinished && sim.openTasks === 0) {
      instance.output = state.output ?? undefined;
      this.finish(instance, OrchestrationStatus.Completed, jsonOf(state.output), stamp);
      return this.dispatchAll(instance, scheduled);
    }
    history.push(event(EventType.OrchestratorCompleted, -1, stamp));
    instance.markBoundary();
    return this.dispatchAll(instance, scheduled);
  }

  /**
   * The episode's messages go out after its history is written, also when it ended the instance
   * (a signal sent on the way out still reaches its entity); completions for an ended instance are
   * dropped when they arrive.
   */
  private async dispatchAll(instance: TestInstance, scheduled: { work: NewWork; event: HistoryEvent }[]): Promise<void> {
    for (const { work, event: written } of scheduled) await this.dispatch(instance, work, written);
  }

  /** The instance ended (ExecutionCompleted takes the next sequence id): its last episode closes, and a parent hears of it. */
  private finish(instance: TestInstance, completion: OrchestrationStatus, result: string | null, stamp: string): void {
    const history = instance.events;
    history.push({
      ...event(EventType.ExecutionCompleted, nextSequenceId(history), stamp),
      OrchestrationStatus: completion,
      Result: result,
      FailureDetails: null,
    });
    history.push(event(EventType.OrchestratorCompleted, -1, stamp));
    const status = OrchestrationStatus[completion] as InstanceStatus;
    instance.status = status;
    const parent = instance.parent;
    if (!parent) return;
    if (status === 'Completed')
      this.send(parent.instanceId, {
        EventType: EventType.SubOrchestrationInstanceCompleted,
        TaskScheduledId: parent.sequenceId,
        Result: jsonOf(instance.output),
      });
    else {
      // A failed child's details are the extension's "Message: ..., StackTrace: ..."; a terminated one has none.
      const failure = instance.failure;
      this.send(parent.instanceId, {
        EventType: EventType.SubOrchestrationInstanceFailed,
        TaskScheduledId: parent.sequenceId,
        Reason: failure?.message ?? '',
        Details: failure?.error === undefined ? null : `Message: ${failure.error}, StackTrace: ${failure.stack ?? ''}`,
        FailureDetails: null,
      });
    }
  }

  private exists(name: string, kind: 'activity' | 'orchestrator' | 'entity'): boolean {
    const mocks = kind === 'activity' ? this.options.activities : kind === 'orchestrator' ? this.options.subOrchestrations : this.options.entities;
    if (mocks && findKey(mocks, name) !== undefined) return true;
    const wanted = kind === 'orchestrator' ? 'orchestration' : kind;
    return this.app.info.functions.some((f) => f.kind === wanted && f.name.toLowerCase() === name.toLowerCase());
  }

  /** The event DurableTask.Core writes for new work (docs/runtime-rules.md §2, §3, §11, §16). */
  private schedulingEvent(instance: TestInstance, work: NewWork): Omit<HistoryEvent, 'Timestamp'> {
    const action = work.source;
    switch (work.cls) {
      case 'ScheduleTaskOrchestratorAction':
        return {
          EventType: EventType.TaskScheduled,
          EventId: work.id,
          Name: work.name,
          Version: '',
          Input: !this.storeInputs
            ? null
            : // The action's input is as the SDK sent it (a string already encoded once more): only wrapped.
              JSON.stringify([work.name === HTTP_ACTIVITY ? httpRequestOf(action, work.detail?.pollLocation) : (action.input ?? null)]),
        };
      case 'CreateTimerOrchestratorAction':
        return { EventType: EventType.TimerCreated, EventId: work.id, FireAt: new Date(work.detail!.fireAt!).toISOString() };
      case 'CreateSubOrchestrationAction':
        return {
          EventType: EventType.SubOrchestrationInstanceCreated,
          EventId: work.id,
          Name: work.name,
          Version: '',
          // DurableTask.Core names a child without an id after the parent's execution id and the sequence id.
          InstanceId: action.instanceId || `${instance.executionId}:${work.id}`,
          Input: this.storeInputs ? jsonOf(action.input) : null,
        };
      case 'SendEventOrchestratorAction':
        return { EventType: EventType.EventSent, EventId: work.id, ...this.sentEvent(instance, work) };
    }
  }

  /** An entity request or release as the extension sends it (RequestMessage, ReleaseMessage). */
  private sentEvent(instance: TestInstance, work: NewWork): { InstanceId: string; Name: string; Input: string } {
    const action = work.source;
    const requestId = work.detail?.requestId?.() ?? '';
    // RequestMessage and ReleaseMessage as Json.NET writes them: default values (signal false,
    // input null, pos 0) are left out. The MessageSorter's Timestamp and Predecessor are not written.
    if (work.name === 'release') {
      return {
        InstanceId: work.detail?.target ?? '',
        Name: 'release',
        Input: JSON.stringify({ parent: instance.instanceId, id: heldLockId(instance.events) }),
      };
    }
    if (action.actionType === ActionType.LockEntities) {
      const lockSet = work.detail?.lockSet ?? [];
      return {
        InstanceId: lockSet[0] ?? '',
        Name: 'op',
        Input: JSON.stringify({
          op: null,
          id: requestId,
          parent: instance.instanceId,
          parentExecution: instance.executionId,
          lockset: lockSet.map((id) => entityOf(id)),
        }),
      };
    }
    return {
      InstanceId: action.instanceId ?? '',
      Name: work.name,
      Input: JSON.stringify({
        op: action.operation,
        ...(action.actionType === ActionType.CallEntity ? {} : { signal: true }),
        ...(action.input === undefined || action.input === null ? {} : { input: JSON.stringify(action.input) }),
        id: requestId,
        parent: instance.instanceId,
        parentExecution: instance.executionId,
        ...(work.name.startsWith('op@') ? { due: work.name.slice(3) } : {}),
      }),
    };
  }

  /** Runs or queues the new work of an episode. */
  private async dispatch(instance: TestInstance, work: NewWork, written: HistoryEvent): Promise<void> {
    const action = work.source;
    switch (work.cls) {
      case 'CreateTimerOrchestratorAction': {
        const fireAt = new Date(work.detail!.fireAt!).toISOString();
        this.send(instance.instanceId, { EventType: EventType.TimerFired, TimerId: work.id, FireAt: fireAt }, work.detail!.fireAt);
        return;
      }
      case 'ScheduleTaskOrchestratorAction':
        if (work.name === HTTP_ACTIVITY) return this.runHttp(instance, work);
        return this.runActivity(instance, work);
      case 'CreateSubOrchestrationAction': {
        const childId = written.InstanceId!;
        const mock = findKey(this.options.subOrchestrations ?? {}, work.name);
        if (mock !== undefined) {
          try {
            const result = await this.options.subOrchestrations![mock]!(copy(action.input), { instanceId: childId, parentInstanceId: instance.instanceId });
            this.send(instance.instanceId, { EventType: EventType.SubOrchestrationInstanceCompleted, TaskScheduledId: work.id, Result: jsonOf(result) });
          } catch (error) {
            this.send(instance.instanceId, {
              EventType: EventType.SubOrchestrationInstanceFailed,
              TaskScheduledId: work.id,
              Reason: orchestratorFailedMessage(work.name, errorMessage(error)),
              Details: error instanceof Error ? (error.stack ?? null) : null,
            });
          }
          return;
        }
        const registered = this.app.info.functions.find((f) => f.kind === 'orchestration' && f.name.toLowerCase() === work.name.toLowerCase())!;
        this.createInstance(registered.name, childId, action.input, {
          instanceId: instance.instanceId,
          executionId: instance.executionId,
          sequenceId: work.id,
          name: instance.name,
        });
        return;
      }
      case 'SendEventOrchestratorAction': {
        // A scheduled signal ("op@<time>") reaches its entity at that time.
        const due = written.Name?.startsWith('op@') ? Date.parse(written.Name.slice(3)) : Number.NaN;
        this.send(
          written.InstanceId!,
          { EventType: EventType.EventRaised, Name: written.Name, Input: written.Input ?? null },
          Number.isFinite(due) ? Math.max(due, this.clock) : this.clock,
        );
        return;
      }
    }
  }

  private async runActivity(instance: TestInstance, work: NewWork): Promise<void> {
    const name = work.name;
    const input = activityInput(work.source.input);
    const mockName = findKey(this.options.activities ?? {}, name);
    instance.calls.push({ activity: name, input, sequenceId: work.id, at: this.now });
    let outcome: FunctionOutcome;
    if (mockName !== undefined) {
      try {
        const result = await this.options.activities![mockName]!(input, {
          instanceId: instance.instanceId,
          orchestrator: instance.name,
          sequenceId: work.id,
          now: this.now,
        });
        outcome = returnedOutcome(result);
      } catch (error) {
        outcome = threwOutcomeOf(error);
      }
    } else if (this.runsAppActivity(name)) {
      outcome = (await this.app.call({ kind: 'function', name, trigger: input })) as FunctionOutcome;
    } else {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) calls the activity '${name}', and the test gives no result for it. Pass activities: { ${name}: (input) => result } (throw to make it fail), or appActivities: true (or ['${name}']) to run the app's own code.`,
      );
    }
    this.send(instance.instanceId, activityCompletion(name, work.id, outcome));
  }

  private runsAppActivity(name: string): boolean {
    const wanted = this.options.appActivities;
    if (!wanted) return false;
    const registered = this.app.info.functions.some((f) => f.kind === 'activity' && f.name.toLowerCase() === name.toLowerCase());
    if (wanted === true) return registered;
    return registered && wanted.some((w) => w.toLowerCase() === name.toLowerCase());
  }

  private async runHttp(instance: TestInstance, work: NewWork): Promise<void> {
    const request = httpRequestOf(work.source, work.detail?.pollLocation);
    const handler = this.options.http;
    if (!handler)
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) calls callHttp (${request.method} ${request.uri}), and the test gives no answer. Pass http: (request) => ({ statusCode: 200, content: '...' }).`,
      );
    instance.calls.push({ activity: HTTP_ACTIVITY, input: request, sequenceId: work.id, at: this.now });
    let outcome: FunctionOutcome;
    try {
      const answer = await handler({ ...request, poll: work.detail?.pollLocation !== undefined });
      outcome = { kind: 'returned', json: JSON.stringify({ statusCode: answer.statusCode, headers: answer.headers ?? {}, content: answer.content ?? null }) };
    } catch (error) {
      outcome = { kind: 'threw', message: errorMessage(error), errorName: 'HttpRequestException' };
    }
    this.send(instance.instanceId, activityCompletion(HTTP_ACTIVITY, work.id, outcome));
  }

  // ---------------------------------------------------------------- entities

  private async runEntity(target: string, batch: Message[]): Promise<void> {
    const { name, key } = entityOf(target) ?? { name: target, key: '' };
    let record = this.entities.get(target);
    if (!record) this.entities.set(target, (record = { name, key, exists: false, state: undefined, waiting: [] }));
    record.waiting.push(...batch);
    const pending = record.waiting.splice(0);
    for (const message of pending) {
      const request = parseJson(message.event.Input) as Record<string, unknown> | undefined;
      const parent = typeof request?.parent === 'string' ? request.parent : undefined;
      if (message.event.Name === 'release') {
        if (record.lockedBy === parent) delete record.lockedBy;
        continue;
      }
      // Held by another orchestration's critical section: it waits for the release.
      if (record.lockedBy !== undefined && record.lockedBy !== parent) {
        record.waiting.push(message);
        continue;
      }
      if (Array.isArray(request?.lockset)) {
        record.lockedBy = parent;
        const lockSet = request.lockset as unknown[];
        const pos = typeof request.pos === 'number' ? request.pos : 0;
        if (pos + 1 < lockSet.length) {
          this.send(schedulerIdOf(lockSet[pos + 1] as { name: string; key: string }), {
            EventType: EventType.EventRaised,
            Name: 'op',
            Input: JSON.stringify({ ...request, pos: pos + 1 }),
          });
        } else if (parent) {
          this.send(parent, { EventType: EventType.EventRaised, Name: String(request.id), Input: JSON.stringify({ result: 'Lock Acquisition Completed' }) });
        }
        continue;
      }
      await this.runOperation(record, target, request ?? {});
    }
    // A release frees the entity: requests that waited for it run now.
    if (record.lockedBy === undefined && record.waiting.length > 0 && pending.some((m) => m.event.Name === 'release')) {
      const again = record.waiting.splice(0);
      await this.runEntity(target, again);
    }
  }

  private async runOperation(record: EntityRecord, target: string, request: Record<string, unknown>): Promise<void> {
    const operation = typeof request.op === 'string' ? request.op : '';
    const signal = request.signal === true;
    const parent = typeof request.parent === 'string' ? request.parent : undefined;
    const input = typeof request.input === 'string' ? parseJson(request.input) : undefined;
    // ResponseMessage: result always (null when nothing returned), exceptionType when it threw.
    let response: { result: string | null; exceptionType?: string } | undefined;
    const mockName = findKey(this.options.entities ?? {}, record.name);
    if (mockName !== undefined) {
      try {
        const answer = await this.options.entities![mockName]!({
          key: record.key,
          operation,
          input,
          state: parseJson(record.state),
        });
        if (answer && 'state' in answer) {
          record.exists = true;
          record.state = answer.state === undefined ? undefined : JSON.stringify(answer.state);
        }
        response = { result: jsonOf(answer ? answer.result : undefined) };
      } catch (error) {
        // The test's set-up, not the entity, failed: said as such.
        if (error instanceof LocalRuntimeError) throw error;
        // As a JavaScript entity answers a throw: JSON.stringify of the error ("{}" for an Error).
        response = { result: JSON.stringify(error) ?? null, exceptionType: 'Error' };
      }
    } else {
      const registered = this.app.info.functions.find((f) => f.kind === 'entity' && f.name.toLowerCase() === record.name.toLowerCase());
      if (!registered)
        throw new LocalRuntimeError(
          `An orchestration sent '${operation}' to the entity ${target}, which the app does not register and the test does not mock (entities: { ${record.name}: ... }).`,
        );
      const trigger = {
        self: { name: record.name, key: record.key },
        exists: record.exists,
        state: record.state,
        batch: [{ name: operation, input: typeof request.input === 'string' ? request.input : undefined, isSignal: signal }],
      };
      const outcome = (await this.app.call({ kind: 'function', name: registered.name, trigger })) as FunctionOutcome;
      if (outcome.kind === 'threw') throw new LocalRuntimeError(`The entity function '${registered.name}' threw outside its operation: ${outcome.message}`);
      const state = parseJson(outcome.json) as
        | {
            entityExists?: boolean;
            entityState?: string;
            results?: { isError?: boolean; result?: string }[];
            signals?: { target?: { name?: string; key?: string }; name?: string; input?: string }[];
          }
        | undefined;
      record.exists = state?.entityExists === true;
      record.state = record.exists ? state?.entityState : undefined;
      const result = state?.results?.[0];
      response = result?.isError ? { result: result.result ?? null, exceptionType: 'Error' } : { result: result?.result ?? null };
      for (const sent of state?.signals ?? []) {
        if (!sent.target?.name) continue;
        this.send(schedulerIdOf({ name: sent.target.name, key: sent.target.key ?? '' }), {
          EventType: EventType.EventRaised,
          Name: 'op',
          Input: JSON.stringify({ op: sent.name, signal: true, input: sent.input || null, id: `${String(request.id)}:${sent.name}`, parent: target }),
        });
      }
    }
    if (!signal && parent && typeof request.id === 'string') {
      this.send(parent, { EventType: EventType.EventRaised, Name: request.id, Input: JSON.stringify(response) });
    }
  }
}

/** One instance of an orchestration in the local runtime: its status, output and history. */
/** Timer-only episodes in a row, each due within a second of the last, before a moving fire time is reported. */
const CHASE_LIMIT = 50;

export class TestInstance {
  status: InstanceStatus = 'Pending';
  output: unknown;
  customStatus: unknown;
  /** Failed: the message production records, the code's own error and its stack; Terminated: the reason. */
  failure: { message: string; error?: string; stack?: string } | undefined;
  /** Activities (and callHttp requests) it called, in order, with their inputs as the activity received them. */
  readonly calls: { activity: string; input: unknown; sequenceId: number; at: Date }[] = [];
  /** Calls production would drop or refuse (a function the app does not register, a retry interval too long). */
  readonly problems: string[] = [];
  /** @internal timer-only episodes in a row, each due within a second (a fire time that moves: see CHASE_LIMIT) */
  chasing = 0;
  /** @internal the current generation's events, appended in place */
  events: HistoryEvent[] = [];
  /** @internal */
  lastEpisode = Number.NEGATIVE_INFINITY;
  executionId: string;
  generation = 0;
  /** Earlier generations, with the history's length at each episode that ended waiting. */
  private readonly earlier: { file: HistoryFile; boundaries: number[] }[] = [];
  private boundaries: number[] = [];

  /** @internal */
  constructor(
    private readonly runtime: LocalRuntime,
    readonly name: string,
    readonly instanceId: string,
    private readonly taskHub: string,
    /** @internal */
    readonly parent?: { instanceId: string; executionId: string; sequenceId: number; name: string },
  ) {
    this.executionId = executionIdFor(instanceId, 0);
  }

  /** @internal */
  get ended(): boolean {
    return this.status === 'Completed' || this.status === 'Failed' || this.status === 'Terminated';
  }

  /** The current generation's history (a copy). */
  history(): HistoryEvent[] {
    return this.events.map((e) => ({ ...e }));
  }

  /** The current generation as a durable-gate history file, as `record` writes one. */
  toFile(): HistoryFile {
    return this.fileOf(this.events, this.status === 'Pending' ? 'Running' : this.status);
  }

  /** Earlier generations (continueAsNew), oldest first. */
  get generations(): HistoryFile[] {
    return this.earlier.map(({ file }) => file);
  }

  /**
   * The history at every point the instance was in flight (each episode that ended with it
   * waiting), of every generation: the histories a deployment can meet. Oldest first.
   */
  inFlightHistories(): HistoryFile[] {
    const prefixes = (file: HistoryFile, boundaries: number[]): HistoryFile[] =>
      boundaries.map((length) => ({ ...file, runtimeStatus: 'Running', history: file.history.slice(0, length) }));
    return [...this.earlier.flatMap(({ file, boundaries }) => prefixes(file, boundaries)), ...prefixes(this.toFile(), this.boundaries)];
  }

  /** Raises an external event and delivers it (settle()). */
  async raiseEvent(name: string, data?: unknown): Promise<void> {
    this.runtime.send(this.instanceId, { EventType: EventType.EventRaised, Name: name, Input: data === undefined ? null : JSON.stringify(data) });
    await this.runtime.settle();
  }

  async suspend(reason = 'suspended by the test'): Promise<void> {
    this.runtime.send(this.instanceId, { EventType: EventType.ExecutionSuspended, Reason: reason });
    await this.runtime.settle();
  }

  async resume(reason = 'resumed by the test'): Promise<void> {
    this.runtime.send(this.instanceId, { EventType: EventType.ExecutionResumed, Reason: reason });
    await this.runtime.settle();
  }

  async terminate(reason = 'terminated by the test'): Promise<void> {
    this.runtime.send(this.instanceId, { EventType: EventType.ExecutionTerminated, Input: JSON.stringify(reason) });
    await this.runtime.settle();
  }

  /** @internal an episode ended with the instance waiting */
  markBoundary(): void {
    this.boundaries.push(this.events.length);
  }

  /** @internal continueAsNew: the history so far becomes an earlier generation */
  nextGeneration(): void {
    this.earlier.push({ file: this.fileOf(this.events, 'ContinuedAsNew'), boundaries: this.boundaries });
    this.generation += 1;
    this.executionId = executionIdFor(this.instanceId, this.generation);
    this.events = [];
    this.boundaries = [];
    this.status = 'Pending';
  }

  private fileOf(events: HistoryEvent[], runtimeStatus: string): HistoryFile {
    return {
      schema: HISTORY_SCHEMA,
      taskHub: this.taskHub,
      instanceId: this.instanceId,
      executionId: this.executionId,
      name: this.name,
      version: '',
      runtimeStatus,
      recordedAt: this.runtime.now.toISOString(),
      history: events.map((e) => ({ ...e })),
    };
  }
}

/** The id of the lock the instance holds: its last lock request's (ReleaseMessage.id). */
function heldLockId(events: readonly HistoryEvent[]): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.EventType !== EventType.EventSent || e.Name !== 'op') continue;
    const request = parseJson(e.Input) as { id?: unknown; lockset?: unknown } | undefined;
    if (Array.isArray(request?.lockset) && typeof request.id === 'string') return request.id;
  }
  return '';
}

function startedEvent(
  name: string,
  instanceId: string,
  executionId: string,
  input: unknown,
  parent: { instanceId: string; executionId: string; sequenceId: number; name: string } | undefined,
  /** Set (0) only by a client's start: a sub-orchestration's or a new generation's start leaves it null. */
  generation: number | undefined,
): Message['event'] {
  return {
    EventType: EventType.ExecutionStarted,
    EventId: -1,
    OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
    ParentInstance: parent
      ? { Name: parent.name, OrchestrationInstance: { InstanceId: parent.instanceId, ExecutionId: parent.executionId }, TaskScheduleId: parent.sequenceId }
      : null,
    Name: name,
    Version: '',
    Input: jsonOf(input),
    Tags: null,
    Generation: generation ?? null,
  };
}

function event(type: EventType, id: number, stamp: string): HistoryEvent {
  return { EventType: type, EventId: id, Timestamp: stamp, IsPlayed: false };
}

/** The completion of an activity (or callHttp) as the extension writes it into the orchestration's history. */
function activityCompletion(name: string, id: number, outcome: FunctionOutcome): Message['event'] {
  if (outcome.kind === 'returned') return { EventType: EventType.TaskCompleted, TaskScheduledId: id, Result: outcome.json ?? null };
  // TaskActivityShim: the message is cut from the host's "Exception: <message>" with its leading
  // space; Details is the .NET exception serialized (its stack is the host's: the JavaScript one here).
  return {
    EventType: EventType.TaskFailed,
    TaskScheduledId: id,
    Reason: `Activity function '${name}' failed:  ${outcome.message}`,
    Details: JSON.stringify({
      ClassName: 'System.Exception',
      Message: ` ${outcome.message}`,
      StackTraceString: outcome.stack ?? null,
      ErrorName: outcome.errorName,
    }),
    FailureDetails: null,
  };
}

/** The DurableHttpRequest callHttp sends (a 202's poll: a GET of its Location with the same headers). */
function httpRequestOf(action: SdkAction, pollLocation: string | undefined): HttpRequestInfo & { poll?: boolean } {
  const request = (action.httpRequest ?? {}) as { method?: string; uri?: string; headers?: Record<string, string>; content?: string };
  const headers = request.headers ?? {};
  if (pollLocation !== undefined) return { method: 'GET', uri: pollLocation, headers, poll: true };
  return {
    method: String(request.method ?? 'GET').toUpperCase(),
    uri: String(request.uri ?? ''),
    headers,
    ...(request.content !== undefined ? { content: request.content } : {}),
    poll: false,
  };
}

const SCHEDULING: ReadonlySet<EventType> = new Set([
  EventType.TaskScheduled,
  EventType.TimerCreated,
  EventType.SubOrchestrationInstanceCreated,
  EventType.EventSent,
  EventType.ExecutionCompleted,
  EventType.ContinueAsNew,
]);

/** The id DurableTask.Core's counter gives next: one more than every id taken (each scheduling event holds one). */
function nextSequenceId(history: readonly HistoryEvent[]): number {
  let max = -1;
  for (const e of history) if (SCHEDULING.has(e.EventType) && e.EventId > max) max = e.EventId;
  return max + 1;
}

/** A value as the extension stores it (JToken.ToString): absent or null is stored as null. */
function jsonOf(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * What an activity receives: durable-functions sends a string input encoded once more
 * (Utils.processInput), and the activity gets it decoded, as `Hello ${name}` in the samples shows.
 */
function activityInput(value: unknown): unknown {
  return typeof value === 'string' ? readable(value) : copy(value);
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function findKey(map: Record<string, unknown>, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(map, name)) return name;
  return Object.keys(map).find((key) => key.toLowerCase() === name.toLowerCase());
}

function untilTime(value: Date | string, now: number): number {
  if (value instanceof Date) return value.getTime();
  const at = Date.parse(value);
  if (Number.isFinite(at) && /\d{4}-\d\d-\d\d/.test(value)) return at;
  const ms = durationMs(value);
  if (ms === undefined)
    throw new LocalRuntimeError(
      `run({ until: ${JSON.stringify(value)} }): expected a time (a Date, an ISO 8601 text), milliseconds, or a duration such as '72h', '30d'.`,
    );
  return now + ms;
}

/** Deterministic execution ids, the builder's for the first generation: the same test writes the same histories. */
function executionIdFor(instanceId: string, generation: number): string {
  return deterministicHexId(generation === 0 ? instanceId : `${instanceId}:${generation}`);
}
