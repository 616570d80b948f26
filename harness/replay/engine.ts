/**
 * Replays one history against a loaded app: runs the orchestrator through the app's own SDK
 * with the payload the host sends, feeds the returned actions to the runtime model, and turns the
 * outcome into a verdict. Runs inside the replay worker.
 */
import type { LoadedApp } from '../app/load.js';
import type { OrchestratorState } from '../app/types.js';
import { EventType, eventTypeName, orchestrationStatusName, type HistoryEvent } from '../history/events.js';
import { isPayloadReference, referenceAdvice, type ExternalPayload, type LoadedHistory } from '../history/load.js';
import { HistoryError } from '../errors.js';
import { ActionType, callPhrase, describeAction, type SdkAction } from './actions.js';
import { tracerFor, type ActionTracer, userLocation } from './locate.js';
import { missingFunctionMessage, orchestratorFailedMessage } from './messages.js';
import { buildPayload, buildPayloadText, replaySchemaFor, type PayloadOptions, type ReplaySchemaName } from './payload.js';
import type { Divergence, FailureInfo, ReplayResult, SourceLocation } from './result.js';
import { DF_VERSION_SINCE, atLeast } from '../report/advice.js';
import { inputDrifts } from './inputs.js';
import { flattenActions, perturbedDivergence, unsteadyRuns, withSources } from './perturb.js';
import { DEFAULT_RUNTIME_OPTIONS, simulate, stateRejection, type FunctionUse, type Mismatch, type RuntimeOutcome, type StrandedResponse } from './runtime.js';

export interface EngineOptions extends PayloadOptions {
  /** Find source lines of divergences (a second, instrumented run). Default true. */
  locate?: boolean;
  /**
   * Histories of finished instances (Completed, Failed, Terminated): `runtime` (default) judges
   * them as the runtime treats them, never replayed again, so ok, with what the new code does on
   * their path said as a warning; `judge` judges them as if they were still in flight.
   */
  finished?: FinishedPolicy;
  /**
   * A call made at its recorded step with another input than recorded (the runtime does not
   * compare inputs): `warn` (default) says so on an ok result; `fail` makes the result failed.
   */
  inputDrift?: InputDriftPolicy;
  /**
   * Perturbed replay: a history whose recorded steps match is run again with the wall clock,
   * randomness and the environment answering otherwise, and everything the two runs scheduled is
   * compared (perturb.ts). Off by default.
   */
  perturb?: boolean;
}

export type InputDriftPolicy = 'warn' | 'fail';

export type FinishedPolicy = 'runtime' | 'judge';
export const FINISHED_POLICIES: readonly FinishedPolicy[] = ['runtime', 'judge'];

const KIND_OF_USE: Record<FunctionUse['kind'], 'activity' | 'orchestration' | 'entity'> = {
  activity: 'activity',
  orchestrator: 'orchestration',
  entity: 'entity',
};

export async function replayLoadedHistory(app: LoadedApp, history: LoadedHistory, options: EngineOptions = {}): Promise<ReplayResult> {
  const finished = finishedStatus(history.events);
  if (finished && options.finished !== 'judge') {
    // The runtime never replays a finished instance: its verdict changes nothing, references or not.
    let result: ReplayResult;
    try {
      result = await judgeHistory(app, history, options);
    } catch (error) {
      if (!(error instanceof HistoryError) || !history.externalPayloads) throw error;
      return { ...resultBase(history), finished, warnings: [`not replayed: ${error.detail} The runtime never replays a finished instance.`] };
    }
    return asTheRuntimeSeesIt({ ...result, finished });
  }
  const result = await judgeHistory(app, history, options);
  const judged = history.externalPayloads ? await withExternalPayloads(app, history, history.externalPayloads, result, options) : result;
  return finished ? { ...judged, finished } : judged;
}

/**
 * A history holding Blob Storage references in place of large payloads (recorded from the Durable
 * Task Scheduler, whose SDKs move them out): the SDK was handed the references, which are not JSON,
 * so the run fails where the code reads one. References only in fields the code never reads change
 * nothing but a warning, and so does a verdict the code's replay had no part in (the orchestrator
 * is gone). Otherwise what the code decided before it read the first reference is judged: a
 * divergence there is what production meets too (in DurableTask.Core the events an episode received
 * come before the calls it scheduled, so a cut before them invents nothing), as is a call to a
 * function the new app lacks or the extension refuses; anything else cannot be checked, and the
 * result says what would make it checkable.
 */
