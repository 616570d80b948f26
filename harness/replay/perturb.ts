/**
 * Perturbed replay (`replay --perturb`): what the recorded history cannot show. A replay that
 * matches the history can still depend on the wall clock, on random numbers or ids, or on the
 * environment, and break on a later replay when those answer differently. So the orchestrator
 * runs once more with them answering differently (the clock moved by a large odd amount, every
 * Math.random value moved by half its range, new random ids, the environment variables it read
 * unset or set), and everything the two runs scheduled is compared. Runs inside the replay worker;
 * the replaced globals are put back when each run ends.
 */
import { syncBuiltinESMExports } from 'node:module';
import { nativeCreateRequire } from '../app/native-require.js';
import type { InvocationOutcome } from '../app/types.js';
import { describeAction, type SdkAction } from './actions.js';
import { userLocation } from './locate.js';
import { NONDETERMINISM_PREFIX } from './messages.js';
import type { Divergence, SourceLocation } from './result.js';

export type PerturbSource = 'clock' | 'random' | 'env';

export const PERTURB_SOURCES: readonly PerturbSource[] = ['clock', 'random', 'env'];

/** 400 days, 13 h 17 min 29.371 s: no calendar field (weekday, hour, minute, second, ms) stays put. */
export const CLOCK_SHIFT_MS = (400 * 24 * 3600 + 13 * 3600 + 17 * 60 + 29) * 1000 + 371;

/** The first time the user's code read a source, and how. */
export interface SourceRead {
  what: string;
  location?: SourceLocation;
}

/** What a run read, in order (for a later run to answer the same or otherwise), and where each source was first read. */
export interface Recording {
  /** The answers given, by kind: clock milliseconds, performance.now(), Math.random(), crypto's return values and filled bytes. */
  values: Record<'date' | 'perf' | 'random' | 'crypto', unknown[]>;
  envKeys: Map<string, string | undefined>;
  reads: Partial<Record<PerturbSource, SourceRead>>;
  /** Any read of each source, by the app or by libraries (the user's own frame may be out of reach). */
  used: Set<PerturbSource>;
}

export function newRecording(): Recording {
  return { values: { date: [], perf: [], random: [], crypto: [] }, envKeys: new Map(), reads: {}, used: new Set() };
}

// Node's own require: node:crypto's CommonJS exports are the object other modules call into.
const nodeRequire = nativeCreateRequire(import.meta.url);

type Bytes = ArrayBufferView;

/** The run the replaced globals answer for; none: they pass through to the real ones. */
interface Active {
  appDir: string;
  perturb: ReadonlySet<PerturbSource>;
  baseline?: Recording;
  recording: Recording;
}

let active: Active | undefined;
/** Installed for the worker's life (before the app loads, so that what it captures at load goes through them too). */
let installedForGood = false;

function read(source: PerturbSource, what: string, from: (...args: never[]) => unknown): void {
  const run = active!;
  run.recording.used.add(source);
  if (run.recording.reads[source]?.location) return;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, from);
  const location = userLocation(holder.stack, run.appDir);
  run.recording.reads[source] = { what, ...(location ? { location } : {}) };
}

/** The i-th answer of a kind in the active run: the baseline's (moved when perturbed), or the real one. */
function answer<V>(kind: keyof Recording['values'], real: () => V, moved: (before: V) => V, perturbed: boolean): V {
  const run = active!;
  const i = run.recording.values[kind].length;
  const before = run.baseline?.values[kind][i] as V | undefined;
  const value = before === undefined ? real() : perturbed ? moved(before) : before;
  run.recording.values[kind].push(value);
  return value;
}

/**
 * Replaces Date, performance.now, Math.random, crypto's random functions and process.env with
 * versions that answer for the active run (and pass through when none is). Returns how to put
 * the real ones back.
 */
