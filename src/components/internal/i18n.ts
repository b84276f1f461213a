'use client';
import { useCallback } from 'react';
import { useInboxLocale } from '../../react/context.js';

/** The locales the kit ships strings for. */
export const SHIPPED_LOCALES = ['en', 'zh-CN', 'ja'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** Strings of one component in every shipped locale. Keys are global message ids such as `list.empty`. */
export type MessageTable<K extends string> = Record<ShippedLocale, Record<K, string>>;

/** Picks the shipped locale for a tag: `zh`, `zh-Hans`, `zh-CN` → `zh-CN`; `ja-JP` → `ja`; anything else → `en`. */
export function resolveShippedLocale(locale: string): ShippedLocale {
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('ja')) return 'ja';
  return 'en';
}

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export type Translate<K extends string> = (key: K, values?: Readonly<Record<string, string | number>>) => string;

/**
 * Returns a translator for a component's table in the provider's locale. Provider `messages` override any
 * message by id, so every visible string can be changed.
 */
export function useMessages<K extends string>(table: MessageTable<K>): Translate<K> {
  const { locale, messages } = useInboxLocale();
  const strings = table[resolveShippedLocale(locale)];
  return useCallback(
    (key: K, values?: Readonly<Record<string, string | number>>) => interpolate(messages?.[key] ?? strings[key] ?? table.en[key], values),
    [messages, strings, table],
  );
}
