import { enMessages, type MessageId } from '../../src/components/internal/i18n.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';

const TABLES: Record<string, Readonly<Partial<Record<string, string>>> | undefined> = { 'zh-CN': zhCNMessages, ja: jaMessages, ar: arMessages };

/**
 * The kit's strings in the story's locale, for play functions: they find elements by role and by these strings,
 * never by English text, so they pass whichever locale the toolbar is on. The locale is chosen as the preview's
 * decorator chooses it (`auto`: Arabic in right-to-left, English otherwise).
 */
export function storyMessages(globals: Record<string, unknown>): (id: MessageId, values?: Record<string, string | number>) => string {
  const chosen = typeof globals.locale === 'string' ? globals.locale : 'auto';
  const locale = chosen !== 'auto' ? chosen : globals.direction === 'rtl' ? 'ar' : 'en';
  const table = TABLES[locale];
  return (id, values) =>
    (table?.[id] ?? enMessages[id]).replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));
}