async function withExternalPayloads(
  app: LoadedApp,
  history: LoadedHistory,
  payloads: readonly ExternalPayload[],
  result: ReplayResult,
  options: EngineOptions,
): Promise<ReplayResult> {
  const read = payloads.find((p) => p.read);
  const first = read ?? payloads[0]!;
  const what = `${payloads.length} payload(s) in this history are Blob Storage references the SDK wrote in place of large values (${first.field} of event ${first.eventIndex}: ${first.reference})`;
  const warned = (judged: ReplayResult, why: string): ReplayResult => ({ ...judged, warnings: [...(judged.warnings ?? []), `${what}: ${why}.`] });
  if (!read) return warned(result, 'none is in a field the code reads (input drift and output checks leave them out)');
  if (result.failure?.missingFunction?.kind === 'orchestration' && !result.failure.stack)
    return warned(result, "the orchestrator is gone from the new app, so the code's replay has no part in the verdict");
  const decidedBefore = (judged: ReplayResult): boolean =>
    (judged.verdict === 'nondeterministic' && !judged.divergence?.perturbed && judged.divergence!.recorded.eventIndex < read.eventIndex) ||
    (judged.verdict === 'failed' && decidedByCalls(judged.failure!));
  if (decidedBefore(result)) return warned(result, 'the verdict comes from what the code did before it reads one');
  const started = history.events.findIndex((e) => e.EventType === EventType.ExecutionStarted);
  if (started < read.eventIndex) {
    const before: LoadedHistory = { ...history, events: history.events.slice(0, read.eventIndex) };
    delete before.externalPayloads;
    const early = await judgeHistory(app, before, options);
    if (decidedBefore(early))
      return warned({ ...early, events: history.events.length }, 'the verdict comes from what the code did before it reads one (replayed up to that event)');
  }
  const unchecked: ReplayResult = { ...result, verdict: 'error' };
  delete unchecked.divergence;
  delete unchecked.failure;
  delete unchecked.warnings;
  return {
    ...unchecked,
    error: {
      message: `cannot check: ${what}. The replay handed the code the reference, not the value, and nothing the code did before it reads it decides the verdict. ${referenceAdvice(read.reference, payloads.filter((p) => p.read).length)}`,
      eventIndex: read.eventIndex,
    },
  };
}

/** A failure the code's calls decide, whatever it read: a function the new app lacks (a call it makes), or a call the extension refuses. */
function decidedByCalls(failure: FailureInfo): boolean {
  return failure.message.startsWith(CALLS_MISSING) || failure.message.startsWith(EXTENSION_REFUSES);
}

const CALLS_MISSING = 'The new code calls the ';
const EXTENSION_REFUSES = 'The extension refuses ';

/** The fields every result of this history carries. */
function resultBase(history: LoadedHistory): ReplayResult {
  return {
    source: history.source,
    instanceId: history.instanceId,
    orchestrator: history.orchestrator,
    ...(history.version ? { version: history.version } : {}),
    ...(history.runtimeStatus ? { runtimeStatus: history.runtimeStatus } : {}),
    verdict: 'ok',
    events: history.events.length,
  };
}

/**
 * The status of a finished instance (the last ExecutionCompleted says Completed, Failed or
 * Terminated); undefined while it is in flight or continued as new.
 */
export function finishedStatus(events: readonly HistoryEvent[]): ReplayResult['finished'] {
  const last = events.findLast((e) => e.EventType === EventType.ExecutionCompleted);
  const status = last ? orchestrationStatusName(last.OrchestrationStatus) : undefined;
  return status === 'Completed' || status === 'Failed' || status === 'Terminated' ? status : undefined;
}

/**
 * A finished instance is never replayed again (docs/runtime-rules.md §9: the provider discards
 * messages for it), so no deployment can break it: ok. What the new code does on its path is kept
 * (finishedPath) and said as a warning, for the instances in flight that may still take that path.
 */
