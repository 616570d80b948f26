/**
 * Redaction of recorded histories: values inside the events' JSON payloads are replaced by
 * "[redacted]"; event types, names, ids, timestamps and sequence numbers are never touched.
 *
 * Path syntax (property names match in any letter case; a bad path throws a UsageError):
 *   [kind:]$ segment*      kind: input (Input), result (Result), failure (Reason, Details);
 *                          without a kind, all four payload fields
 *   .name  ["any key"]     a property              [*]  .*   every element or property
 *   [2]                    an array element        ..name     a property at any depth
 * e.g. $.customer.email, input:$.items[*].sku, result:$.token, $..email, $ (the whole payload).
 */
import { UsageError } from '../../harness/errors.js';
import { EventType, type HistoryFile } from '../../harness/history/events.js';
import { REDACTED } from '../../harness/replay/inputs.js';

export { REDACTED };

const KINDS = { input: ['Input'], result: ['Result'], failure: ['Reason', 'Details'] } as const;
export type PayloadKind = keyof typeof KINDS;
const FIELDS = ['Input', 'Result', 'Reason', 'Details'] as const;

export type PathSegment = { type: 'name'; name: string; deep: boolean } | { type: 'any' } | { type: 'index'; index: number };

export interface RedactPath {
  /** The path as given (trimmed): what the file's `redacted` list shows. */
  text: string;
  /** Only payloads of this kind; undefined: every payload. */
  kind?: PayloadKind;
  segments: PathSegment[];
}

/** A history file after redaction: `redacted` lists every path applied to it, in order. */
export type RedactedHistoryFile = HistoryFile & { redacted: string[] };

const EXPECTED =
  'expected [input:|result:|failure:]$ followed by .name, ["name"], [0], [*], .* or ..name, e.g. $.customer.email, input:$.items[*].sku or $..email';
const TOKEN = /\.\.([A-Za-z_$][\w$-]*)|\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

// Hand-written, not a JSONPath package: this subset (names, indexes, *, ..name, a payload kind) is all redaction needs, and each bad path gets a message naming it.
export function parseRedactPath(text: string): RedactPath {
  const bad = (why: string): UsageError => new UsageError(`redact path ${JSON.stringify(text)}: ${why}; ${EXPECTED}.`);
  const source = text.trim();
  let rest = source;
  let kind: PayloadKind | undefined;
  const prefix = /^([A-Za-z]+):/.exec(source);
  if (prefix) {
    const name = prefix[1]!.toLowerCase();
    if (!Object.hasOwn(KINDS, name)) throw bad(`"${prefix[1]}" is not a payload kind (input, result or failure)`);
    kind = name as PayloadKind;
    rest = source.slice(prefix[0].length);
  }
  if (rest[0] !== '$') throw bad(rest === '' ? 'the path is empty' : 'a path starts with $ (the payload)');
  const segments: PathSegment[] = [];
  TOKEN.lastIndex = 1;
  while (TOKEN.lastIndex < rest.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(rest);
    if (!m) throw bad(`cannot read ${JSON.stringify(rest.slice(at))}`);
    if (m[1] !== undefined) segments.push({ type: 'name', name: m[1], deep: true });
    else if (m[2] !== undefined) segments.push({ type: 'name', name: m[2], deep: false });
    else if (m[3] !== undefined) segments.push({ type: 'index', index: Number(m[3]) });
    else if (m[4] !== undefined) segments.push({ type: 'name', name: JSON.parse(m[4]) as string, deep: false });
    else segments.push({ type: 'any' });
  }
  return { text: source, ...(kind ? { kind } : {}), segments };
}

/** Entity messages (EventSent to "@entity@key"): replay reads these fields, so they are kept. */
const ENTITY_FIELDS = new Set(['id', 'op', 'signal', 'parent', 'parentExecution', 'lockSet', 'position']);

type Node = Record<string | number, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
const keysOf = (node: Node): (string | number)[] => (Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node));

/** Redacts one payload text; undefined when it is not JSON or nothing matched. */
function redactText(text: string, paths: RedactPath[], entityMessage: boolean): { text: string; count: number } | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // Plain text (a failure's Reason or Details): only a path naming the whole payload ($) reaches it.
    return !entityMessage && paths.some((p) => p.segments.length === 0) ? { text: REDACTED, count: 1 } : undefined;
  }
  const holder: Node = { $: root };
  let count = 0;
  const replace = (parent: Node, key: string | number): void => {
    const value = parent[key];
    if (value === REDACTED || (entityMessage && parent === root && ENTITY_FIELDS.has(String(key)))) return;
    if (entityMessage && parent === holder && isNode(value) && !Array.isArray(value)) {
      for (const k of Object.keys(value)) replace(value, k);
      return;
    }
    parent[key] = REDACTED;
    count += 1;
  };
  const visit = (parent: Node, key: string | number, segments: PathSegment[], i: number): void => {
    const segment = segments[i];
    if (segment === undefined) return replace(parent, key);
    const value = parent[key];
    if (!isNode(value)) return;
    for (const k of keysOf(value)) {
      if (segment.type === 'any' || (segment.type === 'index' && k === segment.index)) visit(value, k, segments, i + 1);
      else if (segment.type === 'name' && typeof k === 'string' && k.toLowerCase() === segment.name.toLowerCase()) visit(value, k, segments, i + 1);
      if (segment.type === 'name' && segment.deep) visit(value, k, segments, i);
    }
  };
  for (const path of paths) visit(holder, '$', path.segments, 0);
  return count === 0 ? undefined : { text: JSON.stringify(holder.$), count };
}

/**
 * A redacted copy of `file` (which is not changed) and the number of values replaced. Payloads
 * nothing matched are kept as they are, byte for byte; a payload that is not JSON is replaced only
 * by a path naming the whole payload ($).
 */
export function redactHistory(file: HistoryFile, paths: RedactPath[]): { file: RedactedHistoryFile; redacted: number } {
  const { history, ...meta } = structuredClone(file) as RedactedHistoryFile;
  let total = 0;
  for (const event of history) {
    const entityMessage = event.EventType === EventType.EventSent && typeof event.InstanceId === 'string' && event.InstanceId.startsWith('@');
    for (const field of FIELDS) {
      const text = event[field];
      const applicable = paths.filter((p) => p.kind === undefined || (KINDS[p.kind] as readonly string[]).includes(field));
      if (typeof text !== 'string' || text === '' || applicable.length === 0) continue;
      const done = redactText(text, applicable, entityMessage);
      if (!done) continue;
      event[field] = done.text;
      total += done.count;
    }
  }
  const before = Array.isArray(meta.redacted) ? meta.redacted : [];
  const redacted = [...new Set([...before, ...paths.map((p) => p.text)])];
  return { file: { ...meta, redacted, history }, redacted: total };
}
