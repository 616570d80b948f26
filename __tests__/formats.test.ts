/** The JUnit and SARIF renderings of a real replay report (the example app and its histories). */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReplay } from '../harness/replay/run.js';
import type { ReplayReport, ReplayResult } from '../harness/replay/result.js';
import { summarize } from '../harness/replay/result.js';
import { renderJunit } from '../harness/report/junit.js';
import { renderSarif } from '../harness/report/sarif.js';
import { VERSION } from '../src/version.js';
import { repoRoot } from './helpers/apps.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(raw: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bare & in ${JSON.stringify(raw)}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** A strict little parser for the XML subset the renderer writes; throws on anything not well-formed. */
function parseXml(xml: string): Element {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('a character XML 1.0 forbids');
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(prolog)) throw new Error('no XML declaration');
  const stack: Element[] = [];
  let root: Element | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/y;
  let pos = prolog.length;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text.includes('>')) throw new Error(`raw > in text near ${pos}`);
    if (stack.length) stack.at(-1)!.text += decode(text);
    else if (text.trim()) throw new Error('text outside the root element');
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    pos = tag.lastIndex;
    const [, close, name, rawAttrs, selfClose] = m;
    if (close) {
      if (stack.pop()?.name !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = decode(a[2]!);
    }
    const element: Element = { name: name!, attrs, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('two root elements');
    else root = element;
    if (!selfClose) stack.push(element);
  }
  if (stack.length || !root) throw new Error('unclosed elements');
  return root;
}

const all = (e: Element, name: string): Element[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: { name: string; version: string; rules: { id: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] };
    };
    results: SarifResult[];
  }[];
}

const cwd = repoRoot;
const ORCHESTRATORS = 'examples/order-app-next/src/functions/orchestrators.ts';
let report: ReplayReport;
beforeAll(async () => {
  report = await runReplay({ app: 'examples/order-app-next', histories: ['examples/histories'], cwd, userOutput: 'ignore' });
});

describe('JUnit XML', () => {
  test('is well-formed, counts match the summary, and the failure says where and why', () => {
    const xml = renderJunit(report, { cwd });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ name: 'durable-gate replay', tests: '7', failures: '4', errors: '0' });
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['ProcessOrder', 'ApproveOrder', 'ReminderOrder']);
    expect(suites[0]!.attrs).toMatchObject({ tests: '5', failures: '4', errors: '0' });
    const cases = all(root, 'testcase');
    expect(cases).toHaveLength(report.summary.total);
    const broken = cases.find((c) => c.attrs.name === 'order-1002')!;
    expect(broken.attrs).toMatchObject({ classname: 'durable-gate.ProcessOrder', file: 'examples/histories/order-1002.json' });
    const [failure] = all(broken, 'failure');
    expect(failure!.attrs.type).toBe('nondeterministic');
    expect(failure!.attrs.message).not.toContain('\n');
    expect(failure!.attrs.message).toContain(`${ORCHESTRATORS}:39`);
    expect(failure!.text).toContain(`${ORCHESTRATORS}:39`);
    expect(failure!.text).toContain("recorded TaskScheduled 'ReserveItem'");
    expect(failure!.text).toContain("replayed CallActivity 'CheckFraud'");
    expect(failure!.text).toContain('Non-Deterministic workflow detected');
    expect(failure!.text).toContain('context.df.version');
    expect(all(root, 'failure')).toHaveLength(4);
    expect(
      all(
        cases.find((c) => c.attrs.name === 'order-1001')!,
        'failure',
      ),
    ).toHaveLength(0);
    // Payload values from the histories never show.
    expect(xml).not.toContain('customer-order-1002');
    expect(xml).not.toContain('SKU-100');
    expect(xml).not.toContain(repoRoot);
  });

  test('escapes attributes and text, and drops characters XML 1.0 forbids', () => {
    const id = `a<b>&"c'\u0001]]>`;
    const original = report.results.find((r) => r.verdict === 'nondeterministic')!;
    const result: ReplayResult = {
      ...original,
      instanceId: id,
      orchestrator: 'P&Q',
      divergence: { ...original.divergence!, message: 'bad \u0000\u001b[31m<msg> & "x"\r\nnext' },
    };
    const xml = renderJunit({ ...report, results: [result], summary: summarize([result]) }, { cwd });
    const root = parseXml(xml);
    const [testcase] = all(root, 'testcase');
    expect(testcase!.attrs.name).toBe(`a<b>&"c']]>`);
    expect(testcase!.attrs.classname).toBe('durable-gate.P&Q');
    expect(all(root, 'failure')[0]!.text).toContain(`a<b>&"c']]> (P&Q)`);
    // Control characters are shown escaped (text.ts printable), so none reaches the XML raw.
    expect(all(root, 'failure')[0]!.text).toContain('bad \\u0000\\u001b[31m<msg> & "x"\\u000d');
  });
});

