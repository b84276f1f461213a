import { cachedIntl } from './cachedIntl.js';

/** Which rule formatted a conversation time: `today` → time, `week` → weekday, `year` → month and day, `older` → full date. */
export type TimeRange = 'today' | 'week' | 'year' | 'older';

const format = (locale: string, options: Intl.DateTimeFormatOptions, time: number) =>
  cachedIntl('DateTimeFormat', locale, options).format(time);

const startOfDay = (time: number) => new Date(time).setHours(0, 0, 0, 0);

/**
 * Formats a conversation's time the way inboxes do, through `Intl.DateTimeFormat` for `locale`:
 * today the time, within the last 6 days the weekday, this year month and day, else the full date.
 */
export function formatConversationTime(time: number, now: number, locale: string): { text: string; range: TimeRange } {
  // Calendar days in the local time zone (0 = same day, 1 = yesterday); rounding keeps it DST-safe.
  const days = Math.round((startOfDay(now) - startOfDay(time)) / 86_400_000);
  const range: TimeRange =
    days === 0 ? 'today' : days > 0 && days <= 6 ? 'week' : new Date(time).getFullYear() === new Date(now).getFullYear() ? 'year' : 'older';
  const options: Intl.DateTimeFormatOptions =
    range === 'today'
      ? { hour: 'numeric', minute: '2-digit' }
      : range === 'week'
        ? // CJK weekday names are short in their long form (星期一, 月曜日); the short form would be a lone 月 in Japanese.
          { weekday: /^(zh|ja|ko)\b/i.test(locale) ? 'long' : 'short' }
        : range === 'year'
          ? { month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'numeric', day: 'numeric' };
  return { text: format(locale, options, time), range };
}

/** The full date and time, for a tooltip. */
export function formatFullDateTime(time: number, locale: string): string {
  return format(locale, { dateStyle: 'full', timeStyle: 'short' }, time);
}
