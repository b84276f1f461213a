'use client';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConversationAdapter } from '../core/adapter.js';
import type { DraftStorage } from '../core/drafts.js';
import { InboxError } from '../core/errors.js';
import { createInboxStore, type InboxErrorContext, type InboxStore, type InboxStoreOptions } from '../core/store.js';
import { InboxLocaleContext, InboxStoreContext, type InboxLocale, type InboxLocaleValue } from './context.js';
import { useConnection } from './useConnection.js';

export interface InboxProviderProps {
  /**
   * The backend. The provider creates one store for it, and a new store when a different adapter is given (an
   * account switch); ignored when `store` is given.
   */
  adapter?: ConversationAdapter;
  /** A store created with `createInboxStore`, for apps that need it outside React. */
  store?: InboxStore;
  /** Extra store options when the provider creates the store (comparator, unread rule, page size...). */
  storeOptions?: Omit<InboxStoreOptions, 'adapter' | 'draftStorage'>;
  /** Where drafts are kept when the backend does not persist them. @default localStorage when available */
  draftStorage?: DraftStorage | null;
  /**
   * Locale for dates, times and plural rules (any BCP 47 tag, through `Intl`). Strings come from `messages`: give
   * `zhCNMessages` (`inboxkit/locales/zh-CN`) or `jaMessages` (`inboxkit/locales/ja`) with `zh-CN` or `ja`.
   * @default 'en'
   */
  locale?: InboxLocale;
  /**
   * The kit's strings by message id, over the built-in English: a whole table (`zhCNMessages`, `jaMessages`) or
   * single overrides (`{ 'list.empty': 'Nothing here yet' }`), or both spread together.
   */
  messages?: Readonly<Record<string, string>>;
  /** Called for every failed command or load, after the optimistic change was rolled back. */
  onError?: (error: InboxError, context: InboxErrorContext) => void;
  children?: ReactNode;
}

/**
 * Provides one inbox (one account): it owns a store, connects the adapter on mount and disconnects on unmount.
 * Two providers share nothing.
 */
export function InboxProvider({ adapter, store: storeProp, storeOptions, draftStorage, locale = 'en', messages, onError, children }: InboxProviderProps) {
  const create = (forAdapter: ConversationAdapter | undefined): InboxStore | null => {
    if (storeProp) return null;
    if (!forAdapter) throw new InboxError('INVALID_ARGUMENT', '<InboxProvider> needs an `adapter` or a `store`.');
    return createInboxStore({ ...storeOptions, adapter: forAdapter, ...(draftStorage !== undefined ? { draftStorage } : {}) });
  };
  const [owned, setOwned] = useState(() => ({ adapter, store: create(adapter) }));
  let ownStore = owned.store;
  // A new adapter (the user switched accounts) gets a new store: nothing of the old account's may show.
  if (!storeProp && owned.adapter !== adapter) {
    ownStore = create(adapter);
    setOwned({ adapter, store: ownStore });
  }
  const store = storeProp ?? ownStore!;

  useConnection(store);

  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });
  useEffect(() => store.onError((error, context) => onErrorRef.current?.(error, context)), [store]);

  const localeValue = useMemo<InboxLocaleValue>(() => ({ locale, messages }), [locale, messages]);
  return (
    <InboxStoreContext.Provider value={store}>
      <InboxLocaleContext.Provider value={localeValue}>{children}</InboxLocaleContext.Provider>
    </InboxStoreContext.Provider>
  );
}
