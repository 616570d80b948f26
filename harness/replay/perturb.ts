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
import { basename } from 'node:path';
import { nativeCreateRequire } from '../app/native-require.js';
import type { InvocationOutcome } from '../app/types.js';
import { callPhrase, describeAction, type SdkAction } from './actions.js';
import { userLocation } from './locate.js';
import { NONDETERMINISM_PREFIX } from './messages.js';
import type { Divergence, SourceLocation } from './result.js';

export type PerturbSource = 'clock' | 'random' | 'env';

export const PERTURB_SOURCES: readonly PerturbSource[] = ['clock', 'random', 'env'];

/** 400 days, 13 h 17 min 29.371 s: no calendar field (weekday, hour, minute, second, ms) stays put. */
export const CLOCK_SHIFT_MS = (400 * 24 * 3600 + 13 * 3600 + 17 * 60 + 29) * 1000 + 371;

/** A place where the user's code read a source, and how (through a package: the package's call, reached from that line). */
export interface SourceRead {
  what: string;
  location?: SourceLocation;
  throughPackage?: boolean;
}

/** What a run read, in order (for a later run to answer the same or otherwise), and where each source was first read. */
export interface Recording {
  /** The answers given, by kind: clock milliseconds, performance.now(), Math.random(), crypto's return values and filled bytes. */
  values: Record<'date' | 'perf' | 'random' | 'crypto', unknown[]>;
  envKeys: Map<string, string | undefined>;
  /** The places each source was read from (distinct, at most five), in order. */
  reads: Partial<Record<PerturbSource, SourceRead[]>>;
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

const MAX_READS = 5;

function read(source: PerturbSource, what: string, from: (...args: never[]) => unknown): void {
  const run = active!;
  run.recording.used.add(source);
  const reads = (run.recording.reads[source] ??= []);
  if (reads.length >= MAX_READS) return;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, from);
  const location = userLocation(holder.stack, run.appDir);
  if (!location) return;
  if (reads.some((r) => r.what === what && r.location!.file === location.file && r.location!.line === location.line)) return;
  // The first frame is a package's (uuid, nanoid): the user's line is where that package was called.
  const first = holder.stack?.split('\n')[1] ?? '';
  reads.push({ what, location, ...(/node_modules/.test(first) ? { throughPackage: true } : {}) });
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
  // It must look like Date to code that does not read the clock: its name, its length, its statics,
  // and what its instances say their constructor is.
  Object.setPrototypeOf(PerturbedDate, RealDate);
  PerturbedDate.prototype = RealDate.prototype;
  Object.defineProperty(PerturbedDate, 'name', { value: 'Date', configurable: true });
  Object.defineProperty(PerturbedDate, 'length', { value: RealDate.length, configurable: true });
  for (const key of ['UTC', 'parse'] as const)
    Object.defineProperty(PerturbedDate, key, { value: Reflect.get(RealDate, key), configurable: true, writable: true });
  replace(RealDate.prototype, 'constructor', PerturbedDate);
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
  const realHrtime = process.hrtime;
  const shiftNs = (): bigint => BigInt(shift()) * 1_000_000n;
  const hrtime = Object.assign(
    (previous?: [number, number]): [number, number] => {
      if (!active) return realHrtime(previous);
      read('clock', 'process.hrtime()', hrtime);
      const ns = answer(
        'perf',
        () => Number(realHrtime.bigint() + shiftNs()),
        (before) => before + CLOCK_SHIFT_MS * 1e6,
        shift() !== 0,
      );
      const now: [number, number] = [Math.floor(ns / 1e9), ns % 1e9];
      if (!previous) return now;
      const diff = (now[0] - previous[0]) * 1e9 + (now[1] - previous[1]);
      return [Math.floor(diff / 1e9), diff % 1e9];
    },
    {
      bigint: (): bigint => {
        if (!active) return realHrtime.bigint();
        read('clock', 'process.hrtime.bigint()', hrtime.bigint);
        return BigInt(
          answer(
            'perf',
            () => Number(realHrtime.bigint() + shiftNs()),
            (before) => before + CLOCK_SHIFT_MS * 1e6,
            shift() !== 0,
          ),
        );
      },
    },
  );
  replace(process, 'hrtime', hrtime);

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
        if (Buffer.isBuffer(value)) return Buffer.from(value);
        // Filled in place: what was filled is the answer.
        return fills ? Uint8Array.from(new Uint8Array((args[0] as Bytes).buffer, (args[0] as Bytes).byteOffset, (args[0] as Bytes).byteLength)) : value;
      };
      const value = answer('crypto', fresh, fresh, active.perturb.has('random'));
      // A Buffer answered again is a copy: the code may have changed the one it got the first time.
      if (!fills) return Buffer.isBuffer(value) ? Buffer.from(value) : value;
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
  // Names Object.prototype gives every object (hasOwnProperty, toString) are not variables.
  const isVariable = (target: NodeJS.ProcessEnv, key: string | symbol): key is string =>
    typeof key === 'string' && (Object.hasOwn(target, key) || !(key in Object.prototype));
  const envGet = (target: NodeJS.ProcessEnv, key: string | symbol, receiver: unknown): unknown => {
    const value = Reflect.get(target, key, receiver) as string | undefined;
    const run = active;
    if (!run || !isVariable(target, key)) return value;
    if (!run.recording.envKeys.has(key)) run.recording.envKeys.set(key, value);
    read('env', `process.env.${key}`, envGet);
    if (!run.perturb.has('env') || !run.baseline?.envKeys.has(key)) return value;
    return run.baseline.envKeys.get(key) === undefined ? 'durable-gate-perturbed' : undefined;
  };
  // 'X' in process.env: read as a variable too, and answered as the perturbed value says.
  const envHas = (target: NodeJS.ProcessEnv, key: string | symbol): boolean => {
    const has = Reflect.has(target, key);
    const run = active;
    if (!run || !isVariable(target, key)) return has;
    if (!run.recording.envKeys.has(key)) run.recording.envKeys.set(key, target[key]);
    read('env', `'${key}' in process.env`, envHas);
    if (!run.perturb.has('env') || !run.baseline?.envKeys.has(key)) return has;
    return run.baseline.envKeys.get(key) === undefined;
  };
  replace(process, 'env', new Proxy(process.env, { get: envGet, has: envHas }));

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
  // One run at a time: the replaced globals answer for one run (replays asked for together wait their turn).
  const previous = queue;
  let done!: () => void;
  queue = new Promise<void>((resolvePromise) => (done = resolvePromise));
  await previous;
  const undo = installedForGood ? undefined : install();
  const recording = newRecording();
  active = { appDir, perturb, ...(baseline ? { baseline } : {}), recording };
  try {
    const value = await run();
    return { value, recording };
  } finally {
    active = undefined;
    undo?.();
    done();
  }
}

