/**
 * What to do when the new code breaks in-flight instances: the options of Microsoft's guidance
 * (Durable Functions versioning; zero-downtime deployment), said for this change: drain with the
 * gate, deploy side by side under a new task hub, ship the change under a new orchestrator name,
 * or use orchestration versioning (host.json defaultVersion and a branch on context.df.version).
 * Also the --require-version-bump policy: a breaking change must move defaultVersion (or a
 * version file) up a minor or major version over the versions the broken instances recorded.
 */
import { readFileSync } from 'node:fs';
import type { DurableHostConfig } from '../app/host-json.js';
import { problemsOf, type AnyReport, type ReplayResult } from '../replay/result.js';

export interface AdviceOption {
  option: 'drain' | 'side-by-side' | 'versioned-name' | 'orchestration-versioning' | 'keep-orchestrator';
  title: string;
  detail: string;
  snippet?: string;
}

export interface Advice {
  /** Orchestrators with broken instances, and how many. */
  broken: { orchestrator: string; instances: number }[];
  options: AdviceOption[];
}

export interface VersionBump {
  required: true;
  /** The version the new code starts instances with (host.json defaultVersion, or the version file). */
  newVersion?: string;
  from: string;
  /** Versions the broken instances were started with ('' when none). */
  recorded: string[];
  ok: boolean;
  message: string;
}

// A perturbed replay's finding is a bug in the code itself (it reads the clock, randomness, the
// environment): draining, a new hub or a new name do not fix it; its own advice says what does.
const breaks = (r: ReplayResult): boolean => (r.verdict === 'nondeterministic' && !r.divergence?.perturbed) || r.verdict === 'failed';

/** Next name in a series: OrderHub → OrderHubV2, OrderHubV2 → OrderHubV3. */
export function nextName(name: string): string {
  const match = /^([\s\S]*?)(?:V(\d+))?$/.exec(name)!;
  return `${match[1]}V${match[2] ? Number(match[2]) + 1 : 2}`;
}

// No semver package: only major and minor are compared, on versions written loosely ("v2", "1.4") that strict semver refuses.
/** major.minor.patch, missing parts 0; undefined when not a version. */
function parseVersion(text: string): number[] | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/** a moved up a minor or major version over b ('' or unparsable b counts as below any version). */
export function movedUp(a: string, b: string): boolean {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x) return false;
  if (!y) return true;
  return x[0]! > y[0]! || (x[0] === y[0] && x[1]! > y[1]!);
}

function suggestVersion(current: string | undefined, recorded: string[]): string {
  const highest = [current ?? '', ...recorded]
    .map(parseVersion)
    .filter((v): v is number[] => v !== undefined)
    .sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!)
    .at(-1);
  return highest ? `${highest[0]}.${highest[1]! + 1}` : '1.0';
}

/** context.df.version came with durable-functions 3.2.0 (DurableOrchestrationContext.version). */
export const DF_VERSION_SINCE = '3.2.0';

/** The app the advice is for: its durable-functions decides whether context.df.version exists. */
export interface AdvisedApp {
  durableFunctionsVersion?: string;
}

/** version is floor or later (a version that does not parse counts as later). */
export function atLeast(version: string, floor: string): boolean {
  const x = parseVersion(version);
  const y = parseVersion(floor)!;
  if (!x) return true;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return true;
}

