/**
 * The determinism lint over a program (the source files of one function app): finds the
 * orchestrators (df.app.orchestration in the v4 model, df.orchestrator with function.json), walks
 * their code and every function it calls (across files, through imports), and reports what would
 * make a replay decide differently than the recorded run (rules.ts).
 */
import type * as E from 'estree';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import {
  enclosingFunction,
  isFunction,
  literalString,
  locationOf,
  memberPath,
  moduleOf,
  parentOf,
  propertyName,
  rangeOf,
  resolve,
  resolveName,
  rootIdentifier,
  unwrap,
  walk,
  type Binding,
  type FunctionNode,
  type Node,
  type SourceFile,
} from './ast.js';
import { RULES, type RuleId, type Severity } from './rules.js';
import { nearestName } from '../nearest.js';

export type FunctionKindName = 'orchestration' | 'activity' | 'entity';

/** A function the app registers, by name (as the runtime compares names: in any case). */
export interface Registration {
  kind: FunctionKindName;
  name: string;
  file: string;
  line: number;
}

/** A function.json binding folder (the older programming model): its name and trigger. */
export interface FunctionJsonEntry {
  name: string;
  kind: FunctionKindName;
  /** The folder holding function.json. */
  dir: string;
}

export interface LintProgram {
  /** Parsed source files by absolute path. */
  files: Map<string, SourceFile>;
  functionJson?: FunctionJsonEntry[];
  /** Part of an app only: functions may be registered elsewhere, so names are not checked against registrations. */
  partial?: boolean;
}

export interface CallStep {
  /** The function called (its name, or "(anonymous)"). */
  function: string;
  file: string;
  line: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The orchestrator whose code reaches it. */
  orchestrator: string;
  /** The calls from the orchestrator to the function holding it (empty: in the orchestrator itself). */
  via: CallStep[];
  /** A safe replacement, where one exists. */
  fix?: { range: [number, number]; text: string };
  /** Set when a comment disables the rule on this line. */
  suppressed?: { reason: string };
  /** The node reported (for ESLint; not enumerable: it links to its parents). */
  readonly node: Node;
}

export interface Orchestrator {
  name: string;
  file: string;
  line: number;
  fn: FunctionNode;
}

export interface Analysis {
  orchestrators: Orchestrator[];
  registrations: Registration[];
  findings: Finding[];
  /** Orchestrations registered with a handler the lint cannot follow to its code: not checked. */
  unfollowed: { name: string; file: string; line: number }[];
}

const DURABLE_MODULE = 'durable-functions';

/** A value's definition after following names: the expression (or declaration) and its file. */
interface Definition {
  node: Node;
  file: SourceFile;
}

/** Where a module-bound name leads: a package (not followed) or a definition in the program. */
type Target = Definition | { module: string; name: string; rest: string[] };

export class Analyzer {
  private readonly findings = new Map<string, Finding>();
  readonly registrations: Registration[] = [];
  /** Some registration's name could not be worked out: unknown names are not reported. */
  private registrationsComplete = true;
  private readonly raisedEvents = new Set<string>();
  private eventsComplete = true;
  readonly orchestrators: Orchestrator[] = [];
  /** Orchestrations registered with a handler the lint cannot follow to its code (not checked). */
  readonly unfollowed: { name: string; file: string; line: number }[] = [];
  private readonly fileOfNode = new WeakMap<Node, SourceFile>();
  private readonly loadTimeReads = new Map<Binding, LoadTimeRead | null>();
  private readonly exports = new Map<string, Target | null>();

  constructor(private readonly program: LintProgram) {
    for (const file of program.files.values()) this.fileOfNode.set(file.program, file);
    if (program.partial) this.registrationsComplete = false;
  }

