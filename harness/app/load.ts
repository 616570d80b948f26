/**
 * Loads a user's function app in this thread (the replay worker) without the Functions host, and
 * invokes its orchestrators the way the Node worker does. Both durable-functions and
 * @azure/functions are the app's own copies, resolved from its folder.
 *
 * Node programming model v4 (durable-functions 3.x): @azure/functions registers functions through
 * the module `@azure/functions-core`, which only the Node worker provides. We provide it: every
 * registration (orchestrations, activities, entities, others) is captured, and an orchestrator is
 * invoked through the programming model the app set, exactly as the worker does
 * (getInvocationModel -> getArguments -> invokeFunction -> getResponse).
 *
 * function.json model (durable-functions 2.x): each folder with a function.json is a function;
 * orchestrators are found by their orchestrationTrigger binding and invoked with a context whose
 * bindings hold the payload; they answer through context.done(error, state).
 */
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { nativeCreateRequire as createRequire } from './native-require.js';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import util from 'node:util';
import { AppLoadError, errorMessage } from '../errors.js';
import { displayPath, expandPaths } from '../history/paths.js';
import { readSourceMap } from '../replay/locate.js';
import { returnedOutcome, threwOutcomeOf } from './outcome.js';
import type { AppInfo, FunctionKind, FunctionOutcome, InvocationOutcome, OrchestratorState, RegisteredFunction, StaleSource } from './types.js';

export interface LoadedApp {
  info: AppInfo;
  /** Function names are case-insensitive, as in the host. */
  find(name: string): RegisteredFunction | undefined;
  /**
   * Invoke an orchestrator with the trigger payload: JSON text as the host sends it, or the
   * parsed object the worker would make of it (saves a serialization round trip per history).
   */
  invokeOrchestrator(name: string, payload: string | object): Promise<InvocationOutcome>;
  /**
   * Bench only (harness/bench/floor-worker.ts, for scripts/bench.mjs): the registered handler
   * called directly with a parsed payload, the floor the replay is measured against. The replay
   * never calls it; it lives here because only the loader holds the registrations.
   */
  bareHandler(name: string): ((payload: unknown) => Promise<unknown>) | undefined;
  /**
   * Invoke an activity or entity function with its trigger value (an activity's input, an
   * entity's batch), as the worker does; for the local runtime (harness/testing/). The returned
   * value comes back as the JSON text the worker would send the host.
   */
  invokeFunction(name: string, trigger: unknown): Promise<FunctionOutcome>;
  /** The folder of the app's durable-functions package (to instrument it when locating calls). */
  durableFunctionsDir: string;
}

interface CoreRegistration {
  metadata: { name: string; bindings: Record<string, { type: string; direction?: string }> };
  callback: (...args: unknown[]) => unknown;
}

/** The trigger binding of a function: [its name, its type]. */
function triggerOf(bindings: Record<string, { type?: string; direction?: string }>): [string, string] | undefined {
  const found = Object.entries(bindings).find(([, b]) => b.direction === 'in' && /trigger$/i.test(b.type ?? ''));
  return found ? [found[0], found[1].type ?? 'unknown'] : undefined;
}

interface InvocationModelLike {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: (...args: unknown[]) => unknown): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<unknown>;
}

interface ProgrammingModelLike {
  getInvocationModel(coreCtx: unknown): InvocationModelLike;
}

const OUT_OF_PROC_LABEL = '\n\n$OutOfProcData$:';

/**
 * The util type checks Node 23 removed (util.isDate and its kin). durable-functions up to 3.2 and
 * 2.x call util.isDate in createTimer; the Functions host runs them on Node 20 or 22, where it
 * exists. Replaying on a newer Node (the Action runs on node24) must not turn every timer into a
 * TypeError that production never sees, so the worker puts back the ones that are missing.
 */
