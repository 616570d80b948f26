/** Report files are written whole or not at all: a killed run never leaves half a report. */
import { link, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `text` to a temporary file beside `path`, then moves it into place. Without `overwrite`,
 * an existing file is kept and the call fails with EEXIST (a hard link never replaces a file).
 */
export async function writeWhole(path: string, text: string, options: { overwrite?: boolean } = {}): Promise<void> {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, text);
    if (options.overwrite === false) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}
