/**
 * Expands `--histories` arguments: files, folders (every *.json below them) and globs
 * (`*`, `?`, `**`, `[...]`, `{a,b}`; `\` escapes the next character but on Windows). Node 20 has no fs.glob,
 * so the walk is done here; whether a path matches is picomatch's to say (see globMatcher).
 *
 * Symbolic links are followed, to files and to folders: a history behind a link must be replayed,
 * not skipped (a skipped breaking history would let a deploy through). A folder reached twice
 * (two links to it, or a link back to a parent: a loop) is walked once. A link that leads nowhere
 * (dangling, or a loop of links) is kept as a file, so that reading it gives an `error` result
 * naming the link (see readHistoryFile) instead of a history silently missing.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch/posix.js';

export interface ExpandedPaths {
  files: string[];
  /** Arguments that matched nothing: each is reported, never silently dropped. */
  unmatched: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** History arguments: folders give every *.json below them. */
export function expandHistoryPaths(args: readonly string[], cwd = process.cwd()): Promise<ExpandedPaths> {
  return expandPaths(args, cwd, '.json');
}

/** A file found by a walk. `real` is its path with links resolved; undefined for a link that leads nowhere. */
interface Found {
  path: string;
  real: string | undefined;
  /** A folder that could not be listed (permissions): kept, so that reading it names the problem. */
  unlisted?: boolean;
}

/** Files, folders (every file below ending in `folderSuffix`) and globs, each file once. */
export async function expandPaths(args: readonly string[], cwd: string, folderSuffix: string): Promise<ExpandedPaths> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  let matched = false;
  const add = ({ path, real }: Found): void => {
    matched = true;
    // A file named twice (a folder and a file in it, overlapping globs, two links to one file) is replayed once.
    const key = real ?? path;
    if (!seen.has(key)) {
      seen.add(key);
      files.push(path);
    }
  };
  for (const arg of args) {
    matched = false;
    if (GLOB_CHARS.test(arg)) {
      for (const found of await globFiles(arg, cwd)) add(found);
    } else {
      const path = resolve(cwd, arg);
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        for (const found of await walkFrom(path)) {
          if (found.unlisted || found.path.toLowerCase().endsWith(folderSuffix) || (found.real === undefined && mayBeFolder(found.path))) add(found);
        }
      } else if (info?.isFile()) {
        add({ path, real: await realpath(path).catch(() => path) });
      } else if (!info && (await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
        add({ path, real: undefined }); // a link that leads nowhere: the reader names it
      }
    }
    if (!matched) unmatched.push(arg);
  }
  return { files, unmatched };
}

/** A dangling link without an extension may have pointed to a folder of histories: report it too. */
function mayBeFolder(path: string): boolean {
  return extname(path) === '';
}

async function walkFrom(dir: string): Promise<Found[]> {
  const real = await realpath(dir).catch(() => undefined);
  return real === undefined ? [] : walk(dir, real, new Set([real]));
}

/**
 * Every file below `dir`, sorted, links followed. `realDir` is `dir` with links resolved: a plain
 * entry's real path is `realDir/name`, so only links cost a realpath call (walks of 100,000 files).
 */
async function walk(dir: string, realDir: string, walked: Set<string>): Promise<Found[]> {
  const out: Found[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    // Histories in a folder that cannot be listed would be missed without a word.
    return [{ path: dir, real: undefined, unlisted: true }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let real = join(realDir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (!target) {
        out.push({ path, real: undefined });
        continue;
      }
      real = await realpath(path).catch(() => path);
      isDirectory = target.isDirectory();
      if (!isDirectory && !target.isFile()) continue;
      if (!isDirectory) {
        out.push({ path, real });
        continue;
      }
    }
    if (isDirectory) {
      // Never loops: a folder already walked (reached through another link, or a parent) is skipped.
      if (walked.has(real)) continue;
      walked.add(real);
      out.push(...(await walk(path, real, walked)));
    } else if (entry.isFile()) out.push({ path, real });
  }
  return out;
}

async function globFiles(pattern: string, cwd: string): Promise<Found[]> {
  const segments = globPattern(pattern).split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? cwd : resolve(cwd, baseSegments.join('/') || '/');
  const rest = segments.slice(firstGlob).join('/');
  const matches = globMatcher(rest);
  const restSegments = picomatch.scan(rest, { parts: true }).parts ?? [rest];
  const all = await walkFrom(base);
  return all.filter((found) => {
    const rel = relative(base, found.path).split(sep).join('/');
    return matches(rel) || (found.real === undefined && (found.unlisted || mayBeFolder(found.path)) && mayHoldMatches(restSegments, rel.split('/')));
  });
}

/**
 * A glob as given, with '/' between folders: on Windows `\` separates folders there (so it
 * escapes nothing); elsewhere it escapes the next character.
 */
export function globPattern(pattern: string, separator: string = sep): string {
  return separator === '/' ? pattern : pattern.split(separator).join('/');
}

/**
 * Whether a '/'-separated path relative to the glob's folder matches the glob.
 *
 * picomatch, not a matcher of our own (braces holding globs and an escaped `\*` were wrong in ours)
 * nor Node's path.matchesGlob (missing before Node 20.17, which package.json's engines allow, and
 * experimental, with a warning, on Node 20 and 22): it is maintained and has no dependencies, so
 * the library stays light to install. Its POSIX flavour: the separator is made '/' beforehand
 * (globPattern). As before, parentheses and double quotes are plain characters (picomatch would
 * read regex groups, extglobs and quoting), a leading `!` does not negate, `[!a]` does, and `*`
 * does not stop at a leading dot (the walk skips hidden entries itself).
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const plain = glob.replace(/\\.|[()"]/g, (m) => (m.length === 2 ? m : `\\${m}`));
  return picomatch(plain, { dot: true, nonegate: true, noextglob: true, posix: true });
}

/** Could files below the folder `path` (segments) match the glob `pattern` (segments)? */
function mayHoldMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (path.length === 0) return pattern.length > 0;
  const [head, ...tail] = pattern;
  if (head === undefined) return false;
  if (head === '**') return mayHoldMatches(tail, path) || mayHoldMatches(pattern, path.slice(1));
  // A brace that spans folders ({a,b/c}) cannot be matched one folder at a time: the folder may hold matches.
  if (head.includes('/')) return true;
  return globMatcher(head)(path[0]!) && mayHoldMatches(tail, path.slice(1));
}

export function displayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