function install(): () => void {
  const restore: (() => void)[] = [];
  const replace = (target: object, key: string, value: unknown): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    // node:crypto's getRandomValues cannot be replaced (non-configurable): the Web Crypto one it calls is.
    if (descriptor && !descriptor.configurable) return;
    Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: descriptor?.enumerable ?? false });
    restore.push(() => (descriptor ? Object.defineProperty(target, key, descriptor) : delete (target as Record<string, unknown>)[key]));
  };

  // The wall clock: Date.now(), new Date(), Date(), performance.now().
  const RealDate = Date;
  const shift = (): number => (active?.perturb.has('clock') ? CLOCK_SHIFT_MS : 0);
  const clock = (): number =>
    answer(
      'date',
      () => RealDate.now() + shift(),
      (before) => before + CLOCK_SHIFT_MS,
      shift() !== 0,
    );
  function PerturbedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) {
      if (!active) return RealDate();
      read('clock', 'Date()', PerturbedDate);
      return new RealDate(clock()).toString();
    }
    if (args.length === 0 && active) {
      read('clock', 'new Date()', PerturbedDate);
      return Reflect.construct(RealDate, [clock()], new.target);
    }
    return Reflect.construct(RealDate, args, new.target);
  }
  Object.setPrototypeOf(PerturbedDate, RealDate);
  PerturbedDate.prototype = RealDate.prototype;
  const now = (): number => {
    if (!active) return RealDate.now();
    read('clock', 'Date.now()', now);
    return clock();
  };
  Object.defineProperty(PerturbedDate, 'now', { value: now, configurable: true, writable: true });
  replace(globalThis, 'Date', PerturbedDate);
  const realPerformanceNow = performance.now.bind(performance);
  const performanceNow = (): number => {
    if (!active) return realPerformanceNow();
    read('clock', 'performance.now()', performanceNow);
    return answer(
      'perf',
      () => realPerformanceNow() + shift(),
      (before) => before + CLOCK_SHIFT_MS,
      shift() !== 0,
    );
  };
  replace(performance, 'now', performanceNow);

  // Randomness: Math.random moved by half its range; crypto's answers new.
  const realRandom = Math.random;
  const random = (): number => {
    if (!active) return realRandom();
    read('random', 'Math.random()', random);
    return answer('random', realRandom, (before) => (before + 0.5) % 1, active.perturb.has('random'));
  };
  replace(Math, 'random', random);
  const wrapCrypto = (target: Record<string, (...args: unknown[]) => unknown>, name: string): void => {
    const real = target[name];
    if (typeof real !== 'function') return;
    const fills = name === 'randomFillSync' || name === 'getRandomValues';
    const wrapped = (...args: unknown[]): unknown => {
      if (!active) return real.apply(target, args);
      read('random', `crypto.${name}()`, wrapped);
      const fresh = (): unknown => {
        const value = real.apply(target, args);
        // Filled in place: what was filled is the answer.
        return fills ? Uint8Array.from(new Uint8Array((args[0] as Bytes).buffer, (args[0] as Bytes).byteOffset, (args[0] as Bytes).byteLength)) : value;
      };
      const value = answer('crypto', fresh, fresh, active.perturb.has('random'));
      if (!fills) return value;
      const filled = args[0] as Bytes;
      const bytes = new Uint8Array(filled.buffer, filled.byteOffset, filled.byteLength);
      if (value instanceof Uint8Array && value.length === bytes.length) bytes.set(value);
      return filled;
    };
    replace(target, name, wrapped);
  };
  const crypto = nodeRequire('node:crypto') as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['randomUUID', 'randomBytes', 'randomInt', 'randomFillSync', 'getRandomValues']) wrapCrypto(crypto, name);
  const web = globalThis.crypto as unknown as Record<string, (...args: unknown[]) => unknown> | undefined;
  if (web) for (const name of ['randomUUID', 'getRandomValues']) wrapCrypto(web, name);
  syncBuiltinESMExports();

  // The environment: each variable the baseline read is unset when it was set, and set when it was not.
  const envGet = (target: NodeJS.ProcessEnv, key: string | symbol, receiver: unknown): unknown => {
    const value = Reflect.get(target, key, receiver) as string | undefined;
    const run = active;
    if (!run || typeof key !== 'string') return value;
    if (!run.recording.envKeys.has(key)) run.recording.envKeys.set(key, value);
    read('env', `process.env.${key}`, envGet);
    if (!run.perturb.has('env') || !run.baseline?.envKeys.has(key)) return value;
    return run.baseline.envKeys.get(key) === undefined ? 'durable-gate-perturbed' : undefined;
  };
  replace(process, 'env', new Proxy(process.env, { get: envGet }));

  return () => {
    for (const undo of restore.reverse()) undo();
    syncBuiltinESMExports();
  };
}

/**
 * For the replay worker of a perturbed replay: the replacements stay for the worker's life,
 * installed before the app loads, so that a function the app captures when it loads
 * (`const { randomUUID } = require('crypto')`, `const now = Date.now`) answers for the runs too.
 */
