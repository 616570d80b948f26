/**
 * The lint of a function app's folder: its source files (TypeScript sources rather than their
 * build), function.json folders, the analysis, and the comments that disable a rule on a line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { analyze, type Analysis, type Finding, type FunctionJsonEntry, type LintProgram } from './analyze.js';
import type { SourceFile } from './ast.js';
import { parseSource, SourceParseError } from './parse.js';
import { RULE_IDS, type RuleId } from './rules.js';

/** Files larger than this are bundles or generated code, not an app's sources. */
const MAX_SOURCE_BYTES = 1_000_000;

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

const SKIPPED_FOLDERS = new Set(['node_modules', 'coverage', 'bin', 'obj']);

export interface LintOptions {
  /** Only these rules (default: all). */
  rules?: RuleId[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LintResult extends Analysis {
  app: string;
  /** Source files read. */
  files: string[];
  /** Files that could not be read or parsed (the lint is partial when there are any). */
  unparsed: { file: string; message: string; line?: number; column?: number }[];
  skipped: SkippedFile[];
}

/** Lints the app in `dir` (a folder with host.json, or any folder of sources). */
export function lintApp(dir: string, options: LintOptions = {}): LintResult {
  const app = resolve(dir);
  const { files, skipped } = sourceFiles(app);
  const program: LintProgram = { files: new Map(), functionJson: functionJsonEntries(app) };
  const unparsed: LintResult['unparsed'] = [];
  for (const path of files) {
    try {
      program.files.set(path, parseSource(path, readFileSync(path, 'utf8')));
    } catch (error) {
      if (error instanceof SourceParseError) {
        unparsed.push({
          file: path,
          message: error.message,
          ...(error.line ? { line: error.line } : {}),
          ...(error.column !== undefined ? { column: error.column } : {}),
        });
      } else unparsed.push({ file: path, message: (error as Error).message });
    }
  }
  const analysis = analyze(program);
  const wanted = options.rules ? new Set(options.rules) : undefined;
  const findings = analysis.findings.filter((f) => !wanted || wanted.has(f.rule));
  applySuppressions(findings, program.files);
  return { ...analysis, findings, app, files, unparsed, skipped };
}

/**
 * The app's own sources: TypeScript sources rather than the JavaScript built from them (the build
 * folder named by tsconfig.json's outDir, and a .js beside a .ts of the same name, are left out).
 */
export function sourceFiles(app: string): { files: string[]; skipped: SkippedFile[] } {
  const skipped: SkippedFile[] = [];
  const outDirs = tsOutDirs(app);
  const found: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) || outDirs.has(path)) continue;
        if (existsSync(join(path, 'host.json'))) {
          skipped.push({ file: path, reason: 'another function app (it has a host.json of its own): lint it on its own' });
          continue;
        }
        visit(path);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  visit(app);
  const set = new Set(found);
  const files: string[] = [];
  for (const path of found.sort()) {
    const stem = path.replace(/\.(c|m)?jsx?$/, '');
    if (stem !== path && (set.has(`${stem}.ts`) || set.has(`${stem}.tsx`) || set.has(`${stem}.mts`) || set.has(`${stem}.cts`))) continue;
    const size = statSync(path).size;
    if (size > MAX_SOURCE_BYTES) {
      skipped.push({ file: path, reason: `${(size / 1e6).toFixed(1)} MB: a bundle or generated file, not a source` });
      continue;
    }
    files.push(path);
  }
  return { files, skipped };
}

/** tsconfig.json's outDir (comments and trailing commas allowed, as tsc allows them). */
function tsOutDirs(app: string): Set<string> {
  const dirs = new Set<string>();
  const config = join(app, 'tsconfig.json');
  if (!existsSync(config)) return dirs;
  try {
    const text = readFileSync(config, 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|("(?:\\.|[^"\\])*")|\/\/[^\n]*/g, (_match, string: string | undefined) => string ?? '')
      .replace(/,(\s*[}\]])/g, '$1');
    const outDir = (JSON.parse(text) as { compilerOptions?: { outDir?: unknown } }).compilerOptions?.outDir;
    if (typeof outDir === 'string') dirs.add(resolve(app, outDir));
  } catch {
    // An unreadable tsconfig: the .js-beside-.ts rule still leaves built files out where they sit beside their sources.
  }
  return dirs;
}

/** Folders with a function.json (the older programming model): each is a function named after its folder. */
export function functionJsonEntries(app: string): FunctionJsonEntry[] {
  const entries: FunctionJsonEntry[] = [];
  let children;
  try {
    children = readdirSync(app, { withFileTypes: true });
  } catch {
    return entries;
  }
  for (const child of children) {
    if (!child.isDirectory()) continue;
    const path = join(app, child.name, 'function.json');
    if (!existsSync(path)) continue;
    try {
      const bindings = (JSON.parse(readFileSync(path, 'utf8')) as { bindings?: { type?: string; direction?: string }[] }).bindings ?? [];
      const trigger = bindings.find((b) => typeof b.type === 'string' && /Trigger$/i.test(b.type));
      const kind = trigger?.type?.toLowerCase();
      const mapped =
        kind === 'orchestrationtrigger' ? 'orchestration' : kind === 'activitytrigger' ? 'activity' : kind === 'entitytrigger' ? 'entity' : undefined;
      if (mapped) entries.push({ name: child.name, kind: mapped, dir: join(app, child.name) });
    } catch {
      // A function.json that is not JSON: the host refuses it too; nothing to register from it.
    }
  }
  return entries;
}

/**
 * `// durable-gate-disable-next-line no-wall-clock -- why` (or `-disable-line`, or ESLint's own
 * `eslint-disable-next-line durable-gate/no-wall-clock`): the finding stays in the report, marked
 * suppressed with the reason. A durable-gate comment without a reason after `--` does not count.
 */
export function applySuppressions(findings: Finding[], files: Map<string, SourceFile>): void {
  const byFile = new Map<string, Map<number, { rules: Set<string> | 'all'; reason: string }[]>>();
  const directives = (file: SourceFile) => {
    let map = byFile.get(file.path);
    if (map) return map;
    map = new Map();
    for (const comment of file.comments) {
      const match = /^\s*(durable-gate|eslint)-disable-(next-line|line)\b([^\n]*)$/.exec(comment.value.trim());
      if (!match || !comment.loc) continue;
      const [, tool, where, rest] = match;
      const [list = '', reason = ''] = rest!.split(/\s--\s?/, 2);
      const names = list
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((n) => n.replace(/^durable-gate\//, ''));
      if (tool === 'durable-gate' && reason.trim() === '') continue;
      // ESLint's own comment applies to durable-gate's rules only when it names them (or names none).
      if (tool === 'eslint' && names.length > 0 && !list.split(/[\s,]+/).some((n) => n.startsWith('durable-gate/'))) continue;
      const line = where === 'next-line' ? comment.loc.end.line + 1 : comment.loc.start.line;
      const entry = {
        rules: names.length === 0 ? ('all' as const) : new Set(names.filter((n) => (RULE_IDS as string[]).includes(n))),
        reason: reason.trim() || '(no reason given)',
      };
      map.set(line, [...(map.get(line) ?? []), entry]);
    }
    byFile.set(file.path, map);
    return map;
  };
  for (const finding of findings) {
    const file = files.get(finding.file);
    if (!file) continue;
    const entries = directives(file).get(finding.line) ?? [];
    const hit = entries.find((e) => e.rules === 'all' || e.rules.has(finding.rule));
    if (hit) finding.suppressed = { reason: hit.reason };
  }
}

/** A path as shown: relative to `cwd` when inside it, with forward slashes. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}
