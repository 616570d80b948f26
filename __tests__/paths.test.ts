/**
 * Expanding --histories on a real folder (harness/history/paths.ts): globs with braces, escapes,
 * `**`, `?` and classes, folders, and arguments that match nothing. No app, no child process.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expandHistoryPaths, expandPaths } from '../harness/history/paths.js';

let root: string;
const FILES = [
  'prod/a1.json',
  'prod/a2.json',
  'prod/abc.json',
  'prod/b.json',
  'prod/bx.json',
  'prod/c.json',
  'prod/*.json',
  'prod/order (1).json',
  'prod/deep/a3.json',
  'prod/deep/er/z.json',
  'prod/notes.txt',
  'prod/.hidden/a9.json',
  'prod/node_modules/a8.json',
  'app/dist/src/index.js',
  'app/dist/src/functions/one.js',
  'app/dist/src/functions/two.js',
  'app/dist/src/functions/nested/three.js',
  'app/dist/src/other.js',
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-paths-'));
  for (const file of FILES) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '{}');
  }
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The files an argument expands to, relative to the root and sorted. */
async function expand(...args: string[]): Promise<string[]> {
  const { files } = await expandHistoryPaths(args, root);
  return files.map((file) => file.slice(root.length + 1)).sort();
}

describe('globs', () => {
  test('braces may hold globs: {a*,b} is a* or b, nothing else', async () => {
    expect(await expand('prod/{a*,b}.json')).toEqual(['prod/a1.json', 'prod/a2.json', 'prod/abc.json', 'prod/b.json']);
  });

  test('a brace may span folders (a v4 app\'s "main": "dist/src/{index.js,functions/*.js}")', async () => {
    const { files } = await expandPaths(['dist/src/{index.js,functions/*.js}'], join(root, 'app'), '.js');
    expect(files.map((file) => file.slice(root.length + 1))).toEqual([
      'app/dist/src/functions/one.js',
      'app/dist/src/functions/two.js',
      'app/dist/src/index.js',
    ]);
  });

  test('an escaped \\* is a star in the name, not a wildcard', async () => {
    expect(await expand('prod/\\*.json')).toEqual(['prod/*.json']);
  });

  test('** crosses folders, * and ? do not', async () => {
    expect(await expand('prod/**/a*.json')).toEqual(['prod/a1.json', 'prod/a2.json', 'prod/abc.json', 'prod/deep/a3.json']);
    expect(await expand('prod/**/z.json')).toEqual(['prod/deep/er/z.json']);
    expect(await expand('prod/a?.json')).toEqual(['prod/a1.json', 'prod/a2.json']);
    expect(await expand('prod/*/a?.json')).toEqual(['prod/deep/a3.json']);
  });

  test('character classes, negated with ! or ^', async () => {
    expect(await expand('prod/a[12].json')).toEqual(['prod/a1.json', 'prod/a2.json']);
    expect(await expand('prod/a[!1].json')).toEqual(['prod/a2.json']);
    expect(await expand('prod/[^a].json')).toEqual(['prod/*.json', 'prod/b.json', 'prod/c.json']);
  });

  test('parentheses are plain characters', async () => {
    expect(await expand('prod/order (1)*.json')).toEqual(['prod/order (1).json']);
  });

  test('hidden folders and node_modules are never walked', async () => {
    expect(await expand('prod/**/a[89].json')).toEqual([]);
  });

  test('a glob that matches nothing is named as given', async () => {
    expect(await expandHistoryPaths(['prod/{x,y}*.json', 'prod/b.json'], root)).toEqual({
      files: [join(root, 'prod/b.json')],
      unmatched: ['prod/{x,y}*.json'],
    });
  });
});

describe('files and folders', () => {
  test('a folder gives every *.json below it, each file once', async () => {
    expect(await expand('prod', 'prod/b.json', 'prod/*.json')).toEqual([
      'prod/*.json',
      'prod/a1.json',
      'prod/a2.json',
      'prod/abc.json',
      'prod/b.json',
      'prod/bx.json',
      'prod/c.json',
      'prod/deep/a3.json',
      'prod/deep/er/z.json',
      'prod/order (1).json',
    ]);
  });

  test('a path that does not exist is named as given', async () => {
    expect(await expandHistoryPaths(['prod/none.json'], root)).toEqual({ files: [], unmatched: ['prod/none.json'] });
  });
});
