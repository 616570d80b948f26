export const id = 572;
export const ids = [572];
export const modules = {

/***/ 4572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintCommand: () => (/* binding */ lintCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./harness/lint/ast.ts
/** The parent of a node (set by parse(), or by ESLint, or by setParents()). */
function parentOf(node) {
    return node.parent;
}
const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'start', 'end', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens', 'extra']);
function isNode(value) {
    return typeof value === 'object' && value !== null && typeof value.type === 'string';
}
/** The child nodes of `node`, in source order. Types (TypeScript annotations) are children too: no rule looks inside them. */
function childrenOf(node) {
    const children = [];
    for (const key in node) {
        if (SKIP_KEYS.has(key))
            continue;
        // typescript-eslint 8 keeps an enum's members under body, and warns when the old key is read.
        if (key === 'members' && node.type === 'TSEnumDeclaration' && 'body' in node)
            continue;
        const value = node[key];
        if (Array.isArray(value)) {
            for (const item of value)
                if (isNode(item))
                    children.push(item);
        }
        else if (isNode(value))
            children.push(value);
    }
    return children;
}
/** Links every node under `root` to its parent (ESLint does it itself; babel does not). */
function setParents(root) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        for (const child of childrenOf(node)) {
            child.parent = node;
            stack.push(child);
        }
    }
}
/** Every node under `root` (root included), depth first; `enter` returning false skips a node's children. */
function walk(root, enter) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if (enter(node) === false)
            continue;
        const children = childrenOf(node);
        for (let i = children.length - 1; i >= 0; i--)
            stack.push(children[i]);
    }
}
function isFunction(node) {
    return !!node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}
