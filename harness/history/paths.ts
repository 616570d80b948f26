/**
 * Expands `--histories` arguments: files, folders (every *.json below them) and globs
 * (`*`, `?`, `**`). Node 20 has no fs.glob, so the walk is done here.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

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

/** Files, folders (every file below ending in `folderSuffix`) and globs, each file once. */
export async function expandPaths(args: readonly string[], cwd: string, folderSuffix: string): Promise<ExpandedPaths> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  let matched = false;
  const add = (file: string): void => {
    matched = true;
    // A file named twice (a folder and a file in it, overlapping globs) is replayed once.
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    matched = false;
    if (GLOB_CHARS.test(arg)) {
      for (const file of await globFiles(arg, cwd)) add(file);
    } else {
      const path = resolve(cwd, arg);
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        for (const file of await walk(path)) if (file.toLowerCase().endsWith(folderSuffix)) add(file);
      } else if (info?.isFile()) {
        add(path);
      }
    }
    if (!matched) unmatched.push(arg);
  }
  return { files, unmatched };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const normalized = pattern.split(sep).join('/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? cwd : resolve(cwd, baseSegments.join('/') || '/');
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  const all = await walk(base);
  return all.filter((file) => matcher.test(relative(base, file).split(sep).join('/')));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map(escapeRe).join('|')})`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}

export function displayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
