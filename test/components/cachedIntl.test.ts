import { describe, expect, it } from 'vitest';
import { cachedIntl } from '../../src/components/internal/cachedIntl.js';

describe('cachedIntl', () => {
  it('reuses one formatter for equal options, whatever the order of their keys', () => {
    const first = cachedIntl('DateTimeFormat', 'en-GB', { month: 'short', day: 'numeric' });
    expect(cachedIntl('DateTimeFormat', 'en-GB', { day: 'numeric', month: 'short' })).toBe(first);
  });

  it('makes a new formatter when the options differ, so a cached one never formats with the wrong options', () => {
    const short = cachedIntl('DateTimeFormat', 'en-GB', { weekday: 'short' });
    const long = cachedIntl('DateTimeFormat', 'en-GB', { weekday: 'long' });
    expect(long).not.toBe(short);
    const monday = Date.UTC(2024, 2, 11, 12);
    expect(short.format(monday)).toBe('Mon');
    expect(long.format(monday)).toBe('Monday');
  });

  it('keeps formatters of different locales and types apart', () => {
    const options = { year: 'numeric' } as const;
    expect(cachedIntl('DateTimeFormat', 'ja', options)).not.toBe(cachedIntl('DateTimeFormat', 'en', options));
    expect(cachedIntl('PluralRules', 'en')).toBeInstanceOf(Intl.PluralRules);
    expect(cachedIntl('PluralRules', 'en').select(1)).toBe('one');
  });

  it('falls back to English for an invalid locale tag instead of throwing', () => {
    const rules = cachedIntl('PluralRules', 'not a tag!');
    expect(rules.resolvedOptions().locale).toBe('en');
    expect(cachedIntl('DateTimeFormat', 'not a tag!', { weekday: 'long' }).format(Date.UTC(2024, 2, 11, 12))).toBe('Monday');
  });
});