  run(): Analysis {
    for (const entry of this.program.functionJson ?? []) {
      this.registrations.push({ kind: entry.kind, name: entry.name, file: join(entry.dir, 'function.json'), line: 1 });
    }
    for (const file of this.program.files.values()) this.collect(file);
    for (const orchestrator of this.orchestrators) {
      const context = firstParamName(orchestrator.fn);
      const root: Visit = {
        orchestrator,
        rootFn: orchestrator.fn,
        via: [],
        contextNames: new Set(context ? [context] : []),
        dfNames: new Set(destructuredDf(orchestrator.fn)),
        seen: new Set(),
        fn: orchestrator.fn,
        drivenBySdk: true,
        guarded: false,
        reach: { loops: [], continuesAsNew: false },
      };
      if (orchestrator.fn.async) {
        this.report(
          root,
          'no-await',
          orchestrator.fn,
          `the orchestrator ${orchestrator.name} is an async function: the SDK drives a generator function (function*) with yield, and the awaited work is not recorded or replayed. Write it as function* and yield durable tasks (yield context.df.callActivity(...)).`,
        );
      }
      this.visitFunction(orchestrator.fn, this.fileOf(orchestrator.fn), root);
      // Loops for ever: judged once every function the orchestrator reaches is walked (continueAsNew may be in a helper).
      if (!root.reach.continuesAsNew) for (const { loop, visit } of root.reach.loops) this.reportLoop(loop, visit);
    }
    const findings = [...this.findings.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { orchestrators: this.orchestrators, registrations: this.registrations, findings, unfollowed: this.unfollowed };
  }

  // --------------------------------------------------------------------------------------------
  // Registrations and orchestrators

  private fileOf(node: Node): SourceFile {
    let top: Node = node;
    for (let p = parentOf(top); p; p = parentOf(p)) top = p;
    const file = this.fileOfNode.get(top);
    if (!file) throw new Error('a node outside the program');
    return file;
  }

  private collect(file: SourceFile): void {
    walk(file.program, (node) => {
      if (node.type !== 'CallExpression') return undefined;
      const callee = unwrap(node.callee);
      if (callee?.type === 'MemberExpression') {
        const method = propertyName(callee);
        if ((method === 'orchestration' || method === 'activity' || method === 'entity') && this.isDurableApp(callee.object)) {
          this.register(file, node, method);
        } else if (method === 'generic') {
          // app.generic('Name', { trigger: df.trigger.activity(), handler }) from @azure/functions.
          const options = unwrap(node.arguments[1]);
          const trigger =
            options?.type === 'ObjectExpression'
              ? options.properties.find((p): p is E.Property => p.type === 'Property' && keyName(p) === 'trigger')
              : undefined;
          const call = unwrap(trigger?.value);
          const kind = call?.type === 'CallExpression' ? this.durableTrigger(call.callee) : undefined;
          if (kind) this.register(file, node, kind);
        } else if (method === 'raiseEvent') {
          const event = node.arguments[1];
          const name = event ? this.stringValue(event, file) : undefined;
          if (name === undefined) this.eventsComplete = false;
          else this.raisedEvents.add(name.toLowerCase());
        }
      }
      const target = this.durableExport(node.callee);
      if (target === 'orchestrator' || target === 'entity') {
        const fn = this.functionValue(node.arguments[0], file);
        if (target === 'orchestrator' && fn) {
          const entry = this.program.functionJson?.find((f) => f.kind === 'orchestration' && file.path.startsWith(f.dir + '/'));
          const name = entry?.name ?? basename(dirname(file.path));
          this.orchestrators.push({ name, file: file.path, line: locationOf(fn.node).line, fn: fn.node as FunctionNode });
        }
      }
      return undefined;
    });
  }

  /** `df.trigger.activity` (or `trigger` imported from durable-functions): the kind of function it triggers. */
  private durableTrigger(callee: Node): 'orchestration' | 'activity' | 'entity' | undefined {
    const c = unwrap(callee);
    if (c?.type !== 'MemberExpression') return undefined;
    const kind = propertyName(c);
    if (kind !== 'orchestration' && kind !== 'activity' && kind !== 'entity') return undefined;
    const object = unwrap(c.object);
    if (object?.type === 'Identifier') {
      const mod = moduleOf(resolve(object));
      return mod?.source === DURABLE_MODULE && mod.name === 'trigger' ? kind : undefined;
    }
    return this.durableExport(object as Node) === 'trigger' ? kind : undefined;
  }

  /** `df.app`, or `app` imported from durable-functions. */
  private isDurableApp(node: Node): boolean {
    const n = unwrap(node);
    if (n?.type === 'Identifier') {
      const mod = moduleOf(resolve(n));
      return mod?.source === DURABLE_MODULE && mod.name === 'app';
    }
    if (n?.type === 'MemberExpression' && propertyName(n) === 'app') {
      const root = unwrap(n.object);
      if (root?.type !== 'Identifier') return false;
      const mod = moduleOf(resolve(root));
      return mod?.source === DURABLE_MODULE && (mod.name === '*' || mod.name === 'default');
    }
    return false;
  }

  /** `df.orchestrator` / `df.entity` (or the named imports): which one a callee is. */
  private durableExport(callee: Node): string | undefined {
    const c = unwrap(callee);
    if (c?.type === 'Identifier') {
      const mod = moduleOf(resolve(c));
      return mod?.source === DURABLE_MODULE && mod.name !== '*' && mod.name !== 'default' ? mod.name : undefined;
    }
    if (c?.type === 'MemberExpression') {
      const root = unwrap(c.object);
      if (root?.type !== 'Identifier') return undefined;
      const mod = moduleOf(resolve(root));
      return mod?.source === DURABLE_MODULE && (mod.name === '*' || mod.name === 'default') ? propertyName(c) : undefined;
    }
    return undefined;
  }

  private register(file: SourceFile, call: E.CallExpression, method: 'orchestration' | 'activity' | 'entity'): void {
    const nameArg = call.arguments[0] as Node | undefined;
    const name = nameArg ? this.stringValue(nameArg, file) : undefined;
    const line = locationOf(call).line;
    if (name === undefined) {
      this.registrationsComplete = false;
      return;
    }
    this.registrations.push({ kind: method, name, file: file.path, line });
    if (method !== 'orchestration') return;
    let handler = unwrap(call.arguments[1]);
    if (handler?.type === 'ObjectExpression') {
      const property = handler.properties.find((p): p is E.Property => p.type === 'Property' && keyName(p) === 'handler');
      handler = unwrap(property?.value);
    }
    const fn = this.functionValue(handler, file) ?? this.madeBy(handler, file);
    if (fn) this.orchestrators.push({ name, file: fn.file.path, line: locationOf(fn.node).line, fn: fn.node as FunctionNode });
    else this.unfollowed.push({ name, file: file.path, line });
  }

  /** A handler a factory makes (`makeOrchestrator('x')`): the function the factory returns, when it returns one it defines. */
  private madeBy(handler: Node | undefined, file: SourceFile): Definition | undefined {
    if (handler?.type !== 'CallExpression') return undefined;
    const factory = this.functionValue(handler.callee, file);
    if (!factory) return undefined;
    const fn = factory.node as FunctionNode;
    if (fn.body.type !== 'BlockStatement') return isFunction(unwrap(fn.body)) ? { node: unwrap(fn.body)!, file: factory.file } : undefined;
    for (const statement of fn.body.body) {
      if (statement.type !== 'ReturnStatement') continue;
      const returned = this.functionValue(statement.argument as Node | undefined, factory.file);
      if (returned) return returned;
    }
    return undefined;
  }

  // --------------------------------------------------------------------------------------------
  // Following names to their definitions, across files

  /** The definition `node` (an identifier or `ns.name`) refers to, following imports of the program's own files. */
  private definition(node: Node | undefined, file: SourceFile, depth = 0): Target | undefined {
    const n = unwrap(node);
    if (!n || depth > 20) return undefined;
    if (n.type === 'Identifier') {
      const binding = resolve(n);
      if (!binding) return undefined;
      return this.bindingTarget(binding, file, depth);
    }
    if (n.type === 'MemberExpression') {
      const name = propertyName(n);
      if (name === undefined) return undefined;
      const object = this.definition(n.object, file, depth + 1);
      if (!object) return undefined;
      if ('module' in object) return { ...object, rest: [...object.rest, name] };
      return this.memberOf(object, name, depth);
    }
    return { node: n, file };
  }

  private bindingTarget(binding: Binding, file: SourceFile, depth: number): Target | undefined {
    const mod = moduleOf(binding);
    if (mod) {
      const target = this.moduleFile(mod.source, file.path);
      if (!target) return { module: normaliseModule(mod.source), name: mod.name, rest: [] };
      if (mod.name === '*') return { node: target.program, file: target };
      // const h = require('./helpers') where helpers only sets exports.x: the module's exports as a whole.
      return this.exported(target, mod.name, depth + 1) ?? (mod.name === 'default' ? { node: target.program, file: target } : undefined);
    }
    if (binding.declaration) return { node: binding.declaration, file };
    if (binding.declarator?.init && binding.declarator.id.type === 'Identifier') {
      return this.definition(binding.declarator.init, file, depth + 1) ?? { node: binding.declarator.init as Node, file };
    }
    return undefined;
  }

  /** `object.name` where object is a module (its export), an object literal or an enum. */
  private memberOf(object: Definition, name: string, depth: number): Target | undefined {
    let n = unwrap(object.node);
    // Object.freeze({ ... }): JavaScript's usual enum.
    if (n?.type === 'CallExpression' && memberPath(n.callee)?.join('.') === 'Object.freeze' && !resolveName('Object', n)) n = unwrap(n.arguments[0]);
    if (n?.type === 'Program') return this.exported(object.file, name, depth + 1);
    if (n?.type === 'ObjectExpression') {
      const property = n.properties.find((p): p is E.Property => p.type === 'Property' && keyName(p) === name);
      if (!property) return undefined;
      if (property.shorthand) return this.definition(property.value, object.file, depth + 1);
      return this.definition(property.value, object.file, depth + 1) ?? { node: property.value as Node, file: object.file };
    }
    // An instance's method: const pricing = new Pricing(); pricing.quote().
    let instance = false;
    if (n?.type === 'NewExpression') {
      const made = this.definition(n.callee, object.file, depth + 1);
      if (!made || 'module' in made) return undefined;
      n = unwrap(made.node);
      object = made;
      instance = true;
    }
    if (n?.type === 'ClassDeclaration' || n?.type === 'ClassExpression') {
      // A static method (Orchestrators.approval), or an instance's.
      const method = n.body.body.find(
        (m): m is E.MethodDefinition =>
          m.type === 'MethodDefinition' && m.kind === 'method' && m.static !== instance && !m.computed && m.key.type === 'Identifier' && m.key.name === name,
      );
      return method ? { node: method.value, file: object.file } : undefined;
    }
    if ((n?.type as string) === 'TSEnumDeclaration') {
      const enumNode = n as unknown as { members?: { id: Node; initializer?: Node }[]; body?: { members: { id: Node; initializer?: Node }[] } };
      const members = enumNode.body?.members ?? enumNode.members ?? [];
      const member = members.find((m) => (m.id.type === 'Identifier' ? m.id.name : literalString(m.id)) === name);
      return member?.initializer ? { node: member.initializer, file: object.file } : undefined;
    }
    return undefined;
  }

  /** What a file exports under `name` ('default' for the default export), ES modules and CommonJS alike. */
  private exported(file: SourceFile, name: string, depth: number): Target | undefined {
    if (depth > 20) return undefined;
    // Remembered per file and name: re-exports that form a cycle (a exports * from b, b from a) end here.
    const key = `${file.path}\u0000${name}`;
    if (this.exports.has(key)) return this.exports.get(key) ?? undefined;
    this.exports.set(key, null);
    const found = this.findExport(file, name, depth);
    this.exports.set(key, found ?? null);
    return found;
  }

  private findExport(file: SourceFile, name: string, depth: number): Target | undefined {
    for (const statement of file.program.body as Node[]) {
      if (statement.type === 'ExportNamedDeclaration') {
        const declaration = statement.declaration as Node | null | undefined;
        if (declaration) {
          if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id?.name === name)
            return { node: declaration, file };
          if ((declaration.type as string) === 'TSEnumDeclaration' && (declaration as unknown as { id: E.Identifier }).id.name === name)
            return { node: declaration, file };
          if (declaration.type === 'VariableDeclaration') {
            for (const d of declaration.declarations) {
              if (d.id.type === 'Identifier' && d.id.name === name && d.init) return this.definition(d.init, file, depth + 1) ?? { node: d.init as Node, file };
            }
          }
        }
        for (const specifier of statement.specifiers) {
          const exportedName = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
          if (exportedName !== name) continue;
          const localName = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
          if (statement.source) {
            const target = this.moduleFile(String(statement.source.value), file.path);
            return target ? this.exported(target, localName, depth + 1) : undefined;
          }
          const binding = resolveName(localName, file.program);
          return binding ? this.bindingTarget(binding, file, depth + 1) : undefined;
        }
      } else if ((statement.type as string) === 'TSExportAssignment') {
        // export = value: the module's exports as a whole.
        const value = (statement as unknown as { expression: Node }).expression;
        const whole = this.definition(value, file, depth + 1) ?? { node: value, file };
        if (name === 'default') return whole;
        if (!('module' in whole)) {
          const member = this.memberOf(whole, name, depth + 1);
          if (member) return member;
        }
      } else if (statement.type === 'ExportDefaultDeclaration' && name === 'default') {
        const declaration = statement.declaration as Node;
        return this.definition(declaration, file, depth + 1) ?? { node: declaration, file };
      } else if (statement.type === 'ExportAllDeclaration' && !statement.exported) {
        const target = this.moduleFile(String(statement.source.value), file.path);
        const found = target ? this.exported(target, name, depth + 1) : undefined;
        if (found) return found;
      } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
        const path = memberPath(statement.expression.left);
        const right = statement.expression.right as Node;
        if (!path) continue;
        const isModuleExports = path[0] === 'module' && path[1] === 'exports';
        const rest = isModuleExports ? path.slice(2) : path[0] === 'exports' ? path.slice(1) : undefined;
        if (!rest) continue;
        if (rest.length === 1 && rest[0] === name) return this.definition(right, file, depth + 1) ?? { node: right, file };
        if (rest.length === 0) {
          if (name === 'default') return this.definition(right, file, depth + 1) ?? { node: right, file };
          const object = this.definition(right, file, depth + 1) ?? { node: right, file };
          if (!('module' in object)) {
            const member = this.memberOf(object, name, depth + 1);
            if (member) return member;
          }
        }
      }
    }
    return undefined;
  }

  /** The program's file a relative import names (TypeScript's `./x.js` for x.ts included). */
  private moduleFile(source: string, from: string): SourceFile | undefined {
    if (!source.startsWith('.')) return undefined;
    const base = resolvePath(dirname(from), source);
    const stem = base.replace(/\.(c|m)?js$/, '');
    const candidates = [
      base,
      `${stem}.ts`,
      `${stem}.tsx`,
      `${stem}.mts`,
      `${stem}.cts`,
      `${base}.ts`,
      `${base}.tsx`,
      `${base}.js`,
      `${base}.mjs`,
      `${base}.cjs`,
      `${base}/index.ts`,
      `${base}/index.js`,
    ];
    for (const candidate of candidates) {
      const file = this.program.files.get(candidate);
      if (file) return file;
    }
    return undefined;
  }

  /** The function an expression is (inline, or by name through files). */
  private functionValue(node: Node | undefined, file: SourceFile): Definition | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    if (isFunction(n)) return { node: n, file };
    const target = this.definition(n, file);
    if (target && !('module' in target) && isFunction(unwrap(target.node))) return { node: unwrap(target.node)!, file: target.file };
    return undefined;
  }

  /** The string an expression always is, following constants, object literals and enums across files. */
  stringValue(node: Node, file: SourceFile, depth = 0): string | undefined {
    if (depth > 20) return undefined;
    const n = unwrap(node);
    if (!n) return undefined;
    const literal = literalString(n);
    if (literal !== undefined) return literal;
    if (n.type === 'TemplateLiteral') {
      let text = n.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < n.expressions.length; i++) {
        const part = this.stringValue(n.expressions[i] as Node, file, depth + 1);
        if (part === undefined) return undefined;
        text += part + (n.quasis[i + 1]?.value.cooked ?? '');
      }
      return text;
    }
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      const left = this.stringValue(n.left, file, depth + 1);
      const right = left === undefined ? undefined : this.stringValue(n.right, file, depth + 1);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    if (n.type === 'Identifier') {
      const binding = resolve(n);
      // Only constants: a `let` may hold another name by the time the call runs.
      if (!binding || (binding.kind !== 'const' && binding.kind !== 'import')) return undefined;
    }
    if (n.type === 'Identifier' || n.type === 'MemberExpression') {
      const target = this.definition(n, file, depth + 1);
      if (!target || 'module' in target || target.node === n) return undefined;
      return this.stringValue(target.node, target.file, depth + 1);
    }
    return undefined;
  }

  // --------------------------------------------------------------------------------------------
  // Walking orchestrator code

  private visitFunction(fn: Node, file: SourceFile, visit: Visit): void {
    walk(fn, (node) => {
      if (node.type === 'VariableDeclarator') this.trackContextAliases(node, visit);
      this.check(node, file, visit);
      return undefined;
    });
  }

  /** `const df = context.df`, `const { df } = context`: more names for the context. */
  private trackContextAliases(declarator: E.VariableDeclarator, visit: Visit): void {
    const init = unwrap(declarator.init);
    const id = unwrap(declarator.id);
    if (!init || !id) return;
    if (id.type === 'Identifier' && init.type === 'MemberExpression' && propertyName(init) === 'df' && this.isContext(init.object, visit)) {
      visit.dfNames.add(id.name);
    } else if (id.type === 'ObjectPattern' && this.isContext(init, visit)) {
      for (const property of id.properties) {
        if (property.type === 'Property' && keyName(property) === 'df' && property.value.type === 'Identifier') visit.dfNames.add(property.value.name);
      }
    } else if (id.type === 'Identifier' && init.type === 'Identifier' && visit.contextNames.has(init.name)) {
      visit.contextNames.add(id.name);
    }
  }

  private isContext(node: Node, visit: Visit): boolean {
    const n = unwrap(node);
    return n?.type === 'Identifier' && visit.contextNames.has(n.name);
  }

  /** `context.df` (or an alias of it). */
  private isDf(node: Node, visit: Visit): boolean {
    const n = unwrap(node);
    if (n?.type === 'Identifier') return visit.dfNames.has(n.name);
    return n?.type === 'MemberExpression' && propertyName(n) === 'df' && this.isContext(n.object, visit);
  }

  /** The durable API a call makes (`callActivity`, `createTimer`, `Task.all`, ...), if it is one. */
  private durableCall(node: Node, visit: Visit): string | undefined {
    if (node.type !== 'CallExpression') return undefined;
    const callee = unwrap(node.callee);
    if (callee?.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    if (this.isDf(callee.object, visit)) return method;
    const object = unwrap(callee.object);
    if (object?.type === 'MemberExpression' && propertyName(object) === 'Task' && this.isDf(object.object, visit)) return `Task.${method}`;
    return undefined;
  }

  private check(node: Node, file: SourceFile, visit: Visit): void {
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression':
        this.checkCall(node, file, visit);
        break;
      case 'MemberExpression':
        this.checkMember(node, visit);
        break;
      case 'Identifier':
        this.checkLoadTime(node, file, visit);
        break;
      case 'AwaitExpression':
        this.report(
          visit,
          'no-await',
          node,
          'await in orchestrator code: the SDK drives orchestrators with yield and records only durable tasks, so what is awaited runs again (and may answer differently) at every replay, and the orchestrator does not wait for it the durable way. Yield a durable task instead (yield context.df.callActivity(...)), and move the awaited work into an activity.',
        );
        break;
      case 'ForOfStatement':
        if (node.await)
          this.report(
            visit,
            'no-await',
            node,
            'for await in orchestrator code: awaited values are not recorded or replayed. Fetch them in an activity and loop over its result.',
          );
        break;
      case 'YieldExpression':
        this.checkYield(node, file, visit);
        break;
      case 'AssignmentExpression':
        this.checkWrite(node.left, node, visit);
        break;
      case 'UpdateExpression':
        this.checkWrite(node.argument, node, visit);
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete') this.checkWrite(node.argument, node, visit);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
        this.checkLoop(node, visit);
        break;
      default:
        break;
    }
  }

  /** What a callee is: a global (path from the global), a package's export, or neither. */
  private classify(callee: Node, file: SourceFile, depth = 0): { global?: string[]; module?: { source: string; name: string; rest: string[] } } {
    if (depth > 10) return {};
    const path = memberPath(callee);
    const root = rootIdentifier(callee);
    if (!root) return requiredModule(callee);
    const binding = resolve(root);
    if (!binding) return path ? { global: path[0] === 'globalThis' || path[0] === 'window' ? path.slice(1) : path } : {};
    const target = this.definition(callee, file);
    if (target && 'module' in target) return { module: { source: target.module, name: target.name, rest: target.rest } };
    // const now = Date.now; now(): the global it stands for.
    if (target && target.node !== unwrap(callee)) {
      const aliased = unwrap(target.node);
      const aliasRoot = rootIdentifier(aliased);
      const aliasPath = memberPath(aliased);
      if (aliasPath && aliasRoot && !resolve(aliasRoot) && (aliased?.type === 'MemberExpression' || aliased?.type === 'Identifier'))
        return { global: aliasPath };
    }
    // `const gen = customAlphabet(...)`: a call whose callee is a package's export.
    if (target && !('module' in target)) {
      const init = unwrap(target.node);
      if (init?.type === 'CallExpression') {
        const inner = this.classify(init.callee, target.file, depth + 1);
        if (inner.module) return { module: { ...inner.module, rest: [...inner.module.rest, '()'] } };
      }
    }
    return {};
  }

  private checkCall(call: E.CallExpression | E.NewExpression, file: SourceFile, visit: Visit): void {
    const callee = unwrap(call.callee);
    if (!callee) return;
    const isNew = call.type === 'NewExpression';
    const args = call.arguments.length;
    const durable = this.durableCall(call, visit);
    if (durable) {
      if (durable === 'continueAsNew') visit.reach.continuesAsNew = true;
      this.checkNames(call, durable, file, visit);
      return;
    }
    // A function passed by name (items.map(withId)): it runs as orchestrator code.
    if (!isNew) for (const argument of call.arguments) this.followArgument(argument, file, visit);
    // An inner call's callee, e.g. customAlphabet(...)() or promisify(setTimeout)(...).
    const kind = this.classify(callee.type === 'CallExpression' ? callee.callee : callee, file);
    const g = kind.global?.join('.');
    const m = kind.module;
    const mPath = m ? [m.name, ...m.rest].filter((p) => p !== '*' && p !== 'default' && p !== '()').join('.') : undefined;
    // The function a package's factory made: customAlphabet(...)(), or gen() after gen = customAlphabet(...).
    const calledTwice = callee.type === 'CallExpression' || m?.rest.at(-1) === '()';

    // The wall clock.
    const clock =
      (g === 'Date.now' && !isNew) ||
      (g === 'Date' && (isNew ? args === 0 : true)) ||
      g === 'performance.now' ||
      g === 'process.hrtime' ||
      g === 'process.hrtime.bigint' ||
      g === 'process.uptime' ||
      (m?.source === 'perf_hooks' && mPath === 'performance.now') ||
      (m?.source === 'process' && /^(hrtime|hrtime\.bigint|uptime)$/.test(mPath ?? '')) ||
      ((m?.source === 'moment' || m?.source === 'dayjs') && (mPath === '' || mPath === 'utc') && args === 0) ||
      (m?.source === 'luxon' && /^DateTime\.(now|local|utc)$/.test(mPath ?? '') && args === 0);
    if (clock && !calledTwice) {
      const shown = m ? `${sourceText(callee, file)}()` : g === 'Date' ? (isNew ? 'new Date()' : 'Date()') : `${g}()`;
      this.reportClock(call, shown, file, visit, m?.source);
      return;
    }
    // Randomness and ids.
    const random =
      g === 'Math.random' ||
      g === 'crypto.randomUUID' ||
      g === 'crypto.getRandomValues' ||
      (m?.source === 'crypto' && RANDOM_CRYPTO.has((mPath ?? '').replace(/^webcrypto\./, ''))) ||
      (m?.source === 'uuid' && /^(v1|v4|v6|v7)$/.test(mPath ?? '')) ||
      (m !== undefined && RANDOM_PACKAGES.has(m.source) && (calledTwice || RANDOM_PACKAGES.get(m.source)!.includes(mPath ?? '')));
    if (random) {
      const shown = `${sourceText(callee, file)}()`;
      const isId = g === 'crypto.randomUUID' || (m?.source === 'crypto' && mPath === 'randomUUID') || (m !== undefined && ID_PACKAGES.has(m.source));
      const ctx = this.contextFor(call, visit);
      this.report(
        visit,
        'no-random',
        call,
        isId
          ? `${shown} makes a new id at every replay: anything built from it (an instance id, an input, a decision) differs from what the history recorded. Use context.df.newGuid(context.df.instanceId), which gives the same id at every replay.`
          : `${shown} gives another value at every replay, so what the orchestrator decides from it can differ from what the history recorded. Pass random values in as input, or get them from an activity (its result is recorded).`,
        // Only where a GUID is what the code made before (a uuid): another id format may be checked elsewhere.
        isId && ctx && !isNew && (g === 'crypto.randomUUID' || m?.source === 'crypto' || m?.source === 'uuid' || m?.source === 'uuidv4')
          ? { range: rangeOf(call), text: `${ctx}.df.newGuid(${ctx}.df.instanceId)` }
          : undefined,
      );
      return;
    }
    // Waiting without a durable timer.
    const wait =
      (g !== undefined && /^(setTimeout|setInterval|setImmediate)$/.test(g)) ||
      (m?.source === 'timers' && /^(setTimeout|setInterval|setImmediate)$/.test(mPath ?? '')) ||
      (m?.source === 'timers/promises' && /^(setTimeout|setInterval|setImmediate|scheduler\.wait)$/.test(mPath ?? '')) ||
      (m !== undefined && SLEEP_PACKAGES.has(m.source));
    if (wait) {
      this.report(
        visit,
        'no-nondurable-wait',
        call,
        `${sourceText(callee, file)}(...) waits in memory: the orchestrator's process is not kept while it waits, the wait is not recorded, and on replay it waits again or not at all. Use a durable timer: yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + ms)).`,
      );
      return;
    }
    // I/O.
    const io = (g !== undefined && /^(fetch|XMLHttpRequest|WebSocket|EventSource)$/.test(g)) || (m !== undefined && isIoModule(m.source));
    if (io) {
      const what = m ? `${sourceText(callee, file)}(...) (${m.source})` : `${sourceText(callee, file)}(...)`;
      this.report(
        visit,
        'no-io',
        call,
        `${what} does I/O in orchestrator code: it runs again at every replay, its answer is not recorded (a replay can see another one), and its side effects repeat. Move it into an activity (yield context.df.callActivity(...))${g === 'fetch' || (m && HTTP_PACKAGES.has(m.source)) ? ', or use yield context.df.callHttp(...) for a plain HTTP request' : ''}.`,
      );
      return;
    }
    // The environment.
    if (g === 'process.cwd' || (m?.source === 'os' && !isNew)) {
      this.reportEnv(call, `${sourceText(callee, file)}()`, visit);
      return;
    }
    // Promises.
    if ((g !== undefined && /^Promise\.(all|race|any|allSettled|resolve|reject|withResolvers)$/.test(g)) || (isNew && g === 'Promise')) {
      const combinator = /^Promise\.(all|race|any|allSettled)$/.exec(g ?? '')?.[1];
      this.report(
        visit,
        'no-promises',
        call,
        combinator
          ? `${g}(...) waits on Promises, which the SDK neither records nor replays (durable tasks are not Promises: it resolves at once with the task objects). Use yield context.df.Task.${combinator === 'all' || combinator === 'allSettled' ? 'all' : 'any'}([...tasks]).`
          : `${isNew ? 'new Promise(...)' : `${g}(...)`} in orchestrator code: Promises are not recorded or replayed; the SDK waits only on durable tasks it schedules. Yield durable tasks instead, and put asynchronous work in an activity.`,
      );
      return;
    }
    if (!isNew && callee.type === 'MemberExpression' && !callee.computed && /^(then|catch|finally)$/.test(propertyName(callee) ?? '')) {
      this.report(
        visit,
        'no-promises',
        call,
        `.${propertyName(callee)}(...) in orchestrator code: Promise callbacks are not recorded or replayed (and durable tasks have no .then). Yield the durable task and use its result: const result = yield context.df.callActivity(...).`,
      );
      return;
    }
    // Logging.
    if (!isNew && callee.type === 'MemberExpression') {
      const method = propertyName(callee);
      const object = unwrap(callee.object);
      const isLog =
        (object?.type === 'Identifier' && visit.contextNames.has(object.name) && LOG_METHODS.has(method ?? '')) ||
        (g !== undefined && /^console\.(log|info|warn|error|debug|trace)$/.test(g));
      if (isLog && !this.guardedByReplaying(call, visit)) {
        this.report(
          visit,
          'guard-replay-logging',
          call,
          `${sourceText(callee, file)}(...) writes again every time the orchestrator replays (once per episode), so the log repeats. Guard it: if (!context.df.isReplaying) { ... }.`,
        );
      }
    }
    // Entity ids by name.
    if (isNew && this.durableExport(callee) === 'EntityId') this.checkEntityName(call, file, visit);
    // Mutating a module's object or array in place.
    if (!isNew && callee.type === 'MemberExpression' && MUTATORS.has(propertyName(callee) ?? '')) this.checkWrite(callee.object, call, visit, true);
    // A helper: follow it.
    if (!calledTwice) this.follow(call, file, visit);
  }

  private checkMember(member: E.MemberExpression, visit: Visit): void {
    const object = unwrap(member.object);
    if (object?.type !== 'Identifier') return;
    const name = propertyName(member);
    if (object.name === 'process' && !resolve(object) && (name === 'env' || name === 'argv' || name === 'execArgv' || name === 'platform')) {
      this.reportEnv(member, `process.${name}`, visit);
      return;
    }
    const mod = moduleOf(resolve(object));
    if (mod?.source !== undefined && normaliseModule(mod.source) === 'process' && (mod.name === 'env' || mod.name === 'argv')) {
      this.reportEnv(member, `process.${mod.name}`, visit);
    }
  }

  /**
   * A module's value that was read from the environment, the clock or randomness when the module
   * loaded (`const FEATURE = process.env.FEATURE`): fixed for the process, so a replay in another
   * process (after a restart, a deployment, a scale-out) can see another one.
   */
  private checkLoadTime(id: E.Identifier, file: SourceFile, visit: Visit): void {
    if (!isReference(id)) return;
    const binding = resolve(id);
    if (!binding || binding.id === id || binding.scope.type !== 'Program') return;
    if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var' && binding.kind !== 'import') return;
    if (binding.kind === 'import' && !binding.imported?.source.startsWith('.')) return;
    let read = this.loadTimeReads.get(binding);
    if (read === undefined) {
      const target = this.definition(id, file);
      read = target && !('module' in target) && target.node !== id ? (this.readsAtLoad(target.node, target.file) ?? null) : null;
      this.loadTimeReads.set(binding, read);
    }
    if (!read) return;
    const where = `${basename(read.file)}:${read.line}`;
    const message = `${id.name} was set from ${read.what} when the module loaded (${where}): the value is fixed for the process, so a replay in another process (after a restart, a deployment, on another instance) can see another one and decide differently. ${
      read.rule === 'no-env'
        ? "Pass the setting in as the orchestration's input, or read it in an activity."
        : read.rule === 'no-wall-clock'
          ? 'Use context.df.currentUtcDateTime where the orchestration needs the time.'
          : 'Take random values as input or from an activity, and ids from context.df.newGuid.'
    }`;
    this.report(visit, read.rule, id, message);
  }

  /** What an initializer reads that differs between processes: the environment, the clock, randomness. */
  private readsAtLoad(init: Node, file: SourceFile): LoadTimeRead | undefined {
    if (isFunction(init) || init.type === 'ClassDeclaration' || init.type === 'Program') return undefined;
    let found: LoadTimeRead | undefined;
    walk(init, (n) => {
      if (found || isFunction(n)) return false;
      const at = { file: file.path, line: locationOf(n).line };
      if (n.type === 'MemberExpression') {
        const object = unwrap(n.object);
        if (object?.type === 'Identifier' && object.name === 'process' && !resolve(object) && /^(env|argv|platform)$/.test(propertyName(n) ?? ''))
          found = { rule: 'no-env', what: `process.${propertyName(n)}`, ...at };
      } else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
        const kind = this.classify(n.callee, file);
        const g = kind.global?.join('.');
        const m = kind.module
          ? `${kind.module.source}:${[kind.module.name, ...kind.module.rest].filter((p) => p !== '*' && p !== 'default').join('.')}`
          : undefined;
        if ((g === 'Date.now' && n.type === 'CallExpression') || (g === 'Date' && n.arguments.length === 0) || g === 'performance.now')
          found = { rule: 'no-wall-clock', what: `${g === 'Date' ? 'new Date()' : `${g}()`}`, ...at };
        else if (g === 'Math.random' || g === 'crypto.randomUUID' || (m !== undefined && /^(crypto:(randomUUID|randomBytes|randomInt)|uuid:v[1467])$/.test(m)))
          found = { rule: 'no-random', what: `${sourceText(n.callee, file)}()`, ...at };
        else if (kind.module?.source === 'os') found = { rule: 'no-env', what: `${sourceText(n.callee, file)}()`, ...at };
      }
      return !found;
    });
    return found;
  }

  private reportEnv(node: Node, shown: string, visit: Visit): void {
    this.report(
      visit,
      'no-env',
      node,
      `${shown} reads the environment in orchestrator code: settings differ between slots, deployments and machines and can change while an instance is in flight, so a replay can decide differently. Pass the value in as the orchestration's input, or read it in an activity.`,
    );
  }

  private reportClock(call: Node, shown: string, file: SourceFile, visit: Visit, module?: string): void {
    const ctx = this.contextFor(call, visit);
    const timer = this.feedsTimer(call, visit);
    const message = timer
      ? `a durable timer built from the wall clock (${shown}): its fire time is computed again, and differently, at every replay: what the code decides from it differs between replays, and a long timer (over 6 days, which the SDK continues in shorter timers) never reaches it, so the instance never finishes. Build the time from context.df.currentUtcDateTime, which replays the recorded time.`
      : `${shown} reads the wall clock, which moves on between replays: what the orchestrator decides from it can differ from what the history recorded. Use context.df.currentUtcDateTime, the time recorded for this point of the orchestration.`;
    let fix: Finding['fix'];
    if (ctx) {
      const now = `${ctx}.df.currentUtcDateTime`;
      if (shown === 'Date.now()') fix = { range: rangeOf(call), text: `${now}.getTime()` };
      else if (shown === 'new Date()') fix = { range: rangeOf(call), text: `new Date(${now})` };
      else if (module === 'moment' || module === 'dayjs') {
        const callee = (call as E.CallExpression).callee as Node;
        fix = { range: rangeOf(call), text: `${sourceText(callee, file)}(${now})` };
      }
    }
    this.report(visit, 'no-wall-clock', call, message, fix);
  }

  /** The context's name where `node` sits, when it is the orchestrator's own (not shadowed there). */
  private contextFor(node: Node, visit: Visit): string | undefined {
    for (const name of visit.contextNames) {
      const binding = resolveName(name, node);
      if (binding && (binding.kind === 'param' || binding.kind === 'const')) return name;
    }
    return undefined;
  }

  /** A wall-clock read that becomes a timer's fire time (in createTimer's arguments, or through one variable). */
  private feedsTimer(node: Node, visit: Visit): boolean {
    let declared: string | undefined;
    for (let p = parentOf(node); p && !isFunction(p); p = parentOf(p)) {
      if (p.type === 'CallExpression' && this.durableCall(p, visit) === 'createTimer') return true;
      if (p.type === 'VariableDeclarator' && p.id.type === 'Identifier') {
        declared = p.id.name;
        break;
      }
      if (p.type === 'AssignmentExpression' && p.left.type === 'Identifier') {
        declared = p.left.name;
        break;
      }
    }
    const fn = enclosingFunction(node);
    if (!declared || !fn) return false;
    let feeds = false;
    walk(fn, (n) => {
      if (feeds) return false;
      if (n.type === 'CallExpression' && this.durableCall(n, visit) === 'createTimer') {
        walk(n, (inner) => {
          if (inner.type === 'Identifier' && inner.name === declared && isReference(inner)) feeds = true;
          return !feeds;
        });
      }
      return undefined;
    });
    return feeds;
  }

  private guardedByReplaying(node: Node, visit: Visit): boolean {
    if (visit.guarded) return true;
    for (let p = parentOf(node); p && p !== parentOf(visit.rootFn); p = parentOf(p)) {
      const test =
        p.type === 'IfStatement' || p.type === 'ConditionalExpression' ? (p.test as Node) : p.type === 'LogicalExpression' ? (p.left as Node) : undefined;
      if (!test) continue;
      let mentions = false;
      walk(test, (n) => {
        if (n.type === 'MemberExpression' && propertyName(n) === 'isReplaying') mentions = true;
        // const replaying = context.df.isReplaying; if (!replaying) ...
        if (n.type === 'Identifier' && isReference(n)) {
          const binding = resolve(n);
          const init = unwrap(binding?.declarator?.init);
          // const { isReplaying } = context.df
          if (n.name === 'isReplaying' && binding?.declarator?.id.type === 'ObjectPattern') mentions = true;
          if (init?.type === 'MemberExpression' && propertyName(init) === 'isReplaying') mentions = true;
        }
        return !mentions;
      });
      if (mentions) return true;
    }
    return false;
  }

  private checkYield(node: E.YieldExpression, file: SourceFile, visit: Visit): void {
    if (node.delegate) return;
    // A yield in a generator the SDK does not drive (an iterator helper used in for...of) is the code's own.
    if (enclosingFunction(node) !== visit.fn || !visit.drivenBySdk) return;
    const argument = unwrap(node.argument);
    let what: string | undefined;
    if (!argument) what = 'yield with nothing';
    else if (argument.type === 'Literal' || argument.type === 'TemplateLiteral' || argument.type === 'ObjectExpression')
      what = `yield of a plain value (${shortText(argument, file)})`;
    else if (argument.type === 'ArrayExpression' || isArrayVariable(argument))
      what = 'yield of an array (the SDK does not wait on each task of an array: use context.df.Task.all([...]))';
    else if (argument.type === 'AwaitExpression') what = 'yield of an awaited value';
    else if (isFunction(argument)) what = 'yield of a function';
    else if (argument.type === 'NewExpression' && argument.callee.type === 'Identifier' && argument.callee.name === 'Promise') what = 'yield of a Promise';
    else if (argument.type === 'CallExpression' && /^(continueAsNew|signalEntity|setCustomStatus)$/.test(this.durableCall(argument, visit) ?? ''))
      what = `yield of context.df.${this.durableCall(argument, visit)}(...), which returns nothing (it is not a task to wait for; remove the yield)`;
    else if (argument.type === 'CallExpression') {
      const g = this.classify(argument.callee, file).global?.join('.');
      if (g && /^(Promise\.\w+|fetch)$/.test(g)) what = `yield of a Promise (${g}(...))`;
      else {
        const target = this.functionValue(argument.callee, file);
        if (target && (target.node as FunctionNode).async) what = `yield of a Promise (${sourceText(argument.callee, file)}(...) is an async function)`;
      }
    }
    if (!what) return;
    this.report(
      visit,
      'yield-durable-tasks',
      node,
      `${what}: the SDK expects every yield to be a durable task it scheduled (callActivity, callSubOrchestrator, createTimer, waitForExternalEvent, callEntity, callHttp, Task.all, Task.any), and fails the orchestration on anything else. Yield the durable task.`,
    );
  }

  /** Writes to module-level state (a module's `let`, or the insides of its objects) from orchestrator code. */
  private checkWrite(target: Node, node: Node, visit: Visit, inPlace = false): void {
    let root = rootIdentifier(target);
    if (!root) return;
    let binding = resolve(root);
    // A local name for a module's object (const s = seen; s.add(x)) writes the module's object.
    const aliased = (inPlace || target.type !== 'Identifier') && binding?.kind === 'const' ? unwrap(binding.declarator?.init) : undefined;
    if (aliased?.type === 'Identifier' && resolve(aliased)?.scope.type === 'Program') {
      root = aliased;
      binding = resolve(aliased);
    }
    if (!binding && target.type === 'Identifier' && !KNOWN_GLOBALS.has(root.name)) {
      this.report(
        visit,
        'no-module-state',
        node,
        `assigns ${root.name}, which nothing declares: a global variable of the whole process (a ReferenceError in strict mode and ES modules). Instances share it and a replay sees what earlier ones left there. Declare it in the orchestrator (const or let).`,
      );
      return;
    }
    if (!binding || binding.scope.type !== 'Program') return;
    if (binding.kind === 'import' && !binding.imported?.source.startsWith('.')) return;
    if (binding.kind === 'function' || binding.kind === 'class') return;
    this.report(
      visit,
      'no-module-state',
      node,
      `writes ${root.name}, state of the module that outlives this execution: instances share it and a replay sees what earlier ones left there, so it can decide differently than the recorded run. Keep the state in the orchestrator's own variables (or an entity); pass what must carry on through continueAsNew's input.`,
    );
  }

  private checkLoop(loop: E.WhileStatement | E.DoWhileStatement | E.ForStatement, visit: Visit): void {
    let test = unwrap(loop.test);
    // const forever = true; while (forever)
    if (test?.type === 'Identifier') {
      const binding = resolve(test);
      if (binding?.kind === 'const') test = unwrap(binding.declarator?.init);
    }
    const forever = !test || (test.type === 'Literal' && (test.value === true || test.value === 1));
    if (!forever) return;
    let durable = false;
    let exits = false;
    walk(loop.body, (n) => {
      if (isFunction(n)) return false;
      if (this.durableCall(n, visit)) durable = true;
      if (n.type === 'ReturnStatement' || n.type === 'ThrowStatement') exits = true;
      if (n.type === 'BreakStatement' && (n.label ? leavesLoop(n, loop) : nearestBreakable(n) === loop)) exits = true;
      return undefined;
    });
    if (!durable || exits) return;
    visit.reach.loops.push({ loop, visit });
  }

  private reportLoop(loop: Node, visit: Visit): void {
    this.report(
      visit,
      'unbounded-loop',
      loop,
      'loops for ever with durable calls and never calls continueAsNew: every iteration adds to the history, and every replay re-runs all of it, so the instance grows slower and larger until it fails. Call context.df.continueAsNew(state) (an eternal orchestration) after some iterations, or bound the loop.',
    );
  }

  private checkNames(call: E.CallExpression, method: string, file: SourceFile, visit: Visit): void {
    const kind =
      method === 'callActivity' || method === 'callActivityWithRetry'
        ? 'activity'
        : method === 'callSubOrchestrator' || method === 'callSubOrchestratorWithRetry'
          ? 'orchestration'
          : method === 'waitForExternalEvent'
            ? 'event'
            : undefined;
    if (!kind) return;
    const argument = call.arguments[0] as Node | undefined;
    if (!argument) return;
    const name = this.stringValue(argument, file);
    if (name === undefined) {
      if (kind !== 'event') {
        this.report(
          visit,
          'computed-names',
          argument,
          `${method} with a name computed at run time (${shortText(argument, file)}): the lint cannot check it against the app's functions, and replay checks it only on histories that reach it. Prefer a constant name.`,
        );
      }
      return;
    }
    if (kind === 'event') {
      if (this.raisedEvents.size > 0 && this.eventsComplete && !this.raisedEvents.has(name.toLowerCase())) {
        this.report(
          visit,
          'registered-names',
          argument,
          `waitForExternalEvent("${name}"): the app raises events ${[...this.raisedEvents].map((e) => `"${e}"`).join(', ')} but never "${name}" (names match in any case). If it is raised from outside the app, ignore this; else the orchestration waits for ever.`,
          undefined,
          'note',
        );
      }
      return;
    }
    this.checkRegistered(kind, name, `${method}("${name}")`, argument, visit);
  }

  private checkEntityName(call: E.NewExpression, file: SourceFile, visit: Visit): void {
    const argument = call.arguments[0] as Node | undefined;
    if (!argument) return;
    const name = this.stringValue(argument, file);
    if (name === undefined) {
      this.report(
        visit,
        'computed-names',
        argument,
        `an entity id with a name computed at run time (${shortText(argument, file)}): the lint cannot check it against the app's entities.`,
      );
      return;
    }
    this.checkRegistered('entity', name, `new EntityId("${name}", ...)`, argument, visit);
  }

  private checkRegistered(kind: FunctionKindName, name: string, shown: string, node: Node, visit: Visit): void {
    if (!this.registrationsComplete || this.registrations.length === 0) return;
    const lower = name.toLowerCase();
    if (this.registrations.some((r) => r.kind === kind && r.name.toLowerCase() === lower)) return;
    const other = this.registrations.find((r) => r.name.toLowerCase() === lower);
    const known = this.registrations.filter((r) => r.kind === kind).map((r) => r.name);
    const nearest = nearestName(name, known);
    const wrongKind = other
      ? ` ${other.name} is ${other.kind === 'activity' ? 'an activity' : other.kind === 'entity' ? 'an entity' : 'an orchestration'}, not ${kind === 'activity' ? 'an activity' : kind === 'entity' ? 'an entity' : 'an orchestration'}.`
      : '';
    this.report(
      visit,
      'registered-names',
      node,
      `${shown}: the app registers no ${kind === 'orchestration' ? 'orchestration' : kind} named "${name}".${wrongKind}${nearest ? ` Did you mean "${nearest}"?` : known.length > 0 && known.length <= 8 ? ` Registered: ${known.join(', ')}.` : ''} The call fails when it runs; if the function was renamed, instances in flight that recorded the old name break too.`,
    );
  }

  /** A call to a function the program defines: its code is orchestrator code too. */
  private follow(call: E.CallExpression | E.NewExpression, file: SourceFile, visit: Visit): void {
    if (call.type === 'NewExpression') return;
    const target = this.functionValue(call.callee, file);
    if (!target || target.node === visit.rootFn) return;
    const fn = target.node as FunctionNode;
    // The context passed in: the helper's parameters that receive it.
    const contextNames = new Set<string>();
    const dfNames = new Set<string>();
    call.arguments.forEach((argument, i) => {
      const param = fn.params[i] ? unwrap(fn.params[i]) : undefined;
      const name =
        param?.type === 'Identifier' ? param.name : param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : undefined;
      if (!name) return;
      if (this.isContext(argument, visit)) contextNames.add(name);
      else if (this.isDf(argument, visit)) dfNames.add(name);
    });
    const key = `${[...contextNames].join(',')}|${[...dfNames].join(',')}`;
    const seen = visit.seen;
    const seenKey = `${target.file.path}:${rangeOf(fn)[0]}:${key}`;
    if (seen.has(seenKey)) return;
    seen.add(seenKey);
    const where = locationOf(call);
    const step: CallStep = { function: functionName(fn, call.callee), file: file.path, line: where.line };
    const parent = parentOf(call);
    const delegated = parent?.type === 'YieldExpression' && parent.delegate && visit.drivenBySdk;
    this.visitFunction(fn, target.file, {
      ...visit,
      via: [...visit.via, step],
      contextNames,
      dfNames,
      fn,
      drivenBySdk: delegated,
      guarded: visit.guarded || this.guardedByReplaying(call, visit),
    });
  }

  /** A function passed as an argument by name: walked as orchestrator code (it is called from there). */
  private followArgument(argument: Node, file: SourceFile, visit: Visit): void {
    const a = unwrap(argument);
    if (a?.type !== 'Identifier' && a?.type !== 'MemberExpression') return;
    const target = this.functionValue(a, file);
    if (!target || target.node === visit.rootFn) return;
    const fn = target.node as FunctionNode;
    const seenKey = `${target.file.path}:${rangeOf(fn)[0]}:|`;
    if (visit.seen.has(seenKey)) return;
    visit.seen.add(seenKey);
    const step: CallStep = { function: functionName(fn, a), file: file.path, line: locationOf(a).line };
    this.visitFunction(fn, target.file, { ...visit, via: [...visit.via, step], contextNames: new Set(), dfNames: new Set(), fn, drivenBySdk: false });
  }

  private report(visit: Visit, rule: RuleId, node: Node, message: string, fix?: Finding['fix'], severity?: Severity): void {
    const file = this.fileOf(node);
    const [start] = rangeOf(node);
    const key = `${rule}|${file.path}|${start}`;
    if (this.findings.has(key)) return;
    const finding = {
      rule,
      severity: severity ?? RULES[rule].severity,
      message,
      file: file.path,
      ...locationOf(node),
      orchestrator: visit.orchestrator.name,
      via: visit.via,
      ...(fix ? { fix } : {}),
    } as Finding;
    // The node links to its parents (a cycle): kept out of JSON and of anything that copies the finding.
    Object.defineProperty(finding, 'node', { value: node, enumerable: false });
    this.findings.set(key, finding);
  }
}

