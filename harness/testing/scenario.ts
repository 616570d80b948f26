/**
 * Scenarios: one orchestration run on the local runtime, written down (docs/testing.md,
 * "Scenarios"). A JSON file gives results as values; a module (.js, .mjs, .cjs) may give functions
 * for results that must be computed. `check` runs each on the old code and replays every history it
 * wrote, at every point an instance waited, against the new code.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { ReplayApp } from '../app/host.js';
import type { HistoryItem } from '../app/worker.js';
import { durationMs } from '../duration.js';
import { UsageError, errorMessage } from '../errors.js';
import { displayPath, expandPaths } from '../history/paths.js';
import {
  LocalRuntime,
  LocalRuntimeError,
  type ActivityMock,
  type EntityMock,
  type HttpAnswer,
  type HttpRequestInfo,
  type SubOrchestrationMock,
} from './runtime.js';

/** A result given as a value: what the call returns, or the error it throws. */
export type Answer = { result?: unknown } | { error: string };

/** Answers in order, one per call (the last one repeats): `{ results: [{ error: 'declined' }, { result: 1 }] }`. */
export type Answers = Answer | { results: Answer[] };

export interface Scenario {
  /** Said beside the scenario's label (its file, and its place in the file) when it runs. */
  name?: string;
  orchestrator: string;
  input?: unknown;
  instanceId?: string;
  /** Activity results by name: values (JSON), or functions (modules). */
  activities?: Record<string, Answers | ActivityMock>;
  /** Run the app's own code for these activities (true: every activity without a result given). */
  appActivities?: boolean | string[];
  subOrchestrations?: Record<string, Answers | SubOrchestrationMock>;
  /**
   * Entities answered by the scenario: a function (modules), or answers by operation
   * (`{ "inventory": { "reserve": { "result": 3 } } }`, the state left as it is); without, the
   * app's own entity functions run.
   */
  entities?: Record<string, EntityMock | Record<string, Answers>>;
  /** callHttp answers, in order (the last one repeats), or a function. */
  http?: HttpAnswer[] | ((request: HttpRequestInfo) => HttpAnswer | Promise<HttpAnswer>);
  /** External events, each raised `after` the start (a duration; default at once). */
  events?: { name: string; data?: unknown; after?: string; instanceId?: string }[];
  /** Stop the run at this duration after the start (default: when nothing is left to happen). */
  until?: string;
  startTime?: string;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** Where it came from, for the report: `scenarios/order.json` or `scenarios/orders.mjs#2`. */
  label: string;
}

const EXPECTED =
  'Expected a scenario: { "orchestrator": "<name>", "input": ..., "activities": { "<name>": { "result": ... } } } (docs/testing.md, "Scenarios"), or an array of them.';

/** Scenario files (.json) and modules (.js, .mjs, .cjs), from files, folders and globs. */
export async function readScenarios(args: readonly string[], cwd: string): Promise<LoadedScenario[]> {
  const json = await expandPaths(args, cwd, '.json');
  const modules = await expandPaths(args, cwd, '.js');
  const files = [...new Set([...json.files, ...modules.files])].sort();
  const unmatched = json.unmatched.filter((arg) => modules.unmatched.includes(arg));
  if (unmatched.length > 0)
    throw new UsageError(`--scenarios ${unmatched.join(', ')}: no such file or folder, or no scenario (*.json, *.js, *.mjs, *.cjs) in it.`);
  const loaded: LoadedScenario[] = [];
  for (const file of files) {
    const shown = displayPath(file, cwd);
    let value: unknown;
    try {
      if (/\.json$/i.test(file)) value = JSON.parse(await readFile(file, 'utf8'));
      else {
        const module = (await import(/* webpackIgnore: true */ pathToFileURL(resolve(file)).href)) as { default?: unknown; scenarios?: unknown };
        value = module.default ?? module.scenarios;
      }
    } catch (error) {
      throw new UsageError(`scenario ${shown} could not be read: ${errorMessage(error)}. ${EXPECTED}`);
    }
    const list = Array.isArray(value) ? value : [value];
    list.forEach((item, i) =>
      loaded.push({ scenario: checkScenario(item, list.length > 1 ? `${shown}#${i + 1}` : shown), label: list.length > 1 ? `${shown}#${i + 1}` : shown }),
    );
  }
  return loaded;
}

