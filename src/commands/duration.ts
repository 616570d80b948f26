/** Durations as options take them: 90s, 30m, 2h, 1h30m. */
import { durationMs } from '../../harness/duration.js';
import { UsageError } from '../../harness/errors.js';

/** "90s", "30m", "2h", "1d", "1h30m" -> milliseconds, at most 24 days. */
export function parseDuration(option: string, text: string): number {
  const total = durationMs(text);
  if (total === undefined || total <= 0) throw new UsageError(`Invalid ${option} '${text}'. Expected a duration like 90s, 30m, 2h or 1h30m.`);
  if (total > 24 * 86_400_000) throw new UsageError(`Invalid ${option} '${text}'. Durations up to 24d are supported.`);
  return total;
}
