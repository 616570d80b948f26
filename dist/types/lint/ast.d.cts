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
export declare function parentOf(node: Node): Node | undefined;
/** The child nodes of `node`, in source order. Types (TypeScript annotations) are children too: no rule looks inside them. */
export declare function childrenOf(node: Node): Node[];
/** Links every node under `root` to its parent (ESLint does it itself; babel does not). */
export declare function setParents(root: Node): void;
/** Every node under `root` (root included), depth first; `enter` returning false skips a node's children. */
export declare function walk(root: Node, enter: (node: Node) => boolean | void): void;
export type FunctionNode = E.FunctionDeclaration | E.FunctionExpression | E.ArrowFunctionExpression;
export declare function isFunction(node: Node | null | undefined): node is FunctionNode;
/** An expression without TypeScript's wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
export declare function unwrap(node: Node | null | undefined): Node | undefined;
/** The name a member expression reads (`a.b` and `a['b']`), or undefined when computed. */
export declare function propertyName(member: E.MemberExpression): string | undefined;
/** `a.b.c` as ['a', 'b', 'c'] when every step is a plain name, the root an identifier (or `this`). */
export declare function memberPath(node: Node | null | undefined): string[] | undefined;
/** The identifier at the root of `a.b.c` (or of `a[x].b`), if any. */
export declare function rootIdentifier(node: Node | null | undefined): E.Identifier | undefined;
/** A string an expression always is: a literal, or a template without expressions. */
export declare function literalString(node: Node | null | undefined): string | undefined;
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
    imported?: {
        source: string;
        name: string;
    };
}
/** What `name` refers to at `from`: the nearest enclosing declaration, or undefined for a global. */
export declare function resolveName(name: string, from: Node): Binding | undefined;
/** The binding of an identifier used as a value, or undefined for a global. */
export declare function resolve(id: E.Identifier): Binding | undefined;
/** The module a binding comes from: an import, or `const x = require('m')` / `const { a } = require('m')`. */
export declare function moduleOf(binding: Binding | undefined): {
    source: string;
    name: string;
} | undefined;
/** The nearest function that contains `node` (not `node` itself). */
export declare function enclosingFunction(node: Node): FunctionNode | undefined;
/** 1-based line and 0-based column of a node's start and end. */
export declare function locationOf(node: Node): {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
};
export declare function rangeOf(node: Node): [number, number];