let queue: Promise<void> = Promise.resolve();

/** How a source is named in messages. */
export function sourceName(source: PerturbSource): string {
  return source === 'clock' ? 'the wall clock' : source === 'random' ? 'randomness' : 'the environment';
}

/** What the user's code should use instead. */
function sourceAdvice(source: PerturbSource): string {
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
interface Difference {
  index: number;
  first?: SdkAction;
  second?: SdkAction;
  what: string;
  /** The runs schedule the same and part at the end: the output, the custom status, or a throw. */
  atEnd?: boolean;
}

function firstDifference(a: Scheduled, b: Scheduled): Difference | undefined {
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
    if (!second && b.end.startsWith('throws ')) what = `throws before it (${b.end.slice(7).split('\n')[0]})`;
    return { index: i, ...(first ? { first } : {}), ...(second ? { second } : {}), what };
  }
  if (a.end === b.end) return undefined;
  const what = b.end.startsWith('throws ')
    ? `throws (${b.end.slice(7).split('\n')[0]}) where the first run did not`
    : a.end.startsWith('throws ')
      ? 'does not throw where the first run did'
      : 'ends with another output or custom status';
  return { index: n, what, atEnd: true };
}

function shown(action: SdkAction | undefined): string {
  return action ? callPhrase(action) : 'nothing';
}

/** Where the code read the sources: "Date.now() at src/f.ts:12, new Date() at src/f.ts:20". */
function readPlaces(reads: (SourceRead & { source: PerturbSource })[]): string {
  return (
    reads
      // The file's name only: reports show paths relative to where they run, and this text is made in the worker.
      .map((r) => `${r.what}${r.throughPackage ? ' (through a package)' : ''}${r.location ? ` at ${basename(r.location.file)}:${r.location.line}` : ''}`)
      .join(', ')
  );
}

/**
 * The perturbed replay of a history whose recorded steps matched: the orchestrator again with
 * the sources answering otherwise. A difference is told with its cause (each source alone,
 * checked by a run of its own) and every place the user's code read it; a difference between two
 * runs with nothing perturbed is something that changes between runs that the replay cannot hold
 * still (module state, I/O, a package that draws random ids ahead).
 */
