/**
 * The lint's view of source code: ESTree nodes (from @babel/parser with its estree plugin in the
 * CLI, from ESLint's own parser in the plugin), parent links, and the few questions every rule
 * asks of them (what an identifier is bound to, which function a node is in).
 */
import type * as E from 'estree';

export type Node = E.Node;

/** A parsed source file. */
export interface SourceFile {
  path: string;
  text: string;
  program: E.Program;
  comments: E.Comment[];
}

/** The parent of a node (set by parse(), or by ESLint, or by setParents()). */
export function parentOf(node: Node): Node | undefined {
  return (node as { parent?: Node }).parent;
}

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'start', 'end', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens', 'extra']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The child nodes of `node`, in source order. Types (TypeScript annotations) are children too: no rule looks inside them. */
export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    // typescript-eslint 8 keeps an enum's members under body, and warns when the old key is read.
    if (key === 'members' && (node.type as string) === 'TSEnumDeclaration' && 'body' in node) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) children.push(value);
  }
  return children;
}

/** Links every node under `root` to its parent (ESLint does it itself; babel does not). */
export function setParents(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of childrenOf(node)) {
      (child as { parent?: Node }).parent = node;
      stack.push(child);
    }
  }
}

/** Every node under `root` (root included), depth first; `enter` returning false skips a node's children. */
export function walk(root: Node, enter: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export type FunctionNode = E.FunctionDeclaration | E.FunctionExpression | E.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}

/** An expression without TypeScript's wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
export function unwrap(node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  while (current) {
    const type = current.type as string;
    if (
      type === 'TSAsExpression' ||
      type === 'TSNonNullExpression' ||
      type === 'TSTypeAssertion' ||
      type === 'TSSatisfiesExpression' ||
      type === 'ParenthesizedExpression'
    ) {
      current = (current as unknown as { expression: Node }).expression;
    } else if (type === 'ChainExpression') {
      current = (current as E.ChainExpression).expression;
    } else return current;
  }
  return current;
}

/** The name a member expression reads (`a.b` and `a['b']`), or undefined when computed. */
export function propertyName(member: E.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.property.type === 'Literal' && typeof member.property.value === 'string') return member.property.value;
  return undefined;
}

/** `a.b.c` as ['a', 'b', 'c'] when every step is a plain name, the root an identifier (or `this`). */
export function memberPath(node: Node | null | undefined): string[] | undefined {
  const parts: string[] = [];
  let current = unwrap(node);
  while (current && current.type === 'MemberExpression') {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    parts.unshift(name);
    current = unwrap(current.object);
  }
  if (current?.type === 'Identifier') {
    parts.unshift(current.name);
    return parts;
  }
  if (current?.type === 'ThisExpression') {
    parts.unshift('this');
    return parts;
  }
  return undefined;
}

/** The identifier at the root of `a.b.c` (or of `a[x].b`), if any. */
export function rootIdentifier(node: Node | null | undefined): E.Identifier | undefined {
  let current = unwrap(node);
  while (current && current.type === 'MemberExpression') current = unwrap(current.object);
  return current?.type === 'Identifier' ? current : undefined;
}

/** A string an expression always is: a literal, or a template without expressions. */
export function literalString(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

// ----------------------------------------------------------------------------------------------
// Scopes: what a name refers to.

export type BindingKind = 'param' | 'var' | 'let' | 'const' | 'function' | 'class' | 'import' | 'catch';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier that declares it. */
  id: E.Identifier;
  /** The scope node it belongs to (a Program, a function, a block, a for statement, a catch clause). */
  scope: Node;
  /** For variables: the declarator (its init, and the pattern the name sits in). */
  declarator?: E.VariableDeclarator;
  /** For functions and classes declared by name. */
  declaration?: Node;
  /** For imports: the module and what is imported ('default', '*', or a name). */
  imported?: { source: string; name: string };
}

