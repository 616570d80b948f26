/** Redacting recorded histories (payload paths) and pruning a folder of them (age, count per orchestrator). */
import { describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../harness/errors.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { EventType, type HistoryFile } from '../harness/history/events.js';
import { parseHistory } from '../harness/history/load.js';
import { REDACTED, parseRedactPath, redactHistory } from '../src/taskhub/redact.js';
import { pruneHistories } from '../src/taskhub/retention.js';

const ORDER_INPUT = {
  orderId: 'o-1',
  customer: { email: 'ann@example.com', name: 'Ann', address: { email: 'home@example.com' } },
  card: { number: '4111', cvc: 123 },
  items: [
    { sku: 'A', qty: 1 },
    { sku: 'B', qty: 2 },
  ],
  total: 250,
};

function orderHistory(): HistoryFile {
  const b = new HistoryBuilder({ instanceId: 'o-1', name: 'ProcessOrder', input: ORDER_INPUT });
  const charge = b.activity('Charge');
  b.events[b.events.length - 1]!.Input = JSON.stringify({ card: ORDER_INPUT.card, email: 'ann@example.com' });
  b.episode().completed(charge, { token: 'tok_secret', email: 'ann@example.com' });
  const notify = b.activity('Notify');
  b.episode().failed(notify, 'SMTP refused ann@example.com', JSON.stringify({ email: 'ann@example.com', code: 550 }));
  b.entityOperation({ name: 'Inventory', key: 'main' }, 'reserve', 3);
  b.raised('Approval', 'plain text is JSON too').raised('Note', undefined);
  b.events[b.events.length - 1]!.Input = 'not json {';
  return b.idle().toFile({ recordedAt: '2026-11-02T09:00:00.000Z' });
}

const payload = (file: HistoryFile, type: EventType, field = 'Input', nth = 0): unknown => {
  const text = file.history.filter((e) => e.EventType === type)[nth]![field];
  return typeof text === 'string' ? JSON.parse(text) : text;
};
const redact = (file: HistoryFile, ...paths: string[]) => redactHistory(file, paths.map(parseRedactPath));

describe('parseRedactPath', () => {
  test('reads names, quoted keys, indexes, wildcards, any depth and a kind', () => {
    expect(parseRedactPath(' input:$.customer["e-mail"][0].*[*]..sku ')).toEqual({
      text: 'input:$.customer["e-mail"][0].*[*]..sku',
      kind: 'input',
      segments: [
        { type: 'name', name: 'customer', deep: false },
        { type: 'name', name: 'e-mail', deep: false },
        { type: 'index', index: 0 },
        { type: 'any' },
        { type: 'any' },
        { type: 'name', name: 'sku', deep: true },
      ],
    });
    expect(parseRedactPath('$')).toEqual({ text: '$', segments: [] });
    expect(parseRedactPath('Result:$.token').kind).toBe('result');
  });

  test.each(['', 'customer.email', '$.customer.', '$customer', 'output:$.x', '$[x]', '$..', '$.a b', 'input:'])(
    'refuses %j, quoting it and showing the form',
    (text) => {
      const error = (() => {
        try {
          parseRedactPath(text);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(`redact path ${JSON.stringify(text)}`);
      expect((error as Error).message).toContain('e.g. $.customer.email, input:$.items[*].sku');
    },
  );
});

describe('redactHistory', () => {
  test('nested paths, [*] and the marker; other values, events and metadata unchanged', () => {
    const file = orderHistory();
    const { file: out, redacted } = redact(file, '$.customer.email', '$.items[*].sku', '$.card');
    expect(payload(out, EventType.ExecutionStarted)).toEqual({
      ...ORDER_INPUT,
      customer: { ...ORDER_INPUT.customer, email: REDACTED },
      card: REDACTED,
      items: [
        { sku: REDACTED, qty: 1 },
        { sku: REDACTED, qty: 2 },
      ],
    });
    // The activity's input has a card too; $.card matches in every kind of payload.
    expect(payload(out, EventType.TaskScheduled)).toEqual({ card: REDACTED, email: 'ann@example.com' });
    expect(redacted).toBe(5);
    expect(out.redacted).toEqual(['$.customer.email', '$.items[*].sku', '$.card']);
    const strip = (f: HistoryFile) => f.history.map(({ Input: _i, Result: _r, Reason: _s, Details: _d, ...rest }) => rest);
    expect(strip(out)).toEqual(strip(file));
    const { redacted: _list, history: _h, ...meta } = out;
    const { history: _h2, ...originalMeta } = file;
    expect(meta).toEqual(originalMeta);
    expect(Object.keys(out).slice(-2)).toEqual(['redacted', 'history']);
  });

  test('the input file is not changed, and payloads nothing matched are kept byte for byte', () => {
    const file = orderHistory();
    const before = JSON.stringify(file);
    const { file: out } = redact(file, '$..email', '$');
    expect(JSON.stringify(file)).toBe(before);
    const { file: none } = redact(file, '$.nothing.here');
    expect(none.history).toEqual(file.history);
    expect(none.redacted).toEqual(['$.nothing.here']);
    expect(out.history).not.toBe(file.history);
  });

  test('..name at any depth, in arrays too; a value matched twice counts once', () => {
    const b = new HistoryBuilder({
      instanceId: 'd',
      name: 'Deep',
      input: { email: 'a', list: [{ email: 'b' }, [{ Email: 'c' }]], email2: 'kept', inner: { email: { email: 'd' } } },
    });
    const { file, redacted } = redact(b.idle().toFile(), '$..email', 'input:$.email');
    expect(payload(file, EventType.ExecutionStarted)).toEqual({
      email: REDACTED,
      list: [{ email: REDACTED }, [{ Email: REDACTED }]],
      email2: 'kept',
      inner: { email: REDACTED },
    });
    expect(redacted).toBe(4);
  });

  test('a kind restricts the path to its payloads; failure covers Reason and Details when they are JSON', () => {
    const file = orderHistory();
    const input = redact(file, 'input:$.email');
    expect(payload(input.file, EventType.TaskScheduled)).toEqual({ card: ORDER_INPUT.card, email: REDACTED });
    expect(payload(input.file, EventType.TaskCompleted, 'Result')).toEqual({ token: 'tok_secret', email: 'ann@example.com' });
    expect(input.redacted).toBe(1);
    const result = redact(file, 'result:$.token');
    expect(payload(result.file, EventType.TaskCompleted, 'Result')).toEqual({ token: REDACTED, email: 'ann@example.com' });
    expect(result.redacted).toBe(1);
    const failure = redact(file, 'failure:$.email');
    expect(payload(failure.file, EventType.TaskFailed, 'Details')).toEqual({ email: REDACTED, code: 550 });
    // Reason is plain text, not JSON: left alone.
    expect(failure.file.history.find((e) => e.EventType === EventType.TaskFailed)!.Reason).toBe('SMTP refused ann@example.com');
    expect(failure.redacted).toBe(1);
    expect(redact(file, '$.email').redacted).toBe(3);
    // The whole failure payload ($) reaches plain text too.
    const whole = redact(file, 'failure:$');
    expect(whole.file.history.find((e) => e.EventType === EventType.TaskFailed)!.Reason).toBe(REDACTED);
    expect(JSON.stringify(whole.file)).not.toContain('ann@example.com","code');
  });

  test('$ replaces a whole payload: objects, strings, numbers and text that is not JSON all become the marker', () => {
    const file = orderHistory();
    const { file: out, redacted } = redact(file, 'result:$', 'input:$');
    expect(payload(out, EventType.TaskCompleted, 'Result')).toBe(REDACTED);
    expect(payload(out, EventType.EventRaised, 'Input', 0)).toBe(REDACTED);
    expect(out.history.filter((e) => e.EventType === EventType.EventRaised)[1]!.Input).toBe(REDACTED);
    const numbers = redact(new HistoryBuilder({ instanceId: 'n', name: 'N', input: 42 }).idle().toFile(), '$');
    expect(payload(numbers.file, EventType.ExecutionStarted)).toBe(REDACTED);
    // ExecutionStarted, TaskScheduled(Charge), both EventRaised, TaskCompleted, and the entity message's own input.
    expect(redacted).toBe(6);
  });

  test('an entity message keeps the fields replay reads (request id, parent, op) even under $ or ..id', () => {
    const file = orderHistory();
    const sent = (f: HistoryFile) => payload(f, EventType.EventSent) as Record<string, unknown>;
    const original = sent(file);
    const { file: out } = redact(file, '$..id', '$..parent', 'input:$.input');
    expect(sent(out)).toEqual({ ...original, input: REDACTED });
    expect(sent(redact(file, '$').file)).toEqual({ ...original, input: REDACTED });
  });

  test('redacting a redacted file adds its paths once and counts only new values', () => {
    const first = redact(orderHistory(), '$.card');
    const second = redact(first.file, '$.card', '$.total');
    expect(second.redacted).toBe(1);
    expect(second.file.redacted).toEqual(['$.card', '$.total']);
  });

  test('a redacted example history still reads as a history file with the same events', async () => {
    const path = fileURLToPath(new URL('../../examples/histories/order-1004.json', import.meta.url));
    const file = JSON.parse(await readFile(path, 'utf8')) as HistoryFile;
    const { file: out, redacted } = redact(file, 'input:$.customer', '$..sku', '$..id', 'failure:$');
    expect(redacted).toBeGreaterThan(3);
    const before = parseHistory(file, path);
    const after = parseHistory(JSON.parse(JSON.stringify(out)), path);
    expect(after.format).toBe('history-file');
    expect({ ...after, events: after.events.length }).toEqual({ ...before, events: before.events.length });
    expect(after.events.map((e) => [e.EventType, e.EventId, e.Name, e.Timestamp, e.TaskScheduledId])).toEqual(
      before.events.map((e) => [e.EventType, e.EventId, e.Name, e.Timestamp, e.TaskScheduledId]),
    );
  });
});

describe('pruneHistories', () => {
  const now = new Date('2026-11-20T00:00:00.000Z');
  const day = 86_400_000;

  async function folder(files: Record<string, unknown>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'dg-prune-'));
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    return dir;
  }
  const history = (instanceId: string, name: string, daysAgo: number): HistoryFile =>
    new HistoryBuilder({ instanceId, name }).idle().toFile({ recordedAt: new Date(now.getTime() - daysAgo * day).toISOString() });

  test('removes files recorded longer ago than the maximum age, and says how old they were', async () => {
    const dir = await folder({ 'a.json': history('a', 'ProcessOrder', 9), 'b.json': history('b', 'ProcessOrder', 6.9), 'c.json': history('c', 'Other', 7.25) });
    try {
      const summary = await pruneHistories(dir, { maxAgeMs: 7 * day, now });
      expect(summary.removed).toEqual([
        { file: join(dir, 'a.json'), reason: 'recorded 9d ago, older than --max-age 7d' },
        { file: join(dir, 'c.json'), reason: 'recorded 7.3d ago, older than --max-age 7d' },
      ]);
      expect(summary.kept).toBe(1);
      expect(await readdir(dir)).toEqual(['b.json']);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('keeps the N most recently recorded per orchestrator, ties broken by file name, after the age cut', async () => {
    const dir = await folder({
      'p1.json': history('p1', 'ProcessOrder', 1),
      'p2.json': history('p2', 'ProcessOrder', 2),
      'p3.json': history('p3', 'ProcessOrder', 3),
      'p0.json': history('p0', 'ProcessOrder', 30),
      'q-b.json': history('qb', 'Refund', 1),
      'q-a.json': history('qa', 'Refund', 1),
      'r.json': history('r', 'Remind', 5),
    });
    try {
      const summary = await pruneHistories(dir, { keepPerOrchestrator: 2, maxAgeMs: 10 * day, now });
      expect(summary.removed.map((r) => [r.file.slice(dir.length + 1), r.reason])).toEqual([
        ['p0.json', 'recorded 30d ago, older than --max-age 10d'],
        ['p3.json', 'more than 2 of ProcessOrder: 2 recorded later are kept'],
      ]);
      const one = await pruneHistories(dir, { keepPerOrchestrator: 1, now });
      expect(one.removed.map((r) => r.file.slice(dir.length + 1))).toEqual(['p2.json', 'q-b.json']);
      expect(one.kept).toBe(3);
      expect((await readdir(dir)).sort()).toEqual(['p1.json', 'q-a.json', 'r.json']);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('never touches foreign, unparsable or incomplete files, whatever their age', async () => {
    const old = history('x', 'ProcessOrder', 100);
    const { recordedAt: _r, ...noTime } = old;
    const files: Record<string, unknown> = {
      'broken.json': '{"schema": "durable-gate.history/v1", "name": "ProcessOrder", ',
      'rows.json': old.history,
      'other.json': { ...old, schema: 'something-else/v1' },
      'no-time.json': noTime,
      'notes.txt': JSON.stringify(old),
      'old.json': old,
    };
    const dir = await folder(files);
    try {
      const summary = await pruneHistories(dir, { keepPerOrchestrator: 1, maxAgeMs: day, now });
      expect(summary.removed.map((r) => r.file)).toEqual([join(dir, 'old.json')]);
      expect(summary.kept).toBe(0);
      expect(summary.skipped.map((s) => [s.file.slice(dir.length + 1), s.reason])).toEqual([
        ['broken.json', 'not valid JSON'],
        ['no-time.json', 'the history file has no valid "recordedAt" time'],
        ['other.json', 'not a durable-gate history file (no "schema": "durable-gate.history/v1")'],
        ['rows.json', 'not a durable-gate history file (no "schema": "durable-gate.history/v1")'],
      ]);
      for (const name of ['broken.json', 'rows.json', 'other.json', 'no-time.json', 'notes.txt']) {
        const content = files[name];
        expect(await readFile(join(dir, name), 'utf8')).toBe(typeof content === 'string' ? content : JSON.stringify(content));
      }
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('without limits nothing is removed; bad limits are refused', async () => {
    const dir = await folder({ 'a.json': history('a', 'ProcessOrder', 400) });
    try {
      expect(await pruneHistories(dir, { now })).toEqual({ kept: 1, removed: [], skipped: [] });
      await expect(pruneHistories(dir, { keepPerOrchestrator: 0 })).rejects.toThrow(UsageError);
      await expect(pruneHistories(dir, { maxAgeMs: -1 })).rejects.toThrow(UsageError);
      expect(await readdir(dir)).toEqual(['a.json']);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