export function restoreRemovedUtilChecks(): void {
  const checks: Record<string, (value: unknown) => boolean> = {
    isArray: (value) => Array.isArray(value),
    isBoolean: (value) => typeof value === 'boolean',
    isBuffer: (value) => Buffer.isBuffer(value),
    isDate: (value) => value instanceof Date,
    isError: (value) => value instanceof Error,
    isFunction: (value) => typeof value === 'function',
    isNull: (value) => value === null,
    isNullOrUndefined: (value) => value === null || value === undefined,
    isNumber: (value) => typeof value === 'number',
    isObject: (value) => value !== null && typeof value === 'object',
    isPrimitive: (value) => value === null || (typeof value !== 'object' && typeof value !== 'function'),
    isRegExp: (value) => value instanceof RegExp,
    isString: (value) => typeof value === 'string',
    isSymbol: (value) => typeof value === 'symbol',
    isUndefined: (value) => value === undefined,
  };
  const target = util as unknown as Record<string, unknown>;
  for (const [name, check] of Object.entries(checks)) if (typeof target[name] !== 'function') target[name] = check;
}

export async function loadAppInThisThread(appDir: string): Promise<LoadedApp> {
  restoreRemovedUtilChecks();
  const dir = resolve(appDir);
  const shown = displayPath(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppLoadError(dir, `${shown}: no such folder. Expected the folder of a function app (the one holding host.json).`);
  }
  if (!existsSync(join(dir, 'host.json'))) {
    throw new AppLoadError(
      dir,
      `${shown} is not a function app: it has no host.json. The app folder (--app in the CLI, app in the Action and the library) is the one that holds host.json and package.json.`,
    );
  }
  const appRequire = createRequire(join(dir, 'package.json'));
  let dfPackageJson: string;
  try {
    dfPackageJson = appRequire.resolve('durable-functions/package.json');
  } catch {
    const declared = readPackageJson(dir)?.dependencies?.['durable-functions'];
    throw new AppLoadError(
      dir,
      declared
        ? `${shown} declares durable-functions ${declared} but it is not installed. Run \`npm install\` in ${shown} first.`
        : `${shown} has no durable-functions package: it is not a Durable Functions app (add durable-functions to its dependencies and run \`npm install\`).`,
    );
  }
  const dfVersion = String((JSON.parse(readFileSync(dfPackageJson, 'utf8')) as { version?: string }).version ?? '0.0.0');
  const major = Number.parseInt(dfVersion, 10);
  if (major >= 3) return loadV4(dir, shown, dirname(dfPackageJson), dfVersion);
  return loadFunctionJson(dir, shown, dirname(dfPackageJson), dfVersion);
}

interface PackageJson {
  main?: string;
  dependencies?: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/**
 * The replay runs the built JavaScript. Every compiled file of the app (outside node_modules and
 * dot-folders) that names a source map is compared with the sources the map names: a source
 * changed after the file was built means the build is older than the code (the newest first).
 */
function staleSources(dir: string): { staleBuild: StaleSource[]; warnings: string[] } {
  const stale: (StaleSource & { changed: number })[] = [];
  let mapped = 0;
  let budget = 5000;
  const visit = (folder: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || budget <= 0) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 12) visit(path, depth + 1);
      else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) {
        budget -= 1;
        const map = readSourceMap(path);
        if (!map) continue;
        mapped += 1;
        const built = statSync(path).mtimeMs;
        for (const source of map.payload.sources ?? []) {
          const sourcePath = resolve(map.dir, map.payload.sourceRoot ?? '', source);
          const changed = existsSync(sourcePath) ? statSync(sourcePath).mtimeMs : 0;
          if (changed > built + 1000) stale.push({ source: sourcePath, built: path, changed });
        }
      }
    }
  };
  visit(dir, 0);
  // TypeScript without source maps: neither a stale build nor a line of the user's source can be told.
  const warnings =
    mapped === 0 && existsSync(join(dir, 'tsconfig.json'))
      ? [
          `${displayPath(dir)} has a tsconfig.json, but no compiled file names a source map: durable-gate cannot tell whether the build is older than your TypeScript, and reports point at the compiled JavaScript. Set "sourceMap": true in tsconfig.json and rebuild.`,
        ]
      : [];
  return { staleBuild: stale.sort((x, y) => y.changed - x.changed).map(({ source, built }) => ({ source, built })), warnings };
}