/** A source of nondeterminism read when a module loaded, and where. */
interface LoadTimeRead {
  rule: 'no-env' | 'no-wall-clock' | 'no-random';
  what: string;
  file: string;
  line: number;
}

interface Visit {
  orchestrator: Orchestrator;
  /** The orchestrator's own function (continueAsNew, guards and loops are judged within it). */
  rootFn: FunctionNode;
  /** The calls that led here. */
  via: CallStep[];
  contextNames: Set<string>;
  dfNames: Set<string>;
  /** Helpers already walked for this orchestrator (with the same context arguments). */
  seen: Set<string>;
  /** The function being walked: the orchestrator's, or a helper's. */
  fn: FunctionNode;
  /** Its yields go to the SDK: the orchestrator itself, or a generator it delegates to with yield*. */
  drivenBySdk: boolean;
  /** Reached through a call inside an isReplaying guard: its logging is guarded too. */
  guarded: boolean;
  /** What the whole orchestrator (helpers included) does, judged once it is all walked. */
  reach: { loops: { loop: Node; visit: Visit }[]; continuesAsNew: boolean };
}

const RANDOM_CRYPTO = new Set([
  'randomUUID',
  'getRandomValues',
  'randomBytes',
  'randomInt',
  'randomFill',
  'randomFillSync',
  'pseudoRandomBytes',
  'generateKey',
  'generateKeySync',
  'generateKeyPair',
  'generateKeyPairSync',
  'generatePrime',
  'generatePrimeSync',
]);