export function installSourcesForGood(): void {
  if (installedForGood) return;
  install();
  installedForGood = true;
}

/**
 * Runs `run` with the sources in `perturb` answering differently from `baseline` (a run recorded
 * with nothing perturbed) and the others answering exactly as they did in it, so that two runs
 * differ only by what is perturbed. Without a baseline nothing is replaced: the run is recorded.
 */
export async function withSources<T>(
  appDir: string,
  perturb: ReadonlySet<PerturbSource>,
  baseline: Recording | undefined,
  run: () => Promise<T>,
): Promise<{ value: T; recording: Recording }> {
  const undo = installedForGood ? undefined : install();
  const recording = newRecording();
  active = { appDir, perturb, ...(baseline ? { baseline } : {}), recording };
  try {
    const value = await run();
    return { value, recording };
  } finally {
    active = undefined;
    undo?.();
  }
}

/** How a source is named in messages. */
export function sourceName(source: PerturbSource): string {
  return source === 'clock' ? 'the wall clock' : source === 'random' ? 'randomness' : 'the environment';
}

/** What the user's code should use instead. */
export function sourceAdvice(source: PerturbSource): string {
  switch (source) {
    case 'clock':
      return 'use context.df.currentUtcDateTime (the time recorded for this point of the orchestration) instead of the wall clock';
    case 'random':
      return 'use context.df.newGuid(context.df.instanceId) for ids, and take random values as input or from an activity (its result is recorded)';
    case 'env':
      return 'pass settings in as the orchestration input, or read them in an activity';
  }
}

/** What a run scheduled, comparable across runs: each action whole (names, inputs, fire times), then how the run ended. */
interface Scheduled {
  actions: SdkAction[];
  keys: string[];
  end: string;
}

function scheduledBy(outcome: InvocationOutcome): Scheduled {
  const state = outcome.state;
  const actions = state && Array.isArray(state.actions) ? flattenActions(state.actions) : [];
  const end =
    outcome.kind === 'threw'
      ? `throws ${outcome.message}`
      : JSON.stringify({ done: outcome.state.isDone, output: outcome.state.output ?? null, customStatus: outcome.state.customStatus ?? null });
  // A compound action (Task.any, Task.all) is compared without its children: they follow it, and the one that differs is named.
  return { actions, keys: actions.map((a) => JSON.stringify(a.compoundActions ? { ...a, compoundActions: a.compoundActions.length } : a)), end };
}

/** Every action in the order the SDK produced them, compound children after their parent. */
export function flattenActions(actions: unknown[][]): SdkAction[] {
  const out: SdkAction[] = [];
  const visit = (action: SdkAction): void => {
    out.push(action);
    for (const child of action.compoundActions ?? []) visit(child);
  };
  for (const set of actions) for (const action of (set ?? []) as SdkAction[]) visit(action);
  return out;
}

/** Where two runs part: the first action that differs (and in what), or the end; undefined when they agree. */
function firstDifference(a: Scheduled, b: Scheduled): { index: number; first?: SdkAction; second?: SdkAction; what: string } | undefined {
  const n = Math.max(a.keys.length, b.keys.length);
  for (let i = 0; i < n; i++) {
    if (a.keys[i] === b.keys[i]) continue;
    const first = a.actions[i];
    const second = b.actions[i];
    let what: string;
    if (!first || !second) what = first ? 'schedules nothing there' : 'schedules a call the first run did not';
    else if (first.actionType !== second.actionType || (describeAction(first).name ?? '') !== (describeAction(second).name ?? ''))
      what = 'schedules another call';
    else if (JSON.stringify(first.fireAt) !== JSON.stringify(second.fireAt)) what = 'schedules the timer for another time';
    else if (JSON.stringify(first.input) !== JSON.stringify(second.input)) what = 'passes another input';
    else what = 'schedules it differently (options, ids)';
    return { index: i, ...(first ? { first } : {}), ...(second ? { second } : {}), what };
  }
  if (a.end !== b.end)
    return { index: n, what: a.end.startsWith('throws') || b.end.startsWith('throws') ? 'throws in one run only' : 'ends with another output or status' };
  return undefined;
}

function shown(action: SdkAction | undefined): string {
  if (!action) return 'nothing';
  const { action: type, name } = describeAction(action);
  return `${type}${name ? ` '${name}'` : ''}`;
}

