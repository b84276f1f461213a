'use client';
import { useStore } from 'zustand';
import { useCallback, useMemo } from 'react';
import type { InboxError } from '../core/errors.js';
import type { InboxState, InboxStatus, InboxStore, ListFilter, ListView } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';

export interface ConversationListOptions {
  /** Only conversations with unread messages. @default false */
  unreadOnly?: boolean;
  /** Only conversations with an unread @-mention. @default false */
  mentionsOnly?: boolean;
  /** Only conversations whose title contains this text (case-, width- and kana-insensitive; CJK works). */
  query?: string;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
}

export interface ConversationListResult {
  /**
   * Ordered ids; the same array while the visible order is unchanged. Read in place: `ids.length` and `ids[i]`
   * cost O(log n) at any size, while iterating it (or `map`, spread, ...) builds the plain array once per order.
   */
  ids: readonly ConversationId[];
  /** `loading` until the first page arrives (also during server rendering). */
  status: Exclude<InboxStatus, 'idle'>;
  error: InboxError | undefined;
  hasMore: boolean;
  isLoadingMore: boolean;
  /** Loads the next page; resolves when it arrived. Safe to call repeatedly. */
  loadMore: () => Promise<void>;
}

export { normalizeForSearch } from '../core/search.js';

/** The filter a list's options ask for, or undefined for the whole list. A new object only when a field changes. */
function useFilter(options: ConversationListOptions): ListFilter | undefined {
  const query = options.query?.trim() ?? '';
  const { unreadOnly, mentionsOnly } = options;
  return useMemo(
    () => (unreadOnly || mentionsOnly || query ? { unreadOnly: Boolean(unreadOnly), mentionsOnly: Boolean(mentionsOnly), query } : undefined),
    [unreadOnly, mentionsOnly, query],
  );
}

/**
 * The selector of `useConversationList`'s ids: the list's own array, filtered or not. Filtered orders are kept by
 * the store incrementally, so a change costs the conversation that changed, not a pass over every id.
 */
export function useIdsSelector(groupName: string | undefined, options: ConversationListOptions) {
  const filter = useFilter(options);
  return useCallback((state: InboxState): readonly ConversationId[] => state.lists.ids(groupName, filter), [groupName, filter]);
}

/** The same, as a `ListView` read in place. */
export function useViewSelector(groupName: string | undefined, options: ConversationListOptions) {
  const filter = useFilter(options);
  return useCallback((state: InboxState): ListView => state.lists.view(groupName, filter), [groupName, filter]);
}

/** Load state and paging, shared by the list hooks. */
export function useListState(store: InboxStore): Omit<ConversationListResult, 'ids'> {
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);
  const hasMore = useStore(store, (s) => s.hasMore);
  const isLoadingMore = useStore(store, (s) => s.isLoadingMore);
  const loadMore = useCallback(() => store.getState().actions.loadMore(), [store]);
  return { status: status === 'idle' ? 'loading' : status, error, hasMore, isLoadingMore, loadMore };
}

/**
 * The ordered conversation ids of a group (all conversations when `groupName` is undefined), with load state.
 * Re-renders when the order or the set changes, not when a conversation changes in place.
 */
export function useConversationList(groupName?: string, options: ConversationListOptions = {}): ConversationListResult {
  const store = useInboxStore(options.store, 'useConversationList');
  const ids = useStore(store, useIdsSelector(groupName, options));
  return { ids, ...useListState(store) };
}
