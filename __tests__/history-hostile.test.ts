/**
 * Hostile history inputs: symbolic links (to files, to folders, in loops, dangling) under
 * --histories, and files that are truncated, not UTF-8, nested without end or very large.
 * Each bad file must give an `error` result naming it and what is wrong, never a crash of the
 * batch, a stack overflow, or a history silently skipped (a skipped breaking history lets a deploy through).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HistoryError } from '../harness/errors.js';
import { MAX_HISTORY_BYTES, MAX_HISTORY_DEPTH, readHistoryFile } from '../harness/history/load.js';
import { expandHistoryPaths } from '../harness/history/paths.js';
import { loadApp, replayHistories, type ReplayApp, type ReplayResult } from '../harness/index.js';
import { runReplay } from '../harness/replay/run.js';

const repo = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const examples = join(repo, 'examples', 'histories');
const example = (name: string): string => join(examples, name);
const ALL_EXAMPLES = [
  'order-1001.json',
  'order-1002.json',
  'order-1003-approval.json',
  'order-1003.json',
  'order-1004.json',
  'order-1005.json',
  'order-1006-reminder.json',
];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-hostile-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh folder under the test's temporary root. */
function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function readError(path: string): Promise<HistoryError> {
  const error = await readHistoryFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HistoryError);
  return error as HistoryError;
}

describe('symbolic links under --histories', () => {
  test('a linked file is found by a folder walk and a glob, once', async () => {
    const dir = folder('linked-file');
    symlinkSync(example('order-1002.json'), join(dir, 'order-1002.json'));
    symlinkSync(join(dir, 'order-1002.json'), join(dir, 'again.json')); // a second link to the same file
    expect(await expandHistoryPaths([dir])).toEqual({ files: [join(dir, 'again.json')], unmatched: [] });
    expect((await expandHistoryPaths(['linked-file/*.json'], root)).files).toEqual([join(dir, 'again.json')]);
    expect((await readHistoryFile(join(dir, 'order-1002.json'))).instanceId).toBe('order-1002');
  });

  test('a linked folder is walked, by a folder argument and by a ** glob', async () => {
    const dir = folder('linked-folder');
    symlinkSync(examples, join(dir, 'prod'));
    const expected = ALL_EXAMPLES.map((name) => join(dir, 'prod', name));
    expect((await expandHistoryPaths([dir])).files).toEqual(expected);
    expect((await expandHistoryPaths(['linked-folder/**/*.json'], root)).files).toEqual(expected);
    expect((await expandHistoryPaths(['linked-folder/prod/order-100[12].json'], root)).files).toEqual(expected.slice(0, 2));
  });

  test('loops of links end: a folder reached twice is walked once, a file link loop is named', async () => {
    const dir = folder('loops');
    mkdirSync(join(dir, 'a'));
    copyFileSync(example('order-1001.json'), join(dir, 'a', 'order-1001.json'));
    symlinkSync(dir, join(dir, 'a', 'up')); // back to a parent
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'self'));
    symlinkSync(examples, join(dir, 'b1')); // two links to one folder
    symlinkSync(examples, join(dir, 'b2'));
    symlinkSync(join(dir, 'y.json'), join(dir, 'x.json')); // x -> y -> x
    symlinkSync(join(dir, 'x.json'), join(dir, 'y.json'));
    const { files, unmatched } = await expandHistoryPaths([dir]);
    expect(unmatched).toEqual([]);
    expect(files).toEqual([join(dir, 'a', 'order-1001.json'), ...ALL_EXAMPLES.map((name) => join(dir, 'b1', name)), join(dir, 'x.json'), join(dir, 'y.json')]);
    expect((await expandHistoryPaths(['loops/**/*.json'], root)).files).toEqual(files);
    const loop = await readError(join(dir, 'x.json'));
    expect(loop.message).toBe(
      `${join(dir, 'x.json')}: is a symbolic link to "${join(dir, 'y.json')}" that leads back to itself (a loop of links). Point the link at the history file, or remove it.`,
    );
  });

  test('a dangling link is kept and named, not skipped: to a file, to what may have been a folder, and as an argument', async () => {
    const dir = folder('dangling');
    copyFileSync(example('order-1001.json'), join(dir, 'order-1001.json'));
    symlinkSync(join(dir, 'missing.json'), join(dir, 'gone.json'));
    symlinkSync('/no/such/mount/histories', join(dir, 'archive'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'notes.txt')); // neither a history nor a folder: not ours
    const all = [join(dir, 'archive'), join(dir, 'gone.json'), join(dir, 'order-1001.json')];
    expect(await expandHistoryPaths([dir])).toEqual({ files: all, unmatched: [] });
    expect((await expandHistoryPaths(['dangling/**/*.json'], root)).files).toEqual(all);
    // `*.json` cannot match anything inside a folder, so the dangling "archive" is none of its business.
    expect((await expandHistoryPaths(['dangling/*.json'], root)).files).toEqual(all.slice(1));
    expect(await expandHistoryPaths([join(dir, 'gone.json')])).toEqual({ files: [join(dir, 'gone.json')], unmatched: [] });

    const gone = await readError(join(dir, 'gone.json'));
    expect(gone.message).toBe(
      `${join(dir, 'gone.json')}: is a symbolic link to "${join(dir, 'missing.json')}", which does not exist (a dangling link). Point the link at the history file, or remove it.`,
    );
    expect((await readError(join(dir, 'archive'))).detail).toContain('is a symbolic link to "/no/such/mount/histories", which does not exist');
    expect((await readError(join(dir, 'nothing.json'))).detail).toBe('no such file');
  });
});

