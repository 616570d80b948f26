/** Option values shared by the commands, parsed once with messages that quote the bad value. */
import { UsageError } from '../../harness/errors.js';
import { ALL_STATUSES, IN_FLIGHT_STATUSES } from '../taskhub/azure-tables.js';

// Kept apart so that replay parses durations without loading the Azure SDKs.
export { parseDuration } from './duration.js';

export function parseStatuses(option: string, values: string[] | undefined): string[] {
  if (!values || values.length === 0) return [...IN_FLIGHT_STATUSES];
  if (values.every((v) => v.split(',').every((part) => part.trim() === ''))) {
    throw new UsageError(
      `Invalid ${option} '${values.join(',')}': it names no status. Expected one or more of ${ALL_STATUSES.join(', ')}, separated by commas, or leave ${option} out for the in-flight ones.`,
    );
  }
  const out: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const value = raw.trim();
    if (!value) continue;
    const match = ALL_STATUSES.find((s) => s.toLowerCase() === value.toLowerCase());
    if (!match) throw new UsageError(`Invalid ${option} '${value}'. Expected one or more of ${ALL_STATUSES.join(', ')}, separated by commas.`);
    if (!out.includes(match)) out.push(match);
  }
  return out;
}

/** Strict ISO 8601: a date (read as UTC midnight) or a date-time with Z or an offset. */
export function parseTime(option: string, text: string): Date {
  const match = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.exec(text.trim());
  const invalid = new UsageError(`Invalid ${option} '${text}'. Expected an ISO 8601 date or time with its zone, such as 2026-11-20 or 2026-11-20T08:00:00Z.`);
  if (!match || (match[4] !== undefined && match[7] === undefined)) throw invalid;
  const [, y, m, d] = match;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) throw invalid;
  const time = Date.parse(match[4] === undefined ? `${text.trim()}T00:00:00Z` : text.trim());
  if (Number.isNaN(time)) throw invalid;
  return new Date(time);
}

export function parseCount(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`Invalid ${option} '${text}'. Expected a whole number of 1 or more.`);
  return Number(text);
}

/** Never print a secret: keys, SAS signatures, tokens, whole connection strings. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('***');
  return out
    .replace(/(AccountKey=)[^;\s]+/gi, '$1***')
    .replace(/(SharedAccessSignature=)[^;\s]+/gi, '$1***')
    .replace(/([?&]sig=)[^&\s]+/gi, '$1***')
    .replace(/(Bearer\s+)[A-Za-z0-9._-]+/g, '$1***');
}

// Instance ids come from callers: shown with control characters escaped, never raw.
export { printable } from '../../harness/report/text.js';

/** gate --wait-for: every instance in flight (all), or only those the new code breaks (breaking). */
export function parseWaitFor(option: string, text: string | undefined): 'all' | 'breaking' {
  const value = (text || 'all').toLowerCase();
  if (value !== 'all' && value !== 'breaking')
    throw new UsageError(`Invalid ${option} '${text}'. Expected all (every instance in flight) or breaking (only those the new code breaks; needs the app).`);
  return value;
}

/** A report format on stdout for the deployment commands: text (default) or json. */
export function parseFormat(option: string, text: string | undefined): 'text' | 'json' {
  const value = text ?? 'text';
  if (value !== 'text' && value !== 'json') throw new UsageError(`Invalid ${option} '${value}'. Expected text or json.`);
  return value;
}
