'use client';
import { createContext, useContext } from 'react';
import type { InboxStore } from '../core/store.js';

/** The store of the nearest `<InboxProvider>`. */
export const InboxStoreContext = createContext<InboxStore | null>(null);

/** A BCP 47 tag for dates and plural rules; the kit ships string tables for `en` (built in), `zh-CN` and `ja`. */
export type InboxLocale = 'en' | 'zh-CN' | 'ja' | (string & {});

export interface InboxLocaleValue {
  locale: InboxLocale;
  /** Overrides of built-in strings, keyed by message id (e.g. `list.empty`). */
  messages?: Readonly<Record<string, string>>;
}

export const InboxLocaleContext = createContext<InboxLocaleValue>({ locale: 'en' });

/**
 * The store to use: the explicit one when given, else the provider's. Throws, naming the hook, when there is neither.
 */
export function useInboxStore(store?: InboxStore, hookName = 'useInboxStore'): InboxStore {
  const fromContext = useContext(InboxStoreContext);
  const resolved = store ?? fromContext;
  if (!resolved) {
    throw new Error(`[inboxkit] ${hookName} must be used within <InboxProvider>, or be given a store explicitly.`);
  }
  return resolved;
}

/** The locale and string overrides of the nearest provider (`en` without one). */
export function useInboxLocale(): InboxLocaleValue {
  return useContext(InboxLocaleContext);
}
