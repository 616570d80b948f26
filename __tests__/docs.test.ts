/** The README's tables of the Action's inputs and outputs name every one that action.yml declares. */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';

/** The keys of a top-level section of action.yml (two-space indented names). */
function declared(section: 'inputs' | 'outputs'): string[] {
  const lines = readFileSync(join(repoRoot, 'action.yml'), 'utf8').split('\n');
  const start = lines.indexOf(`${section}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const name = /^ {2}([a-z][a-z0-9-]*):/.exec(line)?.[1];
    if (name) names.push(name);
  }
  return names;
}

/** The names in the first column of the README table whose header starts with `| <header> |`. */
function tabled(header: string): Set<string> {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  expect(start).toBeGreaterThanOrEqual(0);
  const names = new Set<string>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    for (const [, name] of line.split('|')[1]!.matchAll(/`([a-z][a-z0-9-]*)`/g)) names.add(name!);
  }
  return names;
}

describe('README', () => {
  test.each(['inputs', 'outputs'] as const)("lists every one of the Action's %s", (section) => {
    const table = tabled(section === 'inputs' ? 'input' : 'output');
    const names = declared(section);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !table.has(name))).toEqual([]);
  });
});