const scopeCache = new WeakMap<Node, Map<string, Binding>>();

function isScope(node: Node): boolean {
  switch (node.type) {
    case 'Program':
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'BlockStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'CatchClause':
    case 'SwitchStatement':
    case 'StaticBlock':
      return true;
    default:
      return false;
  }
}

/** The names a pattern declares (`a`, `{ a, b: [c] }`, `...d`, `e = 1`). */
function patternNames(pattern: Node | null | undefined, into: E.Identifier[] = []): E.Identifier[] {
  const p = unwrap(pattern);
  if (!p) return into;
  switch (p.type) {
    case 'Identifier':
      into.push(p);
      break;
    case 'ObjectPattern':
      for (const property of p.properties) patternNames(property.type === 'RestElement' ? property.argument : property.value, into);
      break;
    case 'ArrayPattern':
      for (const element of p.elements) patternNames(element, into);
      break;
    case 'RestElement':
      patternNames(p.argument, into);
      break;
    case 'AssignmentPattern':
      patternNames(p.left, into);
      break;
    default:
      // TSParameterProperty and other TypeScript forms carry a `parameter`.
      patternNames((p as unknown as { parameter?: Node }).parameter, into);
  }
  return into;
}

function addVariables(declaration: E.VariableDeclaration, scope: Node, into: Map<string, Binding>): void {
  const kind = declaration.kind === 'var' ? 'var' : declaration.kind === 'const' ? 'const' : 'let';
  for (const declarator of declaration.declarations) {
    for (const id of patternNames(declarator.id)) into.set(id.name, { name: id.name, kind, id, scope, declarator });
  }
}

/** `var` declarations anywhere in a function body (not in nested functions). */
function addVars(body: Node, scope: Node, into: Map<string, Binding>): void {
  walk(body, (node) => {
    if (node !== body && isFunction(node)) return false;
    if (node.type === 'VariableDeclaration' && node.kind === 'var') addVariables(node, scope, into);
    return undefined;
  });
}

function addStatements(statements: Node[], scope: Node, into: Map<string, Binding>): void {
  for (const raw of statements) {
    let statement = raw;
    if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration) {
      statement = statement.declaration as Node;
    }
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') addVariables(statement, scope, into);
    else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      into.set(statement.id.name, {
        name: statement.id.name,
        kind: statement.type === 'FunctionDeclaration' ? 'function' : 'class',
        id: statement.id,
        scope,
        declaration: statement,
      });
    } else if ((statement.type as string) === 'TSEnumDeclaration') {
      const id = (statement as unknown as { id: E.Identifier }).id;
      into.set(id.name, { name: id.name, kind: 'const', id, scope, declaration: statement });
    } else if ((statement.type as string) === 'TSImportEqualsDeclaration') {
      // import df = require('durable-functions'): the module's exports, as require gives them.
      const node = statement as unknown as { id: E.Identifier; moduleReference: { type: string; expression?: Node } };
      const source = node.moduleReference.type === 'TSExternalModuleReference' ? literalString(node.moduleReference.expression) : undefined;
      if (source !== undefined) into.set(node.id.name, { name: node.id.name, kind: 'import', id: node.id, scope, imported: { source, name: 'default' } });
    } else if (statement.type === 'ImportDeclaration') {
      const source = String(statement.source.value);
      for (const specifier of statement.specifiers) {
        const name =
          specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : specifier.type === 'ImportNamespaceSpecifier'
              ? '*'
              : specifier.imported.type === 'Identifier'
                ? specifier.imported.name
                : String(specifier.imported.value);
        into.set(specifier.local.name, { name: specifier.local.name, kind: 'import', id: specifier.local, scope, imported: { source, name } });
      }
    }
  }
}