export function adviseOn(report: AnyReport, host: DurableHostConfig | undefined, appShown: string, app: AdvisedApp = {}): Advice | undefined {
  const broken = problemsOf(report).filter(breaks);
  if (broken.length === 0) return undefined;
  // Instances, not histories: a folder may hold one instance at several points (the local runtime's
  // inFlightHistories(), records taken at different times).
  const instancesOf = new Map<string, Set<string>>();
  for (const r of broken) instancesOf.set(r.orchestrator, (instancesOf.get(r.orchestrator) ?? new Set()).add(r.instanceId || r.source));
  const counts = new Map([...instancesOf].map(([name, ids]) => [name, ids.size]));
  const names = [...counts.keys()];
  const brokenInstances = [...counts.values()].reduce((sum, n) => sum + n, 0);
  // An orchestrator the new app no longer has (removed or renamed) has no code to branch in or to version.
  const removed = new Set(broken.filter((r) => r.failure?.missingFunction?.kind === 'orchestration').map((r) => r.orchestrator));
  const changed = names.filter((n) => !removed.has(n));
  const changedBroken = broken.filter((r) => !removed.has(r.orchestrator));
  const recorded = [...new Set(changedBroken.map((r) => r.version ?? ''))];
  const section = host?.section ?? 'extensions.durableTask';
  const hubSetting = /^%([^%]+)%$/.exec(host?.hubName ?? '')?.[1];
  const newHub = hubSetting
    ? `the app setting ${hubSetting} (host.json hubName %${hubSetting}%) set to a new value, such as its current value + "V2"`
    : `${section}.hubName ${host?.hubName ? `"${nextName(host.hubName)}"` : 'set to an explicit, new name'}`;
  // Every place the new code breaks, each once, with its orchestrator.
  const places = new Map<string, string>();
  for (const r of changedBroken) {
    const where = r.divergence?.location ?? r.failure?.location;
    if (where) places.set(`${where.file}:${where.line}`, r.orchestrator);
  }
  const at = [...places].map(([place, orchestrator]) => (changed.length > 1 ? `${place} (${orchestrator})` : place));
  // Every version the broken instances were started with keeps the old path; none means an empty version.
  const condition =
    recorded.length === 1
      ? recorded[0]
        ? `context.df.version === '${recorded[0]}'`
        : '!context.df.version'
      : `[${recorded.map((v) => `'${v}'`).join(', ')}].includes(context.df.version ?? '')`;
  const nextVersion = suggestVersion(host?.defaultVersion, recorded);
  const dfVersion = app.durableFunctionsVersion;
  const upgrade =
    dfVersion && !atLeast(dfVersion, DF_VERSION_SINCE)
      ? `This app's durable-functions is ${dfVersion}, which has no context.df.version (it came in ${DF_VERSION_SINCE}): upgrade it first (npm install durable-functions@^3.2, on the v4 programming model). Then set `
      : 'Set ';
  const options: AdviceOption[] = [
    {
      option: 'drain',
      title: 'Drain first',
      detail: `Let the ${brokenInstances} broken instance(s) finish on the code that started them before this code reaches their task hub: durable-gate gate --app ${appShown} --wait-for breaking waits for exactly these and lets the others continue on the new code.`,
    },
    {
      option: 'side-by-side',
      title: 'Side by side',
      detail: `Deploy this version with a new task hub (${newHub}): new instances start there, and the previous version keeps its hub (in another app or slot) until its instances finish.`,
    },
  ];
  if (removed.size > 0) {
    const gone = [...removed];
    options.push({
      option: 'keep-orchestrator',
      title: gone.length > 1 ? 'Keep the removed orchestrators' : 'Keep the removed orchestrator',
      detail: `The new app has no ${gone.map((n) => `'${n}'`).join(', ')}: keep ${gone.length > 1 ? 'them' : 'it'} registered, as recorded, until ${gone.length > 1 ? 'their' : 'its'} ${gone.reduce((sum, n) => sum + counts.get(n)!, 0)} in-flight instance(s) finish. A rename is a removal for instances already running: register the new name beside the old one and start new instances with the new name. Or terminate those instances deliberately.`,
    });
  }
  if (changed.length > 0) {
    options.push(
      {
        option: 'versioned-name',
        title: 'New orchestrator name',
        detail: `Ship the change as ${changed.map((n) => `${nextName(n)} (beside ${n})`).join(', ')}, start new instances with the new name, and keep ${changed.join(', ')} as recorded until their in-flight instances finish.`,
      },
      {
        option: 'orchestration-versioning',
        title: 'Orchestration versioning',
        detail: `${upgrade}${section}.defaultVersion in host.json to ${nextVersion} (now ${host?.defaultVersion ?? 'not set'}; the broken instances recorded ${recorded.map((v) => (v === '' ? 'no version' : v)).join(', ')}) and keep the recorded path for older instances with a branch on context.df.version${at.length > 0 ? ` at ${at.join(', ')}` : ''}.`,
        snippet: `if (${condition}) {\n  // the sequence of calls these instances recorded, unchanged\n} else {\n  // the new sequence\n}`,
      },
    );
  }
  return { broken: names.map((orchestrator) => ({ orchestrator, instances: counts.get(orchestrator)! })), options };
}

/** The version a version file names: a JSON file's "version" (package.json), or the file's text. */
export function readVersionFile(path: string): string {
  const text = readFileSync(path, 'utf8').trim();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'string') return parsed;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { version?: unknown }).version === 'string') return (parsed as { version: string }).version;
  } catch {
    // not JSON: the text is the version
  }
  return text;
}

export function checkVersionBump(report: AnyReport, newVersion: string | undefined, from: string): VersionBump | undefined {
  const broken = problemsOf(report).filter(breaks);
  if (broken.length === 0) return undefined;
  const recorded = [...new Set(broken.map((r) => r.version ?? ''))];
  const behind = recorded.filter((v) => !newVersion || !movedUp(newVersion, v));
  const shown = (v: string): string => (v === '' ? 'no version' : v);
  if (behind.length > 0) {
    return {
      required: true,
      ...(newVersion ? { newVersion } : {}),
      from,
      recorded,
      ok: false,
      message: `--require-version-bump: the new code breaks instances started with ${behind.map(shown).join(', ')}, and ${from} ${newVersion ? `says ${newVersion}, which is not a minor or major version above` : 'sets no version above'} ${behind.length > 1 ? 'them' : 'it'}. Raise it (e.g. to ${suggestVersion(newVersion, recorded)}) and keep the old path for those instances with a branch on context.df.version.`,
    };
  }
  return {
    required: true,
    ...(newVersion ? { newVersion } : {}),
    from,
    recorded,
    ok: true,
    message: `${from} moved up to ${newVersion} over ${recorded.map(shown).join(', ')}. Instances started before still run on this code (the runtime lets newer workers continue older instances): the replay above shows whether it keeps their path.`,
  };
}

export function renderAdvice(advice: Advice): string[] {
  const lines = ['', 'What you can do:'];
  advice.options.forEach((o, i) => {
    lines.push(`  ${i + 1}. ${o.title}: ${o.detail}`);
    if (o.snippet) lines.push(...o.snippet.split('\n').map((l) => `       ${l}`));
  });
  return lines;
}
