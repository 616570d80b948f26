/**
 * Where a replay's results go while it runs: the totals and the problems in memory, every result
 * in order on disk once there are many. A run over 100,000 histories holds what a report needs to
 * say what broke (the problems, the totals), not 100,000 results; the renderers read the rest
 * back in order, one result at a time.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isProblem, summarize, type ReplayResult, type ReplaySummary } from './result.js';

/** Results kept in memory before they go to disk: small runs never touch the disk. */
const IN_MEMORY = 2000;

export class ResultStore implements Iterable<ReplayResult> {
  readonly summary: ReplaySummary = summarize([]);
  /** The results that are not plain ok (broken, unreadable, ok with warnings), in order. */
  readonly problems: ReplayResult[] = [];
  private held: ReplayResult[] = [];
  private spool: { dir: string; file: string; fd: number } | undefined;
  private disposed = false;

  constructor(private readonly inMemory = IN_MEMORY) {}

  add(results: readonly ReplayResult[]): void {
    for (const result of results) {
      this.summary.total += 1;
      this.summary[result.verdict] += 1;
      if (isProblem(result)) this.problems.push(result);
    }
    if (!this.spool && this.held.length + results.length <= this.inMemory) {
      this.held.push(...results);
      return;
    }
    if (!this.spool) {
      const dir = mkdtempSync(join(tmpdir(), 'durable-gate-results-'));
      const file = join(dir, 'results.ndjson');
      this.spool = { dir, file, fd: openSync(file, 'w+') };
      process.once('exit', this.removeSpool);
      this.write(this.held);
      this.held = [];
    }
    this.write(results);
  }

  private write(results: readonly ReplayResult[]): void {
    if (results.length === 0) return;
    writeSync(this.spool!.fd, results.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  *[Symbol.iterator](): Iterator<ReplayResult> {
    if (this.disposed) throw new Error('the results of this replay were disposed of');
    if (!this.spool) {
      yield* this.held;
      return;
    }
    // Read back in 1 MB chunks: one line is one result.
    const chunk = Buffer.alloc(1 << 20);
    // A character cut by a chunk's end is held until the next chunk completes it.
    const decoder = new StringDecoder('utf8');
    let position = 0;
    let rest = '';
    for (;;) {
      const read = readSync(this.spool.fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield JSON.parse(line) as ReplayResult;
    }
    if (rest) yield JSON.parse(rest) as ReplayResult;
  }

  /** Every result in memory: for callers that asked for an array (the library's runReplay). */
  toArray(): ReplayResult[] {
    return [...this];
  }

  dispose(): void {
    this.disposed = true;
    this.held = [];
    this.removeSpool();
  }

  private readonly removeSpool = (): void => {
    if (!this.spool) return;
    const { dir, fd } = this.spool;
    this.spool = undefined;
    process.removeListener('exit', this.removeSpool);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
