/**
 * The durable-functions SDK's own orchestrator tests (test/integration/orchestrator-spec.ts of
 * Azure/azure-functions-durable-js, MIT License, Copyright (c) 2017 Microsoft), converted by
 * scripts/sdk-corpus.mjs into __tests__/fixtures/sdk-corpus: each history, replayed through the
 * SDK with the orchestrator the spec pairs it with, gets the verdict the runtime would reach; the
 * mutations (orchestrators changed the way a developer might) get DurableTask.Core's own message.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApp, type ReplayApp } from '../harness/app/host.js';
import { describeProblem } from '../harness/index.js';
import type { ReplayResult, Verdict } from '../harness/replay/result.js';
import { repoRoot } from './helpers/apps.js';

interface CorpusCase {
  id: string;
  history: string;
  orchestrator: string;
  expected: Verdict;
  /** Text the instance's failure must hold (what the SDK's spec asserts of the error). */
  errorIncludes?: string;
  /** For a nondeterministic case: the step and the runtime's message. */
  sequenceId?: number;
  message?: string;
}

interface Manifest {
  source: { repository: string; commit: string };
  app: string;
  cases: CorpusCase[];
  mutations: CorpusCase[];
  skipped: { spec: { describe: string[]; it: string }; reason: string }[];
}

const corpus = join(repoRoot, '__tests__', 'fixtures', 'sdk-corpus');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Manifest;
const all = [...manifest.cases, ...manifest.mutations];

let app: ReplayApp | undefined;
const results = new Map<string, ReplayResult>();

beforeAll(async () => {
  app = await loadApp(join(corpus, manifest.app), { userOutput: 'ignore' });
  const replayed = await app.replay(all.map((c) => ({ file: join(corpus, c.history) })));
  all.forEach((c, i) => results.set(c.id, replayed[i]!));
});

afterAll(async () => {
  await app?.close();
});

/** The verdict (and step and message, when the case names them) as the case expects them; the case's id and, when the verdict differs, what durable-gate said. */
function check(c: CorpusCase): void {
  const result = results.get(c.id);
  expect(result).toBeDefined();
  const r = result!;
  const divergence = c.sequenceId === undefined ? {} : { sequenceId: r.divergence?.sequenceId, message: r.divergence?.message };
  expect({ case: c.id, verdict: r.verdict, ...divergence, ...(r.verdict === c.expected ? {} : { said: describeProblem(r) }) }).toEqual({
    case: c.id,
    verdict: c.expected,
    ...(c.sequenceId === undefined ? {} : { sequenceId: c.sequenceId, message: c.message }),
  });
  if (c.errorIncludes !== undefined)
    expect({ case: c.id, failure: r.failure?.runtimeMessage }).toEqual({ case: c.id, failure: expect.stringContaining(c.errorIncludes) });
}

describe('orchestrator-spec.ts cases', () => {
  test.each(manifest.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => check(c));
});

describe('mutations', () => {
  test.each(manifest.mutations.map((c) => [c.id, c] as const))('%s', (_id, c) => check(c));
});

test('every history file is a case, and every skipped spec case says why', () => {
  const files = readdirSync(join(corpus, 'histories')).map((f) => `histories/${f}`);
  expect(files.sort()).toEqual(all.map((c) => c.history).sort());
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  for (const s of manifest.skipped) expect({ it: s.spec.it, reason: s.reason.length > 20 }).toEqual({ it: s.spec.it, reason: true });
});

// A developer check: CI has no copy of the SDK repository, so this runs only where one is.
const mirror = process.env.DURABLE_JS_MIRROR ?? '/work/.mirror/Azure+azure-functions-durable-js/repo';
function mirrorHasCommit(): boolean {
  if (!existsSync(mirror)) return false;
  try {
    execFileSync('git', ['-C', mirror, 'cat-file', '-e', `${manifest.source.commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(dir, path)).isFile()) files.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return files;
}

(mirrorHasCommit() ? test : test.skip)('the committed corpus is what scripts/sdk-corpus.mjs makes from the SDK repository', () => {
  const out = mkdtempSync(join(tmpdir(), 'sdk-corpus-'));
  try {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'sdk-corpus.mjs'), '--mirror', mirror, '--rev', manifest.source.commit, '--out', out], {
      stdio: 'pipe',
    });
    const made = filesUnder(out);
    const committed = filesUnder(corpus);
    expect([...committed.keys()].sort()).toEqual([...made.keys()].sort());
    for (const [path, text] of made) expect({ path, text: committed.get(path) }).toEqual({ path, text });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