/** An expression without TypeScript's wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
function unwrap(node) {
    let current = node ?? undefined;
    while (current) {
        const type = current.type;
        if (type === 'TSAsExpression' ||
            type === 'TSNonNullExpression' ||
            type === 'TSTypeAssertion' ||
            type === 'TSSatisfiesExpression' ||
            type === 'ParenthesizedExpression') {
            current = current.expression;
        }
        else if (type === 'ChainExpression') {
            current = current.expression;
        }
        else
            return current;
    }
    return current;
}
/** The name a member expression reads (`a.b` and `a['b']`), or undefined when computed. */
function propertyName(member) {
    if (!member.computed && member.property.type === 'Identifier')
        return member.property.name;
    if (member.property.type === 'Literal' && typeof member.property.value === 'string')
        return member.property.value;
    return undefined;
}
/** `a.b.c` as ['a', 'b', 'c'] when every step is a plain name, the root an identifier (or `this`). */
function memberPath(node) {
    const parts = [];
    let current = unwrap(node);
    while (current && current.type === 'MemberExpression') {
        const name = propertyName(current);
        if (name === undefined)
            return undefined;
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
function rootIdentifier(node) {
    let current = unwrap(node);
    while (current && current.type === 'MemberExpression')
        current = unwrap(current.object);
    return current?.type === 'Identifier' ? current : undefined;
}
/** A string an expression always is: a literal, or a template without expressions. */
function literalString(node) {
    const n = unwrap(node);
    if (n?.type === 'Literal' && typeof n.value === 'string')
        return n.value;
    if (n?.type === 'TemplateLiteral' && n.expressions.length === 0)
        return n.quasis[0]?.value.cooked ?? undefined;
    return undefined;
}
const scopeCache = new WeakMap();
function isScope(node) {
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
function patternNames(pattern, into = []) {
    const p = unwrap(pattern);
    if (!p)
        return into;
    switch (p.type) {
        case 'Identifier':
            into.push(p);
            break;
        case 'ObjectPattern':
            for (const property of p.properties)
                patternNames(property.type === 'RestElement' ? property.argument : property.value, into);
            break;
        case 'ArrayPattern':
            for (const element of p.elements)
                patternNames(element, into);
            break;
        case 'RestElement':
            patternNames(p.argument, into);
            break;
        case 'AssignmentPattern':
            patternNames(p.left, into);
            break;
        default:
            // TSParameterProperty and other TypeScript forms carry a `parameter`.
            patternNames(p.parameter, into);
    }
    return into;
}
function addVariables(declaration, scope, into) {
    const kind = declaration.kind === 'var' ? 'var' : declaration.kind === 'const' ? 'const' : 'let';
    for (const declarator of declaration.declarations) {
        for (const id of patternNames(declarator.id))
            into.set(id.name, { name: id.name, kind, id, scope, declarator });
    }
}
/** `var` declarations anywhere in a function body (not in nested functions). */
function addVars(body, scope, into) {
    walk(body, (node) => {
        if (node !== body && isFunction(node))
            return false;
        if (node.type === 'VariableDeclaration' && node.kind === 'var')
            addVariables(node, scope, into);
        return undefined;
    });
}
function addStatements(statements, scope, into) {
    for (const raw of statements) {
        let statement = raw;
        if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration) {
            statement = statement.declaration;
        }
        if (statement.type === 'VariableDeclaration' && statement.kind !== 'var')
            addVariables(statement, scope, into);
        else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
            into.set(statement.id.name, {
                name: statement.id.name,
                kind: statement.type === 'FunctionDeclaration' ? 'function' : 'class',
                id: statement.id,
                scope,
                declaration: statement,
            });
        }
        else if (statement.type === 'TSEnumDeclaration') {
            const id = statement.id;
            into.set(id.name, { name: id.name, kind: 'const', id, scope, declaration: statement });
        }
        else if (statement.type === 'TSImportEqualsDeclaration') {
            // import df = require('durable-functions'): the module's exports, as require gives them.
            const node = statement;
            const source = node.moduleReference.type === 'TSExternalModuleReference' ? literalString(node.moduleReference.expression) : undefined;
            if (source !== undefined)
                into.set(node.id.name, { name: node.id.name, kind: 'import', id: node.id, scope, imported: { source, name: 'default' } });
        }
        else if (statement.type === 'ImportDeclaration') {
            const source = String(statement.source.value);
            for (const specifier of statement.specifiers) {
                const name = specifier.type === 'ImportDefaultSpecifier'
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
function declarationsOf(scope) {
    const cached = scopeCache.get(scope);
    if (cached)
        return cached;
    const into = new Map();
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
            for (const param of scope.params)
                for (const id of patternNames(param))
                    into.set(id.name, { name: id.name, kind: 'param', id, scope });
            if (scope.body.type === 'BlockStatement') {
                addVars(scope.body, scope, into);
                addStatements(scope.body.body, scope, into);
            }
            break;
        case 'BlockStatement':
        case 'StaticBlock':
            // A function's own body block shares the function's scope (declarationsOf(function) holds them).
            if (!isFunction(parentOf(scope)))
                addStatements(scope.body, scope, into);
            break;
        case 'SwitchStatement':
            for (const c of scope.cases)
                addStatements(c.consequent, scope, into);
            break;
        case 'ForStatement':
            if (scope.init?.type === 'VariableDeclaration' && scope.init.kind !== 'var')
                addVariables(scope.init, scope, into);
            break;
        case 'ForInStatement':
        case 'ForOfStatement':
            if (scope.left.type === 'VariableDeclaration' && scope.left.kind !== 'var')
                addVariables(scope.left, scope, into);
            break;
        case 'CatchClause':
            for (const id of patternNames(scope.param))
                into.set(id.name, { name: id.name, kind: 'catch', id, scope });
            break;
        default:
            break;
    }
    scopeCache.set(scope, into);
    return into;
}
/** What `name` refers to at `from`: the nearest enclosing declaration, or undefined for a global. */
function resolveName(name, from) {
    for (let node = from; node; node = parentOf(node)) {
        if (!isScope(node))
            continue;
        const binding = declarationsOf(node).get(name);
        if (binding)
            return binding;
    }
    return undefined;
}
/** The binding of an identifier used as a value, or undefined for a global. */
function resolve(id) {
    return resolveName(id.name, id);
}
/** The module a binding comes from: an import, or `const x = require('m')` / `const { a } = require('m')`. */
function moduleOf(binding) {
    if (!binding)
        return undefined;
    if (binding.imported)
        return binding.imported;
    const declarator = binding.declarator;
    if (!declarator)
        return undefined;
    let init = unwrap(declarator.init);
    // `require('m').x`
    let member;
    if (init?.type === 'MemberExpression') {
        member = propertyName(init);
        init = unwrap(init.object);
    }
    if (init?.type === 'AwaitExpression')
        init = unwrap(init.argument);
    const source = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments.length === 1
        ? literalString(init.arguments[0])
        : init?.type === 'ImportExpression'
            ? literalString(init.source)
            : undefined;
    if (source === undefined)
        return undefined;
    if (member !== undefined)
        return { source, name: member };
    const id = unwrap(declarator.id);
    if (id?.type === 'Identifier')
        return { source, name: init?.type === 'ImportExpression' ? '*' : 'default' };
    if (id?.type === 'ObjectPattern') {
        for (const property of id.properties) {
            if (property.type !== 'Property')
                continue;
            const names = patternNames(property.value);
            if (names.some((n) => n === binding.id) && property.key.type === 'Identifier')
                return { source, name: property.key.name };
        }
    }
    return undefined;
}
/** The nearest function that contains `node` (not `node` itself). */
function enclosingFunction(node) {
    for (let current = parentOf(node); current; current = parentOf(current))
        if (isFunction(current))
            return current;
    return undefined;
}
/** 1-based line and 0-based column of a node's start and end. */
function locationOf(node) {
    const loc = node.loc;
    return { line: loc.start.line, column: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column };
}
function rangeOf(node) {
    if (node.range)
        return node.range;
    const n = node;
    return [n.start, n.end];
}

;// CONCATENATED MODULE: ./harness/lint/rules.ts
const RULES = {
    'no-wall-clock': { severity: 'error', summary: 'Reads the wall clock (Date.now(), new Date(), performance.now(), process.hrtime) in orchestrator code.' },
    'no-random': { severity: 'error', summary: 'Random numbers or ids (Math.random, crypto.randomUUID, uuid, nanoid) in orchestrator code.' },
    'no-nondurable-wait': { severity: 'error', summary: 'Waits with setTimeout, setInterval, setImmediate or a sleep helper instead of a durable timer.' },
    'no-await': { severity: 'error', summary: 'await, or an async function, in orchestrator code: the SDK drives generators with yield.' },
    'yield-durable-tasks': { severity: 'error', summary: 'yield of something that is not a durable Task (a Promise, a value, an array).' },
    'no-promises': { severity: 'error', summary: 'Promise.all/race/any/allSettled, new Promise or .then in orchestrator code.' },
    'no-io': { severity: 'error', summary: 'I/O (fetch, HTTP clients, Azure SDKs, databases, fs, child_process, net, dns) in orchestrator code.' },
    'no-env': { severity: 'warning', summary: 'Reads the environment (process.env, process.argv, os) in orchestrator code.' },
    'no-module-state': { severity: 'warning', summary: 'Writes module-level state from orchestrator code.' },
    'guard-replay-logging': { severity: 'note', summary: 'Logs without an isReplaying guard: the line is written again at every replay.' },
    'unbounded-loop': { severity: 'warning', summary: 'Loops forever with durable calls and never calls continueAsNew.' },
    'registered-names': { severity: 'error', summary: 'Calls an activity, sub-orchestration or entity by a name the app does not register.' },
    'computed-names': { severity: 'note', summary: 'Calls a function by a name computed at run time, which the lint cannot check.' },
};
const RULE_IDS = Object.keys(RULES);
/** Where a rule is documented (in the repository and the package). */
function ruleDocs(rule) {
    return `docs/lint.md#${rule}`;
}

// EXTERNAL MODULE: ./harness/nearest.ts
var harness_nearest = __webpack_require__(447);
;// CONCATENATED MODULE: ./harness/lint/analyze.ts




const DURABLE_MODULE = 'durable-functions';
class Analyzer {
    program;
    findings = new Map();
    registrations = [];
    /** Some registration's name could not be worked out: unknown names are not reported. */
    registrationsComplete = true;
    raisedEvents = new Set();
    eventsComplete = true;
    orchestrators = [];
    /** Orchestrations registered with a handler the lint cannot follow to its code (not checked). */
    unfollowed = [];
    fileOfNode = new WeakMap();
    loadTimeReads = new Map();
    exports = new Map();
    constructor(program) {
        this.program = program;
        for (const file of program.files.values())
            this.fileOfNode.set(file.program, file);
        if (program.partial)
            this.registrationsComplete = false;
    }
    run() {
        for (const entry of this.program.functionJson ?? []) {
            this.registrations.push({ kind: entry.kind, name: entry.name, file: (0,external_node_path_.join)(entry.dir, 'function.json'), line: 1 });
        }
        for (const file of this.program.files.values())
            this.collect(file);
        for (const orchestrator of this.orchestrators) {
            const context = firstParamName(orchestrator.fn);
            const root = {
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
                this.report(root, 'no-await', orchestrator.fn, `the orchestrator ${orchestrator.name} is an async function: the SDK drives a generator function (function*) with yield, and the awaited work is not recorded or replayed. Write it as function* and yield durable tasks (yield context.df.callActivity(...)).`);
            }
            this.visitFunction(orchestrator.fn, this.fileOf(orchestrator.fn), root);
            // Loops for ever: judged once every function the orchestrator reaches is walked (continueAsNew may be in a helper).
            if (!root.reach.continuesAsNew)
                for (const { loop, visit } of root.reach.loops)
                    this.reportLoop(loop, visit);
        }
        const findings = [...this.findings.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
        return { orchestrators: this.orchestrators, registrations: this.registrations, findings, unfollowed: this.unfollowed };
    }
    // --------------------------------------------------------------------------------------------
    // Registrations and orchestrators
    fileOf(node) {
        let top = node;
        for (let p = parentOf(top); p; p = parentOf(p))
            top = p;
        const file = this.fileOfNode.get(top);
        if (!file)
            throw new Error('a node outside the program');
        return file;
    }
    collect(file) {
        walk(file.program, (node) => {
            if (node.type !== 'CallExpression')
                return undefined;
            const callee = unwrap(node.callee);
            if (callee?.type === 'MemberExpression') {
                const method = propertyName(callee);
                if ((method === 'orchestration' || method === 'activity' || method === 'entity') && this.isDurableApp(callee.object)) {
                    this.register(file, node, method);
                }
                else if (method === 'generic') {
                    // app.generic('Name', { trigger: df.trigger.activity(), handler }) from @azure/functions.
                    const options = unwrap(node.arguments[1]);
                    const trigger = options?.type === 'ObjectExpression'
                        ? options.properties.find((p) => p.type === 'Property' && keyName(p) === 'trigger')
                        : undefined;
                    const call = unwrap(trigger?.value);
                    const kind = call?.type === 'CallExpression' ? this.durableTrigger(call.callee) : undefined;
                    if (kind)
                        this.register(file, node, kind);
                }
                else if (method === 'raiseEvent') {
                    const event = node.arguments[1];
                    const name = event ? this.stringValue(event, file) : undefined;
                    if (name === undefined)
                        this.eventsComplete = false;
                    else
                        this.raisedEvents.add(name.toLowerCase());
                }
            }
            const target = this.durableExport(node.callee);
            if (target === 'orchestrator' || target === 'entity') {
                const fn = this.functionValue(node.arguments[0], file);
                if (target === 'orchestrator' && fn) {
                    const entry = this.program.functionJson?.find((f) => f.kind === 'orchestration' && file.path.startsWith(f.dir + '/'));
                    const name = entry?.name ?? (0,external_node_path_.basename)((0,external_node_path_.dirname)(file.path));
                    this.orchestrators.push({ name, file: file.path, line: locationOf(fn.node).line, fn: fn.node });
                }
            }
            return undefined;
        });
    }
    /** `df.trigger.activity` (or `trigger` imported from durable-functions): the kind of function it triggers. */
    durableTrigger(callee) {
        const c = unwrap(callee);
        if (c?.type !== 'MemberExpression')
            return undefined;
        const kind = propertyName(c);
        if (kind !== 'orchestration' && kind !== 'activity' && kind !== 'entity')
            return undefined;
        const object = unwrap(c.object);
        if (object?.type === 'Identifier') {
            const mod = moduleOf(resolve(object));
            return mod?.source === DURABLE_MODULE && mod.name === 'trigger' ? kind : undefined;
        }
        return this.durableExport(object) === 'trigger' ? kind : undefined;
    }
    /** `df.app`, or `app` imported from durable-functions. */
    isDurableApp(node) {
        const n = unwrap(node);
        if (n?.type === 'Identifier') {
            const mod = moduleOf(resolve(n));
            return mod?.source === DURABLE_MODULE && mod.name === 'app';
        }
        if (n?.type === 'MemberExpression' && propertyName(n) === 'app') {
            const root = unwrap(n.object);
            if (root?.type !== 'Identifier')
                return false;
            const mod = moduleOf(resolve(root));
            return mod?.source === DURABLE_MODULE && (mod.name === '*' || mod.name === 'default');
        }
        return false;
    }
    /** `df.orchestrator` / `df.entity` (or the named imports): which one a callee is. */
    durableExport(callee) {
        const c = unwrap(callee);
        if (c?.type === 'Identifier') {
            const mod = moduleOf(resolve(c));
            return mod?.source === DURABLE_MODULE && mod.name !== '*' && mod.name !== 'default' ? mod.name : undefined;
        }
        if (c?.type === 'MemberExpression') {
            const root = unwrap(c.object);
            if (root?.type !== 'Identifier')
                return undefined;
            const mod = moduleOf(resolve(root));
            return mod?.source === DURABLE_MODULE && (mod.name === '*' || mod.name === 'default') ? propertyName(c) : undefined;
        }
        return undefined;
    }
    register(file, call, method) {
        const nameArg = call.arguments[0];
        const name = nameArg ? this.stringValue(nameArg, file) : undefined;
        const line = locationOf(call).line;
        if (name === undefined) {
            this.registrationsComplete = false;
            return;
        }
        this.registrations.push({ kind: method, name, file: file.path, line });
        if (method !== 'orchestration')
            return;
        let handler = unwrap(call.arguments[1]);
        if (handler?.type === 'ObjectExpression') {
            const property = handler.properties.find((p) => p.type === 'Property' && keyName(p) === 'handler');
            handler = unwrap(property?.value);
        }
        const fn = this.functionValue(handler, file) ?? this.madeBy(handler, file);
        if (fn)
            this.orchestrators.push({ name, file: fn.file.path, line: locationOf(fn.node).line, fn: fn.node });
        else
            this.unfollowed.push({ name, file: file.path, line });
    }
    /** A handler a factory makes (`makeOrchestrator('x')`): the function the factory returns, when it returns one it defines. */
    madeBy(handler, file) {
        if (handler?.type !== 'CallExpression')
            return undefined;
        const factory = this.functionValue(handler.callee, file);
        if (!factory)
            return undefined;
        const fn = factory.node;
        if (fn.body.type !== 'BlockStatement')
            return isFunction(unwrap(fn.body)) ? { node: unwrap(fn.body), file: factory.file } : undefined;
        for (const statement of fn.body.body) {
            if (statement.type !== 'ReturnStatement')
                continue;
            const returned = this.functionValue(statement.argument, factory.file);
            if (returned)
                return returned;
        }
        return undefined;
    }
    // --------------------------------------------------------------------------------------------
    // Following names to their definitions, across files
    /** The definition `node` (an identifier or `ns.name`) refers to, following imports of the program's own files. */
    definition(node, file, depth = 0) {
        const n = unwrap(node);
        if (!n || depth > 20)
            return undefined;
        if (n.type === 'Identifier') {
            const binding = resolve(n);
            if (!binding)
                return undefined;
            return this.bindingTarget(binding, file, depth);
        }
        if (n.type === 'MemberExpression') {
            const name = propertyName(n);
            if (name === undefined)
                return undefined;
            const object = this.definition(n.object, file, depth + 1);
            if (!object)
                return undefined;
            if ('module' in object)
                return { ...object, rest: [...object.rest, name] };
            return this.memberOf(object, name, depth);
        }
        return { node: n, file };
    }
    bindingTarget(binding, file, depth) {
        const mod = moduleOf(binding);
        if (mod) {
            const target = this.moduleFile(mod.source, file.path);
            if (!target)
                return { module: normaliseModule(mod.source), name: mod.name, rest: [] };
            if (mod.name === '*')
                return { node: target.program, file: target };
            // const h = require('./helpers') where helpers only sets exports.x: the module's exports as a whole.
            return this.exported(target, mod.name, depth + 1) ?? (mod.name === 'default' ? { node: target.program, file: target } : undefined);
        }
        if (binding.declaration)
            return { node: binding.declaration, file };
        if (binding.declarator?.init && binding.declarator.id.type === 'Identifier') {
            return this.definition(binding.declarator.init, file, depth + 1) ?? { node: binding.declarator.init, file };
        }
        return undefined;
    }
    /** `object.name` where object is a module (its export), an object literal or an enum. */
    memberOf(object, name, depth) {
        let n = unwrap(object.node);
        // Object.freeze({ ... }): JavaScript's usual enum.
        if (n?.type === 'CallExpression' && memberPath(n.callee)?.join('.') === 'Object.freeze' && !resolveName('Object', n))
            n = unwrap(n.arguments[0]);
        if (n?.type === 'Program')
            return this.exported(object.file, name, depth + 1);
        if (n?.type === 'ObjectExpression') {
            const property = n.properties.find((p) => p.type === 'Property' && keyName(p) === name);
            if (!property)
                return undefined;
            if (property.shorthand)
                return this.definition(property.value, object.file, depth + 1);
            return this.definition(property.value, object.file, depth + 1) ?? { node: property.value, file: object.file };
        }
        // An instance's method: const pricing = new Pricing(); pricing.quote().
        let instance = false;
        if (n?.type === 'NewExpression') {
            const made = this.definition(n.callee, object.file, depth + 1);
            if (!made || 'module' in made)
                return undefined;
            n = unwrap(made.node);
            object = made;
            instance = true;
        }
        if (n?.type === 'ClassDeclaration' || n?.type === 'ClassExpression') {
            // A static method (Orchestrators.approval), or an instance's.
            const method = n.body.body.find((m) => m.type === 'MethodDefinition' && m.kind === 'method' && m.static !== instance && !m.computed && m.key.type === 'Identifier' && m.key.name === name);
            return method ? { node: method.value, file: object.file } : undefined;
        }
        if (n?.type === 'TSEnumDeclaration') {
            const enumNode = n;
            const members = enumNode.body?.members ?? enumNode.members ?? [];
            const member = members.find((m) => (m.id.type === 'Identifier' ? m.id.name : literalString(m.id)) === name);
            return member?.initializer ? { node: member.initializer, file: object.file } : undefined;
        }
        return undefined;
    }
    /** What a file exports under `name` ('default' for the default export), ES modules and CommonJS alike. */
    exported(file, name, depth) {
        if (depth > 20)
            return undefined;
        // Remembered per file and name: re-exports that form a cycle (a exports * from b, b from a) end here.
        const key = `${file.path}\u0000${name}`;
        if (this.exports.has(key))
            return this.exports.get(key) ?? undefined;
        this.exports.set(key, null);
        const found = this.findExport(file, name, depth);
        this.exports.set(key, found ?? null);
        return found;
    }
    findExport(file, name, depth) {
        for (const statement of file.program.body) {
            if (statement.type === 'ExportNamedDeclaration') {
                const declaration = statement.declaration;
                if (declaration) {
                    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id?.name === name)
                        return { node: declaration, file };
                    if (declaration.type === 'TSEnumDeclaration' && declaration.id.name === name)
                        return { node: declaration, file };
                    if (declaration.type === 'VariableDeclaration') {
                        for (const d of declaration.declarations) {
                            if (d.id.type === 'Identifier' && d.id.name === name && d.init)
                                return this.definition(d.init, file, depth + 1) ?? { node: d.init, file };
                        }
                    }
                }
                for (const specifier of statement.specifiers) {
                    const exportedName = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
                    if (exportedName !== name)
                        continue;
                    const localName = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
                    if (statement.source) {
                        const target = this.moduleFile(String(statement.source.value), file.path);
                        return target ? this.exported(target, localName, depth + 1) : undefined;
                    }
                    const binding = resolveName(localName, file.program);
                    return binding ? this.bindingTarget(binding, file, depth + 1) : undefined;
                }
            }
            else if (statement.type === 'TSExportAssignment') {
                // export = value: the module's exports as a whole.
                const value = statement.expression;
                const whole = this.definition(value, file, depth + 1) ?? { node: value, file };
                if (name === 'default')
                    return whole;
                if (!('module' in whole)) {
                    const member = this.memberOf(whole, name, depth + 1);
                    if (member)
                        return member;
                }
            }
            else if (statement.type === 'ExportDefaultDeclaration' && name === 'default') {
                const declaration = statement.declaration;
                return this.definition(declaration, file, depth + 1) ?? { node: declaration, file };
            }
            else if (statement.type === 'ExportAllDeclaration' && !statement.exported) {
                const target = this.moduleFile(String(statement.source.value), file.path);
                const found = target ? this.exported(target, name, depth + 1) : undefined;
                if (found)
                    return found;
            }
            else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
                const path = memberPath(statement.expression.left);
                const right = statement.expression.right;
                if (!path)
                    continue;
                const isModuleExports = path[0] === 'module' && path[1] === 'exports';
                const rest = isModuleExports ? path.slice(2) : path[0] === 'exports' ? path.slice(1) : undefined;
                if (!rest)
                    continue;
                if (rest.length === 1 && rest[0] === name)
                    return this.definition(right, file, depth + 1) ?? { node: right, file };
                if (rest.length === 0) {
                    if (name === 'default')
                        return this.definition(right, file, depth + 1) ?? { node: right, file };
                    const object = this.definition(right, file, depth + 1) ?? { node: right, file };
                    if (!('module' in object)) {
                        const member = this.memberOf(object, name, depth + 1);
                        if (member)
                            return member;
                    }
                }
            }
        }
        return undefined;
    }
    /** The program's file a relative import names (TypeScript's `./x.js` for x.ts included). */
    moduleFile(source, from) {
        if (!source.startsWith('.'))
            return undefined;
        const base = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(from), source);
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
            if (file)
                return file;
        }
        return undefined;
    }
    /** The function an expression is (inline, or by name through files). */
    functionValue(node, file) {
        const n = unwrap(node);
        if (!n)
            return undefined;
        if (isFunction(n))
            return { node: n, file };
        const target = this.definition(n, file);
        if (target && !('module' in target) && isFunction(unwrap(target.node)))
            return { node: unwrap(target.node), file: target.file };
        return undefined;
    }
    /** The string an expression always is, following constants, object literals and enums across files. */
    stringValue(node, file, depth = 0) {
        if (depth > 20)
            return undefined;
        const n = unwrap(node);
        if (!n)
            return undefined;
        const literal = literalString(n);
        if (literal !== undefined)
            return literal;
        if (n.type === 'TemplateLiteral') {
            let text = n.quasis[0]?.value.cooked ?? '';
            for (let i = 0; i < n.expressions.length; i++) {
                const part = this.stringValue(n.expressions[i], file, depth + 1);
                if (part === undefined)
                    return undefined;
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
            if (!binding || (binding.kind !== 'const' && binding.kind !== 'import'))
                return undefined;
        }
        if (n.type === 'Identifier' || n.type === 'MemberExpression') {
            const target = this.definition(n, file, depth + 1);
            if (!target || 'module' in target || target.node === n)
                return undefined;
            return this.stringValue(target.node, target.file, depth + 1);
        }
        return undefined;
    }
    // --------------------------------------------------------------------------------------------
    // Walking orchestrator code
    visitFunction(fn, file, visit) {
        walk(fn, (node) => {
            if (node.type === 'VariableDeclarator')
                this.trackContextAliases(node, visit);
            this.check(node, file, visit);
            return undefined;
        });
    }
    /** `const df = context.df`, `const { df } = context`: more names for the context. */
    trackContextAliases(declarator, visit) {
        const init = unwrap(declarator.init);
        const id = unwrap(declarator.id);
        if (!init || !id)
            return;
        if (id.type === 'Identifier' && init.type === 'MemberExpression' && propertyName(init) === 'df' && this.isContext(init.object, visit)) {
            visit.dfNames.add(id.name);
        }
        else if (id.type === 'ObjectPattern' && this.isContext(init, visit)) {
            for (const property of id.properties) {
                if (property.type === 'Property' && keyName(property) === 'df' && property.value.type === 'Identifier')
                    visit.dfNames.add(property.value.name);
            }
        }
        else if (id.type === 'Identifier' && init.type === 'Identifier' && visit.contextNames.has(init.name)) {
            visit.contextNames.add(id.name);
        }
    }
    isContext(node, visit) {
        const n = unwrap(node);
        return n?.type === 'Identifier' && visit.contextNames.has(n.name);
    }
    /** `context.df` (or an alias of it). */
    isDf(node, visit) {
        const n = unwrap(node);
        if (n?.type === 'Identifier')
            return visit.dfNames.has(n.name);
        return n?.type === 'MemberExpression' && propertyName(n) === 'df' && this.isContext(n.object, visit);
    }
    /** The durable API a call makes (`callActivity`, `createTimer`, `Task.all`, ...), if it is one. */
    durableCall(node, visit) {
        if (node.type !== 'CallExpression')
            return undefined;
        const callee = unwrap(node.callee);
        if (callee?.type !== 'MemberExpression')
            return undefined;
        const method = propertyName(callee);
        if (method === undefined)
            return undefined;
        if (this.isDf(callee.object, visit))
            return method;
        const object = unwrap(callee.object);
        if (object?.type === 'MemberExpression' && propertyName(object) === 'Task' && this.isDf(object.object, visit))
            return `Task.${method}`;
        return undefined;
    }
    check(node, file, visit) {
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
                this.report(visit, 'no-await', node, 'await in orchestrator code: the SDK drives orchestrators with yield and records only durable tasks, so what is awaited runs again (and may answer differently) at every replay, and the orchestrator does not wait for it the durable way. Yield a durable task instead (yield context.df.callActivity(...)), and move the awaited work into an activity.');
                break;
            case 'ForOfStatement':
                if (node.await)
                    this.report(visit, 'no-await', node, 'for await in orchestrator code: awaited values are not recorded or replayed. Fetch them in an activity and loop over its result.');
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
                if (node.operator === 'delete')
                    this.checkWrite(node.argument, node, visit);
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
    classify(callee, file, depth = 0) {
        if (depth > 10)
            return {};
        const path = memberPath(callee);
        const root = rootIdentifier(callee);
        if (!root)
            return requiredModule(callee);
        const binding = resolve(root);
        if (!binding)
            return path ? { global: path[0] === 'globalThis' || path[0] === 'window' ? path.slice(1) : path } : {};
        const target = this.definition(callee, file);
        if (target && 'module' in target)
            return { module: { source: target.module, name: target.name, rest: target.rest } };
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
                if (inner.module)
                    return { module: { ...inner.module, rest: [...inner.module.rest, '()'] } };
            }
        }
        return {};
    }
    checkCall(call, file, visit) {
        const callee = unwrap(call.callee);
        if (!callee)
            return;
        const isNew = call.type === 'NewExpression';
        const args = call.arguments.length;
        const durable = this.durableCall(call, visit);
        if (durable) {
            if (durable === 'continueAsNew')
                visit.reach.continuesAsNew = true;
            this.checkNames(call, durable, file, visit);
            return;
        }
        // A function passed by name (items.map(withId)): it runs as orchestrator code.
        if (!isNew)
            for (const argument of call.arguments)
                this.followArgument(argument, file, visit);
        // An inner call's callee, e.g. customAlphabet(...)() or promisify(setTimeout)(...).
        const kind = this.classify(callee.type === 'CallExpression' ? callee.callee : callee, file);
        const g = kind.global?.join('.');
        const m = kind.module;
        const mPath = m ? [m.name, ...m.rest].filter((p) => p !== '*' && p !== 'default' && p !== '()').join('.') : undefined;
        // The function a package's factory made: customAlphabet(...)(), or gen() after gen = customAlphabet(...).
        const calledTwice = callee.type === 'CallExpression' || m?.rest.at(-1) === '()';
        // The wall clock.
        const clock = (g === 'Date.now' && !isNew) ||
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
        const random = g === 'Math.random' ||
            g === 'crypto.randomUUID' ||
            g === 'crypto.getRandomValues' ||
            (m?.source === 'crypto' && RANDOM_CRYPTO.has((mPath ?? '').replace(/^webcrypto\./, ''))) ||
            (m?.source === 'uuid' && /^(v1|v4|v6|v7)$/.test(mPath ?? '')) ||
            (m !== undefined && RANDOM_PACKAGES.has(m.source) && (calledTwice || RANDOM_PACKAGES.get(m.source).includes(mPath ?? '')));
        if (random) {
            const shown = `${sourceText(callee, file)}()`;
            const isId = g === 'crypto.randomUUID' || (m?.source === 'crypto' && mPath === 'randomUUID') || (m !== undefined && ID_PACKAGES.has(m.source));
            const ctx = this.contextFor(call, visit);
            this.report(visit, 'no-random', call, isId
                ? `${shown} makes a new id at every replay: anything built from it (an instance id, an input, a decision) differs from what the history recorded. Use context.df.newGuid(context.df.instanceId), which gives the same id at every replay.`
                : `${shown} gives another value at every replay, so what the orchestrator decides from it can differ from what the history recorded. Pass random values in as input, or get them from an activity (its result is recorded).`, 
            // Only where a GUID is what the code made before (a uuid): another id format may be checked elsewhere.
            isId && ctx && !isNew && (g === 'crypto.randomUUID' || m?.source === 'crypto' || m?.source === 'uuid' || m?.source === 'uuidv4')
                ? { range: rangeOf(call), text: `${ctx}.df.newGuid(${ctx}.df.instanceId)` }
                : undefined);
            return;
        }
        // Waiting without a durable timer.
        const wait = (g !== undefined && /^(setTimeout|setInterval|setImmediate)$/.test(g)) ||
            (m?.source === 'timers' && /^(setTimeout|setInterval|setImmediate)$/.test(mPath ?? '')) ||
            (m?.source === 'timers/promises' && /^(setTimeout|setInterval|setImmediate|scheduler\.wait)$/.test(mPath ?? '')) ||
            (m !== undefined && SLEEP_PACKAGES.has(m.source));
        if (wait) {
            this.report(visit, 'no-nondurable-wait', call, `${sourceText(callee, file)}(...) waits in memory: the orchestrator's process is not kept while it waits, the wait is not recorded, and on replay it waits again or not at all. Use a durable timer: yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + ms)).`);
            return;
        }
        // I/O.
        const io = (g !== undefined && /^(fetch|XMLHttpRequest|WebSocket|EventSource)$/.test(g)) || (m !== undefined && isIoModule(m.source));
        if (io) {
            const what = m ? `${sourceText(callee, file)}(...) (${m.source})` : `${sourceText(callee, file)}(...)`;
            this.report(visit, 'no-io', call, `${what} does I/O in orchestrator code: it runs again at every replay, its answer is not recorded (a replay can see another one), and its side effects repeat. Move it into an activity (yield context.df.callActivity(...))${g === 'fetch' || (m && HTTP_PACKAGES.has(m.source)) ? ', or use yield context.df.callHttp(...) for a plain HTTP request' : ''}.`);
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
            this.report(visit, 'no-promises', call, combinator
                ? `${g}(...) waits on Promises, which the SDK neither records nor replays (durable tasks are not Promises: it resolves at once with the task objects). Use yield context.df.Task.${combinator === 'all' || combinator === 'allSettled' ? 'all' : 'any'}([...tasks]).`
                : `${isNew ? 'new Promise(...)' : `${g}(...)`} in orchestrator code: Promises are not recorded or replayed; the SDK waits only on durable tasks it schedules. Yield durable tasks instead, and put asynchronous work in an activity.`);
            return;
        }
        if (!isNew && callee.type === 'MemberExpression' && !callee.computed && /^(then|catch|finally)$/.test(propertyName(callee) ?? '')) {
            this.report(visit, 'no-promises', call, `.${propertyName(callee)}(...) in orchestrator code: Promise callbacks are not recorded or replayed (and durable tasks have no .then). Yield the durable task and use its result: const result = yield context.df.callActivity(...).`);
            return;
        }
        // Logging.
        if (!isNew && callee.type === 'MemberExpression') {
            const method = propertyName(callee);
            const object = unwrap(callee.object);
            const isLog = (object?.type === 'Identifier' && visit.contextNames.has(object.name) && LOG_METHODS.has(method ?? '')) ||
                (g !== undefined && /^console\.(log|info|warn|error|debug|trace)$/.test(g));
            if (isLog && !this.guardedByReplaying(call, visit)) {
                this.report(visit, 'guard-replay-logging', call, `${sourceText(callee, file)}(...) writes again every time the orchestrator replays (once per episode), so the log repeats. Guard it: if (!context.df.isReplaying) { ... }.`);
            }
        }
        // Entity ids by name.
        if (isNew && this.durableExport(callee) === 'EntityId')
            this.checkEntityName(call, file, visit);
        // Mutating a module's object or array in place.
        if (!isNew && callee.type === 'MemberExpression' && MUTATORS.has(propertyName(callee) ?? ''))
            this.checkWrite(callee.object, call, visit, true);
        // A helper: follow it.
        if (!calledTwice)
            this.follow(call, file, visit);
    }
    checkMember(member, visit) {
        const object = unwrap(member.object);
        if (object?.type !== 'Identifier')
            return;
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
    checkLoadTime(id, file, visit) {
        if (!isReference(id))
            return;
        const binding = resolve(id);
        if (!binding || binding.id === id || binding.scope.type !== 'Program')
            return;
        if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var' && binding.kind !== 'import')
            return;
        if (binding.kind === 'import' && !binding.imported?.source.startsWith('.'))
            return;
        let read = this.loadTimeReads.get(binding);
        if (read === undefined) {
            const target = this.definition(id, file);
            read = target && !('module' in target) && target.node !== id ? (this.readsAtLoad(target.node, target.file) ?? null) : null;
            this.loadTimeReads.set(binding, read);
        }
        if (!read)
            return;
        const where = `${(0,external_node_path_.basename)(read.file)}:${read.line}`;
        const message = `${id.name} was set from ${read.what} when the module loaded (${where}): the value is fixed for the process, so a replay in another process (after a restart, a deployment, on another instance) can see another one and decide differently. ${read.rule === 'no-env'
            ? "Pass the setting in as the orchestration's input, or read it in an activity."
            : read.rule === 'no-wall-clock'
                ? 'Use context.df.currentUtcDateTime where the orchestration needs the time.'
                : 'Take random values as input or from an activity, and ids from context.df.newGuid.'}`;
        this.report(visit, read.rule, id, message);
    }
    /** What an initializer reads that differs between processes: the environment, the clock, randomness. */
    readsAtLoad(init, file) {
        if (isFunction(init) || init.type === 'ClassDeclaration' || init.type === 'Program')
            return undefined;
        let found;
        walk(init, (n) => {
            if (found || isFunction(n))
                return false;
            const at = { file: file.path, line: locationOf(n).line };
            if (n.type === 'MemberExpression') {
                const object = unwrap(n.object);
                if (object?.type === 'Identifier' && object.name === 'process' && !resolve(object) && /^(env|argv|platform)$/.test(propertyName(n) ?? ''))
                    found = { rule: 'no-env', what: `process.${propertyName(n)}`, ...at };
            }
            else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
                const kind = this.classify(n.callee, file);
                const g = kind.global?.join('.');
                const m = kind.module
                    ? `${kind.module.source}:${[kind.module.name, ...kind.module.rest].filter((p) => p !== '*' && p !== 'default').join('.')}`
                    : undefined;
                if ((g === 'Date.now' && n.type === 'CallExpression') || (g === 'Date' && n.arguments.length === 0) || g === 'performance.now')
                    found = { rule: 'no-wall-clock', what: `${g === 'Date' ? 'new Date()' : `${g}()`}`, ...at };
                else if (g === 'Math.random' || g === 'crypto.randomUUID' || (m !== undefined && /^(crypto:(randomUUID|randomBytes|randomInt)|uuid:v[1467])$/.test(m)))
                    found = { rule: 'no-random', what: `${sourceText(n.callee, file)}()`, ...at };
                else if (kind.module?.source === 'os')
                    found = { rule: 'no-env', what: `${sourceText(n.callee, file)}()`, ...at };
            }
            return !found;
        });
        return found;
    }
    reportEnv(node, shown, visit) {
        this.report(visit, 'no-env', node, `${shown} reads the environment in orchestrator code: settings differ between slots, deployments and machines and can change while an instance is in flight, so a replay can decide differently. Pass the value in as the orchestration's input, or read it in an activity.`);
    }
    reportClock(call, shown, file, visit, module) {
        const ctx = this.contextFor(call, visit);
        const timer = this.feedsTimer(call, visit);
        const message = timer
            ? `a durable timer built from the wall clock (${shown}): its fire time is computed again, and differently, at every replay: what the code decides from it differs between replays, and a long timer (over 6 days, which the SDK continues in shorter timers) never reaches it, so the instance never finishes. Build the time from context.df.currentUtcDateTime, which replays the recorded time.`
            : `${shown} reads the wall clock, which moves on between replays: what the orchestrator decides from it can differ from what the history recorded. Use context.df.currentUtcDateTime, the time recorded for this point of the orchestration.`;
        let fix;
        if (ctx) {
            const now = `${ctx}.df.currentUtcDateTime`;
            if (shown === 'Date.now()')
                fix = { range: rangeOf(call), text: `${now}.getTime()` };
            else if (shown === 'new Date()')
                fix = { range: rangeOf(call), text: `new Date(${now})` };
            else if (module === 'moment' || module === 'dayjs') {
                const callee = call.callee;
                fix = { range: rangeOf(call), text: `${sourceText(callee, file)}(${now})` };
            }
        }
        this.report(visit, 'no-wall-clock', call, message, fix);
    }
    /** The context's name where `node` sits, when it is the orchestrator's own (not shadowed there). */
    contextFor(node, visit) {
        for (const name of visit.contextNames) {
            const binding = resolveName(name, node);
            if (binding && (binding.kind === 'param' || binding.kind === 'const'))
                return name;
        }
        return undefined;
    }
    /** A wall-clock read that becomes a timer's fire time (in createTimer's arguments, or through one variable). */
    feedsTimer(node, visit) {
        let declared;
        for (let p = parentOf(node); p && !isFunction(p); p = parentOf(p)) {
            if (p.type === 'CallExpression' && this.durableCall(p, visit) === 'createTimer')
                return true;
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
        if (!declared || !fn)
            return false;
        let feeds = false;
        walk(fn, (n) => {
            if (feeds)
                return false;
            if (n.type === 'CallExpression' && this.durableCall(n, visit) === 'createTimer') {
                walk(n, (inner) => {
                    if (inner.type === 'Identifier' && inner.name === declared && isReference(inner))
                        feeds = true;
                    return !feeds;
                });
            }
            return undefined;
        });
        return feeds;
    }
    guardedByReplaying(node, visit) {
        if (visit.guarded)
            return true;
        for (let p = parentOf(node); p && p !== parentOf(visit.rootFn); p = parentOf(p)) {
            const test = p.type === 'IfStatement' || p.type === 'ConditionalExpression' ? p.test : p.type === 'LogicalExpression' ? p.left : undefined;
            if (!test)
                continue;
            let mentions = false;
            walk(test, (n) => {
                if (n.type === 'MemberExpression' && propertyName(n) === 'isReplaying')
                    mentions = true;
                // const replaying = context.df.isReplaying; if (!replaying) ...
                if (n.type === 'Identifier' && isReference(n)) {
                    const binding = resolve(n);
                    const init = unwrap(binding?.declarator?.init);
                    // const { isReplaying } = context.df
                    if (n.name === 'isReplaying' && binding?.declarator?.id.type === 'ObjectPattern')
                        mentions = true;
                    if (init?.type === 'MemberExpression' && propertyName(init) === 'isReplaying')
                        mentions = true;
                }
                return !mentions;
            });
            if (mentions)
                return true;
        }
        return false;
    }
    checkYield(node, file, visit) {
        if (node.delegate)
            return;
        // A yield in a generator the SDK does not drive (an iterator helper used in for...of) is the code's own.
        if (enclosingFunction(node) !== visit.fn || !visit.drivenBySdk)
            return;
        const argument = unwrap(node.argument);
        let what;
        if (!argument)
            what = 'yield with nothing';
        else if (argument.type === 'Literal' || argument.type === 'TemplateLiteral' || argument.type === 'ObjectExpression')
            what = `yield of a plain value (${shortText(argument, file)})`;
        else if (argument.type === 'ArrayExpression' || isArrayVariable(argument))
            what = 'yield of an array (the SDK does not wait on each task of an array: use context.df.Task.all([...]))';
        else if (argument.type === 'AwaitExpression')
            what = 'yield of an awaited value';
        else if (isFunction(argument))
            what = 'yield of a function';
        else if (argument.type === 'NewExpression' && argument.callee.type === 'Identifier' && argument.callee.name === 'Promise')
            what = 'yield of a Promise';
        else if (argument.type === 'CallExpression' && /^(continueAsNew|signalEntity|setCustomStatus)$/.test(this.durableCall(argument, visit) ?? ''))
            what = `yield of context.df.${this.durableCall(argument, visit)}(...), which returns nothing (it is not a task to wait for; remove the yield)`;
        else if (argument.type === 'CallExpression') {
            const g = this.classify(argument.callee, file).global?.join('.');
            if (g && /^(Promise\.\w+|fetch)$/.test(g))
                what = `yield of a Promise (${g}(...))`;
            else {
                const target = this.functionValue(argument.callee, file);
                if (target && target.node.async)
                    what = `yield of a Promise (${sourceText(argument.callee, file)}(...) is an async function)`;
            }
        }
        if (!what)
            return;
        this.report(visit, 'yield-durable-tasks', node, `${what}: the SDK expects every yield to be a durable task it scheduled (callActivity, callSubOrchestrator, createTimer, waitForExternalEvent, callEntity, callHttp, Task.all, Task.any), and fails the orchestration on anything else. Yield the durable task.`);
    }
    /** Writes to module-level state (a module's `let`, or the insides of its objects) from orchestrator code. */
    checkWrite(target, node, visit, inPlace = false) {
        let root = rootIdentifier(target);
        if (!root)
            return;
        let binding = resolve(root);
        // A local name for a module's object (const s = seen; s.add(x)) writes the module's object.
        const aliased = (inPlace || target.type !== 'Identifier') && binding?.kind === 'const' ? unwrap(binding.declarator?.init) : undefined;
        if (aliased?.type === 'Identifier' && resolve(aliased)?.scope.type === 'Program') {
            root = aliased;
            binding = resolve(aliased);
        }
        if (!binding && target.type === 'Identifier' && !KNOWN_GLOBALS.has(root.name)) {
            this.report(visit, 'no-module-state', node, `assigns ${root.name}, which nothing declares: a global variable of the whole process (a ReferenceError in strict mode and ES modules). Instances share it and a replay sees what earlier ones left there. Declare it in the orchestrator (const or let).`);
            return;
        }
        if (!binding || binding.scope.type !== 'Program')
            return;
        if (binding.kind === 'import' && !binding.imported?.source.startsWith('.'))
            return;
        if (binding.kind === 'function' || binding.kind === 'class')
            return;
        this.report(visit, 'no-module-state', node, `writes ${root.name}, state of the module that outlives this execution: instances share it and a replay sees what earlier ones left there, so it can decide differently than the recorded run. Keep the state in the orchestrator's own variables (or an entity); pass what must carry on through continueAsNew's input.`);
    }
    checkLoop(loop, visit) {
        let test = unwrap(loop.test);
        // const forever = true; while (forever)
        if (test?.type === 'Identifier') {
            const binding = resolve(test);
            if (binding?.kind === 'const')
                test = unwrap(binding.declarator?.init);
        }
        const forever = !test || (test.type === 'Literal' && (test.value === true || test.value === 1));
        if (!forever)
            return;
        let durable = false;
        let exits = false;
        walk(loop.body, (n) => {
            if (isFunction(n))
                return false;
            if (this.durableCall(n, visit))
                durable = true;
            if (n.type === 'ReturnStatement' || n.type === 'ThrowStatement')
                exits = true;
            if (n.type === 'BreakStatement' && (n.label ? leavesLoop(n, loop) : nearestBreakable(n) === loop))
                exits = true;
            return undefined;
        });
        if (!durable || exits)
            return;
        visit.reach.loops.push({ loop, visit });
    }
    reportLoop(loop, visit) {
        this.report(visit, 'unbounded-loop', loop, 'loops for ever with durable calls and never calls continueAsNew: every iteration adds to the history, and every replay re-runs all of it, so the instance grows slower and larger until it fails. Call context.df.continueAsNew(state) (an eternal orchestration) after some iterations, or bound the loop.');
    }
    checkNames(call, method, file, visit) {
        const kind = method === 'callActivity' || method === 'callActivityWithRetry'
            ? 'activity'
            : method === 'callSubOrchestrator' || method === 'callSubOrchestratorWithRetry'
                ? 'orchestration'
                : method === 'waitForExternalEvent'
                    ? 'event'
                    : undefined;
        if (!kind)
            return;
        const argument = call.arguments[0];
        if (!argument)
            return;
        const name = this.stringValue(argument, file);
        if (name === undefined) {
            if (kind !== 'event') {
                this.report(visit, 'computed-names', argument, `${method} with a name computed at run time (${shortText(argument, file)}): the lint cannot check it against the app's functions, and replay checks it only on histories that reach it. Prefer a constant name.`);
            }
            return;
        }
        if (kind === 'event') {
            if (this.raisedEvents.size > 0 && this.eventsComplete && !this.raisedEvents.has(name.toLowerCase())) {
                this.report(visit, 'registered-names', argument, `waitForExternalEvent("${name}"): the app raises events ${[...this.raisedEvents].map((e) => `"${e}"`).join(', ')} but never "${name}" (names match in any case). If it is raised from outside the app, ignore this; else the orchestration waits for ever.`, undefined, 'note');
            }
            return;
        }
        this.checkRegistered(kind, name, `${method}("${name}")`, argument, visit);
    }
    checkEntityName(call, file, visit) {
        const argument = call.arguments[0];
        if (!argument)
            return;
        const name = this.stringValue(argument, file);
        if (name === undefined) {
            this.report(visit, 'computed-names', argument, `an entity id with a name computed at run time (${shortText(argument, file)}): the lint cannot check it against the app's entities.`);
            return;
        }
        this.checkRegistered('entity', name, `new EntityId("${name}", ...)`, argument, visit);
    }
    checkRegistered(kind, name, shown, node, visit) {
        if (!this.registrationsComplete || this.registrations.length === 0)
            return;
        const lower = name.toLowerCase();
        if (this.registrations.some((r) => r.kind === kind && r.name.toLowerCase() === lower))
            return;
        const other = this.registrations.find((r) => r.name.toLowerCase() === lower);
        const known = this.registrations.filter((r) => r.kind === kind).map((r) => r.name);
        const nearest = (0,harness_nearest/* nearestName */.q)(name, known);
        const wrongKind = other
            ? ` ${other.name} is ${other.kind === 'activity' ? 'an activity' : other.kind === 'entity' ? 'an entity' : 'an orchestration'}, not ${kind === 'activity' ? 'an activity' : kind === 'entity' ? 'an entity' : 'an orchestration'}.`
            : '';
        this.report(visit, 'registered-names', node, `${shown}: the app registers no ${kind === 'orchestration' ? 'orchestration' : kind} named "${name}".${wrongKind}${nearest ? ` Did you mean "${nearest}"?` : known.length > 0 && known.length <= 8 ? ` Registered: ${known.join(', ')}.` : ''} The call fails when it runs; if the function was renamed, instances in flight that recorded the old name break too.`);
    }
    /** A call to a function the program defines: its code is orchestrator code too. */
    follow(call, file, visit) {
        if (call.type === 'NewExpression')
            return;
        const target = this.functionValue(call.callee, file);
        if (!target || target.node === visit.rootFn)
            return;
        const fn = target.node;
        // The context passed in: the helper's parameters that receive it.
        const contextNames = new Set();
        const dfNames = new Set();
        call.arguments.forEach((argument, i) => {
            const param = fn.params[i] ? unwrap(fn.params[i]) : undefined;
            const name = param?.type === 'Identifier' ? param.name : param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : undefined;
            if (!name)
                return;
            if (this.isContext(argument, visit))
                contextNames.add(name);
            else if (this.isDf(argument, visit))
                dfNames.add(name);
        });
        const key = `${[...contextNames].join(',')}|${[...dfNames].join(',')}`;
        const seen = visit.seen;
        const seenKey = `${target.file.path}:${rangeOf(fn)[0]}:${key}`;
        if (seen.has(seenKey))
            return;
        seen.add(seenKey);
        const where = locationOf(call);
        const step = { function: functionName(fn, call.callee), file: file.path, line: where.line };
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
    followArgument(argument, file, visit) {
        const a = unwrap(argument);
        if (a?.type !== 'Identifier' && a?.type !== 'MemberExpression')
            return;
        const target = this.functionValue(a, file);
        if (!target || target.node === visit.rootFn)
            return;
        const fn = target.node;
        const seenKey = `${target.file.path}:${rangeOf(fn)[0]}:|`;
        if (visit.seen.has(seenKey))
            return;
        visit.seen.add(seenKey);
        const step = { function: functionName(fn, a), file: file.path, line: locationOf(a).line };
        this.visitFunction(fn, target.file, { ...visit, via: [...visit.via, step], contextNames: new Set(), dfNames: new Set(), fn, drivenBySdk: false });
    }
    report(visit, rule, node, message, fix, severity) {
        const file = this.fileOf(node);
        const [start] = rangeOf(node);
        const key = `${rule}|${file.path}|${start}`;
        if (this.findings.has(key))
            return;
        const finding = {
            rule,
            severity: severity ?? RULES[rule].severity,
            message,
            file: file.path,
            ...locationOf(node),
            orchestrator: visit.orchestrator.name,
            via: visit.via,
            ...(fix ? { fix } : {}),
        };
        // The node links to its parents (a cycle): kept out of JSON and of anything that copies the finding.
        Object.defineProperty(finding, 'node', { value: node, enumerable: false });
        this.findings.set(key, finding);
    }
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
const RANDOM_PACKAGES = new Map([
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
function isIoModule(source) {
    if (IO_PACKAGES.has(source))
        return true;
    if (source === '@azure/functions' || source.startsWith('@azure/functions-'))
        return false;
    return IO_SCOPES.some((scope) => source.startsWith(scope));
}
/** Globals code assigns on purpose (not an undeclared variable). */
const KNOWN_GLOBALS = new Set(['module', 'exports', 'globalThis', 'window', 'self', 'global', 'process', 'console', 'undefined']);
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);
const LOG_METHODS = new Set(['log', 'trace', 'debug', 'info', 'warn', 'error']);
function normaliseModule(source) {
    return source.startsWith('node:') ? source.slice(5) : source;
}
function keyName(property) {
    if (property.key.type === 'Identifier' && !property.computed)
        return property.key.name;
    return literalString(property.key);
}
function firstParamName(fn) {
    const param = unwrap(fn.params[0]);
    return param?.type === 'Identifier' ? param.name : undefined;
}
function sourceText(node, file) {
    const [start, end] = rangeOf(node);
    return file.text.slice(start, end).replace(/\s+/g, ' ');
}
function shortText(node, file) {
    const text = sourceText(node, file);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
function functionName(fn, callee) {
    if (fn.type !== 'ArrowFunctionExpression' && fn.id)
        return fn.id.name;
    const path = memberPath(callee);
    return path ? path.join('.') : '(anonymous)';
}
/** An identifier used as a value (not a property name or an object key). */
function isReference(id) {
    const parent = parentOf(id);
    if (parent?.type === 'MemberExpression' && parent.property === id && !parent.computed)
        return false;
    if (parent?.type === 'Property' && parent.key === id && !parent.computed && !parent.shorthand)
        return false;
    return true;
}
/** A name bound to an array literal (`const tasks = [...]`). */
function isArrayVariable(node) {
    if (node.type !== 'Identifier')
        return false;
    const binding = resolve(node);
    return unwrap(binding?.declarator?.init)?.type === 'ArrayExpression' && binding?.declarator?.id.type === 'Identifier';
}
/** A labelled break leaves `loop` when its label names the loop or a statement around it. */
function leavesLoop(brk, loop) {
    for (let p = parentOf(brk); p; p = parentOf(p)) {
        if (p.type === 'LabeledStatement' && p.label.name === brk.label.name) {
            for (let q = loop; q; q = parentOf(q))
                if (q === p)
                    return true;
            return false;
        }
        if (isFunction(p))
            return false;
    }
    return false;
}
/** `require('fs').readFileSync`: the package and the path into it. */
function requiredModule(callee) {
    const rest = [];
    let n = unwrap(callee);
    while (n?.type === 'MemberExpression') {
        const name = propertyName(n);
        if (name === undefined)
            return {};
        rest.unshift(name);
        n = unwrap(n.object);
    }
    if (n?.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require' || resolve(n.callee))
        return {};
    const source = literalString(n.arguments[0]);
    return source === undefined || source.startsWith('.') ? {} : { module: { source: normaliseModule(source), name: '*', rest } };
}
/** `function* ({ df })` or `({ df: d })`: the names the context's df gets. */
function destructuredDf(fn) {
    const param = unwrap(fn.params[0]);
    if (param?.type !== 'ObjectPattern')
        return [];
    return param.properties.flatMap((p) => (p.type === 'Property' && keyName(p) === 'df' && p.value.type === 'Identifier' ? [p.value.name] : []));
}
/** The loop or switch an unlabelled break leaves. */
function nearestBreakable(node) {
    for (let p = parentOf(node); p; p = parentOf(p)) {
        if (/^(WhileStatement|DoWhileStatement|ForStatement|ForInStatement|ForOfStatement|SwitchStatement)$/.test(p.type))
            return p;
        if (isFunction(p))
            return undefined;
    }
    return undefined;
}
function analyze(program) {
    return new Analyzer(program).run();
}

// EXTERNAL MODULE: ./node_modules/@babel/parser/lib/index.js
var lib = __webpack_require__(5429);
;// CONCATENATED MODULE: ./harness/lint/parse.ts
/**
 * Source files parsed for the lint with @babel/parser (TypeScript and JavaScript, ESM and
 * CommonJS) into ESTree, the shape ESLint's parsers give, so that one set of rules serves both.
 */


class SourceParseError extends Error {
    path;
    line;
    column;
    constructor(path, message, line, column) {
        super(message);
        this.path = path;
        this.line = line;
        this.column = column;
    }
}
const TS = /\.(c|m)?tsx?$/;
/** Parses `text` as the file at `path` says it is (.ts/.tsx/.mts/.cts TypeScript, else JavaScript). */
function parseSource(path, text) {
    const typescript = TS.test(path);
    const jsx = /x$/.test(path);
    // What valid code of an app may hold beside its orchestrators: decorators (TypeORM, NestJS),
    // accessor fields, import attributes in either syntax.
    const plugins = [['estree', { classFeatures: true }], 'decorators-legacy', 'decoratorAutoAccessors', 'deprecatedImportAssert'];
    if (typescript)
        plugins.push('typescript');
    if (jsx)
        plugins.push('jsx');
    const parse = (withPlugins) => (0,lib/* parse */.qg)(text, {
        sourceType: typescript || /\.mjs$/.test(path) ? 'module' : 'unambiguous',
        allowReturnOutsideFunction: true,
        allowAwaitOutsideFunction: true,
        allowImportExportEverywhere: true,
        errorRecovery: false,
        ranges: true,
        plugins: withPlugins,
    });
    let file;
    try {
        try {
            file = parse(plugins);
        }
        catch (error) {
            // JSX in a .js file (React-style code kept beside the functions).
            if (typescript || jsx)
                throw error;
            file = parse([...plugins, 'jsx']);
        }
    }
    catch (error) {
        const where = error.loc;
        const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
        throw new SourceParseError(path, message, where?.line, where?.column);
    }
    const program = file.program;
    setParents(program);
    return { path, text, program, comments: (file.comments ?? []) };
}

;// CONCATENATED MODULE: ./harness/lint/project.ts
/**
 * The lint of a function app's folder: its source files (TypeScript sources rather than their
 * build), function.json folders, the analysis, and the comments that disable a rule on a line.
 */





/** Files larger than this are bundles or generated code, not an app's sources. */
const MAX_SOURCE_BYTES = 1_000_000;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'coverage', 'bin', 'obj']);
/** Lints the app in `dir` (a folder with host.json, or any folder of sources). */
function lintApp(dir, options = {}) {
    const app = (0,external_node_path_.resolve)(dir);
    const { files, skipped } = sourceFiles(app);
    // Without host.json this is part of an app: names registered elsewhere are unknown.
    const hostJson = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(app, 'host.json'));
    const program = { files: new Map(), functionJson: functionJsonEntries(app), ...(hostJson ? {} : { partial: true }) };
    const unparsed = [];
    for (const path of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
            program.files.set(path, parseSource(path, text));
        }
        catch (error) {
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
            }
            else
                unparsed.push({ file: path, message: error.message, durable });
        }
    }
    // A file the lint cannot read may register functions: names are then not checked against registrations.
    if (unparsed.length > 0)
        program.partial = true;
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
function sourceFiles(app) {
    const skipped = [];
    const outDirs = tsOutDirs(app);
    const found = [];
    const visit = (dir) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) || outDirs.has(path))
                    continue;
                if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(path, 'host.json'))) {
                    skipped.push({ file: path, reason: 'another function app (it has a host.json of its own): lint it on its own' });
                    continue;
                }
                visit(path);
            }
            else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) {
                found.push(path);
            }
        }
    };
    visit(app);
    const set = new Set(found);
    const files = [];
    for (const path of found.sort()) {
        const stem = path.replace(/\.(c|m)?jsx?$/, '');
        if (stem !== path && (set.has(`${stem}.ts`) || set.has(`${stem}.tsx`) || set.has(`${stem}.mts`) || set.has(`${stem}.cts`)))
            continue;
        const size = (0,external_node_fs_.statSync)(path).size;
        if (size > MAX_SOURCE_BYTES) {
            skipped.push({ file: path, reason: `${(size / 1e6).toFixed(1)} MB: a bundle or generated file, not a source` });
            continue;
        }
        files.push(path);
    }
    return { files, skipped };
}
/** tsconfig.json's outDir (comments and trailing commas allowed, as tsc allows them). */
function tsOutDirs(app) {
    const dirs = new Set();
    // outDir may come from a config it extends (relative paths only; a package's config names no app folder), resolved against that config.
    let config = (0,external_node_path_.join)(app, 'tsconfig.json');
    for (let hops = 0; config && hops < 5 && (0,external_node_fs_.existsSync)(config); hops++) {
        let parsed;
        try {
            const text = (0,external_node_fs_.readFileSync)(config, 'utf8')
                .replace(/\/\*[\s\S]*?\*\/|("(?:\\.|[^"\\])*")|\/\/[^\n]*/g, (_match, string) => string ?? '')
                .replace(/,(\s*[}\]])/g, '$1');
            parsed = JSON.parse(text);
        }
        catch {
            // An unreadable tsconfig: the .js-beside-.ts rule still leaves built files out where they sit beside their sources.
            break;
        }
        const outDir = parsed.compilerOptions?.outDir;
        if (typeof outDir === 'string') {
            dirs.add((0,external_node_path_.resolve)((0,external_node_path_.dirname)(config), outDir));
            break;
        }
        const base = typeof parsed.extends === 'string' && parsed.extends.startsWith('.') ? (0,external_node_path_.resolve)((0,external_node_path_.dirname)(config), parsed.extends) : undefined;
        config = base ? (base.endsWith('.json') ? base : `${base}.json`) : undefined;
    }
    return dirs;
}
/** Folders with a function.json (the older programming model): each is a function named after its folder. */
function functionJsonEntries(app) {
    const entries = [];
    let children;
    try {
        children = (0,external_node_fs_.readdirSync)(app, { withFileTypes: true });
    }
    catch {
        return entries;
    }
    for (const child of children) {
        if (!child.isDirectory())
            continue;
        const path = (0,external_node_path_.join)(app, child.name, 'function.json');
        if (!(0,external_node_fs_.existsSync)(path))
            continue;
        try {
            const bindings = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')).bindings ?? [];
            const trigger = bindings.find((b) => typeof b.type === 'string' && /Trigger$/i.test(b.type));
            const kind = trigger?.type?.toLowerCase();
            const mapped = kind === 'orchestrationtrigger' ? 'orchestration' : kind === 'activitytrigger' ? 'activity' : kind === 'entitytrigger' ? 'entity' : undefined;
            if (mapped)
                entries.push({ name: child.name, kind: mapped, dir: (0,external_node_path_.join)(app, child.name) });
        }
        catch {
            // A function.json that is not JSON: the host refuses it too; nothing to register from it.
        }
    }
    return entries;
}
/**
 * `// durable-gate-disable-next-line no-wall-clock -- why` (or `-disable-line`, or ESLint's own
 * `eslint-disable-next-line durable-gate/no-wall-clock`, unless `eslint` is false: under ESLint,
 * ESLint applies its own comments): the finding stays in the report, marked suppressed with the
 * reason. A durable-gate comment without a reason after `--`, or naming no rule there is, does not
 * count and is returned as a problem.
 */
