/**
 * The lint as an ESLint flat-config plugin (`durable-gate/eslint`): the same rules as
 * `durable-gate lint`, on ESLint's own tree of the file being linted. Orchestrators are found in
 * the whole function app around the file (the nearest folder with host.json, its other files read
 * and parsed once and kept while they do not change), so a helper in this file is checked as
 * the orchestrators elsewhere that call it see it, and names are checked against every
 * registration of the app.
 *
 *   // eslint.config.js
 *   import durableGate from 'durable-gate/eslint';
 *   export default [durableGate.configs.recommended];
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as E from 'estree';
import { Analyzer, type Finding, type LintProgram } from './analyze.js';
import { setParents, type SourceFile } from './ast.js';
import { parseSource } from './parse.js';
import { applySuppressions, functionJsonEntries, sourceFiles } from './project.js';
import { RULE_IDS, RULES, ruleDocs, type RuleId } from './rules.js';
import { VERSION } from '../version.js';

/** The part of ESLint's rule context the plugin uses (ESLint 9 and 10). */
interface RuleContext {
  filename: string;
  sourceCode: { text: string; ast: E.Program; getAllComments(): E.Comment[] };
  report(descriptor: { node: unknown; message: string; fix?: (fixer: { replaceTextRange(range: [number, number], text: string): unknown }) => unknown }): void;
}

interface RuleModule {
  meta: {
    type: 'problem' | 'suggestion';
    docs: { description: string; recommended: boolean; url: string };
    fixable?: 'code';
    schema: [];
  };
  create(context: RuleContext): Record<string, (node: unknown) => void>;
}

interface DurableGatePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleId, RuleModule>;
  configs: {
    /** Errors and warnings on; the two informational rules (guard-replay-logging, computed-names) off. */
    recommended: { name: string; plugins: Record<string, DurableGatePlugin>; rules: Record<string, 'error' | 'warn' | 'off'> };
    /** Every rule, the informational ones as warnings. */
    all: { name: string; plugins: Record<string, DurableGatePlugin>; rules: Record<string, 'error' | 'warn' | 'off'> };
  };
}

/** An app's other files, parsed once and kept while their size and time stay the same. */
interface CachedFile {
  mtimeMs: number;
  size: number;
  source?: SourceFile;
}

const parsed = new Map<string, CachedFile>();
const listings = new Map<string, { at: number; files: string[] }>();
/** How long an app's list of files is reused: an editor's lint of file after file does not walk the folder each time. */
const LISTING_MS = 5_000;

function appRoot(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'host.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function cachedSource(path: string): SourceFile | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  const hit = parsed.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.source;
  let source: SourceFile | undefined;
  try {
    source = parseSource(path, readFileSync(path, 'utf8'));
  } catch {
    // A file that does not parse is ESLint's to report when it lints that file.
  }
  parsed.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, ...(source ? { source } : {}) });
  return source;
}

/** The findings of one ESLint SourceCode (shared by every rule of one file). */
const analyses = new WeakMap<object, Finding[]>();

function findingsFor(context: RuleContext): Finding[] {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  const filename = resolve(context.filename);
  const ast = sourceCode.ast;
  if (!(ast.body[0] as { parent?: unknown } | undefined)?.parent) setParents(ast);
  const current: SourceFile = { path: filename, text: sourceCode.text, program: ast, comments: sourceCode.getAllComments() };
  const program: LintProgram = { files: new Map() };
  const root = appRoot(filename);
  if (root) {
    let listing = listings.get(root);
    if (!listing || Date.now() - listing.at > LISTING_MS) {
      listing = { at: Date.now(), files: sourceFiles(root).files };
      listings.set(root, listing);
    }
    program.functionJson = functionJsonEntries(root);
    for (const path of listing.files) {
      if (path === filename) continue;
      const source = cachedSource(path);
      if (source) program.files.set(path, source);
      // A file that does not parse may register functions: names are then not checked.
      else program.partial = true;
    }
  }
  // A file outside any app: names registered elsewhere are unknown.
  if (!root) program.partial = true;
  program.files.set(filename, current);
  const findings = new Analyzer(program).run().findings.filter((f) => f.file === filename);
  // ESLint applies its own disable comments: applied here too, ESLint would call them unused (and --fix would remove them).
  applySuppressions(findings, program.files, { eslint: false });
  analyses.set(sourceCode, findings);
  return findings;
}

function via(f: Finding): string {
  return f.via.length === 0 ? '' : ` (in ${f.orchestrator}, called through ${f.via.map((s) => s.function).join(' -> ')})`;
}

function rule(id: RuleId): RuleModule {
  const info = RULES[id];
  return {
    meta: {
      type: info.severity === 'note' ? 'suggestion' : 'problem',
      docs: { description: info.summary, recommended: info.severity !== 'note', url: ruleDocs(id) },
      ...(id === 'no-wall-clock' || id === 'no-random' ? { fixable: 'code' as const } : {}),
      schema: [],
    },
    create(context) {
      return {
        'Program:exit': () => {
          for (const f of findingsFor(context)) {
            if (f.rule !== id || f.suppressed) continue;
            const fix = f.fix;
            context.report({
              node: f.node,
              message: f.message + via(f),
              ...(fix ? { fix: (fixer) => fixer.replaceTextRange(fix.range, fix.text) } : {}),
            });
          }
        },
      };
    },
  };
}

function configRules(all: boolean): Record<string, 'error' | 'warn' | 'off'> {
  return Object.fromEntries(
    RULE_IDS.map((id) => {
      const severity = RULES[id].severity;
      return [`durable-gate/${id}`, severity === 'error' ? 'error' : severity === 'warning' || all ? 'warn' : 'off'];
    }),
  );
}

const plugin: DurableGatePlugin = {
  meta: { name: 'durable-gate', version: VERSION, namespace: 'durable-gate' },
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, rule(id)])) as Record<RuleId, RuleModule>,
  configs: {} as DurableGatePlugin['configs'],
};
// The configs name the plugin object itself, so they are set once it exists.
plugin.configs.recommended = { name: 'durable-gate/recommended', plugins: { 'durable-gate': plugin }, rules: configRules(false) };
plugin.configs.all = { name: 'durable-gate/all', plugins: { 'durable-gate': plugin }, rules: configRules(true) };

export default plugin;