function checkScenario(value: unknown, label: string): Scenario {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`scenario ${label} is not an object. ${EXPECTED}`);
  const s = value as Record<string, unknown>;
  if (typeof s.orchestrator !== 'string' || s.orchestrator === '')
    throw new UsageError(`scenario ${label} has no "orchestrator" (the orchestrator's name). ${EXPECTED}`);
  for (const key of ['activities', 'subOrchestrations', 'entities'] as const) {
    if (s[key] !== undefined && (typeof s[key] !== 'object' || s[key] === null || Array.isArray(s[key])))
      throw new UsageError(`scenario ${label}: "${key}" must be an object keyed by function name.`);
  }
  const checkAnswers = (where: string, answer: unknown): void => {
    const ok = (a: unknown): boolean => !!a && typeof a === 'object' && ('result' in a || typeof (a as { error?: unknown }).error === 'string');
    const list: unknown = answer && typeof answer === 'object' && 'results' in answer ? answer.results : [answer];
    if (!Array.isArray(list) || list.length === 0 || !list.every(ok))
      throw new UsageError(
        `scenario ${label}: ${where} must be { "result": <value> }, { "error": "<message>" }, or { "results": [ ... ] } of those, one per call.`,
      );
  };
  for (const [kind, answers] of [
    ['activities', s.activities],
    ['subOrchestrations', s.subOrchestrations],
  ] as const) {
    for (const [name, answer] of Object.entries((answers ?? {}) as Record<string, unknown>))
      if (typeof answer !== 'function') checkAnswers(`${kind}.${name}`, answer);
  }
  for (const [name, byOperation] of Object.entries((s.entities ?? {}) as Record<string, unknown>)) {
    if (typeof byOperation === 'function') continue;
    if (!byOperation || typeof byOperation !== 'object' || Array.isArray(byOperation))
      throw new UsageError(
        `scenario ${label}: entities.${name} must be answers by operation, such as { "reserve": { "result": 3 } }, or a function (in a module).`,
      );
    for (const [operation, answer] of Object.entries(byOperation)) checkAnswers(`entities.${name}.${operation}`, answer);
  }
  if (
    s.http !== undefined &&
    typeof s.http !== 'function' &&
    !(Array.isArray(s.http) && s.http.length > 0 && s.http.every((a) => !!a && typeof (a as { statusCode?: unknown }).statusCode === 'number'))
  )
    throw new UsageError(
      `scenario ${label}: "http" must be callHttp answers in order, such as [{ "statusCode": 200, "content": "done" }], or a function (in a module).`,
    );
  if (s.events !== undefined && !Array.isArray(s.events)) throw new UsageError(`scenario ${label}: "events" must be an array of { "name", "data", "after" }.`);
  for (const [i, event] of ((s.events as unknown[] | undefined) ?? []).entries()) {
    const e = event as { name?: unknown; after?: unknown };
    if (!e || typeof e.name !== 'string') throw new UsageError(`scenario ${label}: events[${i}] needs a "name".`);
    if (e.after !== undefined && (typeof e.after !== 'string' || durationMs(e.after) === undefined))
      throw new UsageError(`scenario ${label}: events[${i}].after ${JSON.stringify(e.after)} is not a duration such as '90s', '1h' or '3d'.`);
  }
  if (s.until !== undefined && (typeof s.until !== 'string' || durationMs(s.until) === undefined))
    throw new UsageError(`scenario ${label}: "until" ${JSON.stringify(s.until)} is not a duration such as '30d'.`);
  return value as Scenario;
}

/** A mock that gives the answers in order, the last one again for every later call. */
function fromAnswers(answers: Answers): (input: unknown) => unknown {
  const list = 'results' in answers ? answers.results : [answers];
  let calls = 0;
  return () => {
    const answer = list[Math.min(calls++, list.length - 1)]!;
    if ('error' in answer) throw new Error(answer.error);
    return answer.result;
  };
}

function mocks<T>(given: Record<string, Answers | T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(given ?? {}).map(([name, a]) => [name, typeof a === 'function' ? a : (fromAnswers(a as Answers) as T)]));
}

/** Entities answered by operation: each operation's answers in order; an operation not given is an error naming it. */
function entityMocks(given: Record<string, EntityMock | Record<string, Answers>>, label: string): Record<string, EntityMock> {
  return Object.fromEntries(
    Object.entries(given).map(([name, answers]) => {
      if (typeof answers === 'function') return [name, answers];
      const operations = new Map(Object.entries(answers).map(([operation, a]) => [operation, fromAnswers(a)]));
      const mock: EntityMock = ({ operation, input }) => {
        const answer = operations.get(operation);
        if (!answer) throw new LocalRuntimeError(`entities.${name} in ${label} has no answer for the operation '${operation}'.`);
        return { result: answer(input) };
      };
      return [name, mock];
    }),
  );
}

/**
 * Runs a scenario on `app` (the old code) and returns every history the run wrote while an
 * instance was in flight (each instance, sub-orchestrations included, at each episode that ended
 * with it waiting), labelled `<scenario>#<instance>@<n>`.
 */
export async function runScenario(app: ReplayApp, { scenario, label }: LoadedScenario): Promise<HistoryItem[]> {
  const http = scenario.http;
  let httpCalls = 0;
  const runtime = LocalRuntime.over(app, {
    storeInputs: true,
    activities: mocks(scenario.activities),
    subOrchestrations: mocks(scenario.subOrchestrations),
    ...(scenario.entities ? { entities: entityMocks(scenario.entities, label) } : {}),
    ...(scenario.appActivities !== undefined ? { appActivities: scenario.appActivities } : {}),
    ...(scenario.startTime ? { startTime: scenario.startTime } : {}),
    ...(http ? { http: typeof http === 'function' ? http : () => http[Math.min(httpCalls++, http.length - 1)]! } : {}),
  });
  const started = runtime.now.getTime();
  const first = await runtime.start(scenario.orchestrator, {
    ...(scenario.input !== undefined ? { input: scenario.input } : {}),
    ...(scenario.instanceId ? { instanceId: scenario.instanceId } : {}),
  });
  const events = [...(scenario.events ?? [])].sort((a, b) => (durationMs(a.after ?? '0s') ?? 0) - (durationMs(b.after ?? '0s') ?? 0));
  for (const event of events) {
    await runtime.advanceTo(started + (durationMs(event.after ?? '0s') ?? 0));
    const target = event.instanceId ? runtime.instance(event.instanceId) : first;
    if (!target) throw new UsageError(`scenario ${label}: events names the instance '${event.instanceId}', which the run never started.`);
    await target.raiseEvent(event.name, event.data);
  }
  await runtime.run(scenario.until ? { until: started + durationMs(scenario.until)! } : {});
  const items: HistoryItem[] = [];
  for (const instance of runtime.allInstances) {
    for (const [n, file] of instance.inFlightHistories().entries()) items.push({ value: file, source: `${label}#${instance.instanceId}@${n + 1}` });
  }
  return items;
}