/** order-1001 as text, with `change` applied. */
function order1001(change: (text: string) => string = (t) => t): string {
  return change(readFileSync(example('order-1001.json'), 'utf8'));
}

describe('hostile history files', () => {
  test('a truncated file says so, with what to do', async () => {
    const dir = folder('truncated');
    const text = order1001();
    for (const [name, cut] of [
      ['half', text.length / 2],
      ['in-a-string', text.indexOf('ProcessOrder') + 3],
      ['after-a-value', text.indexOf('"Running"') + 9],
    ] as const) {
      writeFileSync(join(dir, `${name}.json`), text.slice(0, cut));
      const error = await readError(join(dir, `${name}.json`));
      expect(error.detail).toMatch(
        /^is truncated: the JSON stops in the middle of a value after \d+ characters \(.+\)\. The file was cut short while it was written or copied: record or copy it again\. Expected a durable-gate history file/,
      );
    }
    writeFileSync(join(dir, 'empty.json'), ' \n');
    expect((await readError(join(dir, 'empty.json'))).detail).toMatch(/^the file is empty\. Expected/);
    writeFileSync(join(dir, 'broken.json'), text.replace('"IsPlayed": false', '"IsPlayed": flase'));
    expect((await readError(join(dir, 'broken.json'))).detail).toMatch(/^not valid JSON \(Unexpected token 'l', .*"Played": flase .*\)\. Expected/);
    writeFileSync(join(dir, 'trailing.json'), `${text}\n}`);
    expect((await readError(join(dir, 'trailing.json'))).detail).toMatch(
      /^not valid JSON \(Unexpected non-whitespace character after JSON at position \d+(, line 51| \(line 51 column 1\))\)\./,
    );
  });

  test('a file that is not UTF-8 names the byte offset and line; a UTF-8 byte order mark is accepted', async () => {
    const dir = folder('encoding');
    const latin1 = Buffer.from(
      order1001((t) => t.replace('customer-order-1001', 'Café Müller')),
      'latin1',
    );
    writeFileSync(join(dir, 'latin1.json'), latin1);
    const offset = latin1.indexOf(0xe9);
    const error = await readError(join(dir, 'latin1.json'));
    expect(error.message).toBe(
      `${join(dir, 'latin1.json')}: is not UTF-8 text: the byte at offset ${offset} (line 27), 0xE9, does not begin a valid UTF-8 sequence. ` +
        'The file is in another encoding (such as Latin-1 or Windows-1252) or is not text. Convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8). ' +
        'Expected a durable-gate history file, an array of history events or of History table rows, as UTF-8 JSON.',
    );
    // A lone continuation byte, an overlong form and a surrogate are not UTF-8 either.
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      writeFileSync(join(dir, 'bad.json'), Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bad), Buffer.from('"}')]));
      expect((await readError(join(dir, 'bad.json'))).detail).toMatch(/^is not UTF-8 text: the byte at offset 6 \(line 1\)/);
    }
    writeFileSync(join(dir, 'utf16.json'), Buffer.from(`\ufeff${order1001()}`, 'utf16le'));
    expect((await readError(join(dir, 'utf16.json'))).detail).toMatch(
      /^is UTF-16 text \(byte order mark 0xFF 0xFE\), as Windows PowerShell's ">" writes it\. Save it as UTF-8/,
    );
    writeFileSync(
      join(dir, 'bom.json'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(order1001((t) => t.replace('customer-order-1001', 'Café Müller')))]),
    );
    expect((await readHistoryFile(join(dir, 'bom.json'))).events[1]!.Input).toContain('Café Müller');
  });

  test('deep nesting is refused by name before anything recursive sees it (100,000 levels)', async () => {
    const dir = folder('deep');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    writeFileSync(
      join(dir, 'tags.json'),
      order1001((t) => t.replace('"Tags": null', `"Tags": {"a": ${deep}}`)),
    );
    const error = await readError(join(dir, 'tags.json'));
    expect(error.detail).toBe(
      `arrays and objects are nested more than ${MAX_HISTORY_DEPTH} levels deep (under history[1].Tags.a); no history event nests that deep, and replaying it would overflow the stack. ` +
        'Expected a durable-gate history file, an array of history events or of History table rows, as UTF-8 JSON.',
    );
    writeFileSync(join(dir, 'bare.json'), deep);
    expect((await readError(join(dir, 'bare.json'))).detail).toMatch(
      /^arrays and objects are nested more than 1000 levels deep \(under \[0\]\[0\]\[0\]\[0\]\)/,
    );
    // Nesting up to the limit is fine (a payload of a few levels is the norm).
    writeFileSync(
      join(dir, 'ok.json'),
      order1001((t) => t.replace('"Tags": null', `"Tags": {"a": ${'['.repeat(MAX_HISTORY_DEPTH - 4)}${']'.repeat(MAX_HISTORY_DEPTH - 4)}}`)),
    );
    expect((await readHistoryFile(join(dir, 'ok.json'))).instanceId).toBe('order-1001');
  });

  test(`a 60 MB history is read; one over ${MAX_HISTORY_BYTES / 2 ** 20} MB is refused with the limit and what to do`, async () => {
    const dir = folder('big');
    writeFileSync(join(dir, 'big.json'), bigHistory());
    const history = await readHistoryFile(join(dir, 'big.json'));
    expect(history.events[1]!.Input!.length).toBeGreaterThan(60_000_000);
    // A sparse file: its size is over the limit without writing 256 MB to the disk.
    writeFileSync(join(dir, 'huge.json'), '');
    truncateSync(join(dir, 'huge.json'), 300 * 2 ** 20);
    expect((await readError(join(dir, 'huge.json'))).detail).toBe(
      'is 300 MB, more than the 256 MB durable-gate reads from one history file. ' +
        "One instance's history is rarely more than a few MB: if this is an export of a whole History table, write one file per instance (the rows of one PartitionKey) and replay those.",
    );
  });

  test('a folder given where a file is expected is named', async () => {
    expect((await readError(folder('a-folder'))).detail).toMatch(/^is a folder, not a history file\. Pass folders to --histories/);
  });
});