export async function perturbedDivergence(
  appDir: string,
  invoke: () => Promise<InvocationOutcome>,
  first: InvocationOutcome,
  baseline: Recording,
): Promise<Divergence | undefined> {
  const expected = scheduledBy(first);
  const runWith = async (sources: PerturbSource[]) => {
    const run = await withSources(appDir, new Set(sources), baseline, invoke);
    return { ...run, diff: firstDifference(expected, scheduledBy(run.value)) };
  };
  // Every source is perturbed, read or not: one read out of sight still shows, through the control run.
  const all = await runWith([...PERTURB_SOURCES]);
  if (!all.diff) return undefined;
  const read = PERTURB_SOURCES.filter((s) => baseline.used.has(s) || all.recording.used.has(s));
  const control = await runWith([]);
  const diff = all.diff;
  const base = {
    sequenceId: diff.index,
    recorded: { event: shown(diff.first), eventIndex: -1 },
    ...(diff.second ? { replayed: describeAction(diff.second) } : {}),
  };
  if (control.diff) {
    const randomRead = baseline.reads.random ?? [];
    const maybe =
      randomRead.length > 0
        ? ` Randomness was read (${readPlaces(randomRead.map((r) => ({ ...r, source: 'random' as const })))}): a package that draws random bytes ahead (nanoid, uuid with options) answers from its own pool, which no run can hold still.`
        : '';
    return {
      ...base,
      message: productionSays(control.diff),
      explanation: `Perturbed replay: two runs of the same history with nothing changed already schedule differently (at action ${control.diff.index}, ${control.diff.what}). The orchestrator depends on something that changes from run to run and that the history does not hold: a module-level variable or cache, I/O, or randomness the replay cannot see.${maybe}`,
      ...(randomRead[0]?.location ? { location: randomRead[0].location } : {}),
      advice:
        'Keep orchestrator state in local variables (or an entity), do I/O in activities, and take ids from context.df.newGuid; `durable-gate lint` points at module state, I/O and randomness in orchestrator code.',
      perturbed: { sources: [], first: shown(diff.first), second: shown(control.diff.second), what: control.diff.what },
    };
  }
  // Which source: each alone, in a run of its own (none read: each of them, read out of sight).
  const candidates = read.length > 0 ? read : [...PERTURB_SOURCES];
  const causes: PerturbSource[] = [];
  if (candidates.length === 1) causes.push(candidates[0]!);
  else for (const source of candidates) if ((await runWith([source])).diff) causes.push(source);
  const blamed = causes.length > 0 ? causes : candidates;
  const reads = blamed.flatMap((s) => (all.recording.reads[s] ?? baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
  const located = reads.find((r) => r.location);
  const named = blamed
    .map((s) => {
      const places = reads.filter((r) => r.source === s);
      return places.length > 0 ? `${sourceName(s)} (${readPlaces(places)})` : `${sourceName(s)}, read where the replay could not see it`;
    })
    .join(' and ');
  const where = diff.atEnd ? 'At the end of the run' : `At action ${diff.index}`;
  return {
    ...base,
    message: productionSays(diff),
    explanation: `Perturbed replay: the recorded steps match, but what the code does depends on ${named}. ${where} the first run ${diff.atEnd ? 'ends one way' : `schedules ${shown(diff.first)}`}; a second run with ${blamed.map(moved).join(' and ')} ${diff.what}. A replay at another time, on another machine or with other settings decides otherwise than the run that wrote the history.`,
    ...(located?.location ? { location: located.location } : {}),
    advice: `${capitalised(blamed.map(sourceAdvice).join('; '))}. This is a bug in the code itself, whatever is deployed: fix it, and keep the recorded path for instances in flight if the fix changes what they schedule.`,
    perturbed: {
      sources: blamed,
      first: diff.atEnd ? 'the end of the run' : shown(diff.first),
      second: diff.atEnd ? 'the end of the run' : shown(diff.second),
      what: diff.what,
      ...(located ? { read: `${located.what}${located.throughPackage ? ' (through a package)' : ''}` } : {}),
    },
  };
}

/**
 * For a history the new code diverges from: does the code schedule differently from one run to
 * the next with the same history? Then the divergence may come from that rather than from a
 * change; said, with where the code reads the clock, randomness or the environment.
 */
export async function unsteadyRuns(
  appDir: string,
  invoke: () => Promise<InvocationOutcome>,
  first: InvocationOutcome,
  baseline: Recording,
): Promise<string | undefined> {
  const again = await withSources(appDir, new Set(PERTURB_SOURCES), baseline, invoke);
  if (!firstDifference(scheduledBy(first), scheduledBy(again.value))) return undefined;
  const reads = PERTURB_SOURCES.flatMap((s) => (baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
  return `Note: on the same history this orchestrator also schedules differently when the clock, randomness or the environment answer otherwise${reads.length > 0 ? ` (it reads ${readPlaces(reads)})` : ''}, so the run that recorded the history may simply have decided otherwise: that is a bug in the code itself (durable-gate lint shows where), not necessarily a change.`;
}

/** What production shows for such a difference, by what differs. */
function productionSays(diff: Difference): string {
  if (diff.what.startsWith('schedules the timer for another time'))
    return 'Nothing at first: the recorded timer fires at the recorded time. But the code computes another time at every replay: what it decides from that time differs between replays, and a timer beyond maximumShortTimerDuration (6 days), which the SDK continues in shorter timers toward that time, never reaches it, so the instance never finishes.';
  if (diff.what === 'passes another input')
    return 'Nothing: the runtime does not compare inputs, and the instance goes on with other data than the history recorded.';
  if (diff.atEnd && diff.what.startsWith('ends with'))
    return 'Nothing: the runtime does not compare outputs or custom statuses; what the instance reports differs from one replay to the next.';
  if (diff.what.includes('throws'))
    return "The instance fails with the orchestrator's error on a replay that takes the throwing path, and completes on one that does not.";
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
