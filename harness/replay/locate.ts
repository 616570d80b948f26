/**
 * Finds the line in the user's code that created an action. Only used after a divergence is
 * found (the fast path captures nothing): the orchestrator is run once more with the SDK's action
 * classes swapped for subclasses that remember the stack they were created from. Stack frames
 * are mapped back through source maps (compiled TypeScript) with node:module's SourceMap.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { nativeCreateRequire as createRequire } from '../app/native-require.js';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from './result.js';

type Constructor = new (...args: unknown[]) => object;

export class ActionTracer {
  private readonly stacks = new WeakMap<object, string>();
  /** Stacks of every action created, in order: the last one is where the code stopped. */
  readonly created: { action: object; stack: string }[] = [];
  private readonly originals: { module: Record<string, unknown>; key: string; value: Constructor }[] = [];

  constructor(private readonly durableFunctionsDir: string) {}

  /** Swap every exported *Action class of the SDK for a recording subclass. */
  install(): void {
    const requireSdk = createRequire(join(this.durableFunctionsDir, 'package.json'));
    const actionsDir = [join(this.durableFunctionsDir, 'lib', 'src', 'actions')].find((dir) => safeReaddir(dir).length > 0);
    if (!actionsDir) return;
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
            const holder: { stack?: string } = {};
            Error.captureStackTrace(holder, Traced);
            const stack = holder.stack ?? '';
            tracer.stacks.set(this, stack);
            tracer.created.push({ action: this, stack });
          }
        };
        Object.defineProperty(Traced, 'name', { value: Original.name });
        this.originals.push({ module, key, value: Original });
        module[key] = Traced;
      }
    }
  }

  uninstall(): void {
    for (const { module, key, value } of this.originals.splice(0)) module[key] = value;
  }

  stackOf(action: object): string | undefined {
    return this.stacks.get(action);
  }
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

interface SourceMapPayload {
  sources: string[];
  sourceRoot?: string;
}
interface SourceMapLike {
  payload: SourceMapPayload;
  findEntry(line: number, column: number): { originalSource?: string; originalLine?: number; originalColumn?: number } | Record<string, never>;
}

const maps = new Map<string, SourceMapLike | null>();

function mapThroughSourceMap(file: string, line: number, column: number): SourceLocation {
  const map = loadMap(file);
  if (map) {
    const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
      let source = entry.originalSource;
      if (source.startsWith('file://')) source = fileURLToPath(source);
      else source = resolve(dirname(file), map.payload.sourceRoot ?? '', source);
      return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  }
  return { file, line, column };
}

function loadMap(file: string): SourceMapLike | null {
  if (maps.has(file)) return maps.get(file)!;
  let map: SourceMapLike | null = null;
  try {
    const text = readFileSync(file, 'utf8');
    const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text);
    if (match && !match[1]!.startsWith('data:')) {
      const payload = JSON.parse(readFileSync(resolve(dirname(file), match[1]!), 'utf8')) as SourceMapPayload;
      const { SourceMap } = createRequire(import.meta.url)('node:module') as { SourceMap: new (payload: SourceMapPayload) => SourceMapLike };
      map = new SourceMap(payload);
    } else if (match) {
      const base64 = match[1]!.slice(match[1]!.indexOf(',') + 1);
      const payload = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as SourceMapPayload;
      const { SourceMap } = createRequire(import.meta.url)('node:module') as { SourceMap: new (payload: SourceMapPayload) => SourceMapLike };
      map = new SourceMap(payload);
    }
  } catch {
    map = null;
  }
  maps.set(file, map);
  return map;
}
