/** Durations as options take them: 90s, 30m, 2h, 1h30m. */
import { UsageError } from '../../harness/errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "30m", "2h", "1d", "1h30m" -> milliseconds. */
export function parseDuration(option: string, text: string): number {
  const trimmed = text.trim();
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) throw new UsageError(`Invalid ${option} '${text}'. Expected a duration like 90s, 30m, 2h or 1h30m.`);
    total += Number(match[1]) * UNITS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  if (trimmed === '' || total <= 0) throw new UsageError(`Invalid ${option} '${text}'. Expected a duration like 90s, 30m, 2h or 1h30m.`);
  if (total > 24 * 86_400_000) throw new UsageError(`Invalid ${option} '${text}'. Durations up to 24d are supported.`);
  return total;
}
