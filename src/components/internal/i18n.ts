'use client';
import { useInboxLocale } from '../../react/context.js';
import { cachedIntl } from './cachedIntl.js';
import { actionsMessages } from './messages/actions.js';
import { batchMessages } from './messages/batch.js';
import { controlsMessages } from './messages/controls.js';
import { groupTabsMessages } from './messages/groupTabs.js';
import { inboxMessages } from './messages/inbox.js';
import { itemMessages } from './messages/item.js';
import { jumpMessages } from './messages/jump.js';
import { listMessages } from './messages/list.js';
import { settingsMessages } from './messages/settings.js';
import { undoMessages } from './messages/undo.js';

/** The locales the kit ships strings for: English built in, the others from `inboxkit/locales/*`. */
export const SHIPPED_LOCALES = ['en', 'zh-CN', 'ja', 'ar'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** Picks the shipped locale for a tag: `zh`, `zh-Hans`, `zh-CN` → `zh-CN`; `ja-JP` → `ja`; `ar-EG` → `ar`; anything else → `en`. */
export function resolveShippedLocale(locale: string): ShippedLocale {
  const lower = locale.toLowerCase();
  return lower.startsWith('zh') ? 'zh-CN' : lower.startsWith('ja') ? 'ja' : /^ar(-|$)/.test(lower) ? 'ar' : 'en';
}

/**
 * Every built-in string of the kit by message id, in English. Components do not read this table: each passes the
 * parts it shows (`messages/*.ts`) to `useMessages`, so an app that imports `ConversationList` alone carries no
 * string of `GroupTabs` or the settings menu. Chinese, Japanese and Arabic tables with the same ids ship as
 * `inboxkit/locales/zh-CN`, `inboxkit/locales/ja` and `inboxkit/locales/ar`, so an app pays only for the languages it
 * imports. Placeholders such as `{name}` are filled in when shown.
 */
export const enMessages =
  // A call marked pure, not a spread: bundlers keep an unused spread (it could run getters), and with it every table.
  /* @__PURE__ */ Object.assign(
    {},
    itemMessages,
    listMessages,
    groupTabsMessages,
    controlsMessages,
    actionsMessages,
    settingsMessages,
    inboxMessages,
    jumpMessages,
    batchMessages,
    undoMessages,
  ) as typeof itemMessages &
    typeof listMessages &
    typeof groupTabsMessages &
    typeof controlsMessages &
    typeof actionsMessages &
    typeof settingsMessages &
    typeof inboxMessages &
    typeof jumpMessages &
    typeof batchMessages &
    typeof undoMessages;

/** A message id (`list.empty`, `groupTabs.create`...). */
export type MessageId = keyof typeof enMessages;
export type ConversationItemMessageId = Extract<MessageId, `item.${string}`>;
export type ConversationListMessageId = Extract<MessageId, `${'list' | 'folded'}.${string}`>;
export type GroupTabsMessageId = Extract<MessageId, `groupTabs.${string}`>;
/** What the group tabs' dialogs and failures show: their own strings, and conversations named as their rows do. */
export type GroupTabsTitleId = GroupTabsMessageId | 'item.systemTitle';
/** The ids of the error texts every control shows (`controls/errorText.ts`). */
export type ErrorMessageId = Extract<MessageId, `controls.${string}`>;
export type ControlsMessageId = Extract<MessageId, `${'pinButton' | 'muteToggle' | 'draftEditor' | 'actions' | 'controls'}.${string}`>;
export type InboxMessageId = Extract<MessageId, `inbox.${string}`>;
export type SettingsMessageId = Extract<MessageId, `settings.${string}`>;

/** A complete table of the kit's strings in one language, for `<InboxProvider messages>`. */
export type MessageTable = Readonly<Record<MessageId, string>>;

type Values = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders. */
function interpolate(template: string, values?: Values): string {
  return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match)) : template;
}

export type Translate<K extends MessageId = MessageId> = (key: K, values?: Values) => string;