/** Function names are case-insensitive, as in the host. */
function finder(functions: RegisteredFunction[]): (name: string) => RegisteredFunction | undefined {
  const byName = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
  return (name) => byName.get(name.toLowerCase());
}

function kindOf(trigger: string): FunctionKind {
  switch (trigger.toLowerCase()) {
    case 'orchestrationtrigger':
      return 'orchestration';
    case 'activitytrigger':
      return 'activity';
    case 'entitytrigger':
      return 'entity';
    default:
      return 'other';
  }
}

// ---------------------------------------------------------------- programming model v4

/** The stand-in for the module the Node worker provides. One per replay worker. */
class FunctionsCore {
  readonly registrations: CoreRegistration[] = [];
  programmingModel: ProgrammingModelLike | undefined;
  registerFunction(metadata: CoreRegistration['metadata'], callback: CoreRegistration['callback']): { dispose(): void } {
    this.registrations.push({ metadata, callback });
    return { dispose: () => undefined };
  }
  setProgrammingModel(model: ProgrammingModelLike): void {
    this.programmingModel = model;
  }
  getProgrammingModel(): ProgrammingModelLike | undefined {
    return this.programmingModel;
  }
  registerHook(): { dispose(): void } {
    return { dispose: () => undefined };
  }
  log(): void {
    // Worker system logs go to the host; there is no host here.
  }
}

let installedCore: FunctionsCore | undefined;

