/** Report files are written whole or not at all: a killed run never leaves half a report. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';

/**
 * Writes `text` (a string, or pieces of one in order) to a temporary file beside `path`, then
 * moves it into place. Without `overwrite`, an existing file is kept and the call fails with
 * EEXIST (a hard link never replaces a file).
 */
export async function writeWhole(path: string, text: string | Iterable<string>, options: { overwrite?: boolean } = {}): Promise<void> {
  const temp = temporaryName(path);
  try {
    const file = await open(temp, 'w');
    try {
      for (const piece of typeof text === 'string' ? [text] : inPiecesOf(text)) await file.write(piece);
    } finally {
      await file.close();
    }
    if (options.overwrite === false) {
      await link(temp, path);
      await rm(temp, { force: true });
    } else {
      // Renamed into place: the temporary name is gone, nothing to remove.
      await rename(temp, path);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The name a file is written under before it is moved into place: `<path>.<pid>.<random>.tmp`. */
function temporaryName(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** writeWhole for a text in hand, in this thread (replacing `path`): no trip through libuv's thread pool. */
export function writeWholeSync(path: string, text: string): void {
  const temp = temporaryName(path);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Small pieces joined into pieces of about `size` characters: one write each, not one per line. */
export function* inPiecesOf(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let held: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    held.push(piece);
    length += piece.length;
    if (length >= size) {
      yield held.join('');
      held = [];
      length = 0;
    }
  }
  if (held.length > 0) yield held.join('');
}
