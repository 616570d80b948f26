/**
 * Finds the line in the user's code that created an action. Only used after a divergence is
 * found (the fast path captures nothing): the orchestrator is run once more with the SDK's action
 * classes swapped for subclasses that remember the stack they were created from. Stack frames
 * are mapped back through source maps (compiled TypeScript) with node:module's SourceMap.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { nativeCreateRequire as createRequire } from '../app/native-require.js';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from './result.js';

type Constructor = new (...args: unknown[]) => object;

/**
 * Installed once per app, the first time a divergence needs locating, and switched on only for
 * the instrumented runs. Stacks are captured raw and formatted only when asked for (V8 formats
 * `stack` lazily, which is where the cost is).
 */
export class ActionTracer {
  private readonly holders = new WeakMap<object, { stack?: string }>();
  private recording = false;
  private installed = false;
  /** Actions created during the current recording, in order: the last is where the code stopped. */
  created: object[] = [];

  constructor(private readonly durableFunctionsDir: string) {}

  private install(): void {
    if (this.installed) return;
    this.installed = true;
    const requireSdk = createRequire(join(this.durableFunctionsDir, 'package.json'));
    const actionsDir = join(this.durableFunctionsDir, 'lib', 'src', 'actions');
    // The traced action classes below report to this tracer: their own `this` is the action.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tracer = this;
    for (const file of safeReaddir(actionsDir)) {
      if (!file.endsWith('.js')) continue;
      const module = requireSdk(join(actionsDir, file)) as Record<string, unknown>;
      for (const [key, value] of Object.entries(module)) {
        if (typeof value !== 'function' || !/Action$/.test(key)) continue;
        const Original = value as Constructor;
        const Traced = class extends Original {
          constructor(...args: unknown[]) {
            super(...args);
            if (tracer.recording) {
              const holder: { stack?: string } = {};
              Error.captureStackTrace(holder, Traced);
              tracer.holders.set(this, holder);
              tracer.created.push(this);
            }
          }
        };
        Object.defineProperty(Traced, 'name', { value: Original.name });
        module[key] = Traced;
      }
    }
  }

  /**
   * Run `fn` with stack capture on. The user's frame is normally within the top few frames
   * (the SDK method, then the orchestrator); deeper captures cost more, so callers start shallow.
   */
  async record<T>(fn: () => Promise<T>, depth = 8): Promise<T> {
    this.install();
    this.created = [];
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = depth;
    this.recording = true;
    try {
      return await fn();
    } finally {
      this.recording = false;
      Error.stackTraceLimit = limit;
    }
  }

  stackOf(action: object | undefined): string | undefined {
    return action ? this.holders.get(action)?.stack : undefined;
  }
}

const tracers = new Map<string, ActionTracer>();

export function tracerFor(durableFunctionsDir: string): ActionTracer {
  let tracer = tracers.get(durableFunctionsDir);
  if (!tracer) {
    tracer = new ActionTracer(durableFunctionsDir);
    tracers.set(durableFunctionsDir, tracer);
  }
  return tracer;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const FRAME = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/;

/** The first frame of `stack` in the app's own code (outside node_modules), mapped to its source. */
export function userLocation(stack: string | undefined, appDir: string): SourceLocation | undefined {
  if (!stack) return undefined;
  const root = resolve(appDir) + sep;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    let file = match[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (!file.startsWith(root) || file.slice(root.length).split(sep).includes('node_modules')) continue;
    return mapThroughSourceMap(file, Number(match[2]), Number(match[3]));
  }
  return undefined;
}

export interface SourceMapPayload {
  sources: string[];
  sourceRoot?: string;
}
interface SourceMapLike {
  payload: SourceMapPayload;
  findEntry(line: number, column: number): { originalSource?: string; originalLine?: number; originalColumn?: number } | Record<string, never>;
}

const maps = new Map<string, { map: SourceMapLike; dir: string } | null>();

function mapThroughSourceMap(file: string, line: number, column: number): SourceLocation {
  const loaded = loadMap(file);
  if (loaded) {
    const { map, dir } = loaded;
    const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
      let source = entry.originalSource;
      if (source.startsWith('file://')) source = fileURLToPath(source);
      else source = resolve(dir, map.payload.sourceRoot ?? '', source);
      return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  }
  return { file, line, column };
}

/** The source map a compiled file names (a file beside it, or inline as data:), with the folder its sources are relative to. */
export function readSourceMap(file: string): { dir: string; payload: SourceMapPayload } | undefined {
  try {
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(sourceMapComment(file))?.[1];
    if (!url) return undefined;
    if (url.startsWith('data:')) {
      return { dir: dirname(file), payload: JSON.parse(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')) as SourceMapPayload };
    }
    const path = resolve(dirname(file), url);
    return { dir: dirname(path), payload: JSON.parse(readFileSync(path, 'utf8')) as SourceMapPayload };
  } catch {
    return undefined;
  }
}

/**
 * The end of a compiled file, where its sourceMappingURL comment is: the last 4 KB, or the whole
 * file when that comment is an inline map (data:) longer than that. Checking every compiled file
 * of an app for a stale build reads a few KB of each, not each whole bundle.
 */
function sourceMapComment(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString('utf8');
    // The comment is the last line: when that line starts within the tail, the tail holds it (or
    // there is none); a longer last line may be an inline map, read whole.
    if (tail.length === size || text.trimEnd().includes('\n')) return text;
    return readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function loadMap(file: string): { map: SourceMapLike; dir: string } | null {
  if (maps.has(file)) return maps.get(file)!;
  const found = readSourceMap(file);
  let loaded: { map: SourceMapLike; dir: string } | null = null;
  if (found) {
    const { SourceMap } = createRequire(import.meta.url)('node:module') as { SourceMap: new (payload: SourceMapPayload) => SourceMapLike };
    loaded = { map: new SourceMap(found.payload), dir: found.dir };
  }
  maps.set(file, loaded);
  return loaded;
}