/** Some of the English strings: one or more of the tables in `messages/`. */
type EnglishPart = Readonly<Partial<Record<MessageId, string>>>;

/** The keys of each member of a union (`keyof (A | B)` would give only the keys they share). */
type KeysOfEach<T> = T extends unknown ? keyof T : never;

/** The message ids of any of `Parts`. */
type IdsOf<Parts extends readonly EnglishPart[]> = Extract<KeysOfEach<Parts[number]>, MessageId>;

/** The English string of `key` in the first of `parts` that has it; the id itself if none does (never `undefined`). */
function english(parts: readonly EnglishPart[], key: MessageId): string {
  for (const part of parts) {
    const text = part[key];
    if (text !== undefined) return text;
  }
  return key;
}

const warned = new Set<ShippedLocale>();

/** The provider's locale and messages; warns once per language shown in English for want of its table. */
function useLocaleMessages() {
  const localeMessages = useInboxLocale();
  const shipped = resolveShippedLocale(localeMessages.locale);
  if (shipped !== 'en' && !localeMessages.messages && !warned.has(shipped)) {
    warned.add(shipped);
    console.warn(`[inboxkit] English until you pass messages={${shipped.replace('-', '')}Messages} from 'inboxkit/locales/${shipped}'.`);
  }
  return localeMessages;
}

function translator(messages: Readonly<Record<string, string>> | undefined, parts: readonly EnglishPart[]): Translate {
  return (key, values) => interpolate(messages?.[key] ?? english(parts, key), values);
}

/**
 * A translator for the provider's locale, over the ids of the English `parts` a component shows (their strings
 * are the fallback). Provider `messages` override any message by id, so every visible string can be changed.
 */
export function useMessages<Parts extends readonly EnglishPart[]>(...parts: Parts): Translate<IdsOf<Parts>> {
  return translator(useLocaleMessages().messages, parts);
}

/** The messages chosen by a count's plural category: English has `.one` and `.other`; a table may add the others. */
export type PluralMessageBase =
  | 'item.unread'
  | 'folded.count'
  | 'list.newRows'
  | 'batch.selected'
  | 'batch.deleteTitle'
  | 'undo.deleteConversation'
  | 'undo.removeFromGroup'
  | 'undo.setMuteMode'
  | 'undo.markRead'
  | 'undo.setMark';

/**
 * The plural form of a counted message in the provider's locale, through `Intl.PluralRules`. English needs only
 * `{base}.one` and `{base}.other`; a table may add `{base}.zero`, `.two`, `.few` and `.many` (Arabic uses all six).
 * A category the table lacks falls back to `.other` (`.one` for `one`).
 */
export function pluralMessage(
  t: Translate,
  messages: Readonly<Record<string, string>> | undefined,
  category: Intl.LDMLPluralRule,
  base: PluralMessageBase,
  values: Values,
): string {
  const extra = category !== 'one' && category !== 'other' ? messages?.[`${base}.${category}`] : undefined;
  return extra !== undefined ? interpolate(extra, values) : t(category === 'one' ? `${base}.one` : `${base}.other`, values);
}

/** The counted messages whose English forms are among the ids `K`. */
type PluralBaseOf<K extends MessageId> = { [Base in PluralMessageBase]: `${Base}.other` extends K ? Base : never }[PluralMessageBase];

/**
 * A counted message in the provider's locale and messages: `plural('batch.selected', 3)` → "3 selected", over the
 * English `parts` a component shows (as `useMessages`). It exists so components do not each repeat
 * `pluralMessage(t, messages, cachedIntl('PluralRules', locale).select(n), …)`. `values` fill the other
 * placeholders; `{count}` is `n`.
 */
export function usePlural<Parts extends readonly EnglishPart[]>(
  ...parts: Parts
): (base: PluralBaseOf<IdsOf<Parts>>, n: number, values?: Values) => string {
  const { locale, messages } = useLocaleMessages();
  const t = translator(messages, parts);
  return (base, n, values) => pluralMessage(t, messages, cachedIntl('PluralRules', locale).select(n), base, { ...values, count: n });
}
