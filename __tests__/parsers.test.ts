/**
 * The pure parsers, alone: durations, times, globs, Retry-After and XML escaping. No file, no
 * process, no emulator: this file runs in a second or two, for a fast edit-test loop.
 */
import { describe, expect, test } from '@jest/globals';
import { UsageError } from '../harness/errors.js';
import { globMatcher, globPattern } from '../harness/history/paths.js';
import { escapeXml } from '../harness/report/junit.js';
import { parseDuration } from '../src/commands/duration.js';
import { parseTime } from '../src/commands/options.js';
import { retryAfter } from '../src/http.js';

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['5m5s', 305_000],
    ['1.5h', 5_400_000],
    [' 2h ', 7_200_000],
    ['24d', 24 * 86_400_000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration('--timeout', text)).toBe(ms);
  });

  test.each(['', '   ', '10', '1x', '0s', '1h 30m', '-5m', 'h'])('%j is refused, naming the option and the value', (text) => {
    expect(() => parseDuration('--timeout', text)).toThrow(UsageError);
    expect(() => parseDuration('--timeout', text)).toThrow(`Invalid --timeout '${text}'. Expected a duration like 90s, 30m, 2h or 1h30m.`);
  });

  test('more than 24 days is refused', () => {
    expect(() => parseDuration('--timeout', '25d')).toThrow("Invalid --timeout '25d'. Durations up to 24d are supported.");
  });
});

describe('parseTime', () => {
  test.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    [' 2026-11-20 ', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T08:00:00Z', '2026-11-20T08:00:00.000Z'],
    ['2026-11-20T08:00Z', '2026-11-20T08:00:00.000Z'],
    ['2026-11-20T08:00:00.123+02:00', '2026-11-20T06:00:00.123Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('%j is %s', (text, iso) => {
    expect(parseTime('--created-after', text).toISOString()).toBe(iso);
  });

  test.each(['2026-11-20T08:00:00', '2026-02-30', '2025-02-29', '20261120', '2026-11-20T25:00:00Z', '2026-11-20 08:00Z', 'yesterday', ''])(
    '%j is refused: a date, or a time with its zone',
    (text) => {
      expect(() => parseTime('--created-after', text)).toThrow(UsageError);
      expect(() => parseTime('--created-after', text)).toThrow(`Invalid --created-after '${text}'. Expected an ISO 8601 date or time with its zone`);
    },
  );
});