function asTheRuntimeSeesIt(result: ReplayResult): ReplayResult {
  if (result.verdict !== 'nondeterministic' && result.verdict !== 'failed') return result;
  const { divergence, failure, verdict, ...rest } = result;
  const what = divergence?.explanation ?? failure?.message ?? verdict;
  const warning =
    `this instance is ${result.finished}, and the runtime never replays a finished instance, so this deployment cannot break it. ` +
    `On its path the new code is ${verdict}: ${what} Instances in flight that still take this path would break; replay with the finished option set to judge to count it.`;
  return {
    ...rest,
    verdict: 'ok',
    finishedPath: { verdict, ...(divergence ? { divergence } : {}), ...(failure ? { failure } : {}) },
    warnings: [...(result.warnings ?? []), warning],
  };
}

async function judgeHistory(app: LoadedApp, history: LoadedHistory, options: EngineOptions): Promise<ReplayResult> {
  // The schema is settled once per history: the payload, the traced run and the result all use it.
  const payloadOptions: PayloadOptions & { schema: ReplaySchemaName } = { ...options, schema: replaySchemaFor(history, options) };
  const base: ReplayResult = { ...resultBase(history), replaySchema: payloadOptions.schema };
  const warnings = [...history.notes];
  const withWarnings = (result: ReplayResult): ReplayResult => (warnings.length > 0 ? { ...result, warnings } : result);

  const registered = app.find(history.orchestrator);
  if (!registered || registered.kind !== 'orchestration') {
    const known = app.info.functions.filter((f) => f.kind === 'orchestration').map((f) => f.name);
    const runtime = orchestratorFailedMessage(history.orchestrator, missingFunctionMessage(history.orchestrator, 'orchestrator', known));
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: registered
          ? `'${history.orchestrator}' is a ${registered.kind} function in the new app, not an orchestrator.`
          : `The new app has no orchestrator named '${history.orchestrator}'.`,
        runtimeMessage: runtime,
        missingFunction: { name: history.orchestrator, kind: 'orchestration' },
        advice: `Keep an orchestrator named '${history.orchestrator}' in the app until its in-flight instances finish (drain the task hub before deploying), or terminate them deliberately.`,
      },
    });
  }

  // The SDK turns Timestamps into Dates in this payload's events: they serve this one run. Entity
  // request ids need the recorded text (seven fraction digits), kept here for the runtime model.
  const recordedTimestamps = history.events.map((event) => event.Timestamp);
  const invoke = () => app.invokeOrchestrator(registered.name, buildPayload(history, payloadOptions));
  // Perturbed replay records what this run read (clock, randomness, environment) for the second run.
  const first = options.perturb ? await withSources(app.info.dir, new Set(), undefined, invoke) : undefined;
  const outcome = first ? first.value : await invoke();
  const state: OrchestratorState | undefined = outcome.kind === 'state' ? outcome.state : outcome.state;
  if (!state || !Array.isArray(state.actions)) {
    const message = outcome.kind === 'threw' ? outcome.message : 'the orchestrator returned no state';
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: `The orchestrator threw before the SDK could record its state: ${message}`,
        runtimeMessage: orchestratorFailedMessage(history.orchestrator, message),
        ...(outcome.kind === 'threw' && outcome.stack ? { stack: outcome.stack } : {}),
        ...locationOf(outcome.kind === 'threw' ? outcome.stack : undefined, app),
        advice: 'Fix the error in the orchestrator; it happens before any durable call is replayed.',
      },
    });
  }

  const exists = registeredIn(app);
  const parentInstanceId = history.events.find((e) => e.EventType === EventType.ExecutionStarted)?.ParentInstance?.OrchestrationInstance?.InstanceId;
  // The extension rejects the answer before it replays any action: none is taken.
  const rejection = stateRejection(state);
  const sim = simulate(history.events, rejection ? [[]] : state.actions, state.schemaVersion ?? 1, {
    ...DEFAULT_RUNTIME_OPTIONS,
    exists,
    instanceId: history.instanceId,
    ...(parentInstanceId ? { parentInstanceId } : {}),
    recordedTimestamps,
  });
  for (const { action, reason } of sim.refusals)
    warnings.push(
      `the extension refuses ${callPhrase(action)} before it takes a sequence id, because ${reason}: it drops the call, and the code waits for it for ever`,
    );
  warnings.push(...sim.warnings.map((w) => `the runtime would log: ${w} (a completion for a task this replay never scheduled)`));
  warnings.push(...sim.notes);
  if (sim.suspended)
    warnings.push(
      'this instance is suspended: the runtime holds the events that came since until it is resumed, and then applies them at the resume episode; this verdict is what the new code does on a resume',
    );

  const trace = options.locate === false ? undefined : (depth?: number) => traceRun(app, registered.name, buildPayloadText(history, payloadOptions), depth);

  if (rejection) {
    // When the code threw as well, the exception escapes the extension's handler unwrapped.
    const runtimeMessage = outcome.kind === 'threw' ? rejection.message : orchestratorFailedMessage(history.orchestrator, rejection.message);
    const location = rejection.action && trace ? await locateAction(trace, state, rejection.action, app, registered.name) : {};
    const advice = rejection.action
      ? 'Keep retry intervals, timeouts and attempt counts within 2147483647 (for times, milliseconds: about 24.8 days); for a longer retry window, retry in the orchestrator with durable timers.'
      : 'Keep the custom status under 16 KB of JSON (counted in UTF-16, two bytes a character): store large state elsewhere and put a reference in the status.';
    if (sim.mismatch) {
      const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
      return withWarnings({
        ...base,
        verdict: 'nondeterministic',
        divergence: {
          ...divergence,
          ...location,
          explanation: `The extension rejects the new code's answer before it replays any call, because ${rejection.reason} ("${rejection.message}"); DurableTask.Core then finds no call for the first step the history recorded and fails the instance with its nondeterminism error.`,
          advice,
        },
      });
    }
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: { message: `The extension rejects the new code's answer before it replays any call: ${rejection.reason}.`, runtimeMessage, ...location, advice },
    });
  }

  // A function the replay needs is gone from the new app.
  const missing = sim.uses.find((use) => !exists(use.name, use.kind)) ?? (sim.mismatch ? undefined : pendingMissing(history.events, app));
  if (missing) {
    const known = app.info.functions.filter((f) => f.kind === KIND_OF_USE[missing.kind]).map((f) => f.name);
    const refusal = missingFunctionMessage(missing.name, missing.kind, known);
    const signal = missing.action?.actionType === ActionType.SignalEntity;
    const runtimeMessage = sim.mismatch?.message ?? (signal ? orchestratorFailedMessage(history.orchestrator, refusal) : undefined);
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: missing.action
          ? `${CALLS_MISSING}${missing.kind} '${missing.name}', which the new app does not register.`
          : `The history has a call to the ${missing.kind} '${missing.name}' still pending, and the new app does not register it.`,
        runtimeMessage: runtimeMessage ?? `${refusal} (The extension drops the call: the instance stays Running and never continues.)`,
        missingFunction: { name: missing.name, kind: KIND_OF_USE[missing.kind] },
        ...(missing.action && trace ? await locateAction(trace, state, missing.action, app, registered.name) : {}),
        advice: missing.action
          ? `Register the ${missing.kind} '${missing.name}' in the new app, or fix the name in the call: the extension silently drops calls to functions it does not know.`
          : `Keep the ${missing.kind} '${missing.name}' registered until the instances that wait for it finish, or let them finish before deploying.`,
      },
    });
  }

  // The code scheduled something else at a recorded step before it threw: the runtime fails the
  // instance at that step (nondeterminism wins over the orchestrator's error), and the thrown
  // error is a consequence, e.g. a recorded failure handed to the wrong call.
  const diverged = sim.mismatch && sim.mismatch.mismatch.kind !== 'missing';
  // The code threw before it reached a step the history recorded next: DurableTask.Core goes on
  // applying the history after the code faults, finds no action for that step, and fails the
  // instance with the nondeterminism error, not the code's (docs/runtime-rules.md §3, when the JS
  // orchestrator threw, and §1.4). The verdict says so; the throw is where the new code parts.
  if (outcome.kind === 'threw' && sim.mismatch && !diverged) {
    const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
    const thrownAt = locationOf(outcome.stack, app).location;
    return withWarnings({
      ...base,
      verdict: 'nondeterministic',
      divergence: {
        ...divergence,
        ...(thrownAt ? { location: thrownAt } : {}),
        explanation: [
          `The new code throws (${firstLine(outcome.message)}) before it schedules the step the history recorded next, so production fails the instance with the nondeterminism error, not with this error.`,
          divergence.explanation,
          schemaHint(outcome.message, base),
        ]
          .filter(Boolean)
          .join(' '),
      },
    });
  }
  if (outcome.kind === 'threw' && !sim.mismatch) {
    const runtimeMessage = orchestratorFailedMessage(history.orchestrator, outcome.message);
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: `The orchestrator throws during replay: ${outcome.message}`,
        runtimeMessage,
        ...(outcome.stack ? { stack: outcome.stack } : {}),
        ...locationOf(outcome.stack, app),
        advice:
          schemaHint(outcome.message, base) ??
          'A recorded result probably no longer has the shape the new code expects, or a failure it used to handle now escapes. Handle the old shape, or let these instances finish before deploying.',
      },
    });
  }

  // A new call the extension refuses: no mismatch with the history, but the instance never continues.
  const refused = sim.mismatch ? undefined : sim.refusals[0];
  if (refused) {
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: `${EXTENSION_REFUSES}${callPhrase(refused.action)}: ${refused.reason}.`,
        runtimeMessage: 'The extension drops the call before it takes a sequence id: the instance stays Running and never continues.',
        ...(trace ? await locateAction(trace, state, refused.action, app, registered.name) : {}),
        advice:
          "Change the call so that the extension takes it: retry intervals of at most 6 days on Azure Storage; a sub-orchestration id that is not the instance's own, its parent's, nor starting with '@'.",
      },
    });
  }

  if (sim.stranded) {
    return withWarnings({ ...base, verdict: 'nondeterministic', divergence: await strandedDivergence(sim.stranded, history, trace, state, app) });
  }

  if (sim.mismatch) {
    const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
    // With --perturb: code that schedules differently from run to run may diverge for that reason, not for a change.
    const unsteady = first ? await unsteadyRuns(app.info.dir, invoke, outcome, first.recording) : undefined;
    if (unsteady) divergence.explanation = `${divergence.explanation} ${unsteady}`;
    if (outcome.kind === 'threw')
      warnings.push(
        `the new code also throws with this history (${firstLine(outcome.message)}), a consequence of the divergence: recorded results reach the wrong calls`,
      );
    return withWarnings({ ...base, verdict: 'nondeterministic', divergence });
  }

  warnings.push(...completionWarnings(history, state, sim));
  const drifts = inputDrifts(sim.matched);
  for (const drift of drifts)
    warnings.push(
      `step ${drift.sequenceId}: ${callPhrase(drift.action)} is the call the history recorded there, with another input (recorded ${drift.recorded}, now ${drift.now}). The runtime does not compare inputs, so this replays ok, but the instance goes on with other data than it started with.`,
    );
  const drift = drifts[0];
  if (drift && options.inputDrift === 'fail') {
    return withWarnings({
      ...base,
      verdict: 'failed',
      failure: {
        message: `Input drift (failed on request: the runtime would carry on): at step ${drift.sequenceId}, ${callPhrase(drift.action)} has another input than the history recorded: recorded ${drift.recorded}, now ${drift.now}.`,
        ...(trace ? await locateAction(trace, state, drift.action, app, registered.name) : {}),
        advice: `Keep the recorded input for instances in flight (${versionBranch(app)}), or let them finish before deploying; if the new input is meant for them too, replay without failing on input drift.`,
      },
    });
  }
  if (first) {
    const divergence = await perturbedDivergence(app.info.dir, invoke, outcome, first.recording);
    if (divergence) return withWarnings({ ...base, verdict: 'nondeterministic', divergence });
  }
  return withWarnings(base);
}