/** order-1001 with a 60 MB note in its input: still a valid history the app replays. */
function bigHistory(): string {
  return order1001((t) => {
    const file = JSON.parse(t) as { history: { Input?: string }[] };
    const started = file.history[1]!;
    started.Input = JSON.stringify({ ...(JSON.parse(started.Input!) as object), note: 'x'.repeat(60_000_000) });
    return JSON.stringify(file);
  });
}

describe('one bad file gives an error for that file; the others replay', () => {
  let app: ReplayApp;
  let dir: string;
  beforeAll(async () => {
    app = await loadApp(join(repo, 'examples', 'order-app'), { userOutput: 'ignore' });
    dir = folder('mixed');
    for (const name of ['order-1001.json', 'order-1003.json']) copyFileSync(example(name), join(dir, name));
    symlinkSync(example('order-1004.json'), join(dir, 'linked.json'));
    symlinkSync(join(dir, 'missing.json'), join(dir, 'dangling.json'));
    symlinkSync(dir, join(dir, 'loop'));
    writeFileSync(join(dir, 'truncated.json'), order1001().slice(0, 300));
    writeFileSync(
      join(dir, 'latin1.json'),
      Buffer.from(
        order1001((t) => t.replace('customer-order-1001', 'Café')),
        'latin1',
      ),
    );
    writeFileSync(
      join(dir, 'deep.json'),
      order1001((t) => t.replace('"Tags": null', `"Tags": ${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    );
    writeFileSync(join(dir, 'big.json'), bigHistory());
  });
  afterAll(async () => {
    await app?.close();
  });

  const expected: [string, ReplayResult['verdict'], RegExp?][] = [
    ['big.json', 'ok'],
    ['dangling.json', 'error', /^is a symbolic link to ".*missing\.json", which does not exist \(a dangling link\)/],
    ['deep.json', 'error', /^arrays and objects are nested more than 1000 levels deep \(under history\[1\]\.Tags\[0\]\)/],
    ['latin1.json', 'error', /^is not UTF-8 text: the byte at offset \d+ \(line 27\), 0xE9/],
    ['linked.json', 'ok'],
    ['order-1001.json', 'ok'],
    ['order-1003.json', 'ok'],
    ['truncated.json', 'error', /^is truncated/],
  ];

  function check(results: ReplayResult[], name: (source: string) => string): void {
    expect(results.map((r) => [name(r.source), r.verdict])).toEqual(expected.map(([file, verdict]) => [file, verdict]));
    for (const [file, , message] of expected) {
      const result = results.find((r) => name(r.source) === file)!;
      if (message) expect(result.error?.message).toMatch(message);
      else expect(result.error).toBeUndefined();
    }
  }

  test('through the library: replayHistories over the folder', async () => {
    const results: ReplayResult[] = [];
    for await (const result of replayHistories(app, [dir])) results.push(result);
    check(results, (source) => source.slice(dir.length + 1));
  });

  test('through the replay job the CLI and the Action run', async () => {
    const report = await runReplay({ app: join(repo, 'examples', 'order-app'), histories: ['mixed'], cwd: root, userOutput: 'ignore' });
    check(report.results, (source) => source.replace(/^mixed\//, ''));
    expect(report.summary).toEqual({ total: 8, ok: 4, nondeterministic: 0, failed: 0, error: 4 });
  });

  test('a breaking history behind a link is caught, not skipped', async () => {
    const linked = folder('breaking-link');
    symlinkSync(example('order-1002.json'), join(linked, 'order-1002.json'));
    const report = await runReplay({ app: join(repo, 'examples', 'order-app-next'), histories: ['breaking-link'], cwd: root, userOutput: 'ignore' });
    expect(report.results.map((r) => [r.source, r.verdict])).toEqual([['breaking-link/order-1002.json', 'nondeterministic']]);
  });
});
