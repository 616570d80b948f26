/**
 * The lint of a function app's folder: its source files (TypeScript sources rather than their
 * build), function.json folders, the analysis, and the comments that disable a rule on a line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
  /** Disable comments that do not count (no reason, an unknown rule). */
  comments: CommentProblem[];
  /** The folder has no host.json: part of an app, whose other registrations are unknown (names are not checked). */
  noHostJson?: boolean;
  /** Files that could not be read or parsed (the lint is partial when there are any); columns 1-based. */
  unparsed: { file: string; message: string; line?: number; column?: number; durable: boolean }[];
  skipped: SkippedFile[];
}

/** Lints the app in `dir` (a folder with host.json, or any folder of sources). */
export function lintApp(dir: string, options: LintOptions = {}): LintResult {
  const app = resolve(dir);
  const { files, skipped } = sourceFiles(app);
  // Without host.json this is part of an app: names registered elsewhere are unknown.
  const hostJson = existsSync(join(app, 'host.json'));
  const program: LintProgram = { files: new Map(), functionJson: functionJsonEntries(app), ...(hostJson ? {} : { partial: true }) };
  const unparsed: LintResult['unparsed'] = [];
  for (const path of files) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
      program.files.set(path, parseSource(path, text));
    } catch (error) {
      // Whether the file may hold orchestrator code: only then is the lint's answer incomplete (exit 2). Unreadable: it may hold anything.
      const durable = text === undefined || /durable-functions/.test(text);
      if (error instanceof SourceParseError) {
        unparsed.push({
          file: path,
          message: error.message,
          durable,
          ...(error.line ? { line: error.line } : {}),
          ...(error.column !== undefined ? { column: error.column + 1 } : {}),
        });
      } else unparsed.push({ file: path, message: (error as Error).message, durable });
    }
  }
  // A file the lint cannot read may register functions: names are then not checked against registrations.
  if (unparsed.length > 0) program.partial = true;
  const analysis = analyze(program);
  const wanted = options.rules ? new Set(options.rules) : undefined;
  const findings = analysis.findings.filter((f) => !wanted || wanted.has(f.rule));
  const comments = applySuppressions(findings, program.files);
  for (const orchestration of analysis.unfollowed) {
    skipped.push({
      file: orchestration.file,
      reason: `line ${orchestration.line}: the orchestration ${orchestration.name} is registered with a handler the lint cannot follow to its code (a function it does not see defined): not checked`,
    });
  }
  return { ...analysis, findings, app, files, unparsed, skipped, comments, ...(hostJson ? {} : { noHostJson: true }) };
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
  // outDir may come from a config it extends (relative paths only; a package's config names no app folder), resolved against that config.
  let config: string | undefined = join(app, 'tsconfig.json');
  for (let hops = 0; config && hops < 5 && existsSync(config); hops++) {
    let parsed: { extends?: unknown; compilerOptions?: { outDir?: unknown } };
    try {
      const text = readFileSync(config, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|("(?:\\.|[^"\\])*")|\/\/[^\n]*/g, (_match, string: string | undefined) => string ?? '')
        .replace(/,(\s*[}\]])/g, '$1');
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // An unreadable tsconfig: the .js-beside-.ts rule still leaves built files out where they sit beside their sources.
      break;
    }
    const outDir = parsed.compilerOptions?.outDir;
    if (typeof outDir === 'string') {
      dirs.add(resolve(dirname(config), outDir));
      break;
    }
    const base: string | undefined =
      typeof parsed.extends === 'string' && parsed.extends.startsWith('.') ? resolve(dirname(config), parsed.extends) : undefined;
    config = base ? (base.endsWith('.json') ? base : `${base}.json`) : undefined;
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

/** A disable comment that does not count, and why (said in the report, so that no one relies on it). */
export interface CommentProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * `// durable-gate-disable-next-line no-wall-clock -- why` (or `-disable-line`, or ESLint's own
 * `eslint-disable-next-line durable-gate/no-wall-clock`, unless `eslint` is false: under ESLint,
 * ESLint applies its own comments): the finding stays in the report, marked suppressed with the
 * reason. A durable-gate comment without a reason after `--`, or naming no rule there is, does not
 * count and is returned as a problem.
 */
export function applySuppressions(findings: Finding[], files: Map<string, SourceFile>, { eslint = true } = {}): CommentProblem[] {
  const problems: CommentProblem[] = [];
  const byFile = new Map<string, Map<number, { rules: Set<string> | 'all'; reason: string }[]>>();
  const directives = (file: SourceFile) => {
    let map = byFile.get(file.path);
    if (map) return map;
    map = new Map();
    for (const comment of file.comments) {
      const match = /^\s*(durable-gate|eslint)-disable-(next-line|line)\b([^\n]*)$/.exec(comment.value.trim());
      if (!match || !comment.loc) continue;
      const [, tool, where, rest] = match;
      if (tool === 'eslint' && !eslint) continue;
      const [list = '', reason = ''] = rest!.split(/\s--\s?/, 2);
      const named = list.split(/[\s,]+/).filter(Boolean);
      // ESLint's own comment applies to durable-gate's rules only when it names them (or names none).
      if (tool === 'eslint' && named.length > 0 && !named.some((n) => n.startsWith('durable-gate/'))) continue;
      const names = named.map((n) => n.replace(/^durable-gate\//, ''));
      const line = comment.loc.start.line;
      if (tool === 'durable-gate') {
        const unknown = names.filter((n) => !(RULE_IDS as string[]).includes(n));
        if (unknown.length > 0) {
          problems.push({
            file: file.path,
            line,
            message: `the disable comment names no rule called ${unknown.map((n) => `'${n}'`).join(', ')} (rules: ${RULE_IDS.join(', ')}): it does not count.`,
          });
          continue;
        }
        if (reason.trim() === '') {
          problems.push({
            file: file.path,
            line,
            message:
              'the disable comment gives no reason after --: it does not count. Write why the rule does not apply here, e.g. // durable-gate-disable-next-line no-random -- seeds a log sampler only.',
          });
          continue;
        }
      }
      const target = where === 'next-line' ? comment.loc.end.line + 1 : line;
      const entry = {
        rules: names.length === 0 ? ('all' as const) : new Set(names),
        reason: reason.trim() || '(no reason given)',
      };
      map.set(target, [...(map.get(target) ?? []), entry]);
    }
    byFile.set(file.path, map);
    return map;
  };
  for (const file of files.values()) directives(file);
  for (const finding of findings) {
    const file = files.get(finding.file);
    if (!file) continue;
    const entries = directives(file).get(finding.line) ?? [];
    const hit = entries.find((e) => e.rules === 'all' || e.rules.has(finding.rule));
    if (hit) finding.suppressed = { reason: hit.reason };
  }
  return problems;
}

/** A path as shown: relative to `cwd` when inside it, with forward slashes. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}