function applySuppressions(findings, files, { eslint = true } = {}) {
    const problems = [];
    const byFile = new Map();
    const directives = (file) => {
        let map = byFile.get(file.path);
        if (map)
            return map;
        map = new Map();
        for (const comment of file.comments) {
            const match = /^\s*(durable-gate|eslint)-disable-(next-line|line)\b([^\n]*)$/.exec(comment.value.trim());
            if (!match || !comment.loc)
                continue;
            const [, tool, where, rest] = match;
            if (tool === 'eslint' && !eslint)
                continue;
            const [list = '', reason = ''] = rest.split(/\s--\s?/, 2);
            const named = list.split(/[\s,]+/).filter(Boolean);
            // ESLint's own comment applies to durable-gate's rules only when it names them (or names none).
            if (tool === 'eslint' && named.length > 0 && !named.some((n) => n.startsWith('durable-gate/')))
                continue;
            const names = named.map((n) => n.replace(/^durable-gate\//, ''));
            const line = comment.loc.start.line;
            if (tool === 'durable-gate') {
                const unknown = names.filter((n) => !RULE_IDS.includes(n));
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
                        message: 'the disable comment gives no reason after --: it does not count. Write why the rule does not apply here, e.g. // durable-gate-disable-next-line no-random -- seeds a log sampler only.',
                    });
                    continue;
                }
            }
            const target = where === 'next-line' ? comment.loc.end.line + 1 : line;
            const entry = {
                rules: names.length === 0 ? 'all' : new Set(names),
                reason: reason.trim() || '(no reason given)',
            };
            map.set(target, [...(map.get(target) ?? []), entry]);
        }
        byFile.set(file.path, map);
        return map;
    };
    for (const file of files.values())
        directives(file);
    for (const finding of findings) {
        const file = files.get(finding.file);
        if (!file)
            continue;
        const entries = directives(file).get(finding.line) ?? [];
        const hit = entries.find((e) => e.rules === 'all' || e.rules.has(finding.rule));
        if (hit)
            finding.suppressed = { reason: hit.reason };
    }
    return problems;
}
/** A path as shown: relative to `cwd` when inside it, with forward slashes. */
function shownPath(path, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    return rel && !rel.startsWith('..') ? rel.split(external_node_path_.sep).join('/') : path;
}

