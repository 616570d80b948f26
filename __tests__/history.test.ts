/** Reading histories in every accepted form, and refusing the rest with the file and event named. */
import { describe, expect, test } from '@jest/globals';
import { HistoryError } from '../harness/errors.js';
import { EventType } from '../harness/history/events.js';
import { HistoryBuilder } from '../harness/history/builder.js';
import { parseHistory } from '../harness/history/load.js';

function sample(): HistoryBuilder {
  const b = new HistoryBuilder({ instanceId: 'i/1', name: 'Flow', input: { a: 1 } });
  const a = b.activity('A');
  b.episode().completed(a, 'x');
  return b.idle();
}

/** History table rows as DurableTask.AzureStorage writes them (AzureTableTrackingStore.cs). */
function tableRows(events: ReturnType<HistoryBuilder['build']>, executionId: string, from = 0): Record<string, unknown>[] {
  return events.map((e, i) => {
    const { EventType: type, Timestamp, OrchestrationInstance, ...rest } = e;
    return {
      PartitionKey: 'i/1',
      RowKey: (from + i).toString(16).toUpperCase().padStart(16, '0'),
      Timestamp: '2026-11-23T00:00:00.000Z',
      ExecutionId: executionId,
      EventType: EventType[type],
      _Timestamp: Timestamp,
      ...rest,
      ...(OrchestrationInstance ? { OrchestrationInstance: JSON.stringify(OrchestrationInstance) } : {}),
    };
  });
}

describe('history forms', () => {
  test('canonical file, bare array and { history } give the same events', () => {
    const b = sample();
    const file = parseHistory(b.toFile(), 'f.json');
    const bare = parseHistory(b.build(), 'b.json');
    const wrapped = parseHistory({ history: b.build() }, 'w.json');
    expect(file.format).toBe('history-file');
    expect(bare.format).toBe('event-array');
    expect(wrapped.format).toBe('history-object');
    expect(bare.events).toEqual(file.events);
    expect(file.instanceId).toBe('i/1');
    expect(file.orchestrator).toBe('Flow');
  });

  test('table rows: string EventType, _Timestamp, JSON columns, RowKey order, sentinel execution, continue-as-new leftovers ignored', () => {
    const current = sample().build();
    const rows = tableRows(current, 'E2');
    const leftovers = tableRows(sample().build().concat(sample().build().slice(0, 3)), 'E1').slice(current.length);
    const all = [...leftovers, ...rows.reverse(), { PartitionKey: 'i/1', RowKey: 'sentinel', ExecutionId: 'E2' }];
    const history = parseHistory(all, 'rows.json');
    expect(history.format).toBe('table-rows');
    expect(history.events.map((e) => e.EventType)).toEqual(current.map((e) => e.EventType));
    expect(history.events[1]!.OrchestrationInstance).toEqual({ InstanceId: 'i/1', ExecutionId: expect.any(String) });
    expect(history.events[0]!.Timestamp).toBe(current[0]!.Timestamp);
    expect(history.notes.join()).toContain('earlier execution');
  });

  test('the HTTP showHistory form is refused with the reason and what to use instead', () => {
    const status = { name: 'Flow', instanceId: 'i', runtimeStatus: 'Running', historyEvents: [{ EventType: 'ExecutionStarted', FunctionName: 'Flow' }] };
    expect(() => parseHistory(status, 'status.json')).toThrow(/showHistory.*az storage entity query/s);
    expect(() => parseHistory(status.historyEvents, 'events.json')).toThrow(/showHistory/);
    // Junk with string event types is not mistaken for showHistory output.
    expect(() => parseHistory([{ EventType: 'Bogus' }], 'junk.json')).toThrow(
      /^junk\.json \(event 0\): EventType "Bogus" is not a DurableTask.Core event type/,
    );
  });

  test('an unknown event type names the file and the event index', () => {
    const events = sample().build();
    (events[3] as { EventType: number }).EventType = 42;
    try {
      parseHistory(events, 'bad.json');
      throw new Error('expected a HistoryError');
    } catch (error) {
      expect(error).toBeInstanceOf(HistoryError);
      expect((error as HistoryError).eventIndex).toBe(3);
      expect((error as Error).message).toMatch(/^bad\.json \(event 3\): EventType 42/);
    }
  });

  test('a missing ExecutionStarted is refused', () => {
    const events = sample()
      .build()
      .filter((e) => e.EventType !== EventType.ExecutionStarted);
    expect(() => parseHistory(events, 'cut.json')).toThrow(/no ExecutionStarted/);
  });

  test('timestamps without a zone are read as UTC, and the note says so', () => {
    const events = sample()
      .build()
      .map((e) => ({ ...e, Timestamp: e.Timestamp.replace('Z', '') }));
    const history = parseHistory(events, 'nozone.json');
    expect(history.events[0]!.Timestamp.endsWith('Z')).toBe(true);
    expect(history.notes.join()).toContain('UTC');
  });

  test('instanceof works across two real copies of the library', async () => {
    const { copyFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL, fileURLToPath } = await import('node:url');
    const errorsModule = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'harness', 'errors.js');
    const copy = join(mkdtempSync(join(tmpdir(), 'dg-copy-')), 'errors.mjs');
    copyFileSync(errorsModule, copy);
    const other = (await import(pathToFileURL(copy).href)) as typeof import('../harness/errors.js');
    expect(other.HistoryError).not.toBe(HistoryError);
    const fromCopy = new other.HistoryError('f.json', 'bad');
    expect(fromCopy).toBeInstanceOf(HistoryError);
    expect(new HistoryError('f.json', 'bad')).toBeInstanceOf(other.HistoryError);
    expect(new other.NondeterminismError('x', { source: '', instanceId: '', orchestrator: '', verdict: 'nondeterministic' })).toBeInstanceOf(
      (await import('../harness/errors.js')).IncompatibleCodeError,
    );
    expect(fromCopy).not.toBeInstanceOf(other.NondeterminismError);
  });

  test('errors are recognised across copies of the library by their brand', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('durable-gate.error')]: ['DurableGateError', 'HistoryError'] });
    expect(foreign).toBeInstanceOf(HistoryError);
    expect(new Error('plain')).not.toBeInstanceOf(HistoryError);
  });
});

describe('more forms and payload', () => {
  test('table query results wrapped as { items } (az storage entity query) or { value } (Table REST API)', () => {
    const b = sample();
    const rows = b.build().map((e, i) => ({
      PartitionKey: 'i/1',
      RowKey: i.toString(16).padStart(16, '0'),
      ExecutionId: 'E',
      ...e,
      EventType: EventType[e.EventType],
      _Timestamp: e.Timestamp,
    }));
    expect(parseHistory({ items: rows, nextMarker: null }, 'az.json').format).toBe('table-rows');
    expect(parseHistory({ 'odata.metadata': 'x', value: rows }, 'rest.json').events).toHaveLength(rows.length);
  });

  test('a large value moved to a blob is named with what to do', () => {
    const rows = sample()
      .build()
      .map((e, i) => ({ PartitionKey: 'i/1', RowKey: i.toString(16).padStart(16, '0'), ...e, EventType: EventType[e.EventType], _Timestamp: e.Timestamp }));
    Object.assign(rows[1]!, { Input: '', InputBlobName: 'i/1/history-0000000000000001-ExecutionStarted-1A2B3C4D-Input.json.gz' });
    expect(() => parseHistory(rows, 'big.json')).toThrow(/InputBlobName.*gunzip/);
  });
});
