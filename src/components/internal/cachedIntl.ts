type IntlType = 'DateTimeFormat' | 'PluralRules' | 'ListFormat';
type IntlOptions<T extends IntlType> = T extends 'PluralRules'
  ? Intl.PluralRulesOptions
  : T extends 'ListFormat'
    ? Intl.ListFormatOptions
    : Intl.DateTimeFormatOptions;
type IntlInstance<T extends IntlType> = T extends 'PluralRules' ? Intl.PluralRules : T extends 'ListFormat' ? Intl.ListFormat : Intl.DateTimeFormat;
type AnyIntl = Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat;

// Building an Intl object costs far more than a format call, and every visible row formats a time.
const cache = new Map<string, AnyIntl>();

/**
 * The options as a string that is the same for equal options whatever order their keys were written in, so the cache
 * key is derived from the options themselves and cannot disagree with them.
 */
function optionsKey(options: object | undefined): string {
  if (!options) return '';
  return JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A `DateTimeFormat`, `PluralRules` or `ListFormat` for the locale and options, made once; an invalid locale tag falls back to English. */
export function cachedIntl<T extends IntlType>(type: T, locale: string, options?: IntlOptions<T>): IntlInstance<T> {
  const key = `${type}|${locale}|${optionsKey(options)}`;
  let made = cache.get(key);
  if (!made) {
    const Ctor = Intl[type] as new (locale: string, options?: object) => AnyIntl;
    try {
      made = new Ctor(locale, options);
    } catch {
      // A RangeError for a malformed tag (from a user setting or a URL): English rather than a crashed row.
      made = new Ctor('en', options);
    }
    cache.set(key, made);
  }
  return made as IntlInstance<T>;
}