;// CONCATENATED MODULE: ./harness/lint/report.ts
/**
 * The lint's report: the JSON contract (durable-gate.lint-report/v1) and its renderings as text
 * for people, SARIF 2.1.0 for code scanning, and GitHub workflow commands (annotations).
 */





const LINT_SCHEMA = 'durable-gate.lint-report/v1';
const LINT_FORMATS = ['text', 'json', 'sarif', 'github'];
/** The report of a lint, paths relative to `cwd`. */
function buildLintReport(result, cwd) {
    const show = (path) => shownPath(path, cwd);
    const findings = result.findings.map((f) => toReported(f, show));
    const open = findings.filter((f) => !f.suppressed);
    return {
        schema: LINT_SCHEMA,
        app: show(result.app) || '.',
        summary: {
            errors: open.filter((f) => f.severity === 'error').length,
            warnings: open.filter((f) => f.severity === 'warning').length,
            notes: open.filter((f) => f.severity === 'note').length,
            suppressed: findings.length - open.length,
            files: result.files.length,
            orchestrators: result.orchestrators.length,
            unparsed: result.unparsed.length,
        },
        orchestrators: result.orchestrators.map((o) => ({ name: o.name, file: show(o.file), line: o.line })),
        findings,
        unparsed: result.unparsed.map((u) => ({ ...u, file: show(u.file) })),
        skipped: result.skipped.map((s) => ({ ...s, file: show(s.file) })),
        comments: result.comments.map((c) => ({ ...c, file: show(c.file) })),
    };
}
function toReported(f, show) {
    return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        file: show(f.file),
        line: f.line,
        column: f.column + 1,
        endLine: f.endLine,
        endColumn: f.endColumn + 1,
        orchestrator: f.orchestrator,
        via: f.via.map((step) => ({ ...step, file: show(step.file) })),
        ...(f.fix ? { fix: f.fix } : {}),
        ...(f.suppressed ? { suppressed: f.suppressed } : {}),
    };
}
const SEVERITY_ORDER = ['note', 'warning', 'error'];
/** 0: nothing at or above `failOn`; 1: findings that fail; 2: a file that may hold durable code could not be read. */
function lintExitCode(report, failOn) {
    if (report.unparsed.some((u) => u.durable))
        return 2;
    const threshold = SEVERITY_ORDER.indexOf(failOn);
    return report.findings.some((f) => !f.suppressed && SEVERITY_ORDER.indexOf(f.severity) >= threshold) ? 1 : 0;
}
function renderLint(report, format, options) {
    switch (format) {
        case 'json':
            return `${JSON.stringify(report, null, 2)}\n`;
        case 'sarif':
            return `${JSON.stringify(lintSarif(report, options), null, 2)}\n`;
        case 'github':
            return githubCommands(report);
        case 'text':
            return lintText(report, options.color === true);
    }
}
function via(steps, orchestrator) {
    if (steps.length === 0)
        return `in ${orchestrator}`;
    return `in ${orchestrator}, called through ${steps.map((s) => `${s.function} (${s.file}:${s.line})`).join(' -> ')}`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function lintText(report, color) {
    const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const label = { error: paint('31', 'error  '), warning: paint('33', 'warning'), note: paint('36', 'note   ') };
    const lines = [];
    const open = report.findings.filter((f) => !f.suppressed);
    let file;
    for (const f of open) {
        if (f.file !== file) {
            if (file !== undefined)
                lines.push('');
            file = f.file;
            lines.push(paint('4', f.file));
        }
        lines.push(`  ${f.line}:${f.column}  ${label[f.severity]}  ${f.message}  ${paint('2', `durable-gate/${f.rule}`)}`);
        lines.push(`  ${' '.repeat(String(f.line).length + String(f.column).length + 1)}  ${paint('2', via(f.via, f.orchestrator))}`);
    }
    for (const u of report.unparsed) {
        lines.push('', `${u.file}${u.line ? `:${u.line}:${u.column ?? 1}` : ''}: could not be parsed (${u.message}); not checked.`);
    }
    for (const c of report.comments)
        lines.push('', `${c.file}:${c.line}: ${c.message}`);
    for (const k of report.skipped.filter((k) => k.reason.includes('cannot follow')))
        lines.push('', `${k.file}: ${k.reason}`);
    if (lines.length > 0)
        lines.push('');
    const s = report.summary;
    const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.notes, 'note')];
    const extra = [s.suppressed > 0 ? `${s.suppressed} suppressed by comments` : '', s.unparsed > 0 ? `${plural(s.unparsed, 'file')} not parsed` : ''].filter(Boolean);
    lines.push(`${counts.join(', ')} in ${plural(s.orchestrators, 'orchestrator')} (${plural(s.files, 'file')} read${extra.length > 0 ? `; ${extra.join('; ')}` : ''}).`);
    const fixable = open.filter((f) => f.fix).length;
    if (fixable > 0)
        lines.push(`${fixable === 1 ? 'One has' : `${fixable} have`} a safe fix: the ESLint plugin applies it (eslint --fix); docs/lint.md shows each.`);
    return `${lines.join('\n')}\n`;
}
/** Workflow command escaping (the runner's rules for data and for properties). */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function githubCommands(report) {
    const command = { error: 'error', warning: 'warning', note: 'notice' };
    const lines = report.findings
        .filter((f) => !f.suppressed)
        .map((f) => {
        const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`durable-gate/${f.rule}`)}`;
        return `::${command[f.severity]} ${props}::${escapeData(`${f.message} (${via(f.via, f.orchestrator)})`)}`;
    });
    for (const u of report.unparsed)
        lines.push(`::error file=${escapeProperty(u.file)}${u.line ? `,line=${u.line}` : ''}::${escapeData(`could not be parsed (${u.message}); not checked`)}`);
    for (const c of report.comments)
        lines.push(`::warning file=${escapeProperty(c.file)},line=${c.line},title=durable-gate::${escapeData(c.message)}`);
    const s = report.summary;
    lines.push(`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')} in ${plural(s.orchestrators, 'orchestrator')}.`);
    return `${lines.join('\n')}\n`;
}
function fingerprint(f, seen) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([f.rule, f.file, f.orchestrator, f.message]))
        .digest('hex')
        .slice(0, 32);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return `${hash}:${count}`;
}
function artifact(file) {
    return (0,external_node_path_.isAbsolute)(file) ? { uri: (0,external_node_url_.pathToFileURL)(file).href } : { uri: file, uriBaseId: '%SRCROOT%' };
}
function lintSarif(report, options) {
    const rules = RULE_IDS.map((id) => ({
        id: `durable-gate/${id}`,
        name: id.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase()),
        shortDescription: { text: RULES[id].summary },
        help: { text: `${RULES[id].summary} Why it breaks replay, a wrong and a right example: ${ruleDocs(id)} in durable-gate's repository.` },
        defaultConfiguration: { level: RULES[id].severity },
        properties: { tags: ['durable-functions', 'determinism'] },
    }));
    const seen = new Map();
    const results = report.findings.map((f) => ({
        ruleId: `durable-gate/${f.rule}`,
        ruleIndex: RULE_IDS.indexOf(f.rule),
        level: f.severity,
        message: { text: `${f.message} (${via(f.via, f.orchestrator)})` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: artifact(f.file),
                    region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
            },
        ],
        ...(f.via.length > 0
            ? {
                relatedLocations: f.via.map((step, i) => ({
                    id: i,
                    physicalLocation: { artifactLocation: artifact(step.file), region: { startLine: step.line } },
                    message: { text: `called as ${step.function}` },
                })),
            }
            : {}),
        // Stable across runs and line moves: the rule, the file, the orchestrator and the message, never a line number.
        partialFingerprints: { 'durableGateLint/v1': fingerprint(f, seen) },
        ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
    }));
    return {
        version: '2.1.0',
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        runs: [
            {
                tool: { driver: { name: 'durable-gate', version: options.version, rules } },
                results,
            },
        ],
    };
}