async function divergenceOf(
  mismatch: Mismatch,
  history: LoadedHistory,
  trace: Trace | undefined,
  state: OrchestratorState,
  app: LoadedApp,
): Promise<Divergence> {
  const event = mismatch.event;
  const recordedName = recordedNameOf(event);
  const replayed = mismatch.action ? describeAction(mismatch.action) : undefined;
  const what = `${eventTypeName(event.EventType)}${recordedName ? ` '${recordedName}'` : ''}`;
  let explanation: string;
  switch (mismatch.mismatch.kind) {
    case 'missing':
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but by that point of the replay the new code has not scheduled a step ${mismatch.sequenceId}: it now makes fewer durable calls before this one, waits on something else first, or awaits in sequence what ran in parallel.`;
      break;
    case 'type':
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code's step ${mismatch.sequenceId} is a ${replayed?.action ?? mismatch.mismatch.actual}${replayed?.name ? ` '${replayed.name}'` : ''}: a call was inserted, removed or replaced before or at this point.`;
      break;
    case 'name':
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code calls '${mismatch.mismatch.actualName}' at that step: a call was inserted, removed or renamed before or at this point.`;
      break;
  }
  let location: SourceLocation | undefined;
  if (trace) {
    const found = mismatch.action
      ? await locateAction(trace, state, mismatch.action, app, history.orchestrator)
      : await locateStop(trace, state, app, history.orchestrator);
    location = found.location;
  }
  return {
    sequenceId: mismatch.sequenceId,
    recorded: { event: eventTypeName(event.EventType), ...(recordedName ? { name: recordedName } : {}), eventIndex: mismatch.eventIndex },
    ...(replayed ? { replayed } : {}),
    message: mismatch.message,
    explanation,
    ...(location ? { location } : {}),
    advice: `Instances of '${history.orchestrator}' started before this change would fail. Keep the old sequence of calls for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`,
  };
}

/**
 * The extension names each entity request itself (docs/runtime-rules.md §16): a request the new
 * code makes at another point of the replay gets another id, and the entity's answer, sent under
 * the recorded id, never reaches the wait. Production logs nothing: the instance stays Running.
 */
async function strandedDivergence(
  stranded: StrandedResponse,
  history: LoadedHistory,
  trace: Trace | undefined,
  state: OrchestratorState,
  app: LoadedApp,
): Promise<Divergence> {
  const replayed = describeAction(stranded.action);
  const target = stranded.event.InstanceId ? ` to ${stranded.event.InstanceId}` : '';
  const location = trace ? (await locateAction(trace, state, stranded.action, app, history.orchestrator)).location : undefined;
  return {
    sequenceId: stranded.sequenceId,
    recorded: {
      event: eventTypeName(stranded.event.EventType),
      ...(stranded.event.Name ? { name: stranded.event.Name } : {}),
      eventIndex: stranded.eventIndex,
    },
    replayed,
    message: stranded.recordedSignal
      ? `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}' to a request that was sent as a signal, which gets none)`
      : `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}', and the entity answers request '${stranded.recordedId}')`,
    explanation: stranded.recordedSignal
      ? `The history recorded a signal${target} at step ${stranded.sequenceId}; the new code makes an entity call at that step. The step is not sent again, and a signal gets no answer: the code waits for ever.`
      : `The history recorded the entity request${target} at step ${stranded.sequenceId} with request id '${stranded.recordedId}'. ` +
        `The extension makes that id from the instance id, the time of the episode that sends the request and how many requests came before it; the new code sends this request in another episode or after another number of requests (a call moved into or out of a Task.all, or an entity call or signal added or removed before it), so the id becomes '${stranded.requestId}'. ` +
        `The response to the recorded request never reaches the code, which waits for ever.`,
    ...(location ? { location } : {}),
    advice: `Instances of '${history.orchestrator}' started before this change would hang. Keep the old order and grouping of entity calls and signals for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`,
  };
}

