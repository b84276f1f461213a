import { enMessages, type MessageId, type PluralMessageBase } from '../../src/components/internal/i18n.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';

const TABLES: Record<string, Readonly<Partial<Record<string, string>>> | undefined> = { 'zh-CN': zhCNMessages, ja: jaMessages, ar: arMessages };

type Values = Record<string, string | number>;

/** The kit's strings in one locale, for play functions. */
export interface StoryMessages {
  (id: MessageId, values?: Values): string;
  /** The story's locale tag (`en`, `zh-CN`, `ja`, `ar`). */
  locale: string;
  /** A counted message in the locale's plural form, as the kit picks it (`Intl.PluralRules`; Arabic has six). */
  plural: (base: PluralMessageBase, count: number) => string;
}

const fill = (template: string, values?: Values) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));

/**
 * The kit's strings in the story's locale, for play functions: they find elements by role and by these strings,
 * never by English text, so they pass whichever locale the toolbar is on. The locale is chosen as the preview's
 * decorator chooses it (`auto`: Arabic in right-to-left, English otherwise). Text that comes from a story's data
 * (titles, previews, group names) is the same in every locale and may be matched as it is.
 */
export function storyMessages(globals: Record<string, unknown>): StoryMessages {
  const chosen = typeof globals.locale === 'string' ? globals.locale : 'auto';
  const locale = chosen !== 'auto' ? chosen : globals.direction === 'rtl' ? 'ar' : 'en';
  const table = TABLES[locale];
  const t = ((id: MessageId, values?: Values) => fill(table?.[id] ?? enMessages[id], values)) as StoryMessages;
  t.locale = locale;
  t.plural = (base, count) => {
    const category = new Intl.PluralRules(locale).select(count);
    const extra = category !== 'one' && category !== 'other' ? table?.[`${base}.${category}`] : undefined;
    return extra !== undefined ? fill(extra, { count }) : t(category === 'one' ? `${base}.one` : `${base}.other`, { count });
  };
  return t;
}
