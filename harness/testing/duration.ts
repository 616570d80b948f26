/** Durations the local runtime takes in advance() and run({ until }): '250ms', '90s', '15m', '72h', '10d', or combinations ('1d12h'). */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const trimmed = text.trim();
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*/i;
  for (let match = part.exec(rest); match; match = part.exec(rest)) {
    total += Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
    rest = rest.slice(match[0].length);
  }
  if (rest !== '' || trimmed === '') {
    throw new RangeError(`'${text}' is not a duration: expected a number of milliseconds or a text such as '250ms', '90s', '15m', '72h', '10d' or '1d12h'.`);
  }
  return total;
}