/** The names declared directly in a scope node. */
function declarationsOf(scope: Node): Map<string, Binding> {
  const cached = scopeCache.get(scope);
  if (cached) return cached;
  const into = new Map<string, Binding>();
  switch (scope.type) {
    case 'Program':
      addVars(scope, scope, into);
      addStatements(scope.body, scope, into);
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (scope.type === 'FunctionExpression' && scope.id)
        into.set(scope.id.name, { name: scope.id.name, kind: 'function', id: scope.id, scope, declaration: scope });
      for (const param of scope.params) for (const id of patternNames(param)) into.set(id.name, { name: id.name, kind: 'param', id, scope });
      if (scope.body.type === 'BlockStatement') {
        addVars(scope.body, scope, into);
        addStatements(scope.body.body, scope, into);
      }
      break;
    case 'BlockStatement':
    case 'StaticBlock':
      // A function's own body block shares the function's scope (declarationsOf(function) holds them).
      if (!isFunction(parentOf(scope))) addStatements(scope.body, scope, into);
      break;
    case 'SwitchStatement':
      for (const c of scope.cases) addStatements(c.consequent, scope, into);
      break;
    case 'ForStatement':
      if (scope.init?.type === 'VariableDeclaration' && scope.init.kind !== 'var') addVariables(scope.init, scope, into);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      if (scope.left.type === 'VariableDeclaration' && scope.left.kind !== 'var') addVariables(scope.left, scope, into);
      break;
    case 'CatchClause':
      for (const id of patternNames(scope.param)) into.set(id.name, { name: id.name, kind: 'catch', id, scope });
      break;
    default:
      break;
  }
  scopeCache.set(scope, into);
  return into;
}

/** What `name` refers to at `from`: the nearest enclosing declaration, or undefined for a global. */
export function resolveName(name: string, from: Node): Binding | undefined {
  for (let node: Node | undefined = from; node; node = parentOf(node)) {
    if (!isScope(node)) continue;
    const binding = declarationsOf(node).get(name);
    if (binding) return binding;
  }
  return undefined;
}

/** The binding of an identifier used as a value, or undefined for a global. */
export function resolve(id: E.Identifier): Binding | undefined {
  return resolveName(id.name, id);
}

/** The module a binding comes from: an import, or `const x = require('m')` / `const { a } = require('m')`. */
export function moduleOf(binding: Binding | undefined): { source: string; name: string } | undefined {
  if (!binding) return undefined;
  if (binding.imported) return binding.imported;
  const declarator = binding.declarator;
  if (!declarator) return undefined;
  let init = unwrap(declarator.init);
  // `require('m').x`
  let member: string | undefined;
  if (init?.type === 'MemberExpression') {
    member = propertyName(init);
    init = unwrap(init.object);
  }
  if (init?.type === 'AwaitExpression') init = unwrap(init.argument);
  const source =
    init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments.length === 1
      ? literalString(init.arguments[0])
      : init?.type === 'ImportExpression'
        ? literalString(init.source)
        : undefined;
  if (source === undefined) return undefined;
  if (member !== undefined) return { source, name: member };
  const id = unwrap(declarator.id);
  if (id?.type === 'Identifier') return { source, name: init?.type === 'ImportExpression' ? '*' : 'default' };
  if (id?.type === 'ObjectPattern') {
    for (const property of id.properties) {
      if (property.type !== 'Property') continue;
      const names = patternNames(property.value);
      if (names.some((n) => n === binding.id) && property.key.type === 'Identifier') return { source, name: property.key.name };
    }
  }
  return undefined;
}

/** The nearest function that contains `node` (not `node` itself). */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) if (isFunction(current)) return current;
  return undefined;
}

/** 1-based line and 0-based column of a node's start and end. */
export function locationOf(node: Node): { line: number; column: number; endLine: number; endColumn: number } {
  const loc = node.loc!;
  return { line: loc.start.line, column: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column };
}

export function rangeOf(node: Node): [number, number] {
  if (node.range) return node.range;
  const n = node as unknown as { start: number; end: number };
  return [n.start, n.end];
}