/** Id and random-string packages, and which of their exports make a new value when called ('' for the default). */
const RANDOM_PACKAGES = new Map<string, string[]>([
  ['nanoid', ['nanoid', '']],
  ['uuidv4', ['uuid', '']],
  ['short-uuid', ['generate', 'uuid']],
  ['shortid', ['', 'generate']],
  ['cuid', ['', 'slug']],
  ['@paralleldrive/cuid2', ['createId']],
  ['ulid', ['ulid']],
  ['ulidx', ['ulid']],
  ['crypto-random-string', ['']],
  ['randomstring', ['generate']],
  ['hyperid', ['']],
  ['lodash', ['random', 'shuffle', 'sample', 'sampleSize']],
  ['lodash-es', ['random', 'shuffle', 'sample', 'sampleSize']],
  ['lodash/random', ['']],
  ['lodash/shuffle', ['']],
  ['lodash/sample', ['']],
  ['lodash/sampleSize', ['']],
  ['underscore', ['random', 'shuffle', 'sample']],
]);

/** The packages above (and uuid) whose answers are ids, for which context.df.newGuid stands in. */
const ID_PACKAGES = new Set(['uuid', 'nanoid', 'uuidv4', 'short-uuid', 'shortid', 'cuid', '@paralleldrive/cuid2', 'ulid', 'ulidx', 'hyperid']);