describe('SARIF', () => {
  test('has what GitHub code scanning requires, one result per distinct problem, at the source line', () => {
    const text = renderSarif(report, { cwd, version: VERSION });
    const sarif = JSON.parse(text) as Sarif;
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const { driver } = sarif.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'durable-gate', version: VERSION });
    expect(driver.rules.map((r) => r.id)).toEqual(['durable-gate/nondeterministic', 'durable-gate/replay-failure', 'durable-gate/unreadable-history']);
    const rule = driver.rules[0]!;
    expect(rule.defaultConfiguration.level).toBe('error');
    for (const way of ['Drain', 'task hub', 'new name', 'defaultVersion', 'context.df.version']) expect(rule.help.markdown).toContain(way);
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result!.ruleId).toBe('durable-gate/nondeterministic');
    expect(result!.level).toBe('error');
    expect(result!.message.text).toContain('4 in-flight instances');
    expect(result!.message.text).toContain('order-1002');
    expect(result!.message.text).toContain("recorded TaskScheduled 'ReserveItem'");
    expect(result!.message.text).toContain("replayed CallActivity 'CheckFraud'");
    expect(result!.message.text).toContain('Non-Deterministic workflow detected');
    expect(result!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: ORCHESTRATORS, uriBaseId: '%SRCROOT%' },
      region: { startLine: 39, startColumn: 22 },
    });
    expect(Object.values(result!.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}:1$/);
    // Stable across runs: a second render, and a report whose line moved, fingerprint alike.
    const again = JSON.parse(renderSarif(report, { cwd, version: VERSION })) as Sarif;
    expect(again.runs[0]!.results[0]!.partialFingerprints).toEqual(result!.partialFingerprints);
    const moved = structuredClone(report);
    for (const r of moved.results) if (r.divergence?.location) r.divergence.location.line += 3;
    const afterMove = JSON.parse(renderSarif(moved, { cwd, version: VERSION })) as Sarif;
    expect(afterMove.runs[0]!.results[0]!.partialFingerprints).toEqual(result!.partialFingerprints);
    expect(text).not.toContain(repoRoot);
    expect(text).not.toContain('customer-order-1002');
  });
});

describe('a history that cannot be read', () => {
  test('is a JUnit <error> and a warning-level SARIF result located at the history file', async () => {
    const dir = join(repoRoot, 'node_modules', '.cache', 'durable-gate-tests', 'formats');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'broken.json'), '{ "schema": "durable-gate.history/v1", "history": [ oops');
    const bad = await runReplay({
      app: 'examples/order-app-next',
      histories: ['examples/histories/order-1001.json', join(dir, 'broken.json')],
      cwd,
      userOutput: 'ignore',
    });
    expect(bad.summary).toMatchObject({ total: 2, ok: 1, error: 1 });
    const file = 'node_modules/.cache/durable-gate-tests/formats/broken.json';

    const root = parseXml(renderJunit(bad, { cwd }));
    expect(root.attrs).toMatchObject({ tests: '2', failures: '0', errors: '1' });
    const [error] = all(root, 'error');
    expect(error!.attrs.type).toBe('error');
    expect(error!.attrs.message).toMatch(/^could not be checked: /);
    expect(error!.text).toContain(file);
    const errorCase = all(root, 'testcase').find((c) => all(c, 'error').length > 0)!;
    expect(errorCase.attrs).toMatchObject({ name: file, file });

    const sarif = JSON.parse(renderSarif(bad, { cwd, version: VERSION })) as Sarif;
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(1);
    expect(results[0]!.ruleId).toBe('durable-gate/unreadable-history');
    expect(results[0]!.level).toBe('warning');
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
  });
});