/**
 * The perturbed replay of a history whose recorded steps matched: the orchestrator again with
 * the sources the first run read answering otherwise. A difference is told with its cause (each
 * source alone, checked by a run of its own) and where the user's code read it; a difference
 * between two runs with nothing perturbed is state that outlives a run.
 */
export async function perturbedDivergence(
  appDir: string,
  invoke: () => Promise<InvocationOutcome>,
  first: InvocationOutcome,
  baseline: Recording,
): Promise<Divergence | undefined> {
  // Every source is perturbed, read or not: a source read through something the replacements
  // cannot reach still shows, through the control run below.
  const read = PERTURB_SOURCES.filter((s) => baseline.used.has(s));
  const expected = scheduledBy(first);
  const runWith = async (sources: PerturbSource[]) => {
    const run = await withSources(appDir, new Set(sources), baseline, invoke);
    return { ...run, diff: firstDifference(expected, scheduledBy(run.value)) };
  };
  const all = await runWith([...PERTURB_SOURCES]);
  if (!all.diff) return undefined;
  const control = await runWith([]);
  const diff = all.diff;
  if (control.diff) {
    return {
      sequenceId: diff.index,
      recorded: { event: shown(diff.first), eventIndex: -1 },
      ...(diff.second ? { replayed: describeAction(diff.second) } : {}),
      message: productionSays(control.diff),
      explanation: `Perturbed replay: two runs of the same history with nothing changed schedule differently (${control.diff.what} at action ${control.diff.index + 1}). The orchestrator depends on state that outlives a run (a module-level variable, a cache, I/O), which the history does not hold.`,
      advice:
        'Keep orchestrator state in local variables (or an entity), and do I/O in activities; `durable-gate lint` points at module state and I/O in orchestrator code.',
      perturbed: { sources: [], first: shown(diff.first), second: shown(control.diff.second), what: control.diff.what },
    };
  }
  // Which source: each alone, in a run of its own (none read: each of them, read out of sight).
  const candidates = read.length > 0 ? read : [...PERTURB_SOURCES];
  const causes: PerturbSource[] = [];
  if (candidates.length === 1) causes.push(candidates[0]!);
  else for (const source of candidates) if ((await runWith([source])).diff) causes.push(source);
  const blamed = causes.length > 0 ? causes : candidates;
  const reads = blamed.map((s) => ({ source: s, ...(all.recording.reads[s] ?? baseline.reads[s]) }));
  const located = reads.find((r) => r.location);
  const named = reads
    .map((r) => (r.what ? `${sourceName(r.source)} (${r.what})` : `${sourceName(r.source)}, read where the replay could not see it`))
    .join(' and ');
  return {
    sequenceId: diff.index,
    recorded: { event: shown(diff.first), eventIndex: -1 },
    ...(diff.second ? { replayed: describeAction(diff.second) } : {}),
    message: productionSays(diff),
    explanation: `Perturbed replay: the recorded steps match, but what the code schedules depends on ${named}. At action ${diff.index + 1} the first run schedules ${shown(diff.first)}; a second run with ${blamed.map(moved).join(' and ')} ${diff.what}. A replay at another time, on another machine or with other settings decides otherwise than the run that wrote the history.`,
    ...(located?.location ? { location: located.location } : {}),
    advice: `${capitalised(blamed.map(sourceAdvice).join('; '))}. Instances in flight recorded what the old code decided: keep that path for them (orchestration versioning), or let them finish before deploying.`,
    perturbed: { sources: blamed, first: shown(diff.first), second: shown(diff.second), what: diff.what, ...(located?.what ? { read: located.what } : {}) },
  };
}

/** What production shows for such a difference, by what differs. */
function productionSays(diff: { first?: SdkAction; what: string }): string {
  if (diff.what.startsWith('schedules the timer for another time'))
    return 'Nothing at first: the recorded timer fires at the recorded time. But the code computes another time at every replay: what it decides from that time differs between replays, and a timer beyond maximumShortTimerDuration (6 days), which the SDK continues in shorter timers toward that time, never reaches it, so the instance never finishes.';
  if (diff.what === 'passes another input')
    return 'Nothing: the runtime does not compare inputs, and the instance goes on with other data than the history recorded.';
  return `${NONDETERMINISM_PREFIX}... once a replay schedules something else at a step the history recorded (DurableTask.Core names the step and both calls).`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function moved(source: PerturbSource): string {
  return source === 'clock'
    ? 'the clock moved by about 400 days'
    : source === 'random'
      ? 'other random numbers and ids'
      : 'the environment variables it read changed';
}