const SLEEP_PACKAGES = new Set(['delay', 'sleep-promise', 'await-sleep', 'p-sleep', 'timeout-as-promise', 'sleep', 'sleep-async']);

const HTTP_PACKAGES = new Set([
  'axios',
  'node-fetch',
  'got',
  'superagent',
  'undici',
  'request',
  'request-promise',
  'request-promise-native',
  'ky',
  'cross-fetch',
  'isomorphic-fetch',
  'needle',
  'phin',
  'http',
  'https',
  'http2',
]);

const IO_PACKAGES = new Set([
  ...HTTP_PACKAGES,
  'fs',
  'fs/promises',
  'fs-extra',
  'graceful-fs',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'child_process',
  'cluster',
  'readline',
  'mssql',
  'tedious',
  'pg',
  'pg-promise',
  'postgres',
  'mysql',
  'mysql2',
  'mysql2/promise',
  'mongodb',
  'mongoose',
  'redis',
  'ioredis',
  '@prisma/client',
  'sequelize',
  'typeorm',
  'knex',
  'oracledb',
  'sqlite3',
  'better-sqlite3',
  'cassandra-driver',
  'nodemailer',
  'twilio',
  'openai',
  'firebase-admin',
  'kafkajs',
  'amqplib',
]);

const IO_SCOPES = ['@azure/', '@aws-sdk/', '@google-cloud/', '@elastic/', '@sendgrid/', '@octokit/', '@slack/', '@microsoft/microsoft-graph-client'];