// EXTERNAL MODULE: ./harness/report/write.ts
var write = __webpack_require__(1967);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/option-names.ts
var option_names = __webpack_require__(1635);
// EXTERNAL MODULE: ./src/commands/input.ts
var commands_input = __webpack_require__(4378);
;// CONCATENATED MODULE: ./src/commands/lint.ts
/**
 * `lint`'s settings, parsed once from either front end, and its job: the determinism rules over
 * a function app's sources (harness/lint/). Loaded only when the command runs: the parser is
 * the largest part of it, and replay and the Action's other commands start without it.
 */








const LINT_OPTIONS = {
    app: 'text',
    format: 'text',
    rules: 'list',
    'fail-on': 'text',
};
const SEVERITIES = ['error', 'warning', 'note'];
function readLintSettings(given) {
    const input = (0,commands_input/* declaredInput */.B)('lint', LINT_OPTIONS, given);
    const app = input.text('app');
    if (!app)
        throw new errors/* UsageError */.eb(`missing ${input.label('app')}: the function app folder whose orchestrators to lint (it holds host.json).`);
    const format = input.text('format') ?? 'text';
    if (!LINT_FORMATS.includes(format))
        throw new errors/* UsageError */.eb(`invalid ${input.label('format')} '${format}'. Expected ${LINT_FORMATS.join(', ')}.`);
    const rules = input
        .list('rules')
        .flatMap((r) => r.split(','))
        .map((r) => r.trim().replace(/^durable-gate\//, ''))
        .filter(Boolean);
    const unknown = rules.find((r) => !RULE_IDS.includes(r));
    if (unknown)
        throw new errors/* UsageError */.eb(`${input.label('rules')}: no rule '${unknown}'. Rules: ${RULE_IDS.join(', ')}.`);
    const failOn = (input.text('fail-on') ?? 'error').toLowerCase();
    if (!SEVERITIES.includes(failOn))
        throw new errors/* UsageError */.eb(`invalid ${input.label('fail-on')} '${failOn}'. Expected error (default), warning or note: the lowest severity that fails the run.`);
    return { app, format: format, ...(rules.length > 0 ? { rules: rules } : {}), failOn: failOn };
}
/** Lints the app; a folder that is not there, or holds no orchestrator, is the user's mistake (UsageError). */
function runLint(settings, services, onWarning) {
    const label = (0,option_names/* option */.u)('app');
    const dir = (0,external_node_path_.resolve)(services.cwd, settings.app);
    if (!(0,external_node_fs_.existsSync)(dir))
        throw new errors/* UsageError */.eb(`${label} ${settings.app}: no such folder. Expected the function app's folder (it holds host.json).`);
    if (!(0,external_node_fs_.statSync)(dir).isDirectory())
        throw new errors/* UsageError */.eb(`${label} ${settings.app} is a file, not a folder. Expected the function app's folder (it holds host.json); the lint reads every source in it.`);
    const result = lintApp(dir, settings.rules ? { rules: settings.rules } : {});
    if (result.noHostJson && result.orchestrators.length > 0)
        onWarning?.(`${settings.app} has no host.json: linted as part of an app. Functions may be registered outside it, so calls by name are not checked against registrations; give the app's folder to check them too.`);
    if (result.orchestrators.length === 0 && result.unparsed.length === 0) {
        throw new errors/* UsageError */.eb(`${label} ${settings.app}: found no orchestrator in ${result.files.length} source file(s). The lint looks for df.app.orchestration('Name', handler) (programming model v4) and df.orchestrator(function* ...) in a folder with a function.json (v3 and earlier), with durable-functions imported or required. Is this the app's folder?`);
    }
    return buildLintReport(result, services.cwd);
}

// EXTERNAL MODULE: ./harness/version.ts
var version = __webpack_require__(8785);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/lint.ts
/** `durable-gate lint`: loaded only when it runs (the parser it carries is the largest part of it). */







async function lintCommand(args, io) {
    const { values, input } = (0,cli_args/* parseCommandArgs */.Qx)('lint', args, LINT_OPTIONS, {
        output: { type: 'string' },
        force: { type: 'boolean' },
        'no-color': { type: 'boolean' },
    });
    if (values.help) {
        io.stdout.write(usage/* LINT_USAGE */.gX);
        return 0;
    }
    const settings = (0,cli_args/* withHelpHint */.dn)('lint', () => readLintSettings(input));
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (output)
        (0,cli_args/* checkOutputFile */.CK)(output, values.force === true, io.cwd, 'lint.sarif');
    const report = runLint(settings, io, (message) => io.stderr.write(`durable-gate: warning: ${message}\n`));
    const color = values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR;
    io.stdout.write(renderLint(report, settings.format, { cwd: io.cwd, version: version/* VERSION */.x, color }));
    if (output) {
        const format = /\.sarif(\.json)?$/i.test(output) ? 'sarif' : /\.json$/i.test(output) ? 'json' : 'text';
        await (0,write/* writeWhole */.f8)((0,external_node_path_.resolve)(io.cwd, output), [renderLint(report, format, { cwd: io.cwd, version: version/* VERSION */.x })], { overwrite: values.force === true });
    }
    return lintExitCode(report, settings.failOn);
}


/***/ })

};