function installFunctionsCore(): FunctionsCore {
  if (installedCore) return installedCore;
  const core = new FunctionsCore();
  const Module = createRequire(import.meta.url)('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = Module._load;
  Module._load = function load(this: unknown, request: string, ...rest: unknown[]): unknown {
    if (request === '@azure/functions-core') return core;
    return originalLoad.call(this, request, ...rest);
  };
  installedCore = core;
  return core;
}

async function loadV4(dir: string, shown: string, dfDir: string, dfVersion: string): Promise<LoadedApp> {
  const pkg = readPackageJson(dir);
  if (!pkg) throw new AppLoadError(dir, `${shown}/package.json is missing or not valid JSON; a v4 function app names its entry files in package.json "main".`);
  if (!pkg.main) {
    throw new AppLoadError(
      dir,
      `${shown}/package.json has no "main". A Node programming model v4 app names its entry file or glob there, e.g. "main": "dist/src/functions/*.js".`,
    );
  }
  const { files } = await expandPaths([pkg.main], dir, '.js');
  const entryFiles = files.filter((f) => /\.(c|m)?js$/.test(f));
  if (entryFiles.length === 0) {
    throw new AppLoadError(
      dir,
      `${shown}/package.json "main" is "${pkg.main}", which matches no JavaScript file. If the app is TypeScript, build it first (npm run build).`,
    );
  }
  let azureFunctionsVersion: string | undefined;
  try {
    const path = createRequire(join(dfDir, 'package.json')).resolve('@azure/functions/package.json');
    azureFunctionsVersion = (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version;
  } catch {
    // durable-functions 3.x depends on @azure/functions; a broken install shows up when importing.
  }
  const core = installFunctionsCore();
  for (const file of entryFiles) {
    try {
      await import(/* webpackIgnore: true */ pathToFileURL(file).href);
    } catch (error) {
      throw new AppLoadError(dir, `importing ${displayPath(file)} failed: ${errorMessage(error)}`, error instanceof Error ? error.stack : undefined);
    }
  }
  keepUserStacks(dfDir);
  const byName = new Map<string, CoreRegistration & { triggerName: string }>();
  const functions: RegisteredFunction[] = [];
  for (const registration of core.registrations) {
    const [triggerName, triggerType] = triggerOf(registration.metadata.bindings) ?? ['context', 'unknown'];
    byName.set(registration.metadata.name.toLowerCase(), { ...registration, triggerName });
    functions.push({ name: registration.metadata.name, kind: kindOf(triggerType), trigger: triggerType });
  }
  const model = core.programmingModel;
  const info: AppInfo = {
    dir,
    ...staleSources(dir),
    model: 'v4',
    durableFunctionsVersion: dfVersion,
    ...(azureFunctionsVersion ? { azureFunctionsVersion } : {}),
    entryFiles,
    functions,
  };
  let invocations = 0;
  /** A registered function's invocation as the Node worker sets it up, its trigger given as JSON text. */
  const invocationOf = async (name: string, triggerText: string) => {
    const registration = byName.get(name.toLowerCase());
    if (!registration) throw new Error(`no function named ${name}`);
    if (!model) throw new AppLoadError(dir, `${shown}: @azure/functions never set its programming model; is the app's @azure/functions older than 4.0?`);
    const invocation = model.getInvocationModel(coreContext(registration, String(++invocations), triggerText));
    return { registration, invocation, ...(await invocation.getArguments()) };
  };
  return {
    info,
    durableFunctionsDir: dfDir,
    find: finder(functions),
    bareHandler(name) {
      const registration = byName.get(name.toLowerCase());
      if (!registration || !model) return undefined;
      return async (payload: unknown) => {
        const ctx = model.getInvocationModel(coreContext(registration, String(++invocations), '{}'));
        const { context } = await ctx.getArguments();
        return registration.callback(payload, context);
      };
    },
    async invokeOrchestrator(name, payload) {
      const text = typeof payload === 'string' ? payload : 'null';
      const { registration, invocation, context, inputs } = await invocationOf(name, text);
      // The trigger is the only input; an already parsed payload takes the place of parsing it.
      if (typeof payload !== 'string') inputs[0] = payload;
      let result: unknown;
      try {
        result = await invocation.invokeFunction(context, inputs, registration.callback);
      } catch (error) {
        return threwOutcome(error);
      }
      await invocation.getResponse(context, result);
      return { kind: 'state', state: result as OrchestratorState };
    },
    async invokeFunction(name, trigger) {
      const { registration, invocation, context, inputs } = await invocationOf(name, 'null');
      inputs[0] = trigger;
      try {
        return returnedOutcome(await invocation.invokeFunction(context, inputs, registration.callback));
      } catch (error) {
        return threwOutcomeOf(error);
      }
    },
  };
}

/**
 * durable-functions 3.x throws an OrchestrationFailureError that carries only the message of the
 * user's error. Keep the user's own stack on it, so reports can point at the line that threw.
 */
function keepUserStacks(dfDir: string): void {
  try {
    const module = createRequire(join(dfDir, 'package.json'))(join(dfDir, 'lib', 'src', 'orchestrations', 'TaskOrchestrationExecutor.js')) as {
      TaskOrchestrationExecutor?: { prototype: { execute: (...args: unknown[]) => Promise<unknown>; [USER_STACK]?: true } };
    };
    const proto = module.TaskOrchestrationExecutor?.prototype;
    if (!proto || proto[USER_STACK]) return;
    const execute = proto.execute;
    proto.execute = async function (this: { exception?: unknown; actions?: unknown[] }, ...args: unknown[]): Promise<unknown> {
      try {
        return await execute.apply(this, args);
      } catch (error) {
        const stack = this.exception instanceof Error ? this.exception.stack : undefined;
        if (error instanceof Error && stack) Object.defineProperty(error, USER_STACK, { value: stack });
        // The action objects themselves (the error's JSON copy loses their identity).
        if (error instanceof Error && Array.isArray(this.actions)) Object.defineProperty(error, USER_ACTIONS, { value: this.actions });
        throw error;
      }
    };
    proto[USER_STACK] = true;
  } catch {
    // Another layout of the SDK: reports then carry the message without the stack.
  }
}

const USER_STACK = Symbol.for('durable-gate.user-stack');
const USER_ACTIONS = Symbol.for('durable-gate.user-actions');

function coreContext(registration: CoreRegistration & { triggerName: string }, invocationId: string, payloadText: string): unknown {
  const { triggerName } = registration;
  return {
    invocationId,
    request: {
      invocationId,
      functionId: registration.metadata.name,
      inputData: [{ name: triggerName, data: { json: payloadText } }],
      triggerMetadata: {},
    },
    metadata: registration.metadata,
    state: undefined,
    log: () => undefined,
  };
}

function threwOutcome(error: unknown): InvocationOutcome {
  const raw = error instanceof Error ? error.message : String(error);
  const at = raw.indexOf(OUT_OF_PROC_LABEL);
  let state: OrchestratorState | undefined;
  let message = raw;
  if (at >= 0) {
    message = raw.slice(0, at);
    try {
      state = JSON.parse(raw.slice(at + OUT_OF_PROC_LABEL.length)) as OrchestratorState;
      if (typeof state.error === 'string') message = state.error;
      const actions = (error as Record<symbol, unknown>)[USER_ACTIONS];
      if (Array.isArray(actions) && (state.schemaVersion ?? 0) >= 1) state = { ...state, actions: [actions] };
    } catch {
      state = undefined;
    }
  }
  const userStack = error instanceof Error ? (error as unknown as Record<symbol, unknown>)[USER_STACK] : undefined;
  const stack = typeof userStack === 'string' ? userStack : error instanceof Error && typeof error.stack === 'string' && at < 0 ? error.stack : undefined;
  return { kind: 'threw', message, ...(stack ? { stack } : {}), ...(state ? { state } : {}) };
}

// ---------------------------------------------------------------- function.json model

interface FunctionJson {
  bindings?: { type?: string; name?: string; direction?: string }[];
  scriptFile?: string;
  entryPoint?: string;
  disabled?: boolean;
}

async function loadFunctionJson(dir: string, shown: string, dfDir: string, dfVersion: string): Promise<LoadedApp> {
  const functions: RegisteredFunction[] = [];
  const orchestrators = new Map<string, { triggerName: string; handler: (context: unknown) => unknown }>();
  /** Activities and entities, imported when first invoked (the replay never needs them). */
  const others = new Map<string, { triggerName: string; script: string; entryPoint?: string }>();
  const entryFiles: string[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'function.json')));
  if (folders.length === 0) {
    throw new AppLoadError(
      dir,
      `${shown} uses durable-functions ${dfVersion} (function.json model) but no folder of it holds a function.json. The app folder (--app in the CLI, app in the Action and the library) is the function app's root folder.`,
    );
  }
  for (const folder of folders) {
    const jsonPath = join(dir, folder.name, 'function.json');
    let spec: FunctionJson;
    try {
      spec = JSON.parse(readFileSync(jsonPath, 'utf8')) as FunctionJson;
    } catch (error) {
      throw new AppLoadError(dir, `${displayPath(jsonPath)} is not valid JSON: ${errorMessage(error)}`);
    }
    if (spec.disabled === true) continue;
    const [triggerName, triggerType] = triggerOf(Object.fromEntries((spec.bindings ?? []).map((b, i) => [b.name ?? `binding${i}`, b]))) ?? [
      'context',
      'unknown',
    ];
    const kind = kindOf(triggerType);
    functions.push({ name: folder.name, kind, trigger: triggerType });
    const script = join(dir, folder.name, spec.scriptFile ?? 'index.js');
    if (kind !== 'orchestration') {
      others.set(folder.name.toLowerCase(), { triggerName, script, ...(spec.entryPoint ? { entryPoint: spec.entryPoint } : {}) });
      continue;
    }
    entryFiles.push(script);
    const exported = await importScript(dir, script, spec.entryPoint);
    if (typeof exported !== 'function') {
      throw new AppLoadError(
        dir,
        `${displayPath(script)} does not export a function; an orchestrator's script exports df.orchestrator(function* (context) { ... }).`,
      );
    }
    orchestrators.set(folder.name.toLowerCase(), { triggerName, handler: exported as (context: unknown) => unknown });
  }
  let invocations = 0;
  const invoke = (name: string, payload: unknown): Promise<{ error: unknown; result: unknown }> => {
    const orchestrator = orchestrators.get(name.toLowerCase());
    if (!orchestrator) throw new Error(`no orchestrator named ${name}`);
    return callScript(name, orchestrator.triggerName, orchestrator.handler, payload, false);
  };
  /**
   * A function.json function called as the Node worker calls it: (context, trigger value). It
   * answers through context.done, or (activities and entities, `byPromise`) by what its promise
   * resolves to; an orchestrator's promise settles before its context.done and says nothing.
   */
  const callScript = (
    name: string,
    triggerName: string,
    handler: (...args: unknown[]) => unknown,
    payload: unknown,
    byPromise: boolean,
  ): Promise<{ error: unknown; result: unknown }> =>
    new Promise((resolvePromise, reject) => {
      const log = Object.assign(() => undefined, { error: () => undefined, warn: () => undefined, info: () => undefined, verbose: () => undefined });
      const invocationId = String(++invocations);
      const context = {
        invocationId,
        executionContext: { invocationId, functionName: name, functionDirectory: join(dir, name) },
        bindings: { [triggerName]: payload },
        bindingData: {},
        log,
        df: undefined,
        done: (error: unknown, result: unknown) => resolvePromise({ error, result }),
      };
      try {
        const returned = handler(context, payload);
        if (returned && typeof (returned as Promise<unknown>).then === 'function')
          (returned as Promise<unknown>).then((result) => (byPromise ? resolvePromise({ error: undefined, result }) : undefined), reject);
        else if (byPromise && returned !== undefined) resolvePromise({ error: undefined, result: returned });
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the user's own thrown value goes on as it is (it may not be an Error)
        reject(error);
      }
    });
  return {
    info: { dir, model: 'function.json', durableFunctionsVersion: dfVersion, entryFiles, functions, ...staleSources(dir) },
    durableFunctionsDir: dfDir,
    find: finder(functions),
    bareHandler: (name) => (orchestrators.has(name.toLowerCase()) ? (payload) => invoke(name, payload) : undefined),
    async invokeOrchestrator(name, payload) {
      let outcome: { error: unknown; result: unknown };
      try {
        outcome = await invoke(name, typeof payload === 'string' ? JSON.parse(payload) : payload);
      } catch (error) {
        return threwOutcome(error);
      }
      if (outcome.error) return threwOutcome(outcome.error);
      return { kind: 'state', state: outcome.result as OrchestratorState };
    },
    async invokeFunction(name, trigger) {
      const spec = others.get(name.toLowerCase());
      if (!spec) throw new Error(`no activity or entity named ${name}`);
      try {
        const handler = await importScript(dir, spec.script, spec.entryPoint);
        if (typeof handler !== 'function') throw new Error(`${displayPath(spec.script)} does not export a function`);
        const outcome = await callScript(name, spec.triggerName, handler as (...args: unknown[]) => unknown, trigger, true);
        if (outcome.error) return threwOutcomeOf(outcome.error);
        return returnedOutcome(outcome.result);
      } catch (error) {
        return threwOutcomeOf(error);
      }
    },
  };
}

/** A function.json function's export: its entryPoint, else the module's default export or the module itself. */
async function importScript(dir: string, script: string, entryPoint: string | undefined): Promise<unknown> {
  try {
    const module = (await import(/* webpackIgnore: true */ pathToFileURL(script).href)) as Record<string, unknown>;
    return entryPoint ? (module[entryPoint] ?? (module.default as Record<string, unknown> | undefined)?.[entryPoint]) : (module.default ?? module);
  } catch (error) {
    throw new AppLoadError(dir, `importing ${displayPath(script)} failed: ${errorMessage(error)}`, error instanceof Error ? error.stack : undefined);
  }
}
