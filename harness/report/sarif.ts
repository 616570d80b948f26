/**
 * The replay report as SARIF 2.1.0, for GitHub code scanning (github/codeql-action/upload-sarif):
 * each distinct problem is one alert on the line of the call that breaks in-flight instances
 * (or on the history file when there is no such line), with a fingerprint that survives line
 * moves. Keeps to the SARIF subset GitHub documents; no payload values, no absolute paths
 * unless a file lies outside cwd.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
// Types only (@types/sarif, a devDependency): nothing of it is left in the built JavaScript.
import type { ArtifactLocation, Log, MultiformatMessageString, ReportingDescriptor, Result } from 'sarif';
import { displayPath } from '../history/paths.js';
import { problemsOf, type AnyReport, type ReplayResult } from '../replay/result.js';
import { groupProblems, problemLines } from './text.js';

export interface SarifOptions {
  /** Paths are made relative to this folder (the repository root, %SRCROOT%). */
  cwd: string;
  /** durable-gate's version (src/version.ts). */
  version: string;
}

const WAYS_OUT = [
  [
    'Drain',
    'let the affected instances finish on the code that started them before deploying (`durable-gate gate --wait-for breaking` waits for exactly those).',
  ],
  [
    'Side by side',
    'deploy the new code with a new task hub (`extensions.durableTask.hubName` in host.json) and keep the old version running on its hub until its instances finish.',
  ],
  [
    'New orchestrator name',
    'ship the change under a new name (e.g. `ProcessOrderV2`), start new instances with it, and keep the old orchestrator unchanged until its instances finish.',
  ],
  [
    'Orchestration versioning',
    'raise `extensions.durableTask.defaultVersion` in host.json and keep the recorded path for older instances behind a branch on `context.df.version`.',
  ],
] as const;

interface Rule {
  id: string;
  name: string;
  short: string;
  full: string;
  level: 'error' | 'warning';
}

const RULES: Rule[] = [
  {
    id: 'durable-gate/nondeterministic',
    name: 'NondeterministicReplay',
    short: 'The new orchestrator code breaks in-flight instances (nondeterminism).',
    full: 'Replaying a recorded history against the new code schedules a different call (or none) at a recorded step. The Durable Functions runtime fails such instances with a non-deterministic workflow error as soon as they resume on the new code.',
    level: 'error',
  },
  {
    id: 'durable-gate/replay-failure',
    name: 'ReplayFailure',
    short: 'In-flight instances would fail when replayed on the new code.',
    full: 'Replaying a recorded history against the new code fails: the orchestrator throws, calls a function the app no longer registers, is missing, or never returns. Instances in that state would fail or stop making progress after the deployment.',
    level: 'error',
  },
  {
    id: 'durable-gate/unreadable-history',
    name: 'UnreadableHistory',
    short: 'A history could not be read, so it was not checked.',
    full: 'A history file given to durable-gate could not be read or is not a valid orchestration history, so whether the new code keeps that instance working is unknown.',
    level: 'warning',
  },
];

function ruleFor(r: ReplayResult): Rule {
  return RULES[r.verdict === 'nondeterministic' ? 0 : r.verdict === 'failed' ? 1 : 2]!;
}

function help(rule: Rule): MultiformatMessageString & { markdown: string } {
  if (rule.level === 'warning') {
    const text = `${rule.full} Fix the file, or record the history anew (durable-gate record), and replay again.`;
    return { text, markdown: text };
  }
  return {
    text: `${rule.full}\n\nWays out:\n${WAYS_OUT.map(([title, detail], i) => `${i + 1}. ${title}: ${detail.replace(/`/g, '')}`).join('\n')}`,
    markdown: `${rule.full}\n\n**Ways out**\n\n${WAYS_OUT.map(([title, detail], i) => `${i + 1}. **${title}**: ${detail}`).join('\n')}\n\nSee [Versioning in Durable Functions](https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-versioning).`,
  };
}

/** A URI reference for a path: relative to %SRCROOT% when under cwd, else a file: URI. */
function artifact(path: string, cwd: string): ArtifactLocation {
  const shown = displayPath(path, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function renderSarif(report: AnyReport, options: SarifOptions): string {
  const { cwd } = options;
  const seen = new Map<string, number>();
  const results = groupProblems(problemsOf(report)).map((group): Result => {
    const r = group[0]!;
    const rule = ruleFor(r);
    const location = r.divergence?.location ?? r.failure?.location;
    const file = location?.file ?? r.source;
    const ids = group.map((g) => g.instanceId || displayPath(g.source, cwd));
    const who =
      r.verdict === 'error'
        ? `History ${displayPath(r.source, cwd)} could not be checked`
        : `${group.length} in-flight instance${group.length > 1 ? 's' : ''} of '${r.orchestrator || '?'}' (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}) would break`;
    // The first line and the history are said above, unless one instance's history is all that locates it.
    const details = problemLines(r, cwd)
      .slice(1)
      .filter((line) => !line.startsWith('history:') || (group.length === 1 && r.verdict !== 'error'));
    const text = `${who}.\n${details.join('\n')}`;
    // Stable across runs and line moves: what broke and in which file, never a line number.
    const d = r.divergence;
    const what = d
      ? [d.recorded.event, d.recorded.name ?? '', d.replayed?.action ?? '', d.replayed?.name ?? '']
      : [r.failure?.missingFunction?.name ?? '', (r.failure?.message ?? r.error?.message ?? '').replace(/\d+/g, '#')];
    const hash = createHash('sha256')
      .update(JSON.stringify([rule.id, r.orchestrator.toLowerCase(), ...what, displayPath(file, cwd)]))
      .digest('hex')
      .slice(0, 32);
    const region = location ? { startLine: location.line, ...(location.column ? { startColumn: location.column } : {}) } : { startLine: 1 };
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return {
      ruleId: rule.id,
      ruleIndex: RULES.indexOf(rule),
      level: rule.level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: artifact(file, cwd), region } }],
      partialFingerprints: { 'durableGate/v1': `${hash}:${count}` },
      properties: { instances: group.length, instanceIds: ids.slice(0, 20) },
    };
  });
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'durable-gate',
            version: options.version,
            rules: RULES.map((rule): ReportingDescriptor => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              help: help(rule),
              defaultConfiguration: { level: rule.level },
              properties: { tags: ['durable-functions', 'reliability'], precision: 'very-high', 'problem.severity': rule.level },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
