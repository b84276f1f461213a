/** Which rule formatted a conversation time: `today` → time, `week` → weekday, `year` → month and day, `older` → full date. */
export type TimeRange = 'today' | 'week' | 'year' | 'older';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat(locale, options);
    } catch {
      // an invalid BCP 47 tag from the app must not break the row
      cached = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, cached);
  }
  return cached;
}

function startOfLocalDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Calendar days from `time` to `now` in the local time zone (0 = same day, 1 = yesterday); DST-safe. */
function calendarDaysBetween(time: number, now: number): number {
  return Math.round((startOfLocalDay(now) - startOfLocalDay(time)) / DAY_MS);
}

/** The rule that applies to `time` seen at `now`. */
export function timeRange(time: number, now: number): TimeRange {
  const days = calendarDaysBetween(time, now);
  if (days === 0) return 'today';
  if (days > 0 && days <= 6) return 'week';
  if (new Date(time).getFullYear() === new Date(now).getFullYear()) return 'year';
  return 'older';
}

// CJK weekday names are short in their long form (星期一, 月曜日); the short form would be a lone 月 in Japanese.
function weekdayWidth(locale: string): 'long' | 'short' {
  return /^(zh|ja|ko)\b/i.test(locale) ? 'long' : 'short';
}

/**
 * Formats a conversation's time the way inboxes do, through `Intl.DateTimeFormat` for `locale`:
 * today the time, within the last 6 days the weekday, this year month and day, else the full date.
 */
export function formatConversationTime(time: number, now: number, locale: string): { text: string; range: TimeRange } {
  const range = timeRange(time, now);
  const options: Intl.DateTimeFormatOptions =
    range === 'today'
      ? { hour: 'numeric', minute: '2-digit' }
      : range === 'week'
        ? { weekday: weekdayWidth(locale) }
        : range === 'year'
          ? { month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'numeric', day: 'numeric' };
  return { text: formatter(locale, options).format(time), range };
}

/** The full date and time, for a tooltip. */
export function formatFullDateTime(time: number, locale: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(time);
}
