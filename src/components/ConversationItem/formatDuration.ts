/** Units a duration is said in, largest first, with their length in seconds. */
const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

// Building an Intl object costs far more than a format call, and every visible row with a duration formats one.
const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: string, unit: string, unitDisplay: 'short' | 'long'): Intl.NumberFormat {
  const key = `${locale}|${unit}|${unitDisplay}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = { style: 'unit', unit, unitDisplay };
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      // A malformed locale tag (from a user setting): English rather than a crashed row.
      format = new Intl.NumberFormat('en', options);
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * A duration in whole seconds as people say it, in the largest unit that divides it (300 → "5 min", 86400 →
 * "1 day"), through `Intl.NumberFormat` so that every locale gets its own words: `short` for a row ("5 min", "5分钟"),
 * `long` for a screen reader ("5 minutes"). `''` for anything that is not a positive whole number of seconds.
 */
export function formatDuration(seconds: number | undefined, locale: string, unitDisplay: 'short' | 'long'): string {
  if (seconds === undefined || !Number.isInteger(seconds) || seconds <= 0) return '';
  const [unit, size] = UNITS.find(([, size]) => seconds % size === 0)!;
  return unitFormat(locale, unit, unitDisplay).format(seconds / size);
}