/** When the SDK refused a lock for the schema this replay advertised: which schema that was, and how to replay with V4. */
function schemaHint(message: string, base: ReplayResult): string | undefined {
  if (!/OOProc schema V4/.test(message)) return undefined;
  return `This replay took the host to advertise schema ${base.replaySchema ?? 'V3'}, as the generally available extension bundles do (Microsoft.Azure.WebJobs.Extensions.DurableTask before 3.13): there, a lock fails the instance. If the app runs the extension 3.13 or later, replay with the schema option set to V4.`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Per app, whether a function of each kind is registered, by the exact name calls use. */
const registeredByApp = new WeakMap<LoadedApp, Record<FunctionUse['kind'], Map<string, boolean>>>();

/**
 * Is a function of this kind registered in the app? A fan-out calls one function many times, and
 * every history calls the same few: each name is looked up once per app.
 */
function registeredIn(app: LoadedApp): (name: string, kind: FunctionUse['kind']) => boolean {
  let known = registeredByApp.get(app);
  if (!known) registeredByApp.set(app, (known = { activity: new Map(), orchestrator: new Map(), entity: new Map() }));
  const byKind = known;
  return (name, kind) => {
    const names = byKind[kind];
    let found = names.get(name);
    if (found === undefined) {
      const fn = app.find(name);
      found = fn !== undefined && fn.kind === KIND_OF_USE[kind];
      names.set(name, found);
    }
    return found;
  };
}

/** The name a scheduling event recorded (an activity, a sub-orchestration, an event sent and its target); other events have none. */
function recordedNameOf(event: HistoryEvent): string | undefined {
  if (event.EventType === EventType.EventSent) return event.InstanceId ? `${event.Name ?? ''} -> ${event.InstanceId}` : event.Name;
  return event.EventType === EventType.TaskScheduled || event.EventType === EventType.SubOrchestrationInstanceCreated ? event.Name : undefined;
}

/** Recorded calls still waiting for their result, whose function the new app lacks. */
const CLOSES_A_CALL: ReadonlySet<EventType> = new Set([
  EventType.TaskCompleted,
  EventType.TaskFailed,
  EventType.SubOrchestrationInstanceCompleted,
  EventType.SubOrchestrationInstanceFailed,
]);

function pendingMissing(events: readonly HistoryEvent[], app: LoadedApp): { name: string; kind: FunctionUse['kind']; action?: SdkAction } | undefined {
  // Most histories call only registered functions: check the few distinct names first.
  const names = new Map<string, 'activity' | 'orchestration'>();
  for (const event of events) {
    if (event.EventType === EventType.TaskScheduled) names.set(event.Name ?? '', 'activity');
    else if (event.EventType === EventType.SubOrchestrationInstanceCreated) names.set(event.Name ?? '', 'orchestration');
  }
  let unknown: Set<string> | undefined;
  for (const [name, expected] of names) {
    const fn = app.find(name);
    if ((!fn || fn.kind !== expected) && !name.startsWith('BuiltIn::')) (unknown ??= new Set()).add(name.toLowerCase());
  }
  if (!unknown) return undefined;
  const open = new Map<number, HistoryEvent>();
  for (const event of events) {
    if (event.EventType === EventType.TaskScheduled || event.EventType === EventType.SubOrchestrationInstanceCreated) open.set(event.EventId, event);
    // Only completions close a call: a rewind's tombstone (a GenericEvent that keeps TaskScheduledId) does not.
    else if (CLOSES_A_CALL.has(event.EventType) && typeof event.TaskScheduledId === 'number') open.delete(event.TaskScheduledId);
  }
  for (const event of open.values()) {
    const name = event.Name ?? '';
    if (unknown.has(name.toLowerCase())) return { name, kind: event.EventType === EventType.TaskScheduled ? 'activity' : 'orchestrator' };
  }
  return undefined;
}

function completionWarnings(history: LoadedHistory, state: OrchestratorState, sim: RuntimeOutcome): string[] {
  // Continue-as-new is recorded as its own event type (ContinueAsNewEvent), status ContinuedAsNew.
  const completed = history.events.findLast((e) => e.EventType === EventType.ExecutionCompleted || e.EventType === EventType.ContinueAsNew);
  if (!completed) return [];
  const status = orchestrationStatusName(completed.OrchestrationStatus);
  const succeeded = status === 'Completed';
  const continued = status === 'ContinuedAsNew';
  const actions = (state.actions[0] ?? []) as SdkAction[];
  const continuesAsNew = actions.some((a) => a?.actionType === ActionType.ContinueAsNew);
  if (continued) {
    return continuesAsNew ? [] : ['this execution ended with continue-as-new, but the new code no longer calls continueAsNew with this history'];
  }
  if (!succeeded) return [];
  if (!state.isDone || !sim.shimFinished) {
    return ['this instance completed, but with this history the new code no longer completes: it now waits for work the instance never did'];
  }
  if (sim.openTasks > 0) {
    return [
      `this instance completed, but with this history the new code leaves ${sim.openTasks} durable task(s) open (a Task.any loser, such as a timeout timer, no longer cancelled): the runtime completes an instance only when none is open, so it would finish only after they do`,
    ];
  }
  // An output the SDK moved to Blob Storage: only its reference was recorded, nothing to compare.
  if (isPayloadReference(completed.Result)) return [];
  const recorded = parseJson(completed.Result);
  if (!sameJson(recorded, state.output)) {
    return ['this instance completed, but the new code returns a different output with the same history: the code changed what it returns'];
  }
  return [];
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

// ------------------------------------------------------------------ locating source lines

interface TraceRun {
  tracer: ActionTracer;
  state?: OrchestratorState;
}

async function traceRun(app: LoadedApp, name: string, payload: string, depth?: number): Promise<TraceRun> {
  const tracer = tracerFor(app.durableFunctionsDir);
  const outcome = await tracer.record(() => app.invokeOrchestrator(name, payload), depth);
  return { tracer, ...(outcome.state ? { state: outcome.state } : {}) };
}

type Trace = (depth?: number) => Promise<TraceRun>;

/** Shallow stacks first; a deeper capture only when the user's frame was not among them. */
async function locateWith(trace: Trace, app: LoadedApp, pick: (run: TraceRun) => string | undefined): Promise<{ location?: SourceLocation }> {
  const shallow = locationOf(pick(await trace()), app);
  return shallow.location ? shallow : locationOf(pick(await trace(64)), app);
}

/**
 * Histories that reach a divergence through the same actions went through the same code: the
 * location found for one serves all of them (thousands of instances hit the same change).
 */
const located = new WeakMap<LoadedApp, Map<string, { location?: SourceLocation }>>();

function signature(actions: readonly SdkAction[], end: number): string {
  let key = '';
  for (let i = 0; i < end && i < actions.length; i++) key += `${actions[i]!.actionType}:${actions[i]!.functionName ?? actions[i]!.externalEventName ?? ''};`;
  return key;
}

async function cached(app: LoadedApp, key: string, find: () => Promise<{ location?: SourceLocation }>): Promise<{ location?: SourceLocation }> {
  let cache = located.get(app);
  if (!cache) located.set(app, (cache = new Map<string, { location?: SourceLocation }>()));
  const hit = cache.get(key);
  if (hit) return hit;
  const found = await find();
  if (cache.size < 10_000) cache.set(key, found);
  return found;
}

function locateAction(trace: Trace, state: OrchestratorState, action: SdkAction, app: LoadedApp, orchestrator: string): Promise<{ location?: SourceLocation }> {
  const actions = flattenActions(state.actions);
  const index = actions.indexOf(action);
  return cached(app, `${orchestrator}@${index}|${signature(actions, index + 1)}`, () =>
    locateWith(trace, app, (run) => run.tracer.stackOf(run.state ? flattenActions(run.state.actions)[index] : undefined)),
  );
}

function locateStop(trace: Trace, state: OrchestratorState, app: LoadedApp, orchestrator: string): Promise<{ location?: SourceLocation }> {
  const actions = flattenActions(state.actions);
  return cached(app, `${orchestrator}@stop|${signature(actions, actions.length)}`, () =>
    locateWith(trace, app, (run) => run.tracer.stackOf(run.tracer.created.at(-1))),
  );
}

function locationOf(stack: string | undefined, app: LoadedApp): { location?: SourceLocation } {
  const location = userLocation(stack, app.info.dir);
  return location ? { location } : {};
}

/** How to keep the old path with orchestration versioning, for this app's durable-functions. */
function versionBranch(app: LoadedApp): string {
  const version = app.info.durableFunctionsVersion;
  return atLeast(version, DF_VERSION_SINCE)
    ? 'branch on context.df.version with host.json defaultVersion'
    : `upgrade durable-functions to ${DF_VERSION_SINCE} or later (this app has ${version}, without context.df.version) and branch on context.df.version with host.json defaultVersion`;
}