function isIoModule(source: string): boolean {
  if (IO_PACKAGES.has(source)) return true;
  if (source === '@azure/functions' || source.startsWith('@azure/functions-')) return false;
  return IO_SCOPES.some((scope) => source.startsWith(scope));
}

/** Globals code assigns on purpose (not an undeclared variable). */
const KNOWN_GLOBALS = new Set(['module', 'exports', 'globalThis', 'window', 'self', 'global', 'process', 'console', 'undefined']);

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

const LOG_METHODS = new Set(['log', 'trace', 'debug', 'info', 'warn', 'error']);

function normaliseModule(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

function keyName(property: E.Property): string | undefined {
  if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
  return literalString(property.key);
}

function firstParamName(fn: FunctionNode): string | undefined {
  const param = unwrap(fn.params[0]);
  return param?.type === 'Identifier' ? param.name : undefined;
}

function sourceText(node: Node, file: SourceFile): string {
  const [start, end] = rangeOf(node);
  return file.text.slice(start, end).replace(/\s+/g, ' ');
}

function shortText(node: Node, file: SourceFile): string {
  const text = sourceText(node, file);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function functionName(fn: FunctionNode, callee: Node): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const path = memberPath(callee);
  return path ? path.join('.') : '(anonymous)';
}

/** An identifier used as a value (not a property name or an object key). */
function isReference(id: E.Identifier): boolean {
  const parent = parentOf(id);
  if (parent?.type === 'MemberExpression' && parent.property === id && !parent.computed) return false;
  if (parent?.type === 'Property' && parent.key === id && !parent.computed && !parent.shorthand) return false;
  return true;
}

/** A name bound to an array literal (`const tasks = [...]`). */
function isArrayVariable(node: Node): boolean {
  if (node.type !== 'Identifier') return false;
  const binding = resolve(node);
  return unwrap(binding?.declarator?.init)?.type === 'ArrayExpression' && binding?.declarator?.id.type === 'Identifier';
}

/** A labelled break leaves `loop` when its label names the loop or a statement around it. */
function leavesLoop(brk: E.BreakStatement, loop: Node): boolean {
  for (let p = parentOf(brk); p; p = parentOf(p)) {
    if (p.type === 'LabeledStatement' && p.label.name === brk.label!.name) {
      for (let q: Node | undefined = loop; q; q = parentOf(q)) if (q === p) return true;
      return false;
    }
    if (isFunction(p)) return false;
  }
  return false;
}

/** `require('fs').readFileSync`: the package and the path into it. */
function requiredModule(callee: Node): { module?: { source: string; name: string; rest: string[] } } {
  const rest: string[] = [];
  let n = unwrap(callee);
  while (n?.type === 'MemberExpression') {
    const name = propertyName(n);
    if (name === undefined) return {};
    rest.unshift(name);
    n = unwrap(n.object);
  }
  if (n?.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require' || resolve(n.callee)) return {};
  const source = literalString(n.arguments[0]);
  return source === undefined || source.startsWith('.') ? {} : { module: { source: normaliseModule(source), name: '*', rest } };
}

/** `function* ({ df })` or `({ df: d })`: the names the context's df gets. */
function destructuredDf(fn: FunctionNode): string[] {
  const param = unwrap(fn.params[0]);
  if (param?.type !== 'ObjectPattern') return [];
  return param.properties.flatMap((p) => (p.type === 'Property' && keyName(p) === 'df' && p.value.type === 'Identifier' ? [p.value.name] : []));
}

/** The loop or switch an unlabelled break leaves. */
function nearestBreakable(node: Node): Node | undefined {
  for (let p = parentOf(node); p; p = parentOf(p)) {
    if (/^(WhileStatement|DoWhileStatement|ForStatement|ForInStatement|ForOfStatement|SwitchStatement)$/.test(p.type)) return p;
    if (isFunction(p)) return undefined;
  }
  return undefined;
}

export function analyze(program: LintProgram): Analysis {
  return new Analyzer(program).run();
}
