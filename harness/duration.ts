/** Durations as durable-gate takes them, in options and in the testing library: '250ms', '90s', '30m', '2h', '10d', '1h30m'. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or undefined when `text` is not such a duration. */
export function durationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNITS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}