describe('globMatcher', () => {
  const matches = (glob: string, path: string): boolean => globMatcher(glob)(path);

  test('braces may hold globs: {a*,b} is a* or b', () => {
    for (const path of ['a.json', 'abc.json', 'b.json']) expect(matches('{a*,b}.json', path)).toBe(true);
    for (const path of ['bc.json', 'c.json', 'x/a.json']) expect(matches('{a*,b}.json', path)).toBe(false);
    expect(matches('{index.js,functions/*.js}', 'functions/one.js')).toBe(true);
    expect(matches('{index.js,functions/*.js}', 'functions/deep/one.js')).toBe(false);
    expect(matches('order-{1..3}.json', 'order-2.json')).toBe(true);
    expect(matches('order-{1..3}.json', 'order-4.json')).toBe(false);
  });

  test('an escaped \\* or \\? is the character itself', () => {
    expect(matches('\\*.json', '*.json')).toBe(true);
    expect(matches('\\*.json', 'a.json')).toBe(false);
    expect(matches('a\\?.json', 'a?.json')).toBe(true);
    expect(matches('a\\?.json', 'ab.json')).toBe(false);
    expect(matches('\\[1\\].json', '[1].json')).toBe(true);
  });

  test('* and ? stay within a folder, ** crosses any number of folders', () => {
    expect(matches('*.json', 'a.json')).toBe(true);
    expect(matches('*.json', 'x/a.json')).toBe(false);
    expect(matches('?.json', 'a.json')).toBe(true);
    expect(matches('?.json', 'ab.json')).toBe(false);
    expect(matches('?/a.json', 'x/a.json')).toBe(true);
    expect(matches('**/*.json', 'a.json')).toBe(true);
    expect(matches('**/*.json', 'x/y/a.json')).toBe(true);
    expect(matches('a/**/b.json', 'a/b.json')).toBe(true);
    expect(matches('a/**/b.json', 'a/x/y/b.json')).toBe(true);
    expect(matches('a/**/b.json', 'ab.json')).toBe(false);
    expect(matches('**', 'x/y/a.json')).toBe(true);
  });

  test('character classes: sets, ranges, negation with ! or ^, POSIX classes', () => {
    expect(matches('[ab].json', 'a.json')).toBe(true);
    expect(matches('[ab].json', 'c.json')).toBe(false);
    expect(matches('[a-c].json', 'b.json')).toBe(true);
    expect(matches('[!ab].json', 'a.json')).toBe(false);
    expect(matches('[!ab].json', 'c.json')).toBe(true);
    expect(matches('[^ab].json', 'c.json')).toBe(true);
    expect(matches('[[:digit:]].json', '7.json')).toBe(true);
    expect(matches('[[:digit:]].json', 'x.json')).toBe(false);
    expect(matches('[abc', '[abc')).toBe(true);
  });

  test('parentheses, quotes and a leading ! are plain characters', () => {
    expect(matches('order (1)*.json', 'order (1).json')).toBe(true);
    expect(matches('*(1).json', 'x(1).json')).toBe(true);
    expect(matches('*(1).json', 'x1.json')).toBe(false);
    expect(matches('+(a).json', '+(a).json')).toBe(true);
    expect(matches('"a"*.json', '"a"b.json')).toBe(true);
    expect(matches('"a"*.json', 'ab.json')).toBe(false);
    expect(matches('!a.json', '!a.json')).toBe(true);
    expect(matches('!a.json', 'b.json')).toBe(false);
  });

  test('names are matched in their letter case', () => {
    expect(matches('*.JSON', 'a.json')).toBe(false);
  });
});

describe('globPattern', () => {
  test('the platform separator becomes /: on Windows a backslash separates folders', () => {
    expect(globPattern('histories\\prod\\*.json', '\\')).toBe('histories/prod/*.json');
    expect(globPattern('C:\\histories\\**\\*.json', '\\')).toBe('C:/histories/**/*.json');
    expect(globPattern('histories/prod/*.json', '\\')).toBe('histories/prod/*.json');
  });

  test('elsewhere a backslash escapes, and the glob is kept as written', () => {
    expect(globPattern('histories/\\*.json', '/')).toBe('histories/\\*.json');
  });
});

describe('retryAfter', () => {
  test('seconds, in milliseconds', () => {
    expect(retryAfter('120')).toBe(120_000);
    expect(retryAfter('1.5')).toBe(1500);
    expect(retryAfter('0')).toBe(0);
    expect(retryAfter('-5')).toBe(0);
  });

  test('the first of several values', () => {
    expect(retryAfter(['3', '5'])).toBe(3000);
  });

  test('an HTTP date: the time until then, never below 0', () => {
    const inAMinute = retryAfter(new Date(Date.now() + 60_000).toUTCString())!;
    expect(inAMinute).toBeGreaterThan(58_000);
    expect(inAMinute).toBeLessThanOrEqual(60_000);
    expect(retryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
  });

  test('absent or unreadable: undefined', () => {
    expect(retryAfter(undefined)).toBeUndefined();
    expect(retryAfter('')).toBeUndefined();
    expect(retryAfter([])).toBeUndefined();
    expect(retryAfter('soon')).toBeUndefined();
    expect(retryAfter('Infinity')).toBeUndefined();
  });
});

describe('escapeXml', () => {
  test('&, < and > are escaped; quotes are left to attributes', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  test('characters XML 1.0 does not allow are dropped; tab, newline and CR stay', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\u007Fe')).toBe('abcd\u007Fe');
    expect(escapeXml('x\ty\nz\r')).toBe('x\ty\nz\r');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    expect(escapeXml('\uFFFE\uFFFF')).toBe('');
  });

  test('text outside the Basic Multilingual Plane stays whole', () => {
    expect(escapeXml('order 😀 𝄞')).toBe('order 😀 𝄞');
  });
});
